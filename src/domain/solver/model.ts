// The integer model the solver works on: a staff x days grid in which each
// cell holds a shift index (0..shifts-1) or OFF. Everything is a flat typed
// array indexed by small integers, so that the search never touches strings,
// dates or objects. The model knows nothing about roster's own types:
// `generate.ts` translates a team into it, and a benchmark reader can do the
// same for the nurse rostering instances of Curtois & Qu.
//
// Constraints come in two strengths. Hard ones count units of violation
// (a missing person, a day too many in a row, a forbidden succession...);
// soft ones cost weight x amount. A solution is feasible when its hard
// count is zero.

/** A cell with no shift. */
export const OFF = -1
/** In `fixed`: the cell is free to take any value. */
export const FREE = -2
/** In the history arrays: no (known) shift on that day. */
export const NONE = -1
/** In the per-person limits: no limit. */
export const UNLIMITED = -1

/** A set of days whose worked count per person is kept in a soft range (weekend days, holidays). */
export interface DayGroup {
  /** 1 on the days of the group, length `days`. */
  mask: Uint8Array
  /** Per person, the fair range of worked days in the group; lo > hi or lo < 0 disables it. */
  lo: Int32Array
  hi: Int32Array
  /** Soft cost per squared day outside the range. */
  weight: number
}

export interface Model {
  readonly staff: number
  readonly days: number
  readonly shifts: number

  /** Length of each shift type in minutes. */
  shiftMinutes: Int32Array
  /** Rotation order of the shift types (by start time): a change to a lower rank is a backward rotation. */
  shiftRank: Int32Array

  /** [a * shifts + b] = 1: shift b may not be worked the day after shift a (hard). */
  forbidden1: Uint8Array
  /** [a * shifts + b] = 1: shift b may not be worked two days after shift a when the day between is off (hard). */
  forbidden2: Uint8Array

  /** [day * shifts + s]: people wanted on shift s that day. */
  coverTarget: Int32Array
  /** [day * shifts + s]: cost per missing person (hard units when coverUnderHard). */
  coverUnder: Int32Array
  /** [day * shifts + s]: cost per extra person (hard units when coverOverHard). */
  coverOver: Int32Array
  coverUnderHard: boolean
  coverOverHard: boolean

  /** [person * days + day]: FREE, or the value the cell must hold (days off, leave, pre-set shifts). */
  fixed: Int16Array
  /** Optional soft cost of each value of each cell: [(person * days + day) * (shifts + 1) + value + 1] (requests). */
  cellCost: Int32Array | null

  /** [person * shifts + s]: most shifts of type s the person may work, or UNLIMITED (hard). */
  maxShiftCount: Int32Array
  /** Per person, total minutes worked within [min, max], UNLIMITED to disable (hard, in units of `minutesUnit`). */
  minMinutes: Int32Array
  maxMinutes: Int32Array
  minutesUnit: number
  /** Per person, working days in a row at most (0: no limit), counting the history run (hard). */
  maxConsecWork: Int32Array
  /** Per person, working days in a row at least (0: none); runs touching an edge without history are exempt (hard). */
  minConsecWork: Int32Array
  /** Per person, days off in a row at least (0: none); runs touching an edge without history are exempt (hard). */
  minConsecOff: Int32Array
  /** Per day, the weekend it belongs to (0..weekends-1), or -1. */
  weekendOf: Int32Array
  weekends: number
  /** Per person, worked weekends (a weekend with any shift) at most, or UNLIMITED (hard). */
  maxWeekends: Int32Array

  /** Per person, working days in a row just before day 0 (0 when the day before was off). */
  histWork: Int32Array
  /** Per person, days off in a row just before day 0, when known (0 otherwise). */
  histOff: Int32Array
  /** Per person, the shift worked on day -1 and on day -2, or NONE. */
  histShift1: Int16Array
  histShift2: Int16Array

  /** [person * shifts + s]: soft fair range of shifts of type s; lo < 0 disables it. */
  countLo: Int32Array
  countHi: Int32Array
  /** Soft cost per squared shift outside the count range. */
  countWeight: number
  /** Per person, soft fair range of working days; lo < 0 disables it. */
  workLo: Int32Array
  workHi: Int32Array
  workWeight: number
  groups: DayGroup[]
  /** Soft cost when a person's shift changes between two consecutive working days. */
  changeWeight: number
  /** Extra soft cost when that change goes backwards in the rotation (to a lower rank). */
  backwardWeight: number
  /** Soft wish for runs of at least this many working days / days off (0: none); cost per missing day. */
  softMinWork: number
  softMinOff: number
  softRunWeight: number
}

