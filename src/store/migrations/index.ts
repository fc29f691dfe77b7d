// Numbered, append-only migrations. Migration N brings the schema to
// `PRAGMA user_version = N`. Never edit one that has shipped: add the next.

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'staff, shift types, assignments, holidays, config and the audit log',
    sql: `
      CREATE TABLE staff (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32 AND id NOT GLOB '*[^a-z0-9_-]*'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'manager')),
        rotation INTEGER NOT NULL DEFAULT 1 CHECK (rotation IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE shift_type (
        code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 8),
        name TEXT NOT NULL,
        start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
        end_min INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
        remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
        headcount INTEGER NOT NULL DEFAULT 1 CHECK (headcount BETWEEN 0 AND 1000),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE assignment (
        date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        shift TEXT NOT NULL REFERENCES shift_type (code),
        staff TEXT NOT NULL REFERENCES staff (id),
        PRIMARY KEY (date, staff, shift)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assignment_by_staff ON assignment (staff, date);

      CREATE TABLE holiday (
        date TEXT PRIMARY KEY CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Append-only: who did what, when, with the state before and after (JSON).
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        os_user TEXT,
        on_behalf INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
        action TEXT NOT NULL,
        subject TEXT,
        before TEXT,
        after TEXT
      ) STRICT;
      CREATE INDEX audit_by_time ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
