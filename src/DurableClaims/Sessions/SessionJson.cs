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

    /// <summary>Reads JSON Lines, skipping blank and torn lines (a crash mid-write on a local disk can leave one).</summary>
    public static List<T> ReadLines<T>(byte[]? bytes)
    {
        var result = new List<T>();
        if (bytes is null)
        {
            return result;
        }

        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
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
                // A torn last line is dropped; the next save rewrites the file whole.
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

    public static byte[] Gunzip(byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
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
