// Drawing up a roster: translate the team, the shifts and the house rules into
// the solver's integer model, search, and hand back assignments that keep
// every roster rule (checked again with the shared rules) or the rules that
// cannot all hold, each with the day it fails.

import { absoluteEnd } from './clock.js'
import { teamZone } from './config.js'
import { mostMinutesLost } from './zone.js'
import { addDays, diffDays, isWeekend, weekdayIndex } from './dates.js'
import { computeFairness, type FairnessSummary } from './fairness.js'
import { params } from './messages.js'
import type { RosterState } from './roster.js'
import { checkRules, PERSONAL_RULES, ROSTER_RULES } from './rules/index.js'
import { emptyModel, FREE, NONE, OFF, setRestFromTimes, setWeekends, type DayGroup, type Model } from './solver/model.js'
import { Random } from './solver/random.js'
import { rowDpPairable } from './solver/row-dp.js'
import { solve, type SolveResult } from './solver/search.js'
import { SolverState } from './solver/state.js'
import type { Assignment, Holiday, IsoDate, Leave, RosterConfig, ShiftType, Violation } from './types.js'
import { lowerBound } from './solver/bound.js'
import { addSpreadGroups, addWishCosts, grantCounts, grantSpread, offWished, placeWishes, removeCosts, wishReport, type PlacedWish, type WishReport } from './wishes/plan.js'
import type { Wish } from './wishes/wish.js'

export interface GenerateInput {
  /** Consecutive days, the first is the start. */
  dates: IsoDate[]
  /** Ids of the active on-rotation staff, in a stable order. */
  staff: string[]
  shifts: ShiftType[]
  config: RosterConfig
  /** Approved leave days per person. */
  unavailable: ReadonlyMap<string, ReadonlySet<IsoDate>>
  /** Assignments of the days just before dates[0]: rest and working runs carry over. */
  history: Assignment[]
  holidays: Holiday[]
  /** Make-up working days (调休上班): a Saturday or Sunday among them is no weekend day for fair shares. */
  workdays?: readonly IsoDate[]
  seed: number
  /** Search budget multiplier (default 1); the result stays deterministic for a given seed. */
  effort?: number
  /**
   * Cells the search may not move: a person works this shift (or is off, shift
   * null) on this date, because an approved swap made it so. A person outside
   * `staff` with a fixed shift keeps it on top of the team's places.
   */
  fixed?: readonly FixedCell[]
  /** What staff wish (SPEC 9): weighed against the fair shares, never against a rule or coverage. */
  wishes?: readonly Wish[]
  /**
   * Compute how far the roster is from the best possible (a lower bound) on the injected
   * clock: for at least budgetMs, and as long as the search for the roster took, up to
   * BOUND_SHARE times budgetMs (larger teams and longer ranges need longer to price).
   */
  quality?: { now: () => number; budgetMs: number }
}

/** The roster's cost for its goals against the relaxation's lower bound (gap: (cost - bound) / cost, 0 when optimal). */
export type Quality = { objective: number; lowerBound: number; gap: number } | { objective: number; lowerBound: null; why: 'too-large' | 'not-applicable' }

/** One person's day that must stay as it is, and the approved swap that holds it. */
export interface FixedCell {
  staff: string
  date: IsoDate
  /** The shift they work that day, or null for a day off. */
  shift: string | null
  swap: number
}

export type GenerateResult =
  | { ok: true; assignments: Assignment[]; fairness: FairnessSummary; wishes?: WishReport; quality?: Quality }
  | { ok: false; violations: Violation[] }

/** Soft weights of the generator's wishes; hard rules always come first. */
const WEIGHTS = {
  /**
   * Per squared shift outside a person's fair share of a shift type: high enough that no
   * amount of stable runs makes up for an unfair share.
   */
  shiftShare: 200,
  /** Per squared day outside a person's fair share of working days (and so of days off). */
  workShare: 200,
  /** Per squared day outside a person's fair share of weekend / holiday shifts. */
  weekendShare: 150,
  holidayShare: 100,
  /** A different shift than the day before. */
  change: 3,
  /** ... and extra when it goes backwards (C then A). */
  backward: 4,
  /** Per day short of two working days or two days off in a row. */
  shortRun: 2,
  /** Every fair-share weight during the first, exploring phase of the search. */
  exploreShare: 3,
}

