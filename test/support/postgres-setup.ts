// vitest globalSetup: one throwaway PostgreSQL server for the run (see
// postgres.ts). A server that cannot start is no reason to stop the SQLite
// tests: its reason is handed on, and every PostgreSQL test fails with it.

import type { TestProject } from 'vitest/node'
import { serverFromUrl, startPostgres, stopPostgres, type PostgresServer } from './postgres-server.js'

export default async function setup(project: TestProject): Promise<() => void> {
  let server: PostgresServer | null = null
  let error: string | null = null
  const given = process.env.ROSTER_TEST_POSTGRES
  try {
    server = given ? serverFromUrl(given) : await startPostgres()
  } catch (e) {
    error = (e as Error).message
  }
  project.provide('postgres', server)
  project.provide('postgresError', error)
  return () => {
    if (server && !given) stopPostgres(server)
  }
}
