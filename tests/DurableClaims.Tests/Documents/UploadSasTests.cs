using System.Globalization;
using Azure.Storage.Blobs.Models;
using DurableClaims.Documents;

namespace DurableClaims.Tests.Documents;

/// <summary>The user-delegation upload link: scope, permissions and expiry (signed locally; no service call).</summary>
public sealed class UploadSasTests
{
    private static readonly Uri Container = new("https://claimsprod.blob.core.windows.net/claim-documents");
    private static readonly DateTimeOffset KeyStart = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset KeyExpiry = KeyStart.AddDays(7);

    // Positional: the model factory's overloads differ only in parameter order.
    internal static UserDelegationKey Key(DateTimeOffset startsOn, DateTimeOffset expiresOn) => BlobsModelFactory.UserDelegationKey(
        "0b7f4a51-7c3e-4d5a-9f6e-1a2b3c4d5e6f", "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4", startsOn, expiresOn, "b", "2025-11-05", Convert.ToBase64String(new byte[32]));

    internal static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

    private static DateTimeOffset ExpiryOf(Uri uri) => DateTimeOffset.Parse(Query(uri)["se"], CultureInfo.InvariantCulture);

    private static Uri Link(DateTimeOffset deadline) => UploadSas.WithUserDelegation(Container, "claimsprod", "CLM-2026-0042/police_report/report.pdf", deadline, Key(KeyStart, KeyExpiry));

    [Fact]
    public void WithUserDelegation_Permissions_ShouldAllowOnlyCreate()
    {
        var uri = Link(KeyStart.AddDays(3));

        Assert.Equal("c", Query(uri)["sp"]);
    }

    [Fact]
    public void WithUserDelegation_DeadlineBeforeKeyExpiry_ShouldExpireAtTheDeadline()
    {
        var deadline = KeyStart.AddDays(3);

        var uri = Link(deadline);

        Assert.Equal(deadline, ExpiryOf(uri));
    }

    [Fact]
    public void WithUserDelegation_DeadlineAfterKeyExpiry_ShouldExpireWithTheKey()
    {
        var uri = Link(KeyStart.AddDays(14));

        Assert.Equal(KeyExpiry, ExpiryOf(uri));
    }

    [Fact]
    public void WithUserDelegation_Address_ShouldBeTheOneDocumentBlob()
    {
        var uri = Link(KeyStart.AddDays(3));

        Assert.Equal(("claimsprod.blob.core.windows.net", "/claim-documents/CLM-2026-0042/police_report/report.pdf", "b"), (uri.Host, uri.AbsolutePath, Query(uri)["sr"]));
    }

    [Fact]
    public void ExpiryOf_DeadlineAfterTheLinkLifetime_ShouldEndWithTheLifetime()
        => Assert.Equal(KeyStart.AddHours(4), UploadSas.ExpiryOf(KeyStart.AddDays(10), KeyStart, TimeSpan.FromHours(4)));

    [Fact]
    public void ExpiryOf_DeadlineWithinTheLinkLifetime_ShouldEndAtTheDeadline()
        => Assert.Equal(KeyStart.AddHours(1), UploadSas.ExpiryOf(KeyStart.AddHours(1), KeyStart, TimeSpan.FromHours(4)));

    [Fact]
    public void WithUserDelegation_Signature_ShouldNameTheDelegatingIdentityInsteadOfAnAccountKey()
    {
        var uri = Link(KeyStart.AddDays(3));

        var query = Query(uri);
        Assert.Equal(("0b7f4a51-7c3e-4d5a-9f6e-1a2b3c4d5e6f", "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"), (query["skoid"], query["sktid"]));
        Assert.False(string.IsNullOrEmpty(query["sig"]));
    }
}