/**
 * The least search a roster gets. Small teams gain most from a longer search: at some 45k
 * moves (300 a cell) the demo team's roster cost 24-45 in shift changes and short runs over
 * seeds 1-5, at 600k 10-27; 4 people over 12 weeks fell from 185-430 to 142-161. The lower
 * bound of the quality line (about 5.3 on the demo team) stays where it was.
 */
const MIN_MOVES = 600_000
/** The most search a roster gets (a few seconds), however large the team and the range. */
const MAX_MOVES = 3_000_000

/**
 * The lower bound's time is at most this many times its least (GenerateInput.quality). With
 * 0.6 s at least, 1.8 s at most: 50 people over 12 weeks with wishes search some 5 s and their
 * bound is past its first rounds of pricing in 1.8 s.
 */
const BOUND_SHARE = 3

/**
 * The share of pair moves in the second phase of the search, on ranges over PAIR_DAYS days.
 * On teams of 4 to 30 over 12 weeks, seeds 1-4, at about the same time: shift changes and
 * short runs cost 10-25% less (12 people 260 -> 194, 30 people 118 -> 100 on average). Over 3
 * weeks they gained nothing (some cases better, some worse), so rosters of a cycle or so,
 * the demo's among them, are drawn up as before.
 */
const PAIR_MOVES = 0.1
const PAIR_DAYS = 28

/** Day groups that spread granted wishes over people (wishes/plan.ts): no fair share, so no share miss and no exploring weight. */
const spreadGroups = new WeakSet<DayGroup>()

/** How many people's counts (per shift type, working days, per day group) lie outside their fair range. */
function shareMisses(model: Model, cells: Int16Array): number {
  const { staff: P, days: D, shifts: S } = model
  const outside = (n: number, lo: number, hi: number) => lo >= 0 && (n < lo || n > hi)
  let misses = 0
  for (let p = 0; p < P; p++) {
    const counts = new Array<number>(S).fill(0)
    const groups = new Array<number>(model.groups.length).fill(0)
    let worked = 0
    for (let d = 0; d < D; d++) {
      const v = cells[p * D + d]!
      if (v === OFF) continue
      counts[v]!++
      worked++
      model.groups.forEach((g, i) => (groups[i]! += g.mask[d]!))
    }
    for (let s = 0; s < S; s++) if (outside(counts[s]!, model.countLo[p * S + s]!, model.countHi[p * S + s]!)) misses++
    if (outside(worked, model.workLo[p]!, model.workHi[p]!)) misses++
    model.groups.forEach((g, i) => !spreadGroups.has(g) && outside(groups[i]!, g.lo[p]!, g.hi[p]!) && misses++)
  }
  return misses
}

/** The model with every fair-share weight set to `weight` (the arrays are shared, not copied). */
function withShareWeight(model: Model, weight: number): Model {
  return { ...model, countWeight: weight, workWeight: weight, groups: model.groups.map((g) => (spreadGroups.has(g) ? g : { ...g, weight })) }
}

/**
 * Draws up a roster for `dates`: with ok, every shift has exactly its
 * headcount every day and every roster rule holds (history included), and the
 * work is shared as evenly as the search manages; otherwise the violations
 * that stand in the way, each naming its rule and day.
 */
