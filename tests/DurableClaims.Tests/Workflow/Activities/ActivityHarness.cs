using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Tests.Workflow.Activities;

/// <summary>The claims services as <c>AddDurableClaims</c> registers them, on a temp data directory, to run one activity outside the engine.</summary>
internal sealed class ActivityHarness : IDisposable
{
    private readonly TempDirectory _data = new("activities");
    private readonly ServiceProvider _services;

    public ActivityHarness(IChatCompletionService? model = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Claims:DataDirectory"] = _data.Path, ["Claims:PersistSessions"] = "false" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddDurableClaims(configuration);
        if (model is not null)
        {
            services.AddSingleton(model);
        }

        _services = services.BuildServiceProvider();
    }

    public IDocumentStore Documents => _services.GetRequiredService<IDocumentStore>();

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>Stores <paramref name="content"/> as a claim document and returns it as the orchestrator passes it on.</summary>
    public async Task<ReceivedDocument> StoreAsync(string claimId, string type, string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        var stored = await Documents.SaveAsync(claimId, type, type + ".txt", stream);
        return new ReceivedDocument(type, type + ".txt", stored.Location);
    }

    public static TaskActivityContext Context(string claimId) => new FakeContext(claimId);

    public void Dispose()
    {
        _services.Dispose();
        _data.Dispose();
    }

    private sealed class FakeContext(string instanceId) : TaskActivityContext
    {
        public override TaskName Name => new("test");

        public override string InstanceId => instanceId;
    }
}
