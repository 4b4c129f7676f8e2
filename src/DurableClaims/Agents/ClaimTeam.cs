using DurableClaims.Agents.Plugins;
using DurableClaims.Policies;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Agents;

/// <summary>Runs a group of agents in turn on one case file; each sees the case file and the colleagues who spoke before it.</summary>
public sealed class ClaimTeam
{
    /// <summary>The author name of the case-file message.</summary>
    public const string OrchestratorAuthor = "orchestrator";

    private readonly AgentRunner _runner;
    private readonly PolicyCatalog _catalog;

    /// <summary>Creates the team.</summary>
    public ClaimTeam(AgentRunner runner, PolicyCatalog catalog)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>Gets the model and prompt version the team runs on (see <see cref="AgentRunner.ModelVersion"/>).</summary>
    public string ModelVersion => _runner.ModelVersion;

    /// <summary>Runs <paramref name="agents"/> in order and returns their turns.</summary>
    public async Task<IReadOnlyList<AgentTurn>> RunAsync(IReadOnlyList<ClaimAgent> agents, CaseFile caseFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(caseFile);
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(new PolicyPlugin(_catalog, caseFile.Claim), PolicyPlugin.Name);
        kernel.Plugins.AddFromObject(new RequirementsPlugin(_catalog), RequirementsPlugin.Name);
        var transcript = new List<ChatMessageContent>
        {
            new(AuthorRole.User, caseFile.ToPrompt()) { AuthorName = OrchestratorAuthor },
        };
        var turns = new List<AgentTurn>();
        foreach (var agent in agents)
        {
            var turn = await _runner.RunAsync(agent, transcript, kernel, cancellationToken);
            transcript.Add(new ChatMessageContent(AuthorRole.Assistant, turn.Text) { AuthorName = agent.Name });
            turns.Add(turn);
        }

        return turns;
    }
}
