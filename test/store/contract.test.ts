// The Store's contract, run against SQLite (a fresh in-memory database per
// test). Every implementation of the Store runs the same cases: the
// PostgreSQL store passes its own factory to storeContract.

import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { storeContract } from './contract/index.js'

storeContract('SQLite in memory', () => sqliteStore(openDatabase(':memory:')))
