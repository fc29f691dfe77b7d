// Typed errors, each carrying its exit code (SPEC section 5). main.ts is the
// only place that turns them into output and an exit status.

import type { Violation } from './domain/types.js'
import { en, type Messages } from './i18n/en.js'

/** A sentence that can be said in any language of the catalogue. */
export type Localized = (t: Messages) => string

export abstract class RosterError extends Error {
  abstract readonly exitCode: 1 | 2 | 3 | 130
  /** The rule id or error kind printed in `--json` errors. */
  abstract readonly code: string
  /** The sentence in every language; `message` is its English (what `--json` prints). */
  readonly localized: Localized | undefined

  constructor(message: string | Localized) {
    super(typeof message === 'string' ? message : message(en))
    this.localized = typeof message === 'string' ? undefined : message
  }

  /** The sentence in the language of `t` (English when it has no other). */
  say(t: Messages): string {
    return this.localized ? this.localized(t) : this.message
  }
}

/** Bad usage or bad input: unknown command or flag, malformed value, unknown id, unreadable file. */
export class UsageError extends RosterError {
  readonly exitCode = 2
  constructor(message: string | Localized, readonly code: string = 'usage') {
    super(message)
  }
}

/** An id that names nothing: a staff member, swap, leave, shift or holiday. */
export class NotFoundError extends UsageError {
  constructor(message: string | Localized) {
    super(message, 'not-found')
  }
}

/** Refused by one or more rules; the first violation names the code. */
export class RuleViolationError extends RosterError {
  readonly exitCode = 1
  readonly code: string
  constructor(readonly violations: readonly Violation[], summary?: string | Localized) {
    super(summary ?? ((t) => t.errors.refused(violations)))
    this.code = violations[0]?.rule ?? 'rule'
  }
}

/** A refusal that is not a roster rule: a permission, a state conflict. */
export class ConflictError extends RosterError {
  readonly exitCode = 1
  constructor(message: string | Localized, readonly code: string = 'conflict') {
    super(message)
  }
}

/** Storage trouble: locked, corrupt, foreign or newer database. */
export class StorageError extends RosterError {
  readonly exitCode = 3
  constructor(message: string | Localized, readonly code: string = 'storage') {
    super(message)
  }
}

/**
 * The person left a prompt with Ctrl-C: nothing was written. Exit 130, as a
 * shell reports a command ended by SIGINT; main.ts prints the one sentence
 * without the error prefix, since nothing went wrong.
 */
export class CancelledError extends RosterError {
  readonly exitCode = 130
  readonly code = 'cancelled'
  constructor() {
    super((t) => t.errors.cancelled)
  }
}

/** "Refused by <rule>: <message>." with the other broken rules, in English. */
export function describeViolations(violations: readonly Violation[]): string {
  return en.errors.refused(violations)
}