export function generateRoster(given: GenerateInput): GenerateResult {
  // A person listed twice is still one person.
  const input = { ...given, staff: [...new Set(given.staff)] }
  const began = input.quality?.now()
  const { dates, staff, shifts } = input
  const D = dates.length
  const P = staff.length
  const from = dates[0]
  const holidays = input.holidays.filter((h) => dates.includes(h.date))
  if (from === undefined) return { ok: true, assignments: [], fairness: computeFairness([], staff, shifts, dates, holidays, input.workdays) }

  const unavailable = staff.map((id) => dates.map((d) => input.unavailable.get(id)?.has(d) ?? false))
  const history = input.history.filter((a) => a.date < from && staff.includes(a.staff))
  const fixed = (input.fixed ?? []).filter((f) => dates.includes(f.date))
  // People outside the team who keep a shift an approved swap gave them: their places are taken.
  const outside = fixed.filter((f) => f.shift !== null && !staff.includes(f.staff)).map((f) => ({ date: f.date, shift: f.shift!, staff: f.staff }))

  const clash = fixedProblems(input, fixed, history)
  if (clash.length) return { ok: false, violations: clash }
  const coverage = coverageProblems(input, unavailable, outside)
  if (coverage.length) return { ok: false, violations: coverage }
  const worked = historyDays(history, from, staff)
  const consecutive = consecutiveProblem(input, unavailable, worked, outside)
  if (consecutive) return { ok: false, violations: [consecutive] }

  const model = buildModel(input, unavailable, worked, history, holidays)
  fixCells(model, input, fixed, outside)
  const wishes = placeWishes(input.wishes ?? [], staff, dates, shifts)
  const wishCosts = addWishCosts(model, wishes)
  for (const g of addSpreadGroups(model, wishes)) spreadGroups.add(g)
  const effort = input.effort ?? 1
  // About 300 move attempts per cell (50 people x 12 weeks in 1.3M), at least MIN_MOVES (about
  // a second) and at most MAX_MOVES (a few seconds) however large the team and the range.
  const iterations = Math.round(effort * Math.min(Math.max(300 * P * D, MIN_MOVES), MAX_MOVES))
  // Two phases. First 70% of the budget with fair shares as cheap as a shift change, so the
  // search can move through uneven states while it shapes runs and rotation; then the rest
  // with the full weights from there, to even the shares out again. (Against one phase at
  // full weights, this halves the cost of changes and short runs in the demo and in
  // 50 people x 12 weeks.) Over more than PAIR_DAYS days the second phase also exchanges two
  // people's cells over a fortnight the best way the row programme finds (pair moves,
  // row-moves.ts: every day's cover stays), PAIR_MOVES of its moves; as each costs some 30
  // single moves, the first phase is then 56% of the budget, and the time stays about the same.
  // Temperatures are on the scale of the soft weights: at 3 a shift change (3) passes one
  // time in three; at the end only improvements pass.
  const exploring = withShareWeight(model, WEIGHTS.exploreShare)
  const pairs = D > PAIR_DAYS && rowDpPairable(model)
  const explored = solve(exploring, { seed: input.seed, iterations: Math.round(iterations * (pairs ? 0.56 : 0.7)), hardWeight: 1000, t0: 3, t1: 0.05, initial: construct(exploring, input.seed, 1000) })
  let result = solve(model, { seed: input.seed, iterations: Math.round(iterations * 0.3), hardWeight: 1000, t0: 1, t1: 0.05, initial: explored.cells, ...(pairs ? { rows: { row: 0, pair: PAIR_MOVES, ruin: 0, pairWindow: 14 } } : {}) })
  // On a tight team the second phase may not get every share back in range: then also try
  // one phase at full weights from scratch, and keep the better (fewer broken rules, then
  // fewer unfair shares, then the lower cost).
  const misses = shareMisses(model, result.cells)
  if (result.hard > 0 || misses > 0) {
    const plain = solve(model, { seed: input.seed, iterations, hardWeight: 1000, t0: 3, t1: 0.05, initial: construct(model, input.seed, 1000) })
    const plainMisses = shareMisses(model, plain.cells)
    if (plain.hard < result.hard || (plain.hard === result.hard && (plainMisses < misses || (plainMisses === misses && plain.soft < result.soft)))) result = plain
  }
  // A tight team may need more: go on from the best grid, hotter and in cycles, before giving up.
  for (let attempt = 1; attempt <= 2 && result.hard > 0; attempt++) {
    const again = solve(model, { seed: input.seed + attempt, iterations: iterations * 2, hardWeight: 1000, t0: 30, t1: 0.05, cycles: 4, initial: result.cells })
    if (again.hard < result.hard || (again.hard === result.hard && again.soft < result.soft)) result = again
  }

  if (wishes.length && result.hard === 0) result = spreadWishes(model, wishes, wishCosts, result, input.seed, iterations)

  const assignments: Assignment[] = []
  for (let d = 0; d < D; d++) {
    for (let p = 0; p < P; p++) {
      const v = result.cells[p * D + d]!
      if (v !== OFF) assignments.push({ date: dates[d]!, shift: shifts[v]!.code, staff: staff[p]! })
    }
  }
  assignments.push(...outside)
  // The shared rules have the last word: never hand back a roster they reject.
  const violations = verify(input, assignments, history)
  if (violations.length) return { ok: false, violations: blameSwaps(violations, fixed) }
  const out: GenerateResult = { ok: true, assignments, fairness: computeFairness(assignments, staff, shifts, dates, holidays, input.workdays) }
  if (input.wishes) {
    const swapFixed = new Set<number>()
    for (const f of fixed) {
      const p = staff.indexOf(f.staff)
      if (p >= 0) swapFixed.add(p * D + dates.indexOf(f.date))
    }
    out.wishes = wishReport(wishes, result.cells, model, staff, unavailable, swapFixed)
  }
  if (input.quality) {
    const { now, budgetMs } = input.quality
    const searched = now() - began!
    out.quality = quality(model, result.cells, { now, budgetMs: Math.max(budgetMs, Math.min(searched, BOUND_SHARE * budgetMs)) })
  }
  return out
}

