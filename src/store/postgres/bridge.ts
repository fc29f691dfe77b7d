// A synchronous call into an asynchronous driver: the pure-JavaScript `pg`
// runs in a worker thread, and the main thread blocks on Atomics.wait until
// the worker has put the answer on their MessagePort. So the Store stays
// synchronous (every command as it is) and nothing needs compiling on a
// laptop. The worker is plain JavaScript evaluated from the text below, so the
// bundle needs no second file; it loads `pg` by the absolute path the main
// thread resolved (only now, when a postgres:// database is opened).

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { MessagePort } from 'node:worker_threads'

const WORKER_SOURCE = `
'use strict'
const { workerData } = require('node:worker_threads')
const { port, flag, pgPath } = workerData
const state = new Int32Array(flag)
let pg
let bootError
try {
  // pg asks whether it runs in a Cloudflare Worker by making a fetch Response
  // when there is no navigator (Node 20), which loads all of fetch: say we are Node.
  if (typeof navigator === 'undefined') globalThis.navigator = { userAgent: 'Node.js' }
  pg = require(pgPath)
  // int8 (count(*), bigint ids) and numeric as numbers, as SQLite gives them.
  const asNumber = (v) => { const n = Number(v); return Number.isSafeInteger(n) ? n : v }
  pg.types.setTypeParser(20, asNumber)
  pg.types.setTypeParser(1700, (v) => Number(v))
} catch (e) {
  bootError = e
}
let client
const reply = (m) => {
  port.postMessage(m)
  Atomics.store(state, 0, 1)
  Atomics.notify(state, 0)
}
const fail = (e) => reply({ ok: false, error: {
  message: String((e && e.message) || e),
  code: e && typeof e.code === 'string' ? e.code : undefined,
  detail: e && typeof e.detail === 'string' ? e.detail : undefined,
  constraint: e && typeof e.constraint === 'string' ? e.constraint : undefined,
  errno: e && typeof e.errno === 'number' ? e.errno : undefined,
} })
port.on('message', async (m) => {
  try {
    if (bootError) throw bootError
    if (m.op === 'connect') {
      client = new pg.Client(m.config)
      // A connection lost between calls is reported by the next query.
      client.on('error', () => {})
      await client.connect()
      reply({ ok: true })
    } else if (m.op === 'query') {
      if (!client) throw new Error('not connected')
      // types: the parameter types sent with the statement (Parse); pg reads the
      // same field for its result parsers, hence getTypeParser on the array.
      const types = m.types ? Object.assign(m.types, { getTypeParser: pg.types.getTypeParser }) : undefined
      let r = await client.query(m.values && m.values.length ? { text: m.text, values: m.values, types } : m.text)
      if (Array.isArray(r)) r = r[r.length - 1] || { rows: [], rowCount: 0 }
      reply({ ok: true, rows: r.rows || [], rowCount: r.rowCount || 0 })
    } else if (m.op === 'end') {
      const c = client
      client = undefined
      if (c) await c.end()
      reply({ ok: true })
    }
  } catch (e) {
    fail(e)
  }
})
`

export interface BridgeError {
  message: string
  code?: string
  detail?: string
  constraint?: string
  errno?: number
}

export type BridgeReply = { ok: true; rows: Record<string, unknown>[]; rowCount: number } | { ok: false; error: BridgeError }

export class BridgeTimeout extends Error {}

export interface Bridge {
  /** Sends one request and blocks until its answer (at most `timeoutMs`). */
  call(message: unknown, timeoutMs: number): BridgeReply
  /** Ends the worker (the connection must have been ended first). */
  terminate(): void
}

/**
 * The driver: dist/pg.cjs beside the bundle (pg in one file, scripts/build.mjs),
 * else pg in node_modules (the tests, which run the source).
 */
function pgPath(): string {
  if (typeof __dirname === 'string') {
    const near = join(__dirname, 'pg.cjs')
    if (existsSync(near)) return near
  }
  return require.resolve('pg')
}

export function startBridge(): Bridge {
  // Required here, not imported at the top: a SQLite command never loads worker_threads.
  const { MessageChannel, Worker, receiveMessageOnPort } = require('node:worker_threads') as typeof import('node:worker_threads')
  const flag = new SharedArrayBuffer(4)
  const state = new Int32Array(flag)
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, flag, pgPath: pgPath() }, transferList: [port2] as unknown as MessagePort[] })
  // Neither keeps the process alive: a command that is done exits, and PostgreSQL ends its session.
  worker.unref()
  port1.unref()
  let dead = false
  return {
    call(message, timeoutMs) {
      if (dead) return { ok: false, error: { message: 'the connection is closed', code: 'ROSTER_CLOSED' } }
      Atomics.store(state, 0, 0)
      port1.postMessage(message)
      const waited = Atomics.wait(state, 0, 0, timeoutMs)
      const got = receiveMessageOnPort(port1)
      if (got) return got.message as BridgeReply
      if (waited === 'timed-out') {
        // A late answer would be read as the next call's: this connection is done.
        this.terminate()
        throw new BridgeTimeout(`no answer from PostgreSQL within ${Math.round(timeoutMs / 1000)} s`)
      }
      return { ok: false, error: { message: 'the database worker gave no answer', code: 'ROSTER_NO_ANSWER' } }
    },
    terminate() {
      if (dead) return
      dead = true
      port1.close()
      void worker.terminate()
    },
  }
}
