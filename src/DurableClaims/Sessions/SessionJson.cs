using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableClaims.Sessions;

/// <summary>Serialization of session files: indented camelCase JSON, JSON Lines, gzip.</summary>
internal static class SessionJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static byte[] ToJson<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Indented);

    public static T? FromJson<T>(byte[]? bytes) => bytes is null || bytes.Length == 0 ? default : JsonSerializer.Deserialize<T>(bytes, Indented);

    /// <summary>Reads JSON Lines, skipping blank and unreadable lines; <paramref name="badLine"/> is told each unreadable line's number (1-based).</summary>
    public static List<T> ReadLines<T>(byte[]? bytes, Action<int>? badLine = null)
    {
        var result = new List<T>();
        if (bytes is null)
        {
            return result;
        }

        var number = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var item = JsonSerializer.Deserialize<T>(line, Compact);
                if (item is not null)
                {
                    result.Add(item);
                }
            }
            catch (JsonException)
            {
                // Skipped, not fatal: one bad line must not hide the rest. The next save rewrites the file whole.
                badLine?.Invoke(number);
            }
        }

        return result;
    }

    public static byte[] WriteLines<T>(IEnumerable<T> items)
    {
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append(JsonSerializer.Serialize(item, Compact)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses gzip, refusing a truncated or damaged stream.</summary>
    /// <exception cref="InvalidDataException">The data is not a complete gzip stream.</exception>
    /// <remarks>
    /// GZipStream ends quietly at a cut, handing back whatever came before it; the trailer's length (ISIZE, the
    /// last four bytes) tells a whole stream from a cut one.
    /// </remarks>
    public static byte[] Gunzip(byte[] bytes)
    {
        if (bytes.Length < 18)
        {
            throw new InvalidDataException($"{bytes.Length} bytes are too few for a gzip stream.");
        }

        using var input = new MemoryStream(bytes);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        if (expected != (uint)output.Length)
        {
            throw new InvalidDataException($"The gzip stream ends after {output.Length} bytes but its trailer records {expected}: it is truncated or damaged.");
        }

        return output.ToArray();
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,

            // Session files are read by people and tools, never embedded in HTML: keep quotes and accents readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The file names of the session layout (design.md §5).</summary>
public static class SessionFiles
{
    public const string Session = "session.json";
    public const string Context = "context.json";
    public const string History = "history.jsonl";
    public const string ArchivedHistory = "history.jsonl.gz";
    public const string Events = "events.jsonl";

    /// <summary>Returns <c>{claimId}/{file}</c>.</summary>
    public static string PathOf(string claimId, string file) => $"{claimId}/{file}";
}