/**
 * Spreads granted wishes over people: the penalty of each person's wishes grows
 * with how many of theirs the roster denies (1 + denied, so a person with two
 * denied weighs a third denial three times as much), and the search goes on
 * from the roster with those weights. The new roster is kept only when it keeps
 * every rule, leaves no more fair shares out of range and narrows the spread of
 * shares of wishes granted (or keeps it and grants more). Two rounds at most.
 */
function spreadWishes(model: Model, wishes: readonly PlacedWish[], base: Int32Array, start: SolveResult, seed: number, iterations: number): SolveResult {
  let best = start
  let counts = grantCounts(wishes, best.cells, model)
  let spread = grantSpread(counts.granted, counts.total)
  const misses = shareMisses(model, best.cells)
  for (let round = 1; round <= 2 && spread > 0; round++) {
    const denied = counts.total.map((t, p) => t - counts.granted[p]!)
    removeCosts(model, base)
    const raised = addWishCosts(model, wishes, (p) => 1 + denied[p]!)
    const again = solve(model, { seed: seed + 100 + round, iterations: Math.round(iterations * 0.3), hardWeight: 1000, t0: 1, t1: 0.05, initial: best.cells })
    removeCosts(model, raised)
    addWishCosts(model, wishes)
    const c = grantCounts(wishes, again.cells, model)
    const sp = grantSpread(c.granted, c.total)
    const sum = (a: Int32Array) => a.reduce((x, y) => x + y, 0)
    if (again.hard > 0 || shareMisses(model, again.cells) > misses) continue
    if (sp < spread - 1e-9 || (sp <= spread + 1e-9 && sum(c.granted) > sum(counts.granted))) {
      best = { ...again, soft: new SolverState(model, again.cells).soft }
      counts = c
      spread = sp
    }
  }
  return best
}

/** The roster's soft cost for the model's goals, and how far it may be from the best (issue 14, point 4). */
function quality(model: Model, cells: Int16Array, o: { now: () => number; budgetMs: number }): Quality {
  const objective = new SolverState(model, cells).soft
  const b = lowerBound(model, o.now, o.budgetMs, cells, objective)
  if (!b.ok) return { objective, lowerBound: null, why: b.why }
  // Where every weight is a whole number (generate's are), so is every roster's cost: no roster
  // costs less than the bound rounded up (5.3 says 6), and a roster at that is optimal.
  const weights = [model.countWeight, model.workWeight, model.changeWeight, model.backwardWeight, model.softRunWeight, ...model.groups.map((g) => g.weight)]
  const whole = weights.every(Number.isInteger)
  const bound = Math.max(0, Math.min(whole ? Math.ceil(b.bound - 1e-6) : Math.floor(b.bound * 10) / 10, objective))
  const gap = objective - bound <= 0 ? 0 : (objective - bound) / objective
  return { objective, lowerBound: bound, gap }
}

