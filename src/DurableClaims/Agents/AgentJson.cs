using System.Text.Encodings.Web;
using System.Text.Json;

namespace DurableClaims.Agents;

/// <summary>JSON written into the agents' conversation: web names, and text kept readable (no \u escapes) for the model and the transcript.</summary>
internal static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
