// The roster as the rules see it: a plain value, indexed on demand.

import type { Assignment, Holiday, IsoDate, Leave, RosterConfig, ShiftType, Violation } from './types.js'

export interface RosterState {
  shifts: readonly ShiftType[]
  assignments: readonly Assignment[]
  /** Leave of any status; rules pick the statuses they care about. */
  leaves: readonly Leave[]
  holidays: readonly Holiday[]
  config: RosterConfig
}

/** Which dates (and optionally which people) a check reports on. */
export interface RuleScope {
  from: IsoDate
  to: IsoDate
  staff?: ReadonlySet<string>
}

export interface RosterRule {
  id: string
  title: string
  check(state: RosterState, scope: RuleScope): Violation[]
}

export function inScope(scope: RuleScope, date: IsoDate, staff?: string): boolean {
  if (date < scope.from || date > scope.to) return false
  return !(staff && scope.staff && !scope.staff.has(staff))
}

/** Each person's assignments sorted by date, then by start time. */
export function byStaff(state: RosterState): Map<string, Assignment[]> {
  const starts = new Map(state.shifts.map((s) => [s.code, s.start]))
  const out = new Map<string, Assignment[]>()
  for (const a of state.assignments) {
    let list = out.get(a.staff)
    if (!list) out.set(a.staff, (list = []))
    list.push(a)
  }
  for (const list of out.values()) {
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : (starts.get(x.shift) ?? 0) - (starts.get(y.shift) ?? 0)))
  }
  return out
}

export function shiftMap(shifts: readonly ShiftType[]): Map<string, ShiftType> {
  return new Map(shifts.map((s) => [s.code, s]))
}

export function applyAssignments(state: RosterState, remove: readonly Assignment[], add: readonly Assignment[]): RosterState {
  const key = (a: Assignment) => `${a.date}|${a.shift}|${a.staff}`
  const gone = new Set(remove.map(key))
  return { ...state, assignments: [...state.assignments.filter((a) => !gone.has(key(a))), ...add] }
}
