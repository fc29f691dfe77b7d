// Reads an instance of the Curtois & Qu shift scheduling benchmark
// (schedulingbenchmarks.org/nrp, the `InstanceN.txt` text format) and turns
// it into the solver's model. Pure: it takes the file's text.
//
// The format: sections SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF,
// SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS and
// SECTION_COVER, each a header line then comma-separated data lines up to a
// blank line; lines starting with # are comments; day 0 is a Monday. The
// reader is strict, so that a damaged file (a truncated section, a bad
// number, an unknown id) is refused with the line that is wrong rather than
// solved as something else.

import { emptyModel, ensureCellCost, cellCostIndex, OFF, type Model } from './model.js'

export interface CurtoisShift {
  id: string
  minutes: number
  /** Shifts that may not be worked the day after this one. */
  cannotFollow: string[]
}

export interface CurtoisStaff {
  id: string
  /** Most shifts of each type listed (a type not listed: no limit). */
  maxShifts: Map<string, number>
  maxTotalMinutes: number
  minTotalMinutes: number
  maxConsecutiveShifts: number
  minConsecutiveShifts: number
  minConsecutiveDaysOff: number
  maxWeekends: number
}

export interface CurtoisRequest {
  staff: string
  day: number
  shift: string
  weight: number
}

export interface CurtoisCover {
  day: number
  shift: string
  requirement: number
  /** Cost per person missing and per person too many. */
  underWeight: number
  overWeight: number
}

export interface CurtoisInstance {
  horizon: number
  shifts: CurtoisShift[]
  staff: CurtoisStaff[]
  /** Per staff id, the days they must have off. */
  daysOff: Map<string, number[]>
  onRequests: CurtoisRequest[]
  offRequests: CurtoisRequest[]
  cover: CurtoisCover[]
}

