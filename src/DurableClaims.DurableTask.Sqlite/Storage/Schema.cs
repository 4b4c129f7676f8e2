namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>The task hub's SQLite schema: times are UTC ticks, statuses DurableTask.Core's enum values, events and messages DurableTask.Core JSON.</summary>
internal static class Schema
{
    /// <summary>Statuses of an instance that can still make progress (Running, ContinuedAsNew, Pending, Suspended).</summary>
    public const string LiveStatuses = "(0, 2, 6, 7)";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS instances (
            id TEXT NOT NULL PRIMARY KEY,
            execution_id TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT,
            status INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            tags TEXT,
            parent TEXT,
            scheduled_start INTEGER,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            completed INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances(created, id);
        CREATE INDEX IF NOT EXISTS ix_instances_status ON instances(status);
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            events TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER NOT NULL PRIMARY KEY,
            instance_id TEXT NOT NULL,
            visible_at INTEGER NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages(instance_id);
        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER NOT NULL PRIMARY KEY,
            instance_id TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """;
}
