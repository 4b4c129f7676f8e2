using DurableClaims.Contracts;

namespace DurableClaims.Storage;

/// <summary>Recognises the I/O errors that mean "the disk is full", whatever the operating system.</summary>
public static class StorageErrors
{
    // Windows: ERROR_HANDLE_DISK_FULL (0x27) and ERROR_DISK_FULL (0x70), as Win32 codes or wrapped in an HRESULT.
    private const int WindowsHandleDiskFull = 0x27;
    private const int WindowsDiskFull = 0x70;
    private const int Win32Facility = 7;

    // Unix: .NET puts the raw errno in HResult. ENOSPC is 28 on Linux and macOS; EDQUOT (122 on Linux) is a full quota.
    private const int Enospc = 28;
    private const int LinuxEdquot = 122;

    /// <summary>Returns whether <paramref name="exception"/> reports a full disk (or quota).</summary>
    public static bool IsDiskFull(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.HResult;
        var isWin32 = code is WindowsDiskFull or WindowsHandleDiskFull
            || (((code >> 16) & 0x1FFF) == Win32Facility && (code & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull);
        return isWin32 || code is Enospc or LinuxEdquot
            || exception.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns the <see cref="StorageFullException"/> for a write of <paramref name="path"/> that failed on a full disk.</summary>
    public static StorageFullException Full(string path, IOException exception)
        => new($"The storage is full: '{path}' could not be written; nothing of it was kept.", exception);
}
