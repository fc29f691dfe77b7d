// The rotations area on SQLite: the contract cases over a fresh in-memory database.

import { openDatabase } from '../../src/store/db.js'
import { insertStaff } from '../../src/store/staff.js'
import { sqliteStore } from '../../src/store/store.js'
import { aStaff } from '../support/builders.js'
import { rotationsContract } from './contract/rotations.contract.js'

rotationsContract(() => {
  const db = openDatabase(':memory:', { create: true })
  for (const id of ['ana', 'ben', 'chen']) insertStaff(db, aStaff({ id }), 'now')
  return sqliteStore(db)
})
