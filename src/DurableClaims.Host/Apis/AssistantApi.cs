using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Host.Http;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary>The claim assistant's routes (<c>/api/claims/{claimId}/conversations…</c>); each handler is <see cref="AssistantHttp"/>, shared with the Functions app.</summary>
public static class AssistantApi
{
    public static RouteGroupBuilder MapAssistantApi(this RouteGroupBuilder api)
    {
        var assistant = api.MapGroup(string.Empty).WithTags("Assistant");
        assistant.MapPost(AssistantRoutes.Conversations, (string claimId, HttpRequest request, ClaimAssistantService service, ClaimsApiService claims, CancellationToken ct)
            => AssistantHttp.CreateAsync(claimId, request, service, claims, ct))
            .WithName(AssistantRoutes.CreateConversationName).DescribesBody<CreateConversationRequest>("application/json")
            .Produces<ConversationInfo>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        assistant.MapGet(AssistantRoutes.Conversations, (string claimId, ClaimAssistantService service, ClaimsApiService claims, CancellationToken ct)
            => AssistantHttp.ListAsync(claimId, service, claims, ct))
            .WithName(AssistantRoutes.ListConversationsName).Produces<ConversationInfo[]>().ProducesProblem(404);
        assistant.MapGet(AssistantRoutes.Conversation, (string claimId, string conversationId, ClaimAssistantService service, ClaimsApiService claims, CancellationToken ct)
            => AssistantHttp.GetAsync(claimId, conversationId, service, claims, ct))
            .WithName(AssistantRoutes.GetConversationName).Produces<ConversationDetail>().ProducesProblem(404);
        assistant.MapDelete(AssistantRoutes.Conversation, (string claimId, string conversationId, ClaimAssistantService service, ClaimsApiService claims, CancellationToken ct)
            => AssistantHttp.DeleteAsync(claimId, conversationId, service, claims, ct))
            .WithName(AssistantRoutes.DeleteConversationName).Produces(204).ProducesProblem(404);
        assistant.MapPost(AssistantRoutes.Messages, (string claimId, string conversationId, HttpRequest request, ClaimAssistantService service, ClaimsApiService claims, CancellationToken ct)
            => AssistantHttp.AskAsync(claimId, conversationId, request, service, claims, ct))
            .WithName(AssistantRoutes.AskName).DescribesBody<AskRequest>("application/json")
            .Produces(200, contentType: "text/event-stream").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        return api;
    }
}
