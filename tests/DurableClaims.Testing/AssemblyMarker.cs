namespace DurableClaims.Testing;

/// <summary>Marks the shared test-support assembly.</summary>
public static class AssemblyMarker;
