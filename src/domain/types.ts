// The domain's vocabulary. Dates are ISO `YYYY-MM-DD` strings; times of day
// are minutes from midnight (0..1440).

import type { NotifySettings } from './notify.js'
import type { IsoDate } from './iso-date.js'
import type { MessageParams } from './messages.js'

export type { IsoDate } from './iso-date.js'

export type Role = 'agent' | 'lead' | 'manager'
export const ROLES: readonly Role[] = ['agent', 'lead', 'manager']

export interface Staff {
  id: string
  name: string
  role: Role
  /** On the rotation: the generator may give them shifts. */
  rotation: boolean
  /** Removing a person deactivates them; their history stays. */
  active: boolean
}

export interface ShiftType {
  code: string
  name: string
  /** Minutes from midnight. */
  start: number
  /** Minutes from midnight; an end at or before the start crosses midnight. */
  end: number
  remote: boolean
  /** People needed on this shift every day. */
  headcount: number
}

export interface Assignment {
  date: IsoDate
  shift: string
  staff: string
}

export interface Holiday {
  date: IsoDate
  name: string
  /** Its Chinese name, where the calendar it came from gave one (China's official schedule). */
  nameZh?: string
}

/** The languages a holiday's name can be kept in (the interface languages). */
export type NameLanguage = 'en' | 'zh-CN'

/**
 * A holiday as stored: `name` as given (for an official calendar, English),
 * `nameZh` its Chinese name when the source had one, and whether it is only
 * a statutory date put in while the year's official schedule is unknown.
 */
export interface HolidayRecord {
  date: IsoDate
  name: string
  nameZh: string | null
  statutory: boolean
}

/**
 * A make-up working day (调休上班): a Saturday or Sunday worked in exchange for
 * a longer break. Never a holiday; counted as a weekday for weekend fairness.
 */
export interface Workday {
  date: IsoDate
  name: string
  nameZh: string | null
}

export type LeaveStatus = 'pending' | 'approved' | 'rejected'
export interface Leave {
  id: number
  staff: string
  from: IsoDate
  to: IsoDate
  reason: string | null
  status: LeaveStatus
}

/** `undone`: an approved swap whose reversal (`swap undo`) was approved; the roster is as before it. */
export type SwapStatus = 'pending' | 'accepted' | 'approved' | 'rejected' | 'declined' | 'cancelled' | 'undone'
/** Swaps in these states hold their dates and count towards the monthly limit. */
export const ACTIVE_SWAP_STATUSES: readonly SwapStatus[] = ['pending', 'accepted', 'approved']

export interface Swap {
  id: number
  requester: string
  counterpart: string
  /** D1: the requester's shift date that is given away. */
  date: IsoDate
  /** D2: for a cover, the date on which the requester works the counterpart's shift. */
  payback: IsoDate | null
  status: SwapStatus
  reason: string | null
  /** For a reversal (`swap undo`): the id of the approved swap it undoes. Reversals count towards no limit. */
  reverses?: number | null
}

export interface ServiceHours {
  /** Minutes from midnight. */
  from: number
  /** Minutes from midnight; 1440 means midnight at the end of the day. */
  to: number
}

export interface RosterConfig {
  maxSwapsPerMonth: number
  minRestHours: number
  maxConsecutiveDays: number
  serviceHours: ServiceHours
  cycleWeeks: number
  /** IANA zone of the shift times; null means the zone of the computer running roster. */
  timezone: string | null
  /**
   * The zone of the computer running roster, filled in by the CLI: what a null
   * `timezone` means. Without either, rest is counted by the clocks (no DST).
   */
  systemZone?: string
  /** open.auto-approve: a claim of an open shift that keeps every rule is approved at once, without a lead. */
  openAutoApprove: boolean
  /** notify.hint: other commands print a one-line hint on stderr when something waits on the acting person. */
  notifyHint: boolean
  /** Where and how change notifications go (`notify.*`); absent: the defaults (off). */
  notify?: NotifySettings
}

export const DEFAULT_CONFIG: RosterConfig = {
  maxSwapsPerMonth: 3,
  minRestHours: 11,
  maxConsecutiveDays: 6,
  serviceHours: { from: 9 * 60, to: 24 * 60 },
  cycleWeeks: 3,
  timezone: null,
  openAutoApprove: false,
  notifyHint: true,
}

/** One broken rule, as every rule reports it. */
export interface Violation {
  rule: string
  /** The English sentence (what --json prints, whatever the language). */
  message: string
  date?: IsoDate
  staff?: string
  dates?: IsoDate[]
  /** Which sentence `message` is and its values, so the CLI can say it in another language. */
  params?: MessageParams
}
