// The outbox contract on SQLite (test/store/contract.test.ts runs every area's
// contract once it exists; until then each area has its own runner).

import Database from 'better-sqlite3'
import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { outboxContract } from './contract/outbox.contract.js'
import { describe, expect, it } from 'vitest'

outboxContract(() => sqliteStore(openDatabase(':memory:')))

describe('outbox table (SQLite)', () => {
  it('keeps its invariants in CHECKs: a sending row has a lease, a sent row a time', () => {
    const db = openDatabase(':memory:') as unknown as Database.Database
    const ins = (status: string, lease: string | null, sent: string | null) => () =>
      db.prepare(`INSERT INTO outbox (message_id, event, webhook, format, body, text, status, created_at, lease_until, sent_at) VALUES ('m', 'e', 'http://x', 'json', '{}', 't', ?, 'now', ?, ?)`).run(status, lease, sent)
    expect(ins('sending', null, null)).toThrow(/CHECK/)
    expect(ins('sent', null, null)).toThrow(/CHECK/)
    expect(ins('pending', 'x', null)).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO outbox (message_id, event, webhook, format, body, text, created_at) VALUES ('m', 'e', 'http://x', 'teams', '{}', 't', 'now')`).run()).toThrow(/CHECK/)
  })
})
