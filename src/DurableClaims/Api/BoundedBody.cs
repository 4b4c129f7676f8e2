using System.Text;

namespace DurableClaims.Api;

/// <summary>Reads request bodies and uploaded parts up to a size limit, so an oversized one is refused without being buffered whole.</summary>
public static class BoundedBody
{
    /// <summary>Reads a stream to its end; null once it holds more than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadBytesAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a body as UTF-8 text; null when its declared or actual length is over <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadTextAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
        => contentLength > limit || await ReadBytesAsync(body, limit, cancellationToken) is not { } bytes
            ? null
            : Encoding.UTF8.GetString(bytes);
}
