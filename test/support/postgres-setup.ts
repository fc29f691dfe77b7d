// vitest globalSetup: one throwaway PostgreSQL server for the run (see
// postgres.ts), shared by every project of the run (the SQLite project's
// PostgreSQL tests and the PostgreSQL project), and one migrated, empty
// roster database on it that each test's database is copied from
// (CREATE DATABASE ... TEMPLATE: milliseconds, where migrating a new database
// takes a few hundred). A server that cannot start is no reason to stop the
// SQLite tests: its reason is handed on, and every PostgreSQL test fails with it.

import type { TestProject } from 'vitest/node'
import { serverFromUrl, startPostgres, stopPostgres, type PostgresServer } from './postgres-server.js'
import { makeTemplate, dropTemplate } from './postgres-template.js'

interface Shared {
  server: PostgresServer | null
  template: string | null
  error: string | null
  users: number
}

const KEY = Symbol.for('roster.test.postgres')
const holder = globalThis as unknown as { [KEY]?: Promise<Shared> }

async function start(): Promise<Shared> {
  const given = process.env.ROSTER_TEST_POSTGRES
  const shared: Shared = { server: null, template: null, error: null, users: 0 }
  try {
    shared.server = given ? serverFromUrl(given) : await startPostgres()
    shared.template = await makeTemplate(shared.server)
  } catch (e) {
    shared.error = (e as Error).message
  }
  return shared
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = await (holder[KEY] ??= start())
  shared.users++
  project.provide('postgres', shared.server)
  project.provide('postgresTemplate', shared.template)
  project.provide('postgresError', shared.error)
  return async () => {
    if (--shared.users > 0) return
    delete holder[KEY]
    if (!shared.server) return
    if (process.env.ROSTER_TEST_POSTGRES) {
      if (shared.template) await dropTemplate(shared.server, shared.template)
    } else stopPostgres(shared.server)
  }
}
