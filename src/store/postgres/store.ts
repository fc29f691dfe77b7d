// The Store over PostgreSQL: the same areas as on SQLite, over the
// synchronous PostgreSQL connection, plus what a server database can do
// instead of copying a file (backup into a SQLite roster file, restore from one).

import { createStore, type Store } from '../store.js'
import { backupPostgresTo, restorePostgresFrom } from './backup.js'
import { openPostgres, type OpenPostgresOptions } from './open.js'

/** Opens the roster database at a postgres:// URL (creating the schema in an empty database) as a Store. */
export function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Store {
  const sql = openPostgres(url, options)
  return createStore(sql, undefined, {
    where: sql.where,
    role: sql.role,
    backupTo: (target, o) => backupPostgresTo(sql, target, o),
    restoreFrom: (file) => restorePostgresFrom(sql, file),
  })
}
