// The Store's contract on PostgreSQL: the same cases as on SQLite
// (contract.test.ts), each on a fresh database of the run's real server.

import { openPostgresStore } from '../../src/store/postgres/store.js'
import { storeContract } from './contract/index.js'
import { migratedDatabaseSync } from '../support/postgres.js'

storeContract('PostgreSQL', () => openPostgresStore(migratedDatabaseSync('contract')))
