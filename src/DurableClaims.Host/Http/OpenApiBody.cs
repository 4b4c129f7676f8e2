using Microsoft.OpenApi;

namespace DurableClaims.Host.Http;

/// <summary>Documents a request body read by hand (JSON, Markdown or multipart) without <c>Accepts</c>, whose content-type matching would turn a wrong type into 404 instead of 415.</summary>
public static class OpenApiBody
{
    public static RouteHandlerBuilder DescribesBody<T>(this RouteHandlerBuilder builder, params string[] contentTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            var body = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            foreach (var contentType in contentTypes)
            {
                body.Content[contentType] = contentType.Contains("json", StringComparison.Ordinal)
                    ? new OpenApiMediaType { Schema = schema }
                    : new OpenApiMediaType();
            }

            operation.RequestBody = body;
        });
    }
}