/**
 * The starting grid: day by day, shift by shift in rotation order (earliest
 * first), each wanted place goes to the free person whose taking it costs
 * least, ties broken at random by `seed`. What one person's taking a place
 * costs depends only on their own row and counts (the cover term is the same
 * for everyone), so each free person is weighed once per day and shift and
 * the cheapest fill the places: P evaluations per day and shift, where asking
 * everyone again for each place costs P per place, and places grow with the
 * team too (8.7M evaluations, 10 s, for 200 people x 52 weeks).
 */
function construct(model: Model, seed: number, hardWeight: number): Int16Array {
  const { staff: P, days: D, shifts: S } = model
  const st = new SolverState(model)
  const rng = new Random(seed)
  const order = Array.from({ length: S }, (_, s) => s).sort((a, b) => model.shiftRank[a]! - model.shiftRank[b]! || a - b)
  const people: number[] = []
  const cost = new Float64Array(P)
  const tie = new Float64Array(P)
  for (let d = 0; d < D; d++) {
    for (const s of order) {
      const ci = d * S + s
      const wanted = model.coverTarget[ci]! - st.cover[ci]!
      if (wanted <= 0) continue
      people.length = 0
      for (let p = 0; p < P; p++) {
        const i = p * D + d
        if (st.x[i] !== OFF || model.fixed[i] !== FREE) continue
        cost[p] = st.changeCost(p, d, s, hardWeight)
        tie[p] = rng.next()
        people.push(p)
      }
      people.sort((a, b) => cost[a]! - cost[b]! || tie[a]! - tie[b]!)
      for (let k = 0; k < wanted && k < people.length; k++) st.changeCell(people[k]!, d, s)
    }
  }
  return st.x.slice()
}

/** Days on which fewer people are available than the shifts need in total. */
function coverageProblems(input: GenerateInput, unavailable: boolean[][], outside: readonly Assignment[]): Violation[] {
  const out: Violation[] = []
  input.dates.forEach((date, d) => {
    const need = input.shifts.reduce((n, s) => n + s.headcount, 0) - outside.filter((a) => a.date === date).length
    const away = input.staff.filter((_, p) => unavailable[p]![d])
    const available = input.staff.length - away.length
    if (available >= need) return
    const n = input.shifts.filter((s) => s.headcount > 0).length
    const why = away.length ? ` (on leave: ${away.join(', ')})` : ''
    out.push({
      rule: 'roster.coverage',
      date,
      message: `${n} ${n === 1 ? 'shift needs' : 'shifts need'} ${need} ${need === 1 ? 'person' : 'people'} on ${date} but only ${available} ${available === 1 ? 'is' : 'are'} available${why}`,
      params: params('coverage.unavailable', { date, shifts: n, need, available, away }),
    })
  })
  return out
}

/** Per person, the day offsets before the start (-1, -2, ...) they worked. */
function historyDays(history: readonly Assignment[], from: IsoDate, staff: readonly string[]): Set<number>[] {
  const index = new Map(staff.map((id, p) => [id, p]))
  const out = staff.map(() => new Set<number>())
  for (const a of history) {
    const p = index.get(a.staff)
    if (p === undefined) continue
    // Offsets are negative: -1 is the day before the start.
    out[p]!.add(diffDays(from, a.date))
  }
  return out
}

/**
 * A necessary condition of max-consecutive-days: in any maxConsecutiveDays+1
 * days in a row, nobody works more than maxConsecutiveDays of them (history
 * included), so the team must have that many person-days for the places in
 * the window. Returns the first window that fails, on its last day.
 */
