// What every command needs from the program that registers it: the App that
// wraps a command body in a context, and the parsers shared by several
// commands' options. Commands import this module, never program.ts (which
// imports every command), so the commands and the program form no circle.

import type { Ctx } from './context.js'
import { UsageError } from '../errors.js'

/** The action body every command registers: parsed positionals, options, the context. */
export type Action = (ctx: Ctx, args: string[], opts: Record<string, unknown>) => void | Promise<void>

export interface App {
  /** Wraps a command body so it gets a context and its resources are closed after. */
  action(body: Action): (...raw: unknown[]) => Promise<void>
}

/** Options that take a date, a month or a year (commander's camelCase keys). */
const DATE_OPTIONS = ['start', 'from', 'to', 'date', 'week', 'month', 'year', 'at', 'since', 'payback'] as const

/** An empty string for a date option is bad input in every command, never "the default". */
export function refuseEmptyDates(opts: Record<string, unknown>): void {
  for (const key of DATE_OPTIONS) {
    const v = opts[key]
    if (typeof v === 'string' && v.trim() === '') throw new UsageError((t) => t.files.emptyOption(`--${key}`), 'bad-date')
  }
}

/** Parses a whole number option within bounds; a usage error names the flag. */
export function intOption(raw: unknown, flag: string, min: number, max: number): number {
  const t = String(raw).trim()
  if (!/^-?\d+$/.test(t) || Number(t) < min || Number(t) > max) {
    throw new UsageError((m) => m.errors.usage.wholeNumber(flag, min, max, String(raw)), 'bad-number')
  }
  return Number(t)
}
