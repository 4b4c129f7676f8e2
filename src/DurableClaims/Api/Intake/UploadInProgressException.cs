namespace DurableClaims.Api.Intake;

/// <summary>Thrown by a queue-fed intake when uploads of a delivery are held by another intake, so that the queue delivers the message again.</summary>
public sealed class UploadInProgressException : Exception
{
    public UploadInProgressException()
        : this(1)
    {
    }

    public UploadInProgressException(int uploads)
        : base($"{uploads} upload(s) of this delivery are being raised by another intake; the message is delivered again later.")
    {
        Uploads = uploads;
    }

    public UploadInProgressException(string message)
        : base(message)
    {
    }

    public UploadInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets how many uploads were held.</summary>
    public int Uploads { get; }
}