/** A text that is not a well-formed instance; `line` is 1-based when one line is to blame. */
export class CurtoisFormatError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`)
  }
}

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const
type Section = (typeof SECTIONS)[number]
const REQUIRED: readonly Section[] = ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF', 'SECTION_COVER']

/** The most days an instance may span (ten years): more is taken for a damaged number. */
export const MAX_HORIZON = 3660

interface Row {
  fields: string[]
  line: number
}

/** Splits the text into its sections' data lines, each with its line number. */
function sections(text: string): Map<Section, Row[]> {
  const out = new Map<Section, Row[]>()
  let current: Row[] | null = null
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    const n = i + 1
    if (line.startsWith('#')) return
    if (line.startsWith('SECTION_')) {
      const name = SECTIONS.find((s) => s === line)
      if (!name) throw new CurtoisFormatError(`unknown section ${line} (expected one of ${SECTIONS.join(', ')})`, n)
      if (out.has(name)) throw new CurtoisFormatError(`${name} appears twice`, n)
      current = []
      out.set(name, current)
      return
    }
    if (!line) {
      current = null
      return
    }
    if (!current) throw new CurtoisFormatError(`"${clip(line)}" is outside any section (a section starts with a SECTION_ line and ends at a blank line)`, n)
    current.push({ fields: line.split(',').map((f) => f.trim()), line: n })
  })
  return out
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s
}

/** A whole number from 0 up ("-0" too: Instance15 writes one requirement so), or an error naming the field and the line. */
function count(raw: string | undefined, what: string, row: Row, max = 1_000_000_000): number {
  if (raw === undefined || !/^(\d+|-0+)$/.test(raw) || Number(raw) > max) {
    throw new CurtoisFormatError(`${what} must be a whole number from 0${max < 1_000_000_000 ? ` to ${max}` : ''}, not "${clip(raw ?? '')}"`, row.line)
  }
  return Math.abs(Number(raw))
}

function id(raw: string | undefined, what: string, row: Row): string {
  if (!raw || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new CurtoisFormatError(`${what} must be an id (letters, digits, _ or -), not "${clip(raw ?? '')}"`, row.line)
  return raw
}

function fieldCount(row: Row, n: number, section: Section, names: string): void {
  if (row.fields.length !== n) {
    throw new CurtoisFormatError(`${section} lines have ${n} fields (${names}), this one has ${row.fields.length}: "${clip(row.fields.join(','))}"`, row.line)
  }
}

/** Parses an instance; throws a CurtoisFormatError naming the problem (and its line) when the text is not one. */
export function parseCurtois(text: string): CurtoisInstance {
  const sec = sections(text)
  // Sections are read in order, so a file cut short is reported where it is cut.
  const rows = (name: Section): Row[] => {
    const r = sec.get(name)
    if (r) return r
    if (REQUIRED.includes(name)) throw new CurtoisFormatError(`${name} is missing${sec.size ? ': the file may be truncated' : ': this is not a Curtois & Qu instance'}`)
    return []
  }

  const horizonRows = rows('SECTION_HORIZON')
  if (horizonRows.length !== 1) throw new CurtoisFormatError(`SECTION_HORIZON must hold one line, the number of days; it holds ${horizonRows.length}`, horizonRows[1]?.line)
  const hr = horizonRows[0]!
  fieldCount(hr, 1, 'SECTION_HORIZON', 'the number of days')
  const horizon = count(hr.fields[0], 'The horizon', hr, MAX_HORIZON)
  if (horizon < 1) throw new CurtoisFormatError('The horizon must be at least one day', hr.line)

  const shifts: CurtoisShift[] = []
  const shiftIds = new Set<string>()
  const followRows: Row[] = []
  for (const r of rows('SECTION_SHIFTS')) {
    fieldCount(r, 3, 'SECTION_SHIFTS', 'ShiftID, Length in mins, Shifts which cannot follow this shift')
    const sid = id(r.fields[0], 'A shift id', r)
    if (shiftIds.has(sid)) throw new CurtoisFormatError(`shift ${sid} is defined twice`, r.line)
    shiftIds.add(sid)
    const minutes = count(r.fields[1], `The length of shift ${sid}`, r, 24 * 60)
    if (minutes < 1) throw new CurtoisFormatError(`The length of shift ${sid} must be at least one minute`, r.line)
    shifts.push({ id: sid, minutes, cannotFollow: r.fields[2] ? r.fields[2].split('|').map((f) => f.trim()) : [] })
    followRows.push(r)
  }
  if (!shifts.length) throw new CurtoisFormatError('SECTION_SHIFTS lists no shift')
  shifts.forEach((s, i) => {
    for (const next of s.cannotFollow) {
      if (!shiftIds.has(next)) throw new CurtoisFormatError(`shift ${s.id} names an unknown shift "${clip(next)}" that cannot follow it`, followRows[i]!.line)
    }
  })
  const knownShift = (raw: string | undefined, r: Row): string => {
    const s = id(raw, 'A shift id', r)
    if (!shiftIds.has(s)) throw new CurtoisFormatError(`unknown shift ${s} (the shifts are ${[...shiftIds].join(', ')})`, r.line)
    return s
  }

  const staff: CurtoisStaff[] = []
  const staffIds = new Set<string>()
  for (const r of rows('SECTION_STAFF')) {
    fieldCount(r, 8, 'SECTION_STAFF', 'ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends')
    const pid = id(r.fields[0], 'A staff id', r)
    if (staffIds.has(pid)) throw new CurtoisFormatError(`employee ${pid} is listed twice`, r.line)
    staffIds.add(pid)
    const maxShifts = new Map<string, number>()
    for (const limit of r.fields[1] ? r.fields[1].split('|') : []) {
      const m = /^([^=]*)=(.*)$/.exec(limit.trim())
      if (!m) throw new CurtoisFormatError(`the MaxShifts of ${pid} must read ShiftID=count, separated by |, not "${clip(limit)}"`, r.line)
      const s = knownShift(m[1]!.trim(), r)
      if (maxShifts.has(s)) throw new CurtoisFormatError(`the MaxShifts of ${pid} name shift ${s} twice`, r.line)
      maxShifts.set(s, count(m[2]!.trim(), `The most ${s} shifts of ${pid}`, r))
    }
    staff.push({
      id: pid,
      maxShifts,
      maxTotalMinutes: count(r.fields[2], `The MaxTotalMinutes of ${pid}`, r),
      minTotalMinutes: count(r.fields[3], `The MinTotalMinutes of ${pid}`, r),
      maxConsecutiveShifts: count(r.fields[4], `The MaxConsecutiveShifts of ${pid}`, r),
      minConsecutiveShifts: count(r.fields[5], `The MinConsecutiveShifts of ${pid}`, r),
      minConsecutiveDaysOff: count(r.fields[6], `The MinConsecutiveDaysOff of ${pid}`, r),
      maxWeekends: count(r.fields[7], `The MaxWeekends of ${pid}`, r),
    })
  }
  if (!staff.length) throw new CurtoisFormatError('SECTION_STAFF lists nobody')
  const knownStaff = (raw: string | undefined, r: Row): string => {
    const p = id(raw, 'An employee id', r)
    if (!staffIds.has(p)) throw new CurtoisFormatError(`unknown employee ${p} (not in SECTION_STAFF)`, r.line)
    return p
  }
  const day = (raw: string | undefined, what: string, r: Row): number => {
    const d = count(raw, what, r)
    if (d >= horizon) throw new CurtoisFormatError(`${what} ${d} is past the horizon (days 0 to ${horizon - 1})`, r.line)
    return d
  }

  const daysOff = new Map<string, number[]>()
  for (const r of rows('SECTION_DAYS_OFF')) {
    if (r.fields.length < 1) throw new CurtoisFormatError('SECTION_DAYS_OFF lines read EmployeeID, DayIndexes', r.line)
    const p = knownStaff(r.fields[0], r)
    const list = daysOff.get(p) ?? []
    for (const f of r.fields.slice(1)) if (f !== '') list.push(day(f, 'A day off', r))
    daysOff.set(p, list)
  }

  const requests = (section: Section): CurtoisRequest[] =>
    rows(section).map((r) => {
      fieldCount(r, 4, section, 'EmployeeID, Day, ShiftID, Weight')
      return { staff: knownStaff(r.fields[0], r), day: day(r.fields[1], 'The day', r), shift: knownShift(r.fields[2], r), weight: count(r.fields[3], 'The weight', r) }
    })
  const onRequests = requests('SECTION_SHIFT_ON_REQUESTS')
  const offRequests = requests('SECTION_SHIFT_OFF_REQUESTS')

  const cover: CurtoisCover[] = []
  const seen = new Set<string>()
  for (const r of rows('SECTION_COVER')) {
    fieldCount(r, 5, 'SECTION_COVER', 'Day, ShiftID, Requirement, Weight for under, Weight for over')
    const c = { day: day(r.fields[0], 'The day', r), shift: knownShift(r.fields[1], r), requirement: count(r.fields[2], 'The requirement', r), underWeight: count(r.fields[3], 'The weight for under', r), overWeight: count(r.fields[4], 'The weight for over', r) }
    const key = `${c.day},${c.shift}`
    if (seen.has(key)) throw new CurtoisFormatError(`SECTION_COVER gives day ${c.day} shift ${c.shift} twice`, r.line)
    seen.add(key)
    cover.push(c)
  }
  // Every (day, shift) has its line: fewer is a damaged file, not a day without needs.
  const want = horizon * shifts.length
  if (cover.length < want) {
    let missing = ''
    for (let d = 0; d < horizon && !missing; d++) for (const s of shifts) if (!missing && !seen.has(`${d},${s.id}`)) missing = `day ${d} shift ${s.id}`
    throw new CurtoisFormatError(`SECTION_COVER has ${cover.length} of the ${want} lines ${horizon} days x ${shifts.length} shifts need (the first missing: ${missing}): the file looks truncated`)
  }
  return { horizon, shifts, staff, daysOff, onRequests, offRequests, cover }
}

export interface CurtoisModel {
  model: Model
  staffIds: string[]
  shiftIds: string[]
}

/**
 * The solver's model of an instance: its hard rules as hard terms; cover and
 * requests as the soft cost, so that a solution without hard violations has
 * exactly the benchmark's objective as its soft cost.
 */
export function curtoisModel(inst: CurtoisInstance): CurtoisModel {
  const shiftIds = inst.shifts.map((s) => s.id)
  const staffIds = inst.staff.map((p) => p.id)
  const shiftIndex = new Map(shiftIds.map((s, i) => [s, i]))
  const staffIndex = new Map(staffIds.map((p, i) => [p, i]))
  const S = shiftIds.length
  const D = inst.horizon
  const m = emptyModel(staffIds.length, D, S)

  inst.shifts.forEach((s, i) => {
    m.shiftMinutes[i] = s.minutes
    for (const next of s.cannotFollow) m.forbidden1[i * S + shiftIndex.get(next)!] = 1
  })
  m.minutesUnit = Math.max(1, Math.min(...inst.shifts.map((s) => s.minutes)))
  inst.staff.forEach((p, i) => {
    for (const [s, n] of p.maxShifts) m.maxShiftCount[i * S + shiftIndex.get(s)!] = n
    // At most 0 shifts in a row is no shift at all (in the model 0 there means no limit).
    if (p.maxConsecutiveShifts === 0) m.maxShiftCount.fill(0, i * S, i * S + S)
    m.maxMinutes[i] = p.maxTotalMinutes
    m.minMinutes[i] = p.minTotalMinutes
    m.maxConsecWork[i] = p.maxConsecutiveShifts
    m.minConsecWork[i] = p.minConsecutiveShifts
    m.minConsecOff[i] = p.minConsecutiveDaysOff
    m.maxWeekends[i] = p.maxWeekends
  })
  // Day 0 is a Monday; Saturday and Sunday make a weekend.
  for (let d = 0; d < D; d++) if (d % 7 >= 5) m.weekendOf[d] = Math.floor(d / 7)
  m.weekends = Math.floor(D / 7) + (D % 7 > 5 ? 1 : 0)
  for (const [p, days] of inst.daysOff) for (const d of days) m.fixed[staffIndex.get(p)! * D + d] = OFF
  const cost = ensureCellCost(m)
  for (const r of inst.onRequests) {
    // Wants shift s that day: every other value, off included, costs the weight.
    const p = staffIndex.get(r.staff)!
    const s = shiftIndex.get(r.shift)!
    for (let v = OFF; v < S; v++) if (v !== s) cost[cellCostIndex(m, p, r.day, v)]! += r.weight
  }
  for (const r of inst.offRequests) cost[cellCostIndex(m, staffIndex.get(r.staff)!, r.day, shiftIndex.get(r.shift)!)]! += r.weight
  for (const c of inst.cover) {
    const i = c.day * S + shiftIndex.get(c.shift)!
    m.coverTarget[i] = c.requirement
    m.coverUnder[i] = c.underWeight
    m.coverOver[i] = c.overWeight
  }
  return { model: m, staffIds, shiftIds }
}

/** The assignments a grid of the model stands for, person by person, day by day. */
export function curtoisAssignments(cm: CurtoisModel, cells: Int16Array): { staff: string; day: number; shift: string }[] {
  const { staff: P, days: D } = cm.model
  const out: { staff: string; day: number; shift: string }[] = []
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) {
      const v = cells[p * D + d]!
      if (v !== OFF) out.push({ staff: cm.staffIds[p]!, day: d, shift: cm.shiftIds[v]! })
    }
  }
  return out
}
