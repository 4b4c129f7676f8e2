using DurableClaims.Storage;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Sessions;

/// <summary>The session archive in local folders: <c>&lt;root&gt;/sessions/</c> and <c>&lt;root&gt;/sessions-archive/</c> by default.</summary>
public sealed class FolderSessionStore : SessionStore
{
    /// <summary>Creates the store with the live folder and the archive folder.</summary>
    /// <param name="liveFolder">The live sessions folder.</param>
    /// <param name="archiveFolder">The archive folder.</param>
    /// <param name="logger">Names damaged files; null logs nothing.</param>
    public FolderSessionStore(string liveFolder, string archiveFolder, ILogger<SessionStore>? logger = null)
        : base(new FolderObjectContainer(liveFolder), new FolderObjectContainer(archiveFolder), logger)
    {
    }

    /// <summary>Creates the store under <paramref name="dataDirectory"/> with the standard folder names.</summary>
    public static FolderSessionStore InDataDirectory(string dataDirectory)
        => new(Path.Combine(dataDirectory, "sessions"), Path.Combine(dataDirectory, "sessions-archive"));
}
