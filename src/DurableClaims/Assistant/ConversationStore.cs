using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Sessions;
using DurableClaims.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Assistant;

/// <summary>Assistant conversations beside the claim's session: <c>&lt;claimId&gt;/conversations/&lt;id&gt;.json</c> (metadata) and <c>.jsonl</c> (messages).</summary>
/// <remarks>
/// Lives in the live sessions container (folder or Blob Storage), so deleting a claim's session folder (DELETE of the
/// claim, retention) removes its conversations too. Appends are read–append–write with the read's ETag and retried on
/// conflict, so two writers never lose each other's messages; appending a message id that is stored changes nothing.
/// </remarks>
public sealed partial class ConversationStore
{
    private const int Attempts = 8;
    private const string Folder = "conversations";
    private readonly IObjectContainer _container;
    private readonly ILogger _logger;

    /// <summary>Creates the store on the live sessions container.</summary>
    public ConversationStore(IObjectContainer container, ILogger<ConversationStore>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates a conversation (metadata only; it has no messages yet).</summary>
    public async Task<ConversationInfo> CreateAsync(ConversationInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        await _container.WriteAsync(MetadataPath(info.ClaimId, info.Id), new MemoryStream(SessionJson.ToJson(info)), WriteCondition.IfNoneMatch, cancellationToken);
        return info;
    }

    /// <summary>Reads a conversation's metadata, or null when there is none.</summary>
    public async Task<ConversationInfo?> GetAsync(string claimId, string conversationId, CancellationToken cancellationToken = default)
        => (await ReadInfoAsync(claimId, conversationId, cancellationToken))?.Info;

    /// <summary>Lists a claim's conversations, most recently updated first; unreadable metadata is logged and left out.</summary>
    public async Task<IReadOnlyList<ConversationInfo>> ListAsync(string claimId, CancellationToken cancellationToken = default)
    {
        var result = new List<ConversationInfo>();
        await foreach (var item in _container.ListAsync(Prefix(claimId), cancellationToken))
        {
            var name = item.Path[Prefix(claimId).Length..];
            if (!name.EndsWith(".json", StringComparison.Ordinal) || !ConversationIds.IsConversation(name[..^5]))
            {
                continue;
            }

            if (await ReadInfoAsync(claimId, name[..^5], cancellationToken) is { } read)
            {
                result.Add(read.Info);
            }
        }

        return [.. result.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>Reads a conversation's messages, oldest first (unreadable lines are logged and skipped).</summary>
    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string claimId, string conversationId, CancellationToken cancellationToken = default)
    {
        var path = MessagesPath(claimId, conversationId);
        var stored = await _container.ReadAsync(path, cancellationToken);
        return SessionJson.ReadLines<ConversationMessage>(stored?.Content, line => Log.LineSkipped(_logger, line, _container.LocationOf(path)));
    }

    /// <summary>Appends a message and updates the metadata; false when the conversation no longer exists (deleted meanwhile).</summary>
    public async Task<bool> AppendAsync(string claimId, string conversationId, ConversationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await ReadInfoAsync(claimId, conversationId, cancellationToken) is null)
        {
            return false;
        }

        var count = await AppendLineAsync(MessagesPath(claimId, conversationId), message, cancellationToken);
        if (await UpdateInfoAsync(claimId, conversationId, message, count, cancellationToken))
        {
            return true;
        }

        // Deleted between the append and the metadata: leave no orphaned messages behind.
        await _container.DeleteAsync(MessagesPath(claimId, conversationId), CancellationToken.None);
        return false;
    }

    /// <summary>Deletes a conversation; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string claimId, string conversationId, CancellationToken cancellationToken = default)
    {
        // Metadata first: a conversation without metadata is gone for every reader, whatever a crash leaves.
        var existed = await _container.DeleteAsync(MetadataPath(claimId, conversationId), cancellationToken);
        await _container.DeleteAsync(MessagesPath(claimId, conversationId), cancellationToken);
        return existed;
    }

    private async Task<int> AppendLineAsync(string path, ConversationMessage message, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(message, SessionJson.Compact);
        for (var attempt = 1; ; attempt++)
        {
            var current = await _container.ReadAsync(path, cancellationToken);
            var stored = SessionJson.ReadLines<ConversationMessage>(current?.Content);
            if (stored.Any(m => m.Id == message.Id))
            {
                return stored.Count;
            }

            // The stored bytes are kept as they are and the new line added after them: one write, no re-encoding.
            var existing = current?.Content ?? [];
            var separator = existing.Length > 0 && existing[^1] != (byte)'\n' ? new[] { (byte)'\n' } : [];
            byte[] content = [.. existing, .. separator, .. line, (byte)'\n'];
            try
            {
                await _container.WriteAsync(path, new MemoryStream(content), current?.ETag ?? WriteCondition.IfNoneMatch, cancellationToken);
                return stored.Count + 1;
            }
            catch (ObjectConflictException) when (attempt < Attempts)
            {
                // Another answer or question was appended meanwhile: append again on top of it.
            }
        }
    }

    private async Task<bool> UpdateInfoAsync(string claimId, string conversationId, ConversationMessage message, int count, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadInfoAsync(claimId, conversationId, cancellationToken) is not { } read)
            {
                return false;
            }

            var info = read.Info with
            {
                UpdatedAt = message.CreatedAt > read.Info.UpdatedAt ? message.CreatedAt : read.Info.UpdatedAt,
                MessageCount = Math.Max(count, read.Info.MessageCount),
                Title = read.Info.Title ?? (message.Role == ConversationMessage.UserRole ? TitleOf(message.Content) : null),
            };
            try
            {
                await _container.WriteAsync(MetadataPath(claimId, conversationId), new MemoryStream(SessionJson.ToJson(info)), read.ETag, cancellationToken);
                return true;
            }
            catch (ObjectConflictException) when (attempt < Attempts)
            {
                // Another turn updated the metadata meanwhile: update on top of it.
            }
        }
    }

    private async Task<(ConversationInfo Info, string ETag)?> ReadInfoAsync(string claimId, string conversationId, CancellationToken cancellationToken)
    {
        var path = MetadataPath(claimId, conversationId);
        var stored = await _container.ReadAsync(path, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return SessionJson.FromJson<ConversationInfo>(stored.Content) is { } info ? (info, stored.ETag) : null;
        }
        catch (JsonException ex)
        {
            Log.MetadataUnreadable(_logger, _container.LocationOf(path), ex);
            throw new StorageCorruptException($"{_container.Name}/{path}", $"The stored file '{_container.Name}/{path}' is damaged and cannot be read.", ex);
        }
    }

    /// <summary>The first question, on one line and at most 80 characters.</summary>
    internal static string TitleOf(string question)
    {
        var line = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    private static string Prefix(string claimId) => $"{claimId}/{Folder}/";

    private static string MetadataPath(string claimId, string conversationId) => $"{Prefix(claimId)}{conversationId}.json";

    private static string MessagesPath(string claimId, string conversationId) => $"{Prefix(claimId)}{conversationId}.jsonl";

    private static partial class Log
    {
        [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Skipped unreadable line {Line} of conversation {File}")]
        public static partial void LineSkipped(ILogger logger, int line, string file);

        [LoggerMessage(EventId = 4702, Level = LogLevel.Error, Message = "Conversation metadata {File} is damaged and cannot be read")]
        public static partial void MetadataUnreadable(ILogger logger, string file, Exception exception);
    }
}
