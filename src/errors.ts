// Typed errors, each carrying its exit code (SPEC section 5). main.ts is the
// only place that turns them into output and an exit status.

import type { Violation } from './domain/types.js'

export abstract class RosterError extends Error {
  abstract readonly exitCode: 1 | 2 | 3
  /** The rule id or error kind printed in `--json` errors. */
  abstract readonly code: string
}

/** Bad usage or bad input: unknown command or flag, malformed value, unknown id, unreadable file. */
export class UsageError extends RosterError {
  readonly exitCode = 2
  constructor(message: string, readonly code: string = 'usage') {
    super(message)
  }
}

/** An id that names nothing: a staff member, swap, leave, shift or holiday. */
export class NotFoundError extends UsageError {
  constructor(message: string) {
    super(message, 'not-found')
  }
}

/** Refused by one or more rules; the first violation names the code. */
export class RuleViolationError extends RosterError {
  readonly exitCode = 1
  readonly code: string
  constructor(readonly violations: readonly Violation[], summary?: string) {
    super(summary ?? describeViolations(violations))
    this.code = violations[0]?.rule ?? 'rule'
  }
}

/** A refusal that is not a roster rule: a permission, a state conflict. */
export class ConflictError extends RosterError {
  readonly exitCode = 1
  constructor(message: string, readonly code: string = 'conflict') {
    super(message)
  }
}

/** Storage trouble: locked, corrupt, foreign or newer database. */
export class StorageError extends RosterError {
  readonly exitCode = 3
  constructor(message: string, readonly code: string = 'storage') {
    super(message)
  }
}

export function describeViolations(violations: readonly Violation[]): string {
  if (!violations.length) return 'Refused.'
  const first = violations[0]!
  const others = [...new Set(violations.slice(1).map((v) => v.rule))]
  const more = others.length ? ` Also broken: ${others.join(', ')}.` : violations.length > 1 ? ` (${violations.length - 1} more like it.)` : ''
  return `Refused by ${first.rule}: ${first.message}.${more}`
}
