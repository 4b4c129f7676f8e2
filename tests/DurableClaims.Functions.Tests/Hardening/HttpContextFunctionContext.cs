using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DurableClaims.Functions.Tests.Hardening;

/// <summary>The invocation context the worker's ASP.NET Core integration hands middleware: only the request's <see cref="HttpContext"/> is real.</summary>
/// <remarks>The integration keeps the request under the item key "HttpRequestContext", where <c>GetHttpContext()</c> reads it.</remarks>
public sealed class HttpContextFunctionContext(HttpContext httpContext) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = httpContext.RequestServices;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = httpContext };

    public override IInvocationFeatures Features => throw new NotSupportedException();
}
