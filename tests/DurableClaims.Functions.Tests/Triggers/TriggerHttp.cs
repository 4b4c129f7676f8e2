using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Functions.Tests.Triggers;

/// <summary>Real ASP.NET Core requests (<see cref="DefaultHttpContext"/>) for the HTTP triggers, and their results executed as the worker executes them.</summary>
/// <param name="requestServices">The request's services (logging and JSON settings for writing results).</param>
public sealed class TriggerHttp(IServiceProvider requestServices)
{
    /// <summary>The host the requests arrive at (loopback, as under <c>func start</c>).</summary>
    public const string BaseUrl = "http://127.0.0.1:7071";

    /// <summary>The function key every request carries, in the query and the header, as a caller may send it.</summary>
    public const string CallerKey = "caller-function-key";

    public HttpRequest Get(string path) => Create("GET", path, null, null);

    public HttpRequest Post(string path, string? contentType, string body) => Create("POST", path, contentType, Encoding.UTF8.GetBytes(body));

    public HttpRequest Post(string path, string? contentType, byte[] body) => Create("POST", path, contentType, body);

    public HttpRequest Json(string path, string json) => Post(path, "application/json", json);

    /// <summary>A multipart/form-data request with one file part per (name, file name, content).</summary>
    public async Task<HttpRequest> MultipartAsync(string path, params (string Name, string FileName, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), name, fileName);
        }

        return Post(path, form.Headers.ContentType!.ToString(), await form.ReadAsByteArrayAsync());
    }

    /// <summary>Executes a trigger's result on its request's context and reads what was written.</summary>
    public static async Task<TriggerResponse> RunAsync(HttpRequest request, IResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var response = request.HttpContext.Response;
        await result.ExecuteAsync(request.HttpContext);
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        return new TriggerResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString(), text, document?.RootElement.Clone());
    }

    private DefaultHttpContext Context(string method, string path)
    {
        var context = new DefaultHttpContext { RequestServices = requestServices };
        var uri = new Uri(BaseUrl + path);
        context.Request.Method = method;
        context.Request.Scheme = uri.Scheme;
        context.Request.Host = new HostString(uri.Host, uri.Port);
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = QueryString.Create("code", CallerKey) + new QueryString(uri.Query);
        context.Request.Headers["x-functions-key"] = CallerKey;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private HttpRequest Create(string method, string path, string? contentType, byte[]? body)
    {
        var request = Context(method, path).Request;
        if (body is not null)
        {
            request.ContentType = contentType;
            request.ContentLength = body.Length;
            request.Body = new MemoryStream(body);
        }

        return request;
    }
}

/// <summary>What a trigger's result wrote: status, content type, Location, the body as text and as JSON (when any).</summary>
public sealed record TriggerResponse(int StatusCode, string? ContentType, string Location, string Text, JsonElement? Json)
{
    public JsonElement Body => Json ?? throw new InvalidOperationException($"The response ({StatusCode}) has no JSON body.");

    public string? Member(string property) => Body.TryGetProperty(property, out var value) ? value.GetString() : null;
}
