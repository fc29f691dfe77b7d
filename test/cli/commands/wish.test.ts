// The wish commands without a process: parse (usage errors for bad input) and
// run (permissions, unknown ids), on an in-memory demo team.

import { describe, expect, it } from 'vitest'
import { Ctx } from '../../../src/cli/context.js'
import type { Deps } from '../../../src/cli/deps.js'
import { runInit } from '../../../src/cli/commands/init/init.js'
import { parseWishAdd, parseWishId, parseWishList, runWishAdd, runWishRemove } from '../../../src/cli/commands/wish/wish.js'
import { ConflictError, NotFoundError, UsageError } from '../../../src/errors.js'
import { openDatabase } from '../../../src/store/db.js'
import { sqliteStore, type Store } from '../../../src/store/store.js'

const NOW = '2026-12-01T10:00:00'

/** A context over one shared in-memory demo database, acting as `as`. */
function world() {
  let store: Store | undefined
  const deps = (): Deps => {
    const sink = { write: () => {}, isTTY: false }
    return {
      stdout: sink, stderr: sink, stdinIsTTY: false, env: {}, cwd: process.cwd(), now: () => new Date(NOW), osUser: () => 'nobody',
      // One database for every context; closing a context leaves it open.
      openStore: () => (store ??= { ...sqliteStore(openDatabase(':memory:')), close: () => {} }),
      prompter: async () => { throw new Error('no prompts here') },
    }
  }
  const ctx = (as?: string) => new Ctx(deps(), { db: ':memory:', ...(as ? { as } : {}), json: true, color: false })
  runInit(ctx(), { demo: true })
  return ctx
}

const kindOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return e instanceof NotFoundError ? `not-found:${e.code}` : e instanceof UsageError ? `usage:${e.code}` : e instanceof ConflictError ? `conflict:${e.code}` : String(e)
  }
  return 'ok'
}

describe('wish add: parsing', () => {
  const ctx = world()('ana')
  it('reads a day off, a span, a weekday, a shift, a weight and a reason', () => {
    expect(parseWishAdd(ctx, { date: '2026-12-16', off: true, weight: '5' })).toEqual({ when: { from: '2026-12-16', to: '2026-12-16' }, kind: 'off', shift: null, weight: 5, reason: null })
    expect(parseWishAdd(ctx, { date: '2026-12-16..2026-12-18', shift: 'A', weight: '10', reason: ' 看牙 ' })).toMatchObject({ when: { from: '2026-12-16', to: '2026-12-18' }, kind: 'shift', shift: 'A', weight: 10, reason: '看牙' })
    expect(parseWishAdd(ctx, { weekday: 'sun', not: 'C', weight: '1', staff: 'dev' })).toMatchObject({ when: { weekday: 6 }, kind: 'not', shift: 'C', weight: 1, staff: 'dev' })
    // Date words: tomorrow is 2026-12-02.
    expect(parseWishAdd(ctx, { date: 'tomorrow', off: true, weight: '5' }).when).toEqual({ from: '2026-12-02', to: '2026-12-02' })
  })

  it('refuses bad input as usage errors naming what is wrong', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ off: true, weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', weekday: 'mon', off: true, weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', off: true, shift: 'A', weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', shift: 'A', not: 'B', weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', shift: ' ', weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-32', off: true, weight: '5' }, 'usage:bad-date'],
      [{ date: '2026-12-18..2026-12-16', off: true, weight: '5' }, 'usage:bad-range'],
      [{ weekday: 'funday', off: true, weight: '5' }, 'usage:bad-wish'],
      [{ date: '2026-12-16', off: true, weight: '0' }, 'usage:bad-number'],
      [{ date: '2026-12-16', off: true, weight: '11' }, 'usage:bad-number'],
    ]
    for (const [raw, kind] of cases) expect(kindOf(() => parseWishAdd(ctx, raw)), JSON.stringify(raw)).toBe(kind)
  })

  it('reads wish ids and list filters', () => {
    expect(parseWishId('12')).toBe(12)
    for (const bad of ['0', '-1', 'x', '1.5']) expect(kindOf(() => parseWishId(bad)), bad).toBe('usage:bad-id')
    expect(parseWishList(ctx, { month: '2026-12' })).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(kindOf(() => parseWishList(ctx, { month: '2026-12', from: '2026-12-01' }))).toBe('usage:usage')
    expect(kindOf(() => parseWishList(ctx, { staff: 'nobody' }))).toBe('not-found:not-found')
  })
})

describe('wish add and remove: who may', () => {
  it('staff add and remove their own; a lead anyone\'s; others are refused for permission', () => {
    const as = world()
    const off = (extra: Record<string, unknown> = {}) => parseWishAdd(as('ana'), { date: '2026-12-16', off: true, weight: '5', ...extra })
    const own = runWishAdd(as('ana'), off())
    expect(own).toMatchObject({ id: 1, staff: 'ana', kind: 'off' })
    expect(kindOf(() => runWishAdd(as('ana'), off({ staff: 'ben' })))).toBe('conflict:permission')
    expect(runWishAdd(as('mei'), off({ staff: 'ben' }))).toMatchObject({ id: 2, staff: 'ben' })
    expect(kindOf(() => runWishRemove(as('ana'), 2))).toBe('conflict:permission')
    expect(kindOf(() => runWishRemove(as('ben'), 99))).toBe('not-found:not-found')
    expect(runWishRemove(as('ben'), 2).id).toBe(2)
    expect(runWishRemove(as('mei'), 1).id).toBe(1)
    expect(as().store().wishes.list()).toEqual([])
  })

  it('refuses an unknown person or shift before writing anything', () => {
    const as = world()
    expect(kindOf(() => runWishAdd(as('mei'), parseWishAdd(as('mei'), { date: '2026-12-16', off: true, weight: '5', staff: 'nobody' })))).toBe('not-found:not-found')
    expect(kindOf(() => runWishAdd(as('ana'), parseWishAdd(as('ana'), { date: '2026-12-16', shift: 'Z', weight: '5' })))).toBe('not-found:not-found')
    expect(as().store().wishes.list()).toEqual([])
  })
})
