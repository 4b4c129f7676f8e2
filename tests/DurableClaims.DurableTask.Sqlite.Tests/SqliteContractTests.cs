using DurableClaims.DurableTask.Testing.Contract;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Tests;

/// <summary>The orchestration-service contract on a SQLite task hub in a fresh folder per test.</summary>
public sealed class SqliteContractTests : OrchestrationServiceContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dc-sqlite-contract-").FullName;

    protected override IOrchestrationService CreateService() =>
        new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = Path.Combine(_directory, "hub.db") });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
