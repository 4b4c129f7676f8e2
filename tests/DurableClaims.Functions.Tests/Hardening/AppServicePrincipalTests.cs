using System.Text;
using System.Text.Json.Nodes;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Functions;
using DurableClaims.Functions.Hosting;
using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Tests.Hardening;

/// <summary>App Service authentication's X-MS-CLIENT-PRINCIPAL header: the signed-in user is recorded when the app trusts the header, ignored when it does not.</summary>
public sealed class AppServicePrincipalTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    [Fact(Timeout = 60_000)]
    public async Task AddNote_PrincipalHeaderWithAppServiceAuthOn_ShouldRecordTheSignedInUser()
    {
        var claimId = await _app.StartPausedAsync();

        var note = await AddNoteAsync(claimId, enabled: true, Principal("Dana Reviewer"));

        Assert.Equal(StatusCodes.Status200OK, note.StatusCode);
        var data = note.Body.GetProperty("data");
        Assert.Equal(("Dana Reviewer", true), (data.GetProperty("author").GetString(), data.GetProperty("authenticated").GetBoolean()));
    }

    [Fact(Timeout = 60_000)]
    public async Task AddNote_PrincipalHeaderWithAppServiceAuthOff_ShouldIgnoreTheHeader()
    {
        var claimId = await _app.StartPausedAsync();

        var note = await AddNoteAsync(claimId, enabled: false, Principal("Mallory"));

        Assert.Equal(StatusCodes.Status200OK, note.StatusCode);
        var data = note.Body.GetProperty("data");
        Assert.Equal(("ana", false), (data.GetProperty("author").GetString(), data.GetProperty("authenticated").GetBoolean()));
    }

    [Fact(Timeout = 30_000)]
    public async Task AddNote_UnreadablePrincipalHeaderWithAppServiceAuthOn_ShouldAnswer401ProblemDetails()
    {
        var note = await AddNoteAsync("CLM-ANY", enabled: true, Convert.ToBase64String("not json"u8.ToArray()));

        Assert.Equal(StatusCodes.Status401Unauthorized, note.StatusCode);
        Assert.Equal("application/problem+json", note.ContentType);
    }

    /// <summary>The header as App Service authentication writes it for an Entra ID sign-in.</summary>
    private static string Principal(string name)
    {
        var principal = new JsonObject
        {
            ["auth_typ"] = "aad",
            ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ["role_typ"] = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "name", ["val"] = name },
                new JsonObject { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = Guid.NewGuid().ToString() }),
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString()));
    }

    private async Task<TriggerResponse> AddNoteAsync(string claimId, bool enabled, string header)
    {
        var authentication = new AppServiceAuthentication(
            Options.Create(new AppServiceAuthOptions { Enabled = enabled }), NullLogger<AppServiceAuthentication>.Instance);
        var adjusters = new AdjusterFunctions(new ClaimsApiFactory(_app.Host.Services), authentication);
        var request = _app.Http.Json($"/api/claims/{claimId}/notes", """{"author":"ana","text":"Called the customer."}""");
        request.Headers[AppServiceAuthentication.PrincipalHeader] = header;

        return await TriggerHttp.RunAsync(request, await adjusters.AddNoteAsync(request, claimId, _app.Client, CancellationToken.None));
    }
}
