using DurableClaims.DurableTask.Testing;
using DurableClaims.DurableTask.Testing.Contract;
using DurableClaims.DurableTask.Testing.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Sqlite.Tests;

/// <summary>A damaged task-hub file is named as such: refused at start, or a <see cref="TaskHubCorruptException"/> when a read meets it.</summary>
public sealed class TaskHubCorruptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dc-sqlite-corrupt-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hub.db");

    [Fact]
    public async Task Open_DamagedPage_ShouldRefuseToStartNamingTheFile()
    {
        await CreateFinishedInstancesAsync();
        DamageInstancesTable();
        await using var service = new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = DatabasePath });

        var error = await Assert.ThrowsAsync<TaskHubCorruptException>(service.CreateIfNotExistsAsync);

        Assert.Equal(DatabasePath, error.DatabasePath);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_ShouldRefuseToStartNamingTheFile()
    {
        await File.WriteAllBytesAsync(DatabasePath, Garbage(8192));
        await using var service = new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = DatabasePath });

        var error = await Assert.ThrowsAsync<TaskHubCorruptException>(service.CreateIfNotExistsAsync);

        Assert.Equal(DatabasePath, error.DatabasePath);
    }

    [Fact]
    public async Task Query_DamagedPageWithoutIntegrityCheck_ShouldThrowTaskHubCorruptNotArgumentException()
    {
        await CreateFinishedInstancesAsync();
        DamageInstancesTable();
        var options = new SqliteOrchestrationServiceOptions { DatabasePath = DatabasePath, IntegrityCheck = SqliteIntegrityCheck.None };
        await using var host = await TaskHubHost.StartAsync(new SqliteOrchestrationService(options));

        // No continuation token is sent: the failure is the file's, and must not read as a bad token (a client error).
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var unused in host.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
            {
            }
        });

        var corrupt = Assert.IsType<TaskHubCorruptException>(error);
        Assert.Equal(DatabasePath, corrupt.DatabasePath);
    }

    [Fact]
    public async Task GetInstance_DamagedPageWithoutIntegrityCheck_ShouldThrowTaskHubCorrupt()
    {
        var id = (await CreateFinishedInstancesAsync())[0];
        DamageInstancesTable();
        var options = new SqliteOrchestrationServiceOptions { DatabasePath = DatabasePath, IntegrityCheck = SqliteIntegrityCheck.None };
        await using var host = await TaskHubHost.StartAsync(new SqliteOrchestrationService(options));

        var error = await Record.ExceptionAsync(() => host.Client.GetInstanceAsync(id));

        Assert.IsType<TaskHubCorruptException>(error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(15).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Finished instances only, so the start-up load (live instances, by the status index) reads no page of the table itself.</summary>
    private async Task<List<string>> CreateFinishedInstancesAsync()
    {
        var ids = new List<string>();
        await using (var host = await TaskHubHost.StartAsync(new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = DatabasePath })))
        {
            var names = Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 300)).ToArray();
            for (var i = 0; i < 30; i++)
            {
                ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetAll), names));
            }

            foreach (var id in ids)
            {
                await Waits.CompletionAsync(host.Client, id);
            }
        }

        // Everything into the main file, so the damage is not masked by a newer copy of the page in the WAL.
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        cmd.ExecuteNonQuery();
        return ids;
    }

    /// <summary>Overwrites the root page of the instances table (a closed file) with garbage, as a torn or bit-rotted write would.</summary>
    private void DamageInstancesTable()
    {
        long page;
        int pageSize;
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'instances'";
            page = (long)cmd.ExecuteScalar()!;
            cmd.CommandText = "PRAGMA page_size";
            pageSize = (int)(long)cmd.ExecuteScalar()!;
        }

        SqliteConnection.ClearAllPools();
        Assert.True(page >= 2, "page 1 holds the schema; the damage is to a data page");
        using var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write);
        file.Seek((page - 1) * pageSize, SeekOrigin.Begin);
        file.Write(Garbage(pageSize));
    }
}
