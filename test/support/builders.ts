// Builders with defaults and named dates for tests. Expected values in tests
// are written out literally, not recomputed with these.

import type { Assignment, Holiday, Leave, RosterConfig, ShiftType, Staff } from '../../src/domain/types.js'
import { DEFAULT_CONFIG } from '../../src/domain/types.js'
import type { RosterState } from '../../src/domain/roster.js'

/** A Monday well in the future. */
export const MON = '2027-01-04'
export const TUE = '2027-01-05'
export const WED = '2027-01-06'
export const THU = '2027-01-07'
export const FRI = '2027-01-08'
export const SAT = '2027-01-09'
export const SUN = '2027-01-10'

export const SHIFT_A: ShiftType = { code: 'A', name: 'Day', start: 9 * 60, end: 17 * 60, remote: false, headcount: 1 }
export const SHIFT_B: ShiftType = { code: 'B', name: 'Late', start: 12 * 60, end: 20 * 60, remote: false, headcount: 1 }
export const SHIFT_C: ShiftType = { code: 'C', name: 'Evening', start: 20 * 60, end: 22 * 60, remote: true, headcount: 1 }
export const DEMO_SHIFTS: ShiftType[] = [SHIFT_A, SHIFT_B, SHIFT_C]

export function aStaff(over: Partial<Staff> = {}): Staff {
  return { id: 'ana', name: 'Ana', role: 'agent', rotation: true, active: true, ...over }
}

export function aShift(over: Partial<ShiftType> = {}): ShiftType {
  return { ...SHIFT_A, ...over }
}

export function anAssignment(date: string, shift: string, staff: string): Assignment {
  return { date, shift, staff }
}

export function aLeave(over: Partial<Leave> = {}): Leave {
  return { id: 1, staff: 'ana', from: MON, to: MON, reason: null, status: 'approved', ...over }
}

export function aConfig(over: Partial<RosterConfig> = {}): RosterConfig {
  return { ...DEFAULT_CONFIG, ...over }
}

export function aRoster(over: Partial<RosterState> = {}): RosterState {
  return { shifts: DEMO_SHIFTS, assignments: [], leaves: [], holidays: [] as Holiday[], config: aConfig(), ...over }
}
