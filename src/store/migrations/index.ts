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
  {
    version: 2,
    name: 'swaps, leave and the handover log',
    sql: `
      -- A swap: the requester gives away their shift on "date" (D1) to the counterpart;
      -- a cover is paid back on "payback" (D2), an exchange has no payback.
      CREATE TABLE swap (
        id INTEGER PRIMARY KEY,
        requester TEXT NOT NULL REFERENCES staff (id),
        counterpart TEXT NOT NULL REFERENCES staff (id),
        date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        payback TEXT CHECK (payback IS NULL OR payback GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'approved', 'rejected', 'declined', 'cancelled')),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        created_at TEXT NOT NULL,
        decided_by TEXT REFERENCES staff (id),
        decision_reason TEXT CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 500),
        CHECK (requester <> counterpart),
        CHECK (payback IS NULL OR payback <> date),
        -- Only a final decision (approve, reject, decline, cancel) names who made it.
        CHECK (decided_by IS NULL OR status NOT IN ('pending', 'accepted'))
      ) STRICT;
      CREATE INDEX swap_by_requester ON swap (requester, date);
      CREATE INDEX swap_by_counterpart ON swap (counterpart, date);

      CREATE TABLE leave (
        id INTEGER PRIMARY KEY,
        staff TEXT NOT NULL REFERENCES staff (id),
        from_date TEXT NOT NULL CHECK (from_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        to_date TEXT NOT NULL CHECK (to_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        created_at TEXT NOT NULL,
        decided_by TEXT REFERENCES staff (id),
        CHECK (from_date <= to_date),
        CHECK ((status = 'pending') = (decided_by IS NULL))
      ) STRICT;
      CREATE INDEX leave_by_staff ON leave (staff, from_date);

      -- The handover log (交接日志): what the next shift needs to know.
      CREATE TABLE handover (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        shift TEXT NOT NULL REFERENCES shift_type (code),
        staff TEXT NOT NULL REFERENCES staff (id),
        note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX handover_by_date ON handover (date, shift);
      CREATE INDEX handover_by_staff ON handover (staff, date);
    `,
  },
  {
    version: 3,
    name: 'swaps by date and by payback date',
    sql: `
      -- Swaps by month (stats, swap list --month, the ledger), a person's swaps around
      -- a date (the swap rules), and swap list in date order, without reading every swap.
      CREATE INDEX swap_by_date ON swap (date);
      -- Only covers have a payback date.
      CREATE INDEX swap_by_payback ON swap (payback) WHERE payback IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'holiday names in Chinese, statutory dates, make-up working days',
    sql: `
      -- An official calendar gives each holiday an English and a Chinese name: name keeps
      -- the one given (English for an official import), name_zh the Chinese one.
      ALTER TABLE holiday ADD COLUMN name_zh TEXT CHECK (name_zh IS NULL OR length(name_zh) BETWEEN 1 AND 100);
      -- 1 for a statutory date put in while the year's official schedule (放假安排) is unknown.
      ALTER TABLE holiday ADD COLUMN statutory INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1));

      -- Make-up working days (调休上班): weekend days worked for a longer break. Not holidays.
      CREATE TABLE workday (
        date TEXT PRIMARY KEY CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        name_zh TEXT CHECK (name_zh IS NULL OR length(name_zh) BETWEEN 1 AND 100)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'the audit log marks entries written under a test clock',
    sql: `
      -- at is always the real time of the change; clock is the time a test clock
      -- (ROSTER_NOW) gave the rules when one was set, and NULL otherwise.
      ALTER TABLE audit ADD COLUMN clock TEXT;
    `,
  },
  {
    version: 6,
    name: 'undoing approved swaps: the undone status and reversals',
    sql: `
      -- A reversal is a swap row that names the approved swap it undoes ("reverses"):
      -- the party who asks for it is its requester, the other party accepts it, a lead
      -- approves it. Once approved, the swap it reverses is "undone". SQLite changes a
      -- CHECK only by copying the table: nothing refers to swap rows, so the copy is safe.
      CREATE TABLE swap_next (
        id INTEGER PRIMARY KEY,
        requester TEXT NOT NULL REFERENCES staff (id),
        counterpart TEXT NOT NULL REFERENCES staff (id),
        date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        payback TEXT CHECK (payback IS NULL OR payback GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'approved', 'rejected', 'declined', 'cancelled', 'undone')),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        created_at TEXT NOT NULL,
        decided_by TEXT REFERENCES staff (id),
        decision_reason TEXT CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 500),
        reverses INTEGER CHECK (reverses IS NULL OR reverses > 0),
        CHECK (requester <> counterpart),
        CHECK (payback IS NULL OR payback <> date),
        CHECK (decided_by IS NULL OR status NOT IN ('pending', 'accepted')),
        -- A reversal is never itself undone.
        CHECK (reverses IS NULL OR status <> 'undone')
      ) STRICT;
      INSERT INTO swap_next (id, requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason)
        SELECT id, requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason FROM swap;
      DROP TABLE swap;
      ALTER TABLE swap_next RENAME TO swap;
      CREATE INDEX swap_by_requester ON swap (requester, date);
      CREATE INDEX swap_by_counterpart ON swap (counterpart, date);
      CREATE INDEX swap_by_date ON swap (date);
      CREATE INDEX swap_by_payback ON swap (payback) WHERE payback IS NOT NULL;
      CREATE INDEX swap_by_reverses ON swap (reverses) WHERE reverses IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'repeating rotations: the pattern generate --cyclic drew, for extend to continue',
    sql: `
      -- One row per pattern drawn; the newest (highest id) is the one extend continues.
      -- start is the first day of cycle 0; days the cycle's length; rotate 1 when each
      -- person moves to the next line every cycle.
      CREATE TABLE rotation (
        id INTEGER PRIMARY KEY,
        start TEXT NOT NULL CHECK (start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        days INTEGER NOT NULL CHECK (days BETWEEN 7 AND 364 AND days % 7 = 0),
        rotate INTEGER NOT NULL CHECK (rotate IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      -- The line order: person staff holds line line in cycle 0.
      CREATE TABLE rotation_line (
        rotation INTEGER NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
        line INTEGER NOT NULL CHECK (line >= 0),
        staff TEXT NOT NULL REFERENCES staff (id),
        PRIMARY KEY (rotation, line),
        UNIQUE (rotation, staff)
      ) STRICT;
      -- The working cells of each line (a missing cell is a day off). No reference to
      -- shift_type: a shift type may go, and extend then says the pattern names it.
      CREATE TABLE rotation_cell (
        rotation INTEGER NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
        line INTEGER NOT NULL CHECK (line >= 0),
        day INTEGER NOT NULL CHECK (day >= 0),
        shift TEXT NOT NULL CHECK (length(shift) BETWEEN 1 AND 8),
        PRIMARY KEY (rotation, line, day)
      ) STRICT;
      -- PostgreSQL: src/store/postgres/migrations.ts, version 7.
    `,
  },
  {
    version: 8,
    name: 'claims of open shifts, and what the inbox asks for by index',
    sql: `
      -- A claim of an open shift (roster open claim): a person offers to take a shift
      -- short of its headcount; a lead approves or rejects it, or open.auto-approve
      -- approves it at once (auto = 1). Claims are not swaps: they count toward no limit.
      CREATE TABLE open_claim (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        shift TEXT NOT NULL REFERENCES shift_type (code),
        staff TEXT NOT NULL REFERENCES staff (id),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        auto INTEGER NOT NULL DEFAULT 0 CHECK (auto IN (0, 1)),
        created_at TEXT NOT NULL,
        decided_by TEXT REFERENCES staff (id),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        CHECK (status <> 'pending' OR (decided_by IS NULL AND auto = 0)),
        CHECK (auto = 0 OR (status = 'approved' AND decided_by IS NULL))
      ) STRICT;
      CREATE INDEX open_claim_by_staff ON open_claim (staff, date);
      CREATE INDEX open_claim_by_slot ON open_claim (date, shift);
      -- One pending claim per person and shift; the inbox's hint counts pending ones.
      CREATE UNIQUE INDEX open_claim_one_pending ON open_claim (date, shift, staff) WHERE status = 'pending';
      CREATE INDEX open_claim_pending ON open_claim (status) WHERE status = 'pending';
      -- What waits on someone: swaps to answer or approve, leave to approve. Each partial
      -- index's WHERE is the very term the inbox query has, so SQLite uses it.
      CREATE INDEX swap_pending_by_counterpart ON swap (counterpart) WHERE status = 'pending';
      CREATE INDEX swap_accepted ON swap (status) WHERE status = 'accepted';
      CREATE INDEX leave_pending ON leave (status) WHERE status = 'pending';
      -- PostgreSQL: src/store/postgres/migrations.ts.
    `,
  },
  {
    version: 9,
    name: 'the notification outbox',
    sql: `
      -- One row per message and webhook, written in the transaction of the change
      -- it tells of and delivered after the commit (SPEC 12). message_id is the
      -- message's stable id, sent as the Idempotency-Key header: a delivered row
      -- is never sent again. A row being sent is claimed ('sending') until
      -- lease_until (real time, ISO), so two commands never send it both; a
      -- failed one keeps its attempts and last error (masked) and is retried.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL CHECK (length(message_id) BETWEEN 1 AND 64),
        event TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 40),
        webhook TEXT NOT NULL CHECK (length(webhook) BETWEEN 1 AND 2000),
        format TEXT NOT NULL CHECK (format IN ('json', 'slack', 'wecom', 'dingtalk', 'feishu')),
        body TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT CHECK (last_error IS NULL OR length(last_error) <= 500),
        created_at TEXT NOT NULL,
        lease_until TEXT,
        sent_at TEXT,
        CHECK ((status = 'sending') = (lease_until IS NOT NULL)),
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        UNIQUE (message_id, webhook)
      ) STRICT;
      CREATE INDEX outbox_by_status ON outbox (status, id);
    `,
    // PostgreSQL: src/store/postgres/migrations.ts.
  },
  {
    version: 10,
    name: 'wishes: days off and shifts staff would like, for generate to weigh',
    sql: `
      -- A wish is dated (from_date..to_date) or weekly (weekday 0 = Monday .. 6 = Sunday), never both.
      -- kind off has no shift; shift and not name one. It stays when its shift type is removed:
      -- generate and check then ignore it.
      CREATE TABLE wish (
        id INTEGER PRIMARY KEY,
        staff TEXT NOT NULL REFERENCES staff (id),
        from_date TEXT CHECK (from_date IS NULL OR from_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        to_date TEXT CHECK (to_date IS NULL OR to_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        weekday INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 0 AND 6),
        kind TEXT NOT NULL CHECK (kind IN ('off', 'shift', 'not')),
        shift TEXT CHECK (shift IS NULL OR length(shift) BETWEEN 1 AND 8),
        weight INTEGER NOT NULL DEFAULT 5 CHECK (weight BETWEEN 1 AND 10),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        created_at TEXT NOT NULL,
        CHECK ((from_date IS NULL AND to_date IS NULL AND weekday IS NOT NULL) OR (from_date IS NOT NULL AND to_date >= from_date AND weekday IS NULL)),
        CHECK ((kind = 'off') = (shift IS NULL))
      ) STRICT;
      CREATE INDEX wish_by_staff ON wish (staff, from_date);
      -- PostgreSQL: src/store/postgres/migrations.ts.
    `,
  },
  {
    version: 11,
    name: 'the audit log names the database role beside the acting staff id',
    sql: `
      -- On PostgreSQL, the role the change was made as (current_user): with a role
      -- per person, who acted by the database's own permissions, beside the staff id
      -- roster acted for. NULL on SQLite, which has no roles.
      ALTER TABLE audit ADD COLUMN db_role TEXT;
    `,
    // PostgreSQL: src/store/postgres/migrations.ts, version 11.
  },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
