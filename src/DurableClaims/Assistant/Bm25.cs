using System.Buffers;
using System.Globalization;
using System.Text;

namespace DurableClaims.Assistant;

/// <summary>Okapi BM25 over a small set of texts: the offline way to find the earlier messages and documents a question is about.</summary>
/// <remarks>k1 = 1.2, b = 0.75 (the usual values). Terms are lowercase letters and digits, stop words left out, so that
/// "the" or "what" do not make every message relevant.</remarks>
public static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly HashSet<string> StopWords = new(
        [
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "did", "do", "does", "for", "from", "had", "has",
            "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "so",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "us", "was", "we", "were", "what",
            "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "about", "please", "tell", "say",
            "says", "said", "again", "also", "any", "all", "just", "more", "some", "than", "too", "very",
        ],
        StringComparer.Ordinal);

    /// <summary>Scores each of <paramref name="texts"/> against <paramref name="query"/> (0 when no term is shared).</summary>
    public static double[] Score(string query, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var terms = Terms(query).Distinct(StringComparer.Ordinal).ToList();
        var scores = new double[texts.Count];
        if (terms.Count == 0 || texts.Count == 0)
        {
            return scores;
        }

        // One pass per text, counting only the query's terms: long conversations are scored without a list per message.
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        var documents = texts.Select(t => Count(t, wanted)).ToList();
        var averageLength = Math.Max(1.0, documents.Average(d => d.Length));
        foreach (var term in terms)
        {
            var containing = documents.Count(d => d.Frequencies.ContainsKey(term));
            if (containing == 0)
            {
                continue;
            }

            var idf = Math.Log(1 + ((documents.Count - containing + 0.5) / (containing + 0.5)));
            for (var i = 0; i < documents.Count; i++)
            {
                if (documents[i].Frequencies.TryGetValue(term, out var frequency))
                {
                    scores[i] += idf * (frequency * (K1 + 1)) / (frequency + (K1 * (1 - B + (B * documents[i].Length / averageLength))));
                }
            }
        }

        return scores;
    }

    /// <summary>Splits text into lowercase terms (letters and digits; '_' and '-' split words, so <c>police_report</c> is two).</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (Take(word) is { } term)
            {
                yield return term;
            }
        }

        if (Take(word) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>A text's length in terms and how often each of the query's terms occurs in it.</summary>
    /// <remarks>The same terms as <see cref="Terms"/>, read as spans: only the query's terms are looked up, nothing per word is allocated.</remarks>
    private static (int Length, Dictionary<string, int> Frequencies) Count(string text, HashSet<string> query)
    {
        var wanted = query.GetAlternateLookup<ReadOnlySpan<char>>();
        var stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var used = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    buffer[used++] = char.ToLowerInvariant(text[i]);
                    continue;
                }

                if (used == 0)
                {
                    continue;
                }

                ReadOnlySpan<char> word = buffer.AsSpan(0, used);
                used = 0;
                if (stop.Contains(word))
                {
                    continue;
                }

                length++;
                if (word.Length > 3 && word[^1] == 's' && word[^2] != 's')
                {
                    word = word[..^1];
                }

                if (wanted.TryGetValue(word, out var term))
                {
                    frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return (length, frequencies);
    }

    private static string? Take(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var raw = word.ToString();
        word.Clear();
        return StopWords.Contains(raw) ? null : Stem(raw);
    }

    /// <summary>A light plural stem ("reports" → "report", "estimates" → "estimate") so that questions match the documents' names.</summary>
    private static string Stem(string word)
        => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
