// The migrated, empty roster database of a test run, made once by the
// globalSetup (no vitest in here). Migrating goes through the CLI's own code
// path: the built CLI opens the new database (it migrates it) in a process of
// its own, so no worker thread is left in vitest's main process.

import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import pg from 'pg'
import type { PostgresServer } from './postgres-server.js'

const ROOT = resolve(__dirname, '../..')

function url(s: PostgresServer, db: string): string {
  return `postgres://${encodeURIComponent(s.user)}:${encodeURIComponent(s.password)}@${s.host}:${s.port}/${db}`
}

async function admin(s: PostgresServer, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url(s, 'postgres') })
  await c.connect()
  try {
    await c.query(text)
  } finally {
    await c.end()
  }
}

/** Creates and migrates the run's template database; its name. */
export async function makeTemplate(s: PostgresServer): Promise<string> {
  const name = `roster_template_${process.pid}`
  await admin(s, `DROP DATABASE IF EXISTS ${name}`)
  await admin(s, `CREATE DATABASE ${name}`)
  // `roster log` only reads, and a database opened for reading is migrated first.
  const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/roster.cjs'), '--db', url(s, name), 'log'], { encoding: 'utf8', env: { ...process.env, ROSTER_DB: '', NO_COLOR: '1' }, timeout: 60_000 })
  if (r.status !== 0) throw new Error(`could not migrate the template database (is the CLI built? npm run build): exit ${r.status} ${r.stderr}`)
  // Nobody may connect to it from now on but CREATE DATABASE ... TEMPLATE.
  await admin(s, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`)
  return name
}

export async function dropTemplate(s: PostgresServer, name: string): Promise<void> {
  await admin(s, `DROP DATABASE IF EXISTS ${name}`)
}
