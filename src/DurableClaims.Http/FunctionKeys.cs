namespace DurableClaims.Http;

/// <summary>Where a caller puts a function key, as Azure Functions reads it: one rule for the local host's key check, both hosts' links and the CLI.</summary>
public static class FunctionKeys
{
    /// <summary>The header that carries a function key.</summary>
    public const string Header = "x-functions-key";

    /// <summary>The query parameter that carries a function key.</summary>
    public const string Query = "code";
}
