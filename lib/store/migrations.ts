/** Versioned schema; each entry runs once, in order, inside a transaction, at start. */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE targets (
        al_account_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        label TEXT NOT NULL,
        role_arn TEXT,
        external_id TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        verified_at INTEGER,
        verified_arn TEXT,
        PRIMARY KEY (al_account_id, account_id)
      );
      CREATE TABLE deployments (
        id TEXT PRIMARY KEY,
        al_account_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        step TEXT NOT NULL,
        account_ids TEXT NOT NULL DEFAULT '[]',
        regions TEXT NOT NULL DEFAULT '[]',
        key_id TEXT,
        key_label TEXT,
        secret_sealed TEXT,
        secret_expires_at INTEGER
      );
      CREATE TABLE deployment_items (
        deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        state TEXT NOT NULL,
        preflight TEXT,
        stack_name TEXT,
        stack_id TEXT,
        client_request_token TEXT,
        attempt INTEGER NOT NULL DEFAULT 0,
        stack_status TEXT,
        diagnosis TEXT,
        progress TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (deployment_id, account_id, region)
      );
      CREATE INDEX deployment_items_target ON deployment_items(account_id, region, state);
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        al_account_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_events_account ON audit_events(al_account_id, at);
    `,
  },
];
