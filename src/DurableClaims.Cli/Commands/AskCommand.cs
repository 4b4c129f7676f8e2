using System.CommandLine;
using System.Text;
using DurableClaims.Assistant;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Commands;

/// <summary><c>ask &lt;claimId&gt; "question" [--conversation ID]</c>: ask the claim assistant; the answer streams to stdout and is kept in the conversation.</summary>
/// <remarks>Without --conversation a new conversation is started and its id printed, so that a later run (another process) can continue it.</remarks>
internal static partial class AskCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim." };
        var question = new Argument<string>("question") { Description = "The question, e.g. \"why is this claim paused?\"." };
        var conversation = new Option<string?>("--conversation", "-c")
        {
            Description = "Continue this conversation (the id an earlier ask printed); without it a new one is started.",
            HelpName = "ID",
        };
        var command = new Command("ask", "Ask the claim assistant about a claim: status, missing documents, why it was decided, what a document says, the deadline, a draft reply.")
        {
            claimId, question, conversation,
        };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            var text = parseResult.GetValue(question)!;
            await using var client = context.Settings.Server is { } server
                ? (IAssistantClient)new HttpAssistantClient(server, context.Settings.FunctionsKey)
                : await EmbeddedAssistantClient.StartAsync(context.Settings, context.ConfigureLogging, cancellationToken);
            var conversationId = parseResult.GetValue(conversation) ?? ApiResults.Require(await client.CreateAsync(id, cancellationToken)).Id;
            var answer = new StringBuilder();
            var stdout = Console.Out;
            var done = ApiResults.Require(await client.AskAsync(id, conversationId, text, chunk =>
            {
                answer.Append(chunk);
                if (!context.Output.Json)
                {
                    stdout.Write(chunk);
                    stdout.Flush();
                }
            }, cancellationToken));

            if (context.Output.Json)
            {
                context.Output.WriteJson(
                    new AskResult(id, done.ConversationId, done.QuestionId, done.MessageId, answer.ToString(), done.Sources), CliJson.Options);
                return ExitCodes.Success;
            }

            stdout.WriteLine();
            stdout.WriteLine();
            stdout.WriteLine("sources: " + (done.Sources.Count == 0 ? "none" : string.Join(", ", done.Sources.Select(s => s.Kind == AssistantSource.MessageKind ? $"message {s.Id}" : s.Name))));
            stdout.WriteLine($"conversation: {done.ConversationId} (continue with --conversation {done.ConversationId})");
            stdout.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The --json output of one question.</summary>
    /// <param name="ClaimId">The claim.</param>
    /// <param name="ConversationId">The conversation (pass it as --conversation to continue).</param>
    /// <param name="QuestionId">The stored question's id.</param>
    /// <param name="MessageId">The stored answer's id.</param>
    /// <param name="Answer">The answer's text.</param>
    /// <param name="Sources">What the answer used.</param>
    internal sealed record AskResult(string ClaimId, string ConversationId, string QuestionId, string MessageId, string Answer, IReadOnlyList<AssistantSource> Sources);
}
