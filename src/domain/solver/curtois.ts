// Reads an instance of the Curtois & Qu shift scheduling benchmark
// (schedulingbenchmarks.org/nrp, the `InstanceN.txt` text format) into the
// solver's model. Pure: it takes the file's text. Hard constraints become
// hard terms; cover and shift requests are the soft objective, so a feasible
// solution's `soft` is exactly the benchmark's objective value.

import { emptyModel, ensureCellCost, cellCostIndex, OFF, type Model } from './model.js'

export interface CurtoisInstance {
  model: Model
  staffIds: string[]
  shiftIds: string[]
}

/** Splits the text into its SECTION_ blocks of data lines (comments and blank lines dropped). */
function sections(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>()
  let current: string[][] | null = null
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.startsWith('#')) continue
    if (line.startsWith('SECTION_')) {
      current = []
      out.set(line, current)
      continue
    }
    if (!line) {
      current = null
      continue
    }
    current?.push(line.split(',').map((f) => f.trim()))
  }
  return out
}

/** Parses an instance; throws an Error naming the problem when the text is not one. */
export function parseCurtois(text: string): CurtoisInstance {
  const sec = sections(text)
  const need = (name: string): string[][] => {
    const rows = sec.get(name)
    if (!rows) throw new Error(`not a Curtois instance: ${name} is missing`)
    return rows
  }
  const days = Number(need('SECTION_HORIZON')[0]?.[0])
  if (!Number.isInteger(days) || days < 1) throw new Error('not a Curtois instance: bad horizon')
  const shiftRows = need('SECTION_SHIFTS')
  const staffRows = need('SECTION_STAFF')
  const shiftIds = shiftRows.map((r) => r[0]!)
  const staffIds = staffRows.map((r) => r[0]!)
  const shiftIndex = new Map(shiftIds.map((id, i) => [id, i]))
  const staffIndex = new Map(staffIds.map((id, i) => [id, i]))
  const S = shiftIds.length
  const P = staffIds.length
  const m = emptyModel(P, days, S)
  const shiftOf = (id: string): number => {
    const i = shiftIndex.get(id)
    if (i === undefined) throw new Error(`unknown shift ${id}`)
    return i
  }
  const staffOf = (id: string): number => {
    const i = staffIndex.get(id)
    if (i === undefined) throw new Error(`unknown employee ${id}`)
    return i
  }

  shiftRows.forEach((r, s) => {
    m.shiftMinutes[s] = Number(r[1])
    for (const next of (r[2] ?? '').split('|').filter(Boolean)) m.forbidden1[s * S + shiftOf(next)] = 1
  })
  m.minutesUnit = Math.max(1, Math.min(...Array.from(m.shiftMinutes)))

  staffRows.forEach((r, p) => {
    for (const limit of (r[1] ?? '').split('|').filter(Boolean)) {
      const [id, n] = limit.split('=')
      m.maxShiftCount[p * S + shiftOf(id!)] = Number(n)
    }
    m.maxMinutes[p] = Number(r[2])
    m.minMinutes[p] = Number(r[3])
    m.maxConsecWork[p] = Number(r[4])
    m.minConsecWork[p] = Number(r[5])
    m.minConsecOff[p] = Number(r[6])
    m.maxWeekends[p] = Number(r[7])
  })

  // Day 0 is a Monday; Saturday and Sunday make a weekend.
  for (let d = 0; d < days; d++) if (d % 7 >= 5) m.weekendOf[d] = Math.floor(d / 7)
  m.weekends = Math.ceil(days / 7)

  for (const r of sec.get('SECTION_DAYS_OFF') ?? []) {
    const p = staffOf(r[0]!)
    for (const d of r.slice(1)) if (d !== '') m.fixed[p * days + Number(d)] = OFF
  }
  const cost = ensureCellCost(m)
  for (const r of sec.get('SECTION_SHIFT_ON_REQUESTS') ?? []) {
    // Wants shift s that day: every other value (off included) costs the weight.
    const p = staffOf(r[0]!)
    const d = Number(r[1])
    const s = shiftOf(r[2]!)
    for (let v = OFF; v < S; v++) if (v !== s) cost[cellCostIndex(m, p, d, v)]! += Number(r[3])
  }
  for (const r of sec.get('SECTION_SHIFT_OFF_REQUESTS') ?? []) {
    const p = staffOf(r[0]!)
    cost[cellCostIndex(m, p, Number(r[1]), shiftOf(r[2]!))]! += Number(r[3])
  }
  for (const r of need('SECTION_COVER')) {
    const i = Number(r[0]) * S + shiftOf(r[1]!)
    m.coverTarget[i] = Number(r[2])
    m.coverUnder[i] = Number(r[3])
    m.coverOver[i] = Number(r[4])
  }
  return { model: m, staffIds, shiftIds }
}