function consecutiveProblem(input: GenerateInput, unavailable: boolean[][], worked: Set<number>[], outside: readonly Assignment[]): Violation | null {
  const max = input.config.maxConsecutiveDays
  const k = max + 1
  const need = input.shifts.reduce((n, s) => n + s.headcount, 0)
  for (let e = 0; e < input.dates.length; e++) {
    const first = e - k + 1
    const days = e - Math.max(first, 0) + 1
    const window = new Set(input.dates.slice(Math.max(first, 0), e + 1))
    const demand = need * days - outside.filter((a) => window.has(a.date)).length
    let capacity = 0
    let people = 0
    for (let p = 0; p < input.staff.length; p++) {
      let free = 0
      for (let d = Math.max(first, 0); d <= e; d++) if (!unavailable[p]![d]) free++
      let before = 0
      for (let d = first; d < 0; d++) if (worked[p]!.has(d)) before++
      const can = Math.max(0, Math.min(free, max - before))
      capacity += can
      if (can > 0) people++
    }
    if (capacity >= demand) continue
    const date = input.dates[e]!
    const start = input.dates[Math.max(first, 0)]!
    return {
      rule: 'roster.max-consecutive-days',
      date,
      dates: [start, date],
      message: `from ${start} to ${date} the shifts need ${demand} person-days, but with at most ${max} working days in a row the ${people} ${people === 1 ? 'person' : 'people'} available can give only ${capacity}`,
      params: params('max-consecutive-days.capacity', { from: start, to: date, demand, limit: max, people, capacity }),
    }
  }
  return null
}

/** The solver model generate searches (exported for tests and tuning). */
export function buildModel(input: GenerateInput, unavailable: boolean[][], worked: Set<number>[], history: readonly Assignment[], holidays: readonly Holiday[]): Model {
  const { dates, staff, shifts, config } = input
  const P = staff.length
  const D = dates.length
  const S = shifts.length
  const m = emptyModel(P, D, S)

  // Rotation order and rest from the shift times.
  const byStart = shifts.map((s, i) => i).sort((a, b) => shifts[a]!.start - shifts[b]!.start || a - b)
  byStart.forEach((s, rank) => (m.shiftRank[s] = rank))
  shifts.forEach((s, i) => (m.shiftMinutes[i] = absoluteEnd(s.start, s.end) - s.start))
  // The model forbids successions for every night alike: where the range (or the days
  // before it) holds a night the clocks go forward, every night is held to the rest
  // that one needs, so the roster keeps roster.min-rest in real hours.
  const zone = teamZone(config)
  const lost = zone ? mostMinutesLost(addDays(dates[0]!, -2), dates[dates.length - 1]!, zone) : 0
  setRestFromTimes(m, shifts, config.minRestHours * 60 + lost)
  setWeekends(m, weekdayIndex(dates[0]!))

  // Exactly the headcount, every day.
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      m.coverTarget[d * S + s] = shifts[s]!.headcount
      m.coverUnder[d * S + s] = 1
      m.coverOver[d * S + s] = 1
    }
  }
  m.coverUnderHard = true
  m.coverOverHard = true

  // Leave, runs and the history they continue.
  const code = new Map(shifts.map((s, i) => [s.code, i]))
  const lastShift = (p: number, offset: number): number => {
    // The shift of that day that ends latest: it decides the rest.
    let best = NONE
    let bestEnd = -Infinity
    const date = addDays(dates[0]!, offset)
    for (const a of history) {
      if (a.staff !== staff[p] || a.date !== date) continue
      const i = code.get(a.shift)
      if (i === undefined) continue
      const end = absoluteEnd(shifts[i]!.start, shifts[i]!.end)
      if (end > bestEnd) [best, bestEnd] = [i, end]
    }
    return best
  }
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) if (unavailable[p]![d]) m.fixed[p * D + d] = OFF
    m.maxConsecWork[p] = config.maxConsecutiveDays
    let run = 0
    while (worked[p]!.has(-(run + 1))) run++
    m.histWork[p] = run
    m.histShift1[p] = run >= 1 ? lastShift(p, -1) : NONE
    m.histShift2[p] = worked[p]!.has(-2) ? lastShift(p, -2) : NONE
  }

  // Fair shares, in proportion to the days each person is available.
  const share = (slots: number, avail: number[]): { lo: number[]; hi: number[] } => {
    const total = avail.reduce((a, b) => a + b, 0)
    const t = avail.map((a) => (total ? (slots * a) / total : 0))
    return { lo: t.map((x) => Math.floor(x + 1e-9)), hi: t.map((x) => Math.ceil(x - 1e-9)) }
  }
  const availOn = (mask: (d: number) => boolean) => unavailable.map((row) => row.filter((away, d) => !away && mask(d)).length)
  const all = availOn(() => true)
  for (let s = 0; s < S; s++) {
    const { lo, hi } = share(shifts[s]!.headcount * D, all)
    for (let p = 0; p < P; p++) {
      m.countLo[p * S + s] = lo[p]!
      m.countHi[p * S + s] = hi[p]!
    }
  }
  m.countWeight = WEIGHTS.shiftShare
  const need = shifts.reduce((n, s) => n + s.headcount, 0)
  const work = share(need * D, all)
  m.workLo = Int32Array.from(work.lo)
  m.workHi = Int32Array.from(work.hi)
  m.workWeight = WEIGHTS.workShare
  // A day off wished is a day away for the shares of weekends and holidays (not of work in all):
  // whoever wishes every Sunday off works fewer weekend days and as many days as anyone.
  const wished = offWished(placeWishes(input.wishes ?? [], staff, dates, shifts), P, D)
  const groupAvailOn = (mask: (d: number) => boolean) => unavailable.map((row, p) => row.filter((away, d) => !away && !wished[p]![d] && mask(d)).length)
  const group = (mask: (d: number) => boolean, weight: number): DayGroup | null => {
    const days = dates.filter((_, d) => mask(d)).length
    if (!days) return null
    const { lo, hi } = share(need * days, groupAvailOn(mask))
    return { mask: Uint8Array.from(dates, (_, d) => (mask(d) ? 1 : 0)), lo: Int32Array.from(lo), hi: Int32Array.from(hi), weight }
  }
  const holidaySet = new Set(holidays.map((h) => h.date))
  const workdaySet = new Set(input.workdays ?? [])
  const weekendDay = (d: number): boolean => isWeekend(dates[d]!) && !workdaySet.has(dates[d]!)
  for (const g of [group(weekendDay, WEIGHTS.weekendShare), group((d) => holidaySet.has(dates[d]!), WEIGHTS.holidayShare)]) {
    if (g) m.groups.push(g)
  }

  // Stable runs and forward rotation.
  m.changeWeight = WEIGHTS.change
  m.backwardWeight = WEIGHTS.backward
  m.softMinWork = 2
  m.softMinOff = 2
  m.softRunWeight = WEIGHTS.shortRun
  return m
}

