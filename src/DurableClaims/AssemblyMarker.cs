namespace DurableClaims;

/// <summary>Marks the DurableClaims assembly (used to locate embedded resources).</summary>
public static class AssemblyMarker;
