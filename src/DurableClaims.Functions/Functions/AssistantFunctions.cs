using DurableClaims.Assistant;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Functions;

/// <summary>The claim assistant's HTTP triggers (the local host maps the same <see cref="AssistantHttp"/> handlers).</summary>
/// <remarks>The answer streams through the worker's ASP.NET Core integration; it is written and stored apart from the request, so an invocation whose client left still stores it.</remarks>
public sealed class AssistantFunctions(ClaimsApiFactory factory, ClaimAssistantService assistant)
{
    /// <summary>POST /api/claims/{claimId}/conversations: start a conversation about a claim.</summary>
    [Function(AssistantRoutes.CreateConversationName)]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = AssistantRoutes.Conversations)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AssistantHttp.CreateAsync(claimId, req, assistant, factory.Api(client), cancellationToken);

    /// <summary>GET /api/claims/{claimId}/conversations: a claim's conversations.</summary>
    [Function(AssistantRoutes.ListConversationsName)]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = AssistantRoutes.Conversations)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AssistantHttp.ListAsync(claimId, assistant, factory.Api(client), cancellationToken);

    /// <summary>GET /api/claims/{claimId}/conversations/{conversationId}: one conversation with its messages.</summary>
    [Function(AssistantRoutes.GetConversationName)]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = AssistantRoutes.Conversation)] HttpRequest req,
        string claimId,
        string conversationId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AssistantHttp.GetAsync(claimId, conversationId, assistant, factory.Api(client), cancellationToken);

    /// <summary>DELETE /api/claims/{claimId}/conversations/{conversationId}: remove a conversation.</summary>
    [Function(AssistantRoutes.DeleteConversationName)]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = AssistantRoutes.Conversation)] HttpRequest req,
        string claimId,
        string conversationId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AssistantHttp.DeleteAsync(claimId, conversationId, assistant, factory.Api(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/conversations/{conversationId}/messages: ask; the answer streams as server-sent events.</summary>
    [Function(AssistantRoutes.AskName)]
    public Task<IResult> AskAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = AssistantRoutes.Messages)] HttpRequest req,
        string claimId,
        string conversationId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AssistantHttp.AskAsync(claimId, conversationId, req, assistant, factory.Api(client), cancellationToken);
}
