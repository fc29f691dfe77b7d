// The wishes contract against SQLite (test/store/contract.test.ts runs every area's contract once it exists).

import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { wishesContract } from './contract/wishes.contract.js'

wishesContract(() => {
  const db = openDatabase(':memory:')
  const at = '2026-12-01T00:00:00.000Z'
  for (const id of ['ana', 'ben', 'dev']) db.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (?, ?, 'agent', ?)`).run(id, id, at)
  return sqliteStore(db)
})