/**
 * What the fixed cells break on their own, before any search: each person's
 * rules (one shift a day, rest, working runs, leave) over the fixed shifts and
 * the history, and more people on a shift than its headcount. Each violation
 * names the approved swaps that stand in the way.
 */
function fixedProblems(input: GenerateInput, fixed: readonly FixedCell[], history: readonly Assignment[]): Violation[] {
  if (!fixed.length) return []
  const shifts = new Map(input.shifts.map((s) => [s.code, s]))
  const out: Violation[] = []
  for (const f of fixed) {
    if (f.shift !== null && !shifts.has(f.shift)) {
      out.push({ rule: 'roster.coverage', staff: f.staff, date: f.date, message: `shift ${f.shift} on ${f.date} is no longer a shift type`, params: params('coverage.over', { shift: f.shift, date: f.date, have: 1, need: 0 }) })
    }
  }
  const working = fixed.filter((f) => f.shift !== null && shifts.has(f.shift)).map((f) => ({ date: f.date, shift: f.shift!, staff: f.staff }))
  const leaves: Leave[] = []
  for (const [id, days] of input.unavailable) for (const date of days) leaves.push({ id: leaves.length + 1, staff: id, from: date, to: date, reason: null, status: 'approved' })
  const state: RosterState = { shifts: input.shifts, assignments: [...history, ...working], leaves, holidays: input.holidays, config: input.config }
  out.push(...checkRules(PERSONAL_RULES, state, { from: input.dates[0]!, to: input.dates[input.dates.length - 1]! }))
  const count = new Map<string, number>()
  for (const a of working) count.set(`${a.date}|${a.shift}`, (count.get(`${a.date}|${a.shift}`) ?? 0) + 1)
  for (const [key, have] of count) {
    const [date, code] = key.split('|') as [string, string]
    const need = shifts.get(code)!.headcount
    if (have > need) out.push({ rule: 'roster.coverage', date, message: `shift ${code} on ${date} has ${have} people where ${need} are wanted`, params: params('coverage.over', { shift: code, date, have, need }) })
  }
  return blameSwaps(out, fixed)
}

