// Real logins for the tests that need roster to run as a given person: the
// tool takes the login name from the operating system only, so a test that
// wants login "ana" creates a real user "ana" (useradd; CI runs as root) and
// runs the CLI as that user. The users share the group TEAM_GROUP, and the
// database's folder is given to that group, as the README's shared-host setup
// does (setgid folder 2770, files 660).

import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const TEAM_GROUP = 'roster-team'

export interface Login {
  name: string
  uid: number
  gid: number
}

function id(args: string[]): number | undefined {
  const r = spawnSync('id', args, { encoding: 'utf8' })
  return r.status === 0 ? Number(r.stdout.trim()) : undefined
}

function groupId(name: string): number | undefined {
  const r = spawnSync('getent', ['group', name], { encoding: 'utf8' })
  return r.status === 0 ? Number(r.stdout.split(':')[2]) : undefined
}

/** useradd / groupadd, tolerating another test process having made the same one meanwhile. */
function add(cmd: string, args: string[], exists: () => boolean, what: string): void {
  for (let attempt = 0; attempt < 20 && !exists(); attempt++) {
    const r = spawnSync(cmd, args, { encoding: 'utf8' })
    if (r.error) throw new Error(`${cmd} could not run (${r.error.message}): install passwd, or run the tests where ${what} exists.`)
    if (r.status === 0 || exists()) return
    if (process.getuid?.() !== 0) throw new Error(`${what} does not exist and only root can create it: run the tests as root (CI does), or create it (${cmd} ${args.join(' ')}).`)
    // /etc/passwd is locked by a parallel useradd: try again shortly.
    spawnSync('sleep', ['0.2'])
  }
  if (!exists()) throw new Error(`could not create ${what} with ${cmd} ${args.join(' ')}`)
}

/** The real user `name` (created if missing, in TEAM_GROUP), for spawning the CLI as that login. */
export function realLogin(name: string): Login {
  add('groupadd', ['-f', TEAM_GROUP], () => groupId(TEAM_GROUP) !== undefined, `the group ${TEAM_GROUP}`)
  const gid = groupId(TEAM_GROUP)!
  add('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--gid', TEAM_GROUP, name], () => id(['-u', name]) !== undefined, `the user ${name}`)
  return { name, uid: id(['-u', name])!, gid }
}

/**
 * Gives the folder of a test database, and the files in it, to TEAM_GROUP
 * (folder setgid 2770, files 660), so every test login may write the
 * database and SQLite's -wal and -shm files beside it.
 */
export function shareWithTeam(folder: string): void {
  const gid = groupId(TEAM_GROUP)
  if (gid === undefined) throw new Error(`the group ${TEAM_GROUP} does not exist: call realLogin first`)
  chownSync(folder, statSync(folder).uid, gid)
  chmodSync(folder, 0o2770)
  for (const f of readdirSync(folder)) {
    const file = join(folder, f)
    if (!existsSync(file) || !statSync(file).isFile()) continue
    chownSync(file, statSync(file).uid, gid)
    chmodSync(file, 0o660)
  }
}
