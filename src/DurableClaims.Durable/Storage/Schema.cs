namespace DurableClaims.Durable.Storage;

/// <summary>The task hub's SQLite schema; timestamps are UTC ticks, statuses are enum values.</summary>
internal static class Schema
{
    // Columns shared by history rows and inbox messages (a message is an event addressed to an instance).
    public const string EventColumns = "kind, task_id, name, data, failure, ts, fire_at, ref_id, ref_exec";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS instances (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
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
            kind INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT,
            data TEXT,
            failure TEXT,
            ts INTEGER NOT NULL,
            fire_at INTEGER,
            ref_id TEXT,
            ref_exec TEXT,
            PRIMARY KEY (instance_id, execution_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER NOT NULL PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT,
            kind INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT,
            data TEXT,
            failure TEXT,
            ts INTEGER NOT NULL,
            fire_at INTEGER,
            ref_id TEXT,
            ref_exec TEXT,
            visible_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages(instance_id);
        CREATE TABLE IF NOT EXISTS activity_tasks (
            id INTEGER NOT NULL PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            attempt INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_activity_tasks_instance ON activity_tasks(instance_id);
        """;
}