/** Fixes the model's cells that approved swaps hold, and takes outsiders' places off the headcount. */
function fixCells(model: Model, input: GenerateInput, fixed: readonly FixedCell[], outside: readonly Assignment[]): void {
  const D = input.dates.length
  const S = input.shifts.length
  const day = new Map(input.dates.map((d, i) => [d, i]))
  const code = new Map(input.shifts.map((s, i) => [s.code, i]))
  const person = new Map(input.staff.map((id, i) => [id, i]))
  for (const f of fixed) {
    const p = person.get(f.staff)
    const d = day.get(f.date)
    if (p === undefined || d === undefined) continue
    model.fixed[p * D + d] = f.shift === null ? OFF : code.get(f.shift)!
  }
  for (const a of outside) {
    const i = day.get(a.date)! * S + code.get(a.shift)!
    model.coverTarget[i] = Math.max(0, model.coverTarget[i]! - 1)
  }
}

/**
 * Names the approved swaps behind each violation: those holding a cell of the
 * violation's person (on its dates, or any when it names none) or, for a
 * violation of nobody in particular, a cell on its date. Others stay as they are.
 */
function blameSwaps(violations: Violation[], fixed: readonly FixedCell[]): Violation[] {
  if (!fixed.length) return violations
  return violations.map((v) => {
    // A day either side of the violation's dates (a rest crosses midnight; a run spans its dates).
    const dates = [...(v.dates ?? []), ...(v.date ? [v.date] : [])].sort()
    const near = (f: FixedCell) => !dates.length || (addDays(dates[0]!, -1) <= f.date && f.date <= addDays(dates[dates.length - 1]!, 1))
    const swaps = [...new Set(fixed.filter((f) => (v.staff ? f.staff === v.staff : f.date === v.date) && near(f)).map((f) => f.swap))].sort((a, b) => a - b)
    if (!swaps.length) return v
    const names = swaps.map((s) => `#${s}`).join(', ')
    return {
      ...v,
      message: `approved swap${swaps.length === 1 ? '' : 's'} ${names} must stay in the roster, but ${v.message}`,
      params: params('generate.fixed-swap', { swaps, rule: v.rule, cause: v.params ?? null, message: v.message }),
    }
  })
}

/** Every roster rule over the new assignments, with the history before them. */
function verify(input: GenerateInput, assignments: readonly Assignment[], history: readonly Assignment[]): Violation[] {
  const leaves: Leave[] = []
  for (const id of input.staff) {
    for (const date of input.unavailable.get(id) ?? []) {
      leaves.push({ id: leaves.length + 1, staff: id, from: date, to: date, reason: null, status: 'approved' })
    }
  }
  const state: RosterState = { shifts: input.shifts, assignments: [...history, ...assignments], leaves, holidays: input.holidays, config: input.config }
  const out = checkRules(ROSTER_RULES, state, { from: input.dates[0]!, to: input.dates[input.dates.length - 1]! })
  // The shared coverage rule only reports places short; the generator also promises no extra people.
  const count = new Map<string, number>()
  for (const a of assignments) count.set(`${a.date}|${a.shift}`, (count.get(`${a.date}|${a.shift}`) ?? 0) + 1)
  for (const date of input.dates) {
    for (const s of input.shifts) {
      const have = count.get(`${date}|${s.code}`) ?? 0
      if (have > s.headcount) out.push({ rule: 'roster.coverage', date, message: `shift ${s.code} on ${date} has ${have} people where ${s.headcount} are wanted`, params: params('coverage.over', { shift: s.code, date, have, need: s.headcount }) })
    }
  }
  return out
}
