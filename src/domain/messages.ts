// The values behind every rule's sentence, so the CLI can say it in another
// language. Each rule keeps its English `message`; beside it, `params` names
// which sentence it is (`key`) and the values that sentence needs. The domain
// stays free of any language but English: the CLI renders the other ones.

import type { IsoDate } from './iso-date.js'

/** A swap step, as the swap.approver sentences name it. */
export type MessageAction = 'request' | 'accept' | 'decline' | 'approve' | 'reject' | 'cancel' | 'undo'

/** Every sentence a rule can say (a violation or, for swap check, why a rule passes), with its values. */
export interface MessageParamsByKey {
  // roster.coverage
  'coverage.short': { shift: string; date: IsoDate; have: number; need: number }
  'coverage.over': { shift: string; date: IsoDate; have: number; need: number }
  'coverage.unavailable': { date: IsoDate; shifts: number; need: number; available: number; away: string[] }
  // roster.one-shift-per-day
  'one-shift-per-day': { staff: string; date: IsoDate; first: string; second: string }
  // roster.min-rest
  'min-rest': { staff: string; hours: string; prevShift: string; prevDate: IsoDate; prevEnd: string; nextShift: string; nextDate: IsoDate; nextStart: string; need: number }
  // roster.max-consecutive-days
  'max-consecutive-days': { staff: string; days: number; first: IsoDate; last: IsoDate; limit: number }
  'max-consecutive-days.capacity': { from: IsoDate; to: IsoDate; demand: number; limit: number; people: number; capacity: number }
  // roster.leave
  'leave': { staff: string; date: IsoDate; shift: string }
  // swap.past
  'swap.past': { date: IsoDate; today: IsoDate }
  'swap.past.ok': { dates: IsoDate[]; today: IsoDate }
  // swap.holiday
  'swap.holiday': { date: IsoDate; holiday: string }
  'swap.holiday.ok': { dates: IsoDate[] }
  // swap.leave
  'swap.leave': { staff: string; status: string; from: IsoDate; to: IsoDate; date: IsoDate }
  'swap.leave.swap': { staff: string; swap: number; status: string; date: IsoDate }
  'swap.leave.ok': { people: string[]; dates: IsoDate[] }
  // swap.ownership
  'swap.ownership.self': { staff: string }
  'swap.ownership.no-shift': { requester: string; date: IsoDate }
  'swap.ownership.same-shift': { requester: string; counterpart: string; shift: string; date: IsoDate }
  'swap.ownership.exchange-payback': { counterpart: string; shift: string; date: IsoDate }
  'swap.ownership.needs-payback': { requester: string; counterpart: string; date: IsoDate }
  'swap.ownership.same-date': { date: IsoDate }
  'swap.ownership.busy-on-payback': { requester: string; counterpart: string; shift: string; payback: IsoDate }
  'swap.ownership.free-on-payback': { requester: string; counterpart: string; payback: IsoDate }
  'swap.ownership.exchange': { requester: string; counterpart: string; date: IsoDate; mine: string; theirs: string }
  'swap.ownership.cover': { requester: string; counterpart: string; date: IsoDate; payback: IsoDate; mine: string; theirs: string }
  // swap.monthly-limit
  'swap.monthly-limit': { staff: string; already: number; month: string; limit: number }
  'swap.monthly-limit.ok': { month: string; limit: number; counts: { staff: string; swaps: number }[] }
  // swap.consecutive
  'swap.consecutive': { staff: string; swap: number; status: string; other: IsoDate; date: IsoDate }
  'swap.consecutive.ok': { people: string[]; dates: IsoDate[] }
  // swap.back-to-back: a roster rule the swap would make a participant break
  'swap.back-to-back': { rule: string; cause: MessageParams | null; message: string }
  'swap.back-to-back.ok': { people: string[]; rest: number; limit: number }
  'swap.back-to-back.unchecked': Record<string, never>
  // swap.approver
  'swap.approver.requester-only': { requester: string; actor: string; action: MessageAction }
  'swap.approver.counterpart-only': { counterpart: string; actor: string; action: MessageAction }
  'swap.approver.lead-only': { actor: string; role: string; action: MessageAction }
  'swap.approver.takes-part': { actor: string; action: MessageAction }
  'swap.approver.ok': { actor: string; counterpart: string; action: MessageAction }
  // swap.approver for swap undo: only a party of the swap asks to undo it
  'swap.approver.party-only': { swap: number; requester: string; counterpart: string; actor: string }
  // generate --replace: an approved swap the new roster must keep, and the rule that stands in the way
  'generate.fixed-swap': { swaps: number[]; rule: string; cause: MessageParams | null; message: string }
  // leave.holiday
  'leave.holiday': { staff: string; shift: string; date: IsoDate; holiday: string }
}

export type MessageKey = keyof MessageParamsByKey

/** One sentence's key and values. */
export type MessageParams = { [K in MessageKey]: { key: K } & MessageParamsByKey[K] }[MessageKey]

/** Builds the params of one sentence, checked against its key. */
export function params<K extends MessageKey>(key: K, values: MessageParamsByKey[K]): MessageParams {
  return { key, ...values } as MessageParams
}

/** A sentence in English with its params: what a passing swap rule says for `swap check`. */
export interface RuleNote {
  message: string
  params: MessageParams
}
