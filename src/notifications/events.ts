// Which changes are told, and what each tells: a change as the audit log
// records it (its action and the values before and after) becomes one
// NotifyEvent, or none. Pure: the shifts it names come from a lookup the
// caller passes in.

import type { NotifyEvent, NotifyEventKind } from '../domain/notify.js'
import type { Assignment, IsoDate, Leave, Swap } from '../domain/types.js'

/** A person's shift code on a date as the roster stands, if any. */
export type ShiftLookup = (staff: string, date: IsoDate) => string | undefined

/** The audit actions that notify, each mapped to its event; every other action (config.set, staff.add, swap.undone...) tells nobody. */
const TOLD: Readonly<Record<string, NotifyEventKind>> = {
  'swap.request': 'swap.request',
  'swap.accept': 'swap.accept',
  'swap.decline': 'swap.decline',
  'swap.approve': 'swap.approve',
  'swap.reject': 'swap.reject',
  'swap.cancel': 'swap.cancel',
  'swap.undo': 'swap.undo',
  'leave.request': 'leave.request',
  'leave.approve': 'leave.approve',
  'leave.reject': 'leave.reject',
  'roster.generate': 'roster.generate',
  // Open-shift claims (the cover area records them as open.*, with the claim itself before and after).
  'open.claim': 'claim.request',
  'open.approve': 'claim.approve',
  'open.reject': 'claim.reject',
  'open.cancel': 'claim.cancel',
}

/** A claim as the cover area records it: a person taking an open shift. */
interface ClaimLike {
  id: number
  date: IsoDate
  shift: string
  staff: string
}

function isClaim(v: unknown): v is ClaimLike {
  const c = v as ClaimLike | null
  return !!c && typeof c.id === 'number' && typeof c.date === 'string' && typeof c.shift === 'string' && typeof c.staff === 'string'
}

/** Whether an audit action is one that sends a notification (cheap: asked before anything is read). */
export function isToldAction(action: string): boolean {
  return Object.hasOwn(TOLD, action)
}

interface Change {
  action: string
  actor: string | null
  subject: string | null
  before: unknown
  after: unknown
}

/** The event a recorded change tells of, or null when it tells nobody. */
export function eventFromChange(c: Change, shiftOf: ShiftLookup): NotifyEvent | null {
  const kind = TOLD[c.action]
  if (!kind) return null
  const before = (c.before ?? {}) as { swap?: Swap; leave?: Leave; assignments?: Assignment[] }
  const after = (c.after ?? {}) as { swap?: Swap; leave?: Leave; assignments?: Assignment[]; staff?: string[] }
  if (kind.startsWith('swap.')) {
    const swap = after.swap ?? before.swap
    if (!swap) return null
    return swapEvent(kind, c.actor, swap, before.assignments, shiftOf)
  }
  if (kind.startsWith('claim.')) {
    const claim = [c.after, c.before].find(isClaim)
    if (!claim) return null
    return { kind, actor: c.actor, ref: claim.id, people: [claim.staff], dates: [claim.date], shifts: [claim.shift] }
  }
  if (kind.startsWith('leave.')) {
    const leave = after.leave ?? before.leave
    if (!leave) return null
    return {
      kind, actor: c.actor, ref: leave.id, people: [leave.staff], dates: [leave.from, leave.to],
      shifts: [...new Set((before.assignments ?? []).map((a) => a.shift))],
      ...(kind === 'leave.approve' ? { opened: (before.assignments ?? []).map((a) => ({ date: a.date, shift: a.shift })) } : {}),
    }
  }
  // roster.generate: subject `from..to`; after = { staff, assignments }.
  const [from, to] = (c.subject ?? '').split('..') as [IsoDate, IsoDate | undefined]
  const assignments = after.assignments ?? []
  const people = [...new Set(assignments.map((a) => a.staff))].sort()
  return {
    kind, actor: c.actor, people, dates: [from, to ?? from].filter(Boolean),
    shifts: [...new Set(assignments.map((a) => a.shift))].sort(), assignments: assignments.length,
  }
}

/**
 * A swap's event. The requester gives away their shift on `date`; in an
 * exchange the counterpart gives theirs on the same day, in a cover the
 * requester works the counterpart's shift on `payback`. Shifts come from the
 * assignments an approval moved (the roster has already changed) or else from
 * the roster as it stands.
 */
function swapEvent(kind: NotifyEventKind, actor: string | null, s: Swap, moved: Assignment[] | undefined, shiftOf: ShiftLookup): NotifyEvent {
  const other = s.payback ?? s.date
  const find = (staff: string, date: IsoDate) => moved?.find((a) => a.staff === staff && a.date === date)?.shift ?? shiftOf(staff, date)
  const mine = find(s.requester, s.date)
  const theirs = find(s.counterpart, other)
  return {
    kind, actor, ref: s.id, people: [s.requester, s.counterpart], dates: s.payback ? [s.date, s.payback] : [s.date],
    shifts: [mine, theirs].filter((x): x is string => !!x),
    swapShifts: { mine: mine ?? null, theirs: theirs ?? null },
    requester: s.requester, counterpart: s.counterpart, payback: s.payback, reverses: s.reverses ?? null,
  }
}