/** A model of the given size with every constraint switched off and every cell free. */
export function emptyModel(staff: number, days: number, shifts: number): Model {
  const ps = staff * shifts
  const fill = (n: number, v: number) => new Int32Array(n).fill(v)
  return {
    staff,
    days,
    shifts,
    shiftMinutes: fill(shifts, 0),
    shiftRank: Int32Array.from({ length: shifts }, (_, i) => i),
    forbidden1: new Uint8Array(shifts * shifts),
    forbidden2: new Uint8Array(shifts * shifts),
    coverTarget: fill(days * shifts, 0),
    coverUnder: fill(days * shifts, 0),
    coverOver: fill(days * shifts, 0),
    coverUnderHard: false,
    coverOverHard: false,
    fixed: new Int16Array(staff * days).fill(FREE),
    cellCost: null,
    maxShiftCount: fill(ps, UNLIMITED),
    minMinutes: fill(staff, UNLIMITED),
    maxMinutes: fill(staff, UNLIMITED),
    minutesUnit: 60,
    maxConsecWork: fill(staff, 0),
    minConsecWork: fill(staff, 0),
    minConsecOff: fill(staff, 0),
    weekendOf: fill(days, -1),
    weekends: 0,
    maxWeekends: fill(staff, UNLIMITED),
    histWork: fill(staff, 0),
    histOff: fill(staff, 0),
    histShift1: new Int16Array(staff).fill(NONE),
    histShift2: new Int16Array(staff).fill(NONE),
    countLo: fill(ps, -1),
    countHi: fill(ps, -1),
    countWeight: 0,
    workLo: fill(staff, -1),
    workHi: fill(staff, -1),
    workWeight: 0,
    groups: [],
    changeWeight: 0,
    backwardWeight: 0,
    softMinWork: 0,
    softMinOff: 0,
    softRunWeight: 0,
  }
}

/** Marks Saturday+Sunday pairs as weekends, given the weekday (0 = Monday) of day 0. */
export function setWeekends(model: Model, firstWeekday: number): void {
  const ids = new Map<number, number>()
  for (let d = 0; d < model.days; d++) {
    const wd = (firstWeekday + d) % 7
    if (wd < 5) continue
    // Saturday and the Sunday after it share one weekend; a lone Sunday on day 0 gets its own.
    const saturday = d - (wd - 5)
    let id = ids.get(saturday)
    if (id === undefined) ids.set(saturday, (id = ids.size))
    model.weekendOf[d] = id
  }
  model.weekends = ids.size
}

/** Makes the cell cost table on first use and returns it. */
export function ensureCellCost(model: Model): Int32Array {
  if (!model.cellCost) model.cellCost = new Int32Array(model.staff * model.days * (model.shifts + 1))
  return model.cellCost
}

/** Index of value `v` (OFF or a shift) of cell (p, d) in `cellCost`. */
export function cellCostIndex(model: Model, p: number, d: number, v: number): number {
  return (p * model.days + d) * (model.shifts + 1) + v + 1
}

/** Shift times as minutes from midnight; an end at or before the start crosses midnight. */
export interface ShiftTimes {
  start: number
  end: number
}

/**
 * Fills the forbidden successions from shift times: b may not follow a when
 * fewer than `minRestMinutes` lie between a's end (the next day when it
 * crosses midnight) and b's start one day (forbidden1) or two days (forbidden2) later.
 */
export function setRestFromTimes(model: Model, times: readonly ShiftTimes[], minRestMinutes: number): void {
  const S = model.shifts
  for (let a = 0; a < S; a++) {
    const ta = times[a]!
    const endA = ta.start + (ta.end > ta.start ? ta.end - ta.start : ta.end + 1440 - ta.start)
    for (let b = 0; b < S; b++) {
      const startB = times[b]!.start
      model.forbidden1[a * S + b] = 1440 + startB - endA < minRestMinutes ? 1 : 0
      model.forbidden2[a * S + b] = 2880 + startB - endA < minRestMinutes ? 1 : 0
    }
  }
}
