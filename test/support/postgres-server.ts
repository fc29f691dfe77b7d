// Starting and stopping the throwaway PostgreSQL server of a test run (no
// vitest in here: globalSetup loads it). See postgres.ts.
//
// ROSTER_TEST_POSTGRES=postgres://admin:pw@host:port/postgres uses a server
// that is already running instead (a role that may create databases).

import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

export interface PostgresServer {
  host: string
  port: number
  user: string
  password: string
  /** The server's own data folder and binaries; undefined for a server given by ROSTER_TEST_POSTGRES. */
  dataDir?: string
  binDir?: string
}

/** The newest installed server's bin folder (Debian's /usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d) && existsSync(join(root, d, 'bin', 'initdb'))) : []
  if (majors.length === 0) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): apt-get install -y postgresql')
  return join(root, String(Math.max(...majors.map(Number))), 'bin')
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.on('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

/** Starts a throwaway server on 127.0.0.1 (as the postgres login when run as root: initdb refuses root). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir()
  const root = mkdtempSync(join(tmpdir(), 'roster-pg-'))
  const dataDir = join(root, 'data')
  const password = randomBytes(12).toString('hex')
  const pwfile = join(root, 'pw')
  writeFileSync(pwfile, `${password}\n`)
  const asRoot = userInfo().uid === 0
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()
    chownSync(root, Number(ids), Number(gid))
    chownSync(pwfile, Number(ids), Number(gid))
    chmodSync(root, 0o700)
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const
    const r = spawnSync(full[0], full[1] as string[], { encoding: 'utf8', cwd: root })
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout || r.error}`)
  }
  const user = 'roster_admin'
  run('initdb', ['-D', dataDir, '-U', user, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'])
  const port = await freePort()
  const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run('pg_ctl', ['-D', dataDir, '-o', opts, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start'])
  return { host: '127.0.0.1', port, user, password, dataDir, binDir: bin }
}

export function stopPostgres(s: PostgresServer): void {
  if (!s.dataDir || !s.binDir) return
  const args = ['-D', s.dataDir, '-m', 'immediate', 'stop']
  if (userInfo().uid === 0) spawnSync('runuser', ['-u', 'postgres', '--', join(s.binDir, 'pg_ctl'), ...args])
  else spawnSync(join(s.binDir, 'pg_ctl'), args)
  rmSync(join(s.dataDir, '..'), { recursive: true, force: true })
}

export function serverFromUrl(url: string): PostgresServer {
  const u = new URL(url)
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }
}

