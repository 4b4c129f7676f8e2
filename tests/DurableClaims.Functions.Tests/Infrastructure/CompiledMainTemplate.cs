using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Infrastructure;

/// <summary>Compiles infra/main.bicep once per test class (bicep build --stdout).</summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    internal const string MainTemplatePath = "infra/main.bicep";

    internal BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    internal ArmTemplate Template => Build.ExitCode == 0
        ? ArmTemplate.Parse(Build.StandardOutput)
        : throw new InvalidOperationException("infra/main.bicep did not compile:\n" + Build);

    public async Task InitializeAsync() => Build = await BicepCli.RunAsync("build", MainTemplatePath, "--stdout");

    public Task DisposeAsync() => Task.CompletedTask;
}
