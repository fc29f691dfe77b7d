// The world a command sees, injected once by main.ts; tests build fakes.

import type { OpenOptions } from '../store/host.js'
import type { Store } from '../store/store.js'
import type { Prompter, PrompterOptions } from './prompter.js'
import type { WebhookSender } from '../notifications/http.js'

export interface OutputStream {
  write(text: string): void
  isTTY: boolean
  columns?: number
}

export interface Deps {
  stdout: OutputStream
  stderr: OutputStream
  stdinIsTTY: boolean
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** Today and now for the rules; a test clock (ROSTER_NOW) may set it. */
  now(): Date
  /** The real time, whatever now() says: the audit log's time. Absent in fakes, where now() serves. */
  realNow?(): Date
  /** Whether now() is a test clock rather than the real one (the audit log marks such entries). */
  testClock?: boolean
  /** The operating-system login name of whoever runs the command. */
  osUser(): string
  /** Opens the team's database as a Store (SQLite's file today; see src/store/host.ts). */
  openStore(path: string, options: OpenOptions): Store
  /** Loaded on demand: only interactive commands pay for the prompt library. */
  prompter(options: PrompterOptions): Promise<Prompter>
  /** Posts a notification to a webhook; absent: node:http(s), loaded only when a message is sent. */
  sendWebhook?: WebhookSender
}
