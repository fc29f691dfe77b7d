// Moves built on the row programmes (row-dp.ts), for models whose hard rules
// all concern one person at a time, and the construction they allow:
//
//   row    re-optimise one person's cells over a window (or the whole row);
//   pair   the best exchange of two people's cells over a window (cover kept);
//   ruin   clear several people's cells over a window, then rebuild them one
//          by one, each the best answer to the others (half of the time
//          around a place short of people, with people free to fill it).
//   chain  an ejection chain towards a place short of people: someone takes
//          it, their row re-optimised around it, and when that leaves another
//          place short the next link fills that one (a few links at most).
//   transfer  a weekend moved from where it is spare to where it is short:
//          someone who has worked all the weekends they may gives one up
//          (a chain refilling what they leave short) and takes a weekend place
//          short of people, however far apart the two weekends are.
//
// Each leaves the state's hard and soft costs exact and can be undone; the
// annealer in search.ts decides whether to keep it.

import { FREE, OFF, UNLIMITED, type Model } from './model.js'
import type { Random } from './random.js'
import { RowDp } from './row-dp.js'
import type { SolverState } from './state.js'

export interface RowMoveOptions {
  /** Chance per step of a row move, of a pair move and of a ruin-and-recreate. */
  row: number
  pair: number
  ruin: number
  /** Longest window of the row and ruin moves in days (default 28; the whole row when it is no longer). */
  window?: number
  /** Window of the pair move (default 14). */
  pairWindow?: number
  /** Chance per step of an ejection chain towards a place short of people (default 0), */
  chain?: number
  /** its most links (default 4), people tried per link (default 3) and how much dearer a link's row may be (default 30). */
  chainDepth?: number
  chainTries?: number
  chainSlack?: number
  /** Share of chains that start from a request not granted (default 0), and the first link's slack then (default 105). */
  chainFromRequest?: number
  requestSlack?: number
  /** Chance per step of moving a weekend from where it is spare to where it is short (default 0), and how much dearer the row giving one up may be (default 100). */
  transfer?: number
  transferSlack?: number
  /** Days of each window of a transfer (default: window), and of each link of a chain (default: window). */
  transferWindow?: number
  chainWindow?: number
}

/** Days per window of the construction, which draws the roster up from left to right. */
const BUILD_WINDOW = 14
/** First window of the repair of a person's broken rules, in days, */
const REPAIR_WINDOW = 28
/** and its longest: 16 weeks. */
const REPAIR_LONGEST = 112
/** Shifts (of the longest) the window around a broken day may give up, for windows elsewhere to make up. */
const REPAIR_GIVE_UP = 2
/** The largest row (days times shift types) the repair re-optimises whole: a year of 10 shift types (Instance22), about a second. */
const REPAIR_WHOLE_ROW_CELLS = 4000

export class RowMoves {
  private readonly m: Model
  readonly dp: RowDp
  private readonly out: Int16Array
  /** The cells a move overwrote, and the spans it touched: person, first day, last day. */
  private readonly saved: Int16Array
  private spans: number[] = []
  readonly window: number
  readonly pairWindow: number
  private readonly o: RowMoveOptions
  private readonly chainRow: Int16Array
  /** The days of each weekend, and every weekend day. */
  private readonly weekendDays: number[][]
  private readonly weekendDayList: number[]

  constructor(model: Model, options: RowMoveOptions) {
    this.m = model
    this.o = options
    this.chainRow = new Int16Array(model.days)
    this.weekendDays = Array.from({ length: model.weekends }, () => [] as number[])
    this.weekendDayList = []
    for (let d = 0; d < model.days; d++) {
      const w = model.weekendOf[d]!
      if (w < 0) continue
      this.weekendDays[w]!.push(d)
      this.weekendDayList.push(d)
    }
    this.dp = new RowDp(model)
    this.out = new Int16Array(model.staff * model.days)
    this.saved = new Int16Array(model.staff * model.days)
    this.window = Math.max(1, Math.min(model.days, options.window ?? 28))
    // At least two days where the roster has them, never more than it has.
    this.pairWindow = Math.max(1, Math.min(model.days, Math.max(2, options.pairWindow ?? 14)))
  }

  /** Sets person p's cells a..b to `values[p * days + d]`, keeping the state's costs exact. */
  setSpan(st: SolverState, p: number, a: number, b: number, values: Int16Array): void {
    const D = this.m.days
    st.resetSequenceMeasure()
    st.measureSequences(p, a, b)
    const bh = st.seqHard
    const bs = st.seqSoft
    for (let d = a; d <= b; d++) st.setCell(p, d, values[p * D + d]!)
    st.resetSequenceMeasure()
    st.measureSequences(p, a, b)
    st.hard += st.seqHard - bh
    st.soft += st.seqSoft - bs
  }

  /** Remembers person p's cells a..b before a move changes them. */
  private save(st: SolverState, p: number, a: number, b: number): void {
    const D = this.m.days
    for (let d = a; d <= b; d++) this.saved[p * D + d] = st.x[p * D + d]!
    this.spans.push(p, a, b)
  }

  /** Sets person p's cells a..b to the row programme's answer in `out`, remembering the old ones for revert. */
  private place(st: SolverState, p: number, a: number, b: number): void {
    this.save(st, p, a, b)
    this.setSpan(st, p, a, b, this.out)
  }

  /** A place (day * shifts + shift) short of people, from up to 50 drawn at random (on the given days only, if any); -1 when none was drawn. */
  private randomShortPlace(st: SolverState, rng: Random, days?: readonly number[]): number {
    const m = this.m
    for (let t = 0; t < 50; t++) {
      const ci = days ? days[rng.int(days.length)]! * m.shifts + rng.int(m.shifts) : rng.int(m.days * m.shifts)
      if (st.cover[ci]! < m.coverTarget[ci]!) return ci
    }
    return -1
  }

  /** The first day of a window of `len` days (at most the roster's) that holds days first..last, placed at random. */
  private windowAround(rng: Random, first: number, last: number, len: number): number {
    return Math.max(0, Math.min(this.m.days - len, first - rng.int(Math.max(1, len - (last - first)))))
  }

  /** Undoes the last move, span by span in reverse order. */
  revert(st: SolverState): void {
    const s = this.spans
    for (let i = s.length - 3; i >= 0; i -= 3) this.setSpan(st, s[i]!, s[i + 1]!, s[i + 2]!, this.saved)
    this.spans = []
  }

  /** Forgets the last move (it is kept). */
  commit(): void {
    this.spans = []
  }

  private randomWindow(rng: Random, maxLen: number): [number, number] {
    const D = this.m.days
    const len = maxLen >= D ? D : Math.min(D, 7 + rng.int(Math.max(1, maxLen - 6)))
    const a = rng.int(D - len + 1)
    return [a, a + len - 1]
  }

  /** Re-optimises one person's window; false when there was nothing to do. */
  row(st: SolverState, rng: Random, person = -1): boolean {
    const p = person >= 0 ? person : rng.int(this.m.staff)
    const [a, b] = this.randomWindow(rng, this.window)
    if (!this.dp.optimise(st, p, a, b, rng, this.out)) return false
    this.place(st, p, a, b)
    return true
  }

  /** The best exchange between two people over a window; false when there was none to try. */
  pair(st: SolverState, rng: Random): boolean {
    const P = this.m.staff
    if (P < 2) return false
    const p = rng.int(P)
    let q = rng.int(P - 1)
    if (q >= p) q++
    const len = this.pairWindow
    const a = rng.int(this.m.days - len + 1)
    const b = a + len - 1
    if (!this.dp.optimisePair(st, p, q, a, b, rng, this.out)) return false
    this.place(st, p, a, b)
    this.place(st, q, a, b)
    return true
  }

  /** Ruin and recreate; false when nothing was tried. */
  ruin(st: SolverState, rng: Random): boolean {
    const m = this.m
    const { staff: P, days: D, shifts: S } = m
    const k = Math.min(P, 2 + rng.int(3))
    let [a, b] = this.randomWindow(rng, Math.min(14, this.window))
    const people: number[] = []
    if (rng.next() < 0.5) {
      // Around a place short of people, with some of those who could fill it.
      const gap = this.randomShortPlace(st, rng)
      if (gap >= 0) {
        const gd = Math.floor(gap / S)
        const len = b - a + 1
        a = this.windowAround(rng, gd, gd, len)
        b = a + len - 1
        const free: number[] = []
        for (let q = 0; q < P; q++) {
          const v = st.x[q * D + gd]!
          if (m.fixed[q * D + gd] === FREE && (v === OFF || st.cover[gd * S + v]! > m.coverTarget[gd * S + v]!)) free.push(q)
        }
        const want = Math.min(1 + rng.int(2), free.length)
        while (people.length < want) {
          const q = free[rng.int(free.length)]!
          if (!people.includes(q)) people.push(q)
        }
      }
    }
    while (people.length < k) {
      const q = rng.int(P)
      if (!people.includes(q)) people.push(q)
    }
    const out = this.out
    for (const q of people) {
      this.save(st, q, a, b)
      for (let d = a; d <= b; d++) out[q * D + d] = m.fixed[q * D + d] !== FREE ? m.fixed[q * D + d]! : OFF
      this.setSpan(st, q, a, b, out)
    }
    for (const q of people) {
      if (!this.dp.optimise(st, q, a, b, rng, out)) {
        this.revert(st)
        return false
      }
      this.setSpan(st, q, a, b, out)
    }
    return true
  }

  /**
   * Draws the roster up from an empty grid, two weeks at a time: in each window
   * everyone in random order takes the best cells given those before them,
   * keeping their rules and the pace of their minimum and maximum. A person
   * whose window cannot be drawn up that way is drawn without the pace, then
   * over the window before as well, and at worst left short for the search
   * to repair.
   */
  construct(st: SolverState, rng: Random): void {
    const { staff: P, days: D } = this.m
    const order = Array.from({ length: P }, (_, i) => i)
    const out = this.out
    for (let a = 0; a < D; a += BUILD_WINDOW) {
      const b = Math.min(D - 1, a + BUILD_WINDOW - 1)
      const open = b < D - 1
      for (let i = P - 1; i > 0; i--) {
        const j = rng.int(i + 1)
        ;[order[i], order[j]] = [order[j]!, order[i]!]
      }
      for (const p of order) {
        if (this.dp.optimise(st, p, a, b, rng, out, undefined, open, true) || this.dp.optimise(st, p, a, b, rng, out, undefined, open)) {
          this.setSpan(st, p, a, b, out)
        } else if (a > 0 && this.dp.optimise(st, p, Math.max(0, a - BUILD_WINDOW), b, rng, out, undefined, open)) {
          this.setSpan(st, p, Math.max(0, a - BUILD_WINDOW), b, out)
        } else {
          // Behind on the minimum for good: catch up as far as the window allows rather than stop working.
          const shift = this.dp.maxLenUnits
          for (const g of [(b - a + 1) >> 1, (b - a + 1) >> 2, 0]) {
            if (this.dp.optimise(st, p, a, b, rng, out, undefined, open, false, g * shift)) {
              this.setSpan(st, p, a, b, out)
              break
            }
          }
        }
      }
    }
  }

  /**
   * An ejection chain towards a place short of people: someone takes the place,
   * their row re-optimised around it (the best of a few people tried, those with
   * room to take it without giving up a needed place first), which may
   * leave a place they held short in turn; the next link fills that one, and so
   * on. The annealer judges the whole chain. False when nothing was tried.
   */
  chain(st: SolverState, rng: Random): boolean {
    let gap: number
    const used: number[] = []
    if (this.m.cellCost && rng.next() < (this.o.chainFromRequest ?? 0)) {
      gap = this.grantRequest(st, rng)
      if (gap === -2) return false
      if (gap < 0) return true
      used.push(this.spans[this.spans.length - 3]!)
      this.links(st, rng, gap, used)
      return true
    }
    gap = this.randomShortPlace(st, rng)
    if (gap < 0) return false
    return this.links(st, rng, gap, used)
  }

  /**
   * The links of an ejection chain from the place `gap` short of people, none
   * of them one of the people in `used` (the people each link moves are added
   * to it); false when no link was made.
   */
  private links(st: SolverState, rng: Random, gap: number, used: number[]): boolean {
    const m = this.m
    const { staff: P, days: D, shifts: S } = m
    const depth = this.o.chainDepth ?? 4
    const tries = this.o.chainTries ?? 3
    const slack = this.o.chainSlack ?? 30
    const out = this.out
    const row = this.chainRow
    let moved = false
    const cands: number[] = []
    for (let level = 0; level < depth && gap >= 0; level++) {
      const d = Math.floor(gap / S)
      const s = gap - d * S
      const len = Math.min(D, this.o.chainWindow ?? this.window)
      const a = this.windowAround(rng, d, d, len)
      const b = a + len - 1
      cands.length = 0
      for (let p = 0; p < P; p++) {
        const i = p * D + d
        if (m.fixed[i] === FREE && st.x[i] !== s && m.maxShiftCount[p * S + s] !== 0 && !used.includes(p)) cands.push(p)
      }
      let bestP = -1
      let bestDelta = Infinity
      // People with room first (minutes to spare, or a place on day d over its cover): a link to one of them can end the chain.
      // On a weekend, room means a weekend to spare too, or one already worked (the other day): where every
      // weekend people may work is needed, a weekend half worked is the place to find one more shift.
      const we = m.weekendOf[d]!
      let room = 0
      for (let k = 0; k < cands.length; k++) {
        const p = cands[k]!
        const v = st.x[p * D + d]!
        let spare = m.maxMinutes[p] === UNLIMITED || st.minutes[p]! + m.shiftMinutes[s]! <= m.maxMinutes[p]!
        if (v === OFF && we >= 0 && m.maxWeekends[p] !== UNLIMITED) {
          if (st.weekendDays[p * m.weekends + we]! > 0) spare = true
          else if (st.weekendsWorked[p]! >= m.maxWeekends[p]!) spare = false
        }
        if (v === OFF ? spare : st.cover[d * S + v]! > m.coverTarget[d * S + v]!) {
          cands[k] = cands[room]!
          cands[room++] = p
        }
      }
      for (let k = 0; k < tries && cands.length; k++) {
        // Draw without putting back, from the people with room while there are any.
        const j = room > 0 ? rng.int(room) : rng.int(cands.length)
        const p = cands[j]!
        if (room > 0) {
          cands[j] = cands[--room]!
          cands[room] = cands[cands.length - 1]!
        } else cands[j] = cands[cands.length - 1]!
        cands.pop()
        if (!this.dp.optimise(st, p, a, b, rng, out, { day: d, value: s, slack })) continue
        const delta = this.dp.lastCost - this.dp.currentCost
        if (delta < bestDelta) {
          bestDelta = delta
          bestP = p
          for (let e = a; e <= b; e++) row[e] = out[p * D + e]!
        }
      }
      if (bestP < 0) break
      used.push(bestP)
      for (let e = a; e <= b; e++) out[bestP * D + e] = row[e]!
      this.place(st, bestP, a, b)
      moved = true
      if (bestDelta < -1) break
      // The next link: a place this person gave up that is now short.
      gap = this.shortPlaceGivenUp(st, rng, bestP, a, b)
    }
    return moved
  }

  /**
   * A weekend moved from where it is spare to where it is short: a weekend
   * place short of people (one of up to 50 drawn), and someone who may work
   * it but has worked all the weekends they may. They give up a weekend whose
   * places they hold are all over their cover, else any within
   * `transferSlack` (their row re-optimised around it with its days off), then
   * take the place (their row re-optimised around it); one window when the
   * two are near. A chain then fills a place they gave up that is now short.
   * A few people are tried; the annealer judges the whole. False when nothing
   * was moved.
   */
  transfer(st: SolverState, rng: Random): boolean {
    const m = this.m
    const { staff: P, days: D, shifts: S, weekends: W } = m
    if (this.weekendDayList.length === 0) return false
    const gap = this.randomShortPlace(st, rng, this.weekendDayList)
    if (gap < 0) return false
    const d = Math.floor(gap / S)
    const s = gap - d * S
    const we = m.weekendOf[d]!
    const cands: number[] = []
    for (let p = 0; p < P; p++) {
      if (m.fixed[p * D + d] !== FREE || m.maxShiftCount[p * S + s] === 0 || m.maxWeekends[p] === UNLIMITED) continue
      if (st.weekendDays[p * W + we] === 0 && st.weekendsWorked[p]! >= m.maxWeekends[p]!) cands.push(p)
    }
    const len = Math.min(D, this.o.transferWindow ?? this.window)
    for (let k = 0; k < (this.o.chainTries ?? 3) && cands.length; k++) {
      const j = rng.int(cands.length)
      const p = cands[j]!
      cands[j] = cands[cands.length - 1]!
      cands.pop()
      // A weekend of theirs whose places are all over their cover, by reservoir; else any they may give up
      // (a chain then fills the place they leave short).
      let spare = -1
      let seen = 0
      let other = -1
      let seenOther = 0
      for (let w = 0; w < W; w++) {
        if (st.weekendDays[p * W + w] === 0) continue
        let over = true
        let free = true
        for (const e of this.weekendDays[w]!) {
          const v = st.x[p * D + e]!
          if (v === OFF) continue
          if (m.fixed[p * D + e] !== FREE) free = false
          else if (st.cover[e * S + v]! <= m.coverTarget[e * S + v]!) over = false
        }
        if (free && over && rng.int(++seen) === 0) spare = w
        else if (free && rng.int(++seenOther) === 0) other = w
      }
      if (spare < 0) spare = other
      if (spare < 0) continue
      const off = this.weekendDays[spare]!
      const first = off[0]!
      const last = off[off.length - 1]!
      const a1 = this.windowAround(rng, first, last, len)
      const b1 = a1 + len - 1
      const a2 = this.windowAround(rng, d, d, len)
      const b2 = a2 + len - 1
      const take = { day: d, value: s, slack: this.o.chainSlack ?? 30 }
      const giveUp = this.o.transferSlack ?? 100
      if (a2 <= b1 && a1 <= b2) {
        const a = Math.min(a1, a2)
        const b = Math.max(b1, b2)
        if (!this.dp.optimise(st, p, a, b, rng, this.out, { ...take, slack: take.slack + giveUp, off })) continue
        this.place(st, p, a, b)
        this.onFromGivenUp(st, rng, p, a, b)
        return true
      }
      if (!this.dp.optimise(st, p, a1, b1, rng, this.out, { day: first, value: OFF, slack: giveUp, off })) continue
      this.place(st, p, a1, b1)
      if (this.dp.optimise(st, p, a2, b2, rng, this.out, take)) {
        this.place(st, p, a2, b2)
        this.onFromGivenUp(st, rng, p, a1, b1)
        return true
      }
      this.revert(st)
    }
    return false
  }

  /** After a transfer: a chain from a place person p gave up over a..b that is now short, if any. */
  private onFromGivenUp(st: SolverState, rng: Random, p: number, a: number, b: number): void {
    const gap = this.shortPlaceGivenUp(st, rng, p, a, b)
    if (gap >= 0) this.links(st, rng, gap, [p])
  }

  /**
   * The first link of a chain that starts from a request not granted: a cell
   * whose value costs something (found among up to 50 drawn), set to its
   * cheapest allowed value with the person's row re-optimised around it (up to
   * `requestSlack` dearer, enough to leave one place short). Returns a place
   * that person gave up that is now short (one at random), -1 when none, -2
   * when nothing was moved.
   */
  private grantRequest(st: SolverState, rng: Random): number {
    const m = this.m
    const { staff: P, days: D, shifts: S } = m
    const cc = m.cellCost!
    const V = S + 1
    let i = -1
    for (let t = 0; t < 50 && i < 0; t++) {
      const j = rng.int(P * D)
      if (m.fixed[j] === FREE && cc[j * V + st.x[j]! + 1]! > 0) i = j
    }
    if (i < 0) return -2
    const p = Math.floor(i / D)
    const d = i - p * D
    let v = OFF
    for (let w = 0; w < S; w++) if (m.maxShiftCount[p * S + w] !== 0 && cc[i * V + w + 1]! < cc[i * V + v + 1]!) v = w
    if (v === st.x[i]) return -2
    const len = Math.min(D, this.window)
    const a = this.windowAround(rng, d, d, len)
    const b = a + len - 1
    if (!this.dp.optimise(st, p, a, b, rng, this.out, { day: d, value: v, slack: this.o.requestSlack ?? 105 })) return -2
    this.place(st, p, a, b)
    return this.shortPlaceGivenUp(st, rng, p, a, b)
  }

  /**
   * After `place` gave person p the cells in `out` over a..b: a place p worked
   * before (in `saved`) and gave up that is now short of people, one at random
   * (by reservoir); -1 when there is none.
   */
  private shortPlaceGivenUp(st: SolverState, rng: Random, p: number, a: number, b: number): number {
    const m = this.m
    const { days: D, shifts: S } = m
    let gap = -1
    let seen = 0
    for (let e = a; e <= b; e++) {
      const u = this.saved[p * D + e]!
      if (u !== OFF && u !== this.out[p * D + e]) {
        const ci = e * S + u
        if (st.cover[ci]! < m.coverTarget[ci]! && rng.int(++seen) === 0) gap = ci
      }
    }
    return gap
  }

  /** The people whose own hard rules are broken now. */
  brokenPeople(st: SolverState): number[] {
    const m = this.m
    const { staff: P, days: D, shifts: S } = m
    const out: number[] = []
    for (let p = 0; p < P; p++) {
      let broken = false
      const mins = st.minutes[p]!
      if (m.minMinutes[p] !== UNLIMITED && mins < m.minMinutes[p]!) broken = true
      if (m.maxMinutes[p] !== UNLIMITED && mins > m.maxMinutes[p]!) broken = true
      if (m.maxWeekends[p] !== UNLIMITED && st.weekendsWorked[p]! > m.maxWeekends[p]!) broken = true
      for (let s = 0; s < S && !broken; s++) {
        const max = m.maxShiftCount[p * S + s]!
        if (max !== UNLIMITED && st.count[p * S + s]! > max) broken = true
      }
      for (let d = 0; d < D && !broken; d++) if (m.fixed[p * D + d] !== FREE && st.x[p * D + d] !== m.fixed[p * D + d]) broken = true
      if (!broken) {
        st.resetSequenceMeasure()
        st.measureSequences(p, 0, D - 1)
        broken = st.seqHard > 0
      }
      if (broken) out.push(p)
    }
    return out
  }

  /**
   * Tries to give a person whose rules are broken a row that keeps them.
   * Where a run or a succession of theirs breaks a rule, around a day of it:
   * the best row over windows of growing length up to 16 weeks; then a window
   * that may give up a shift or two, the minutes made up in windows elsewhere
   * (`repairElsewhere`); then the whole row, up to a year of ten shift types
   * (a weekend may have to be given up far away). Where only their minutes,
   * weekends or counts break a rule: windows anywhere up to 16 weeks, then a
   * step towards the minimum of minutes (a row far short of it). False when
   * none of these found a row.
   */
  repair(st: SolverState, rng: Random, p: number): boolean {
    const D = this.m.days
    const day = this.brokenDay(st, rng, p)
    const longest = Math.min(D, REPAIR_LONGEST)
    for (let len = Math.min(D, REPAIR_WINDOW); ; len = Math.min(longest, len * 2)) {
      const a = day >= 0 ? this.windowAround(rng, day, day, len) : rng.int(D - len + 1)
      if (this.dp.optimise(st, p, a, a + len - 1, rng, this.out)) {
        this.place(st, p, a, a + len - 1)
        return true
      }
      if (len === longest) break
    }
    if (day >= 0) {
      if (this.repairElsewhere(st, rng, p, day)) return true
      // The whole row, where its programme is small enough: a year of 32 shift types takes seconds, for each person a rough roster leaves broken.
      if (D > longest && D * this.m.shifts <= REPAIR_WHOLE_ROW_CELLS && this.dp.optimise(st, p, 0, D - 1, rng, this.out)) {
        this.place(st, p, 0, D - 1)
        return true
      }
      return false
    }
    // Far short of the minimum: a window that gains a few shifts towards it.
    const len = Math.min(D, REPAIR_WINDOW)
    const a = rng.int(D - len + 1)
    for (const g of [len >> 2, len >> 3, 1]) {
      if (this.dp.optimise(st, p, a, a + len - 1, rng, this.out, undefined, false, false, g * this.dp.maxLenUnits)) {
        this.place(st, p, a, a + len - 1)
        return true
      }
    }
    return false
  }

  /**
   * Mends person p's rules around `day` in a window that may give up as much
   * as one of their longest shifts, else two, then makes their minutes up in
   * other windows: those the row is cut into, in random order, each taking
   * all that is missing if it can, else some. With the minutes at their
   * minimum, a day off fixed between two worked days is mended only by
   * working a day less there and a day more elsewhere, often months away
   * (Instance22). False, and the row as it was, when the windows do not make
   * the minutes up.
   */
  private repairElsewhere(st: SolverState, rng: Random, p: number, day: number): boolean {
    const D = this.m.days
    const len = Math.min(D, REPAIR_WINDOW)
    const min = this.m.minMinutes[p]!
    for (let give = 1; give <= REPAIR_GIVE_UP; give++) {
      const a = this.windowAround(rng, day, day, len)
      const b = a + len - 1
      if (!this.dp.optimise(st, p, a, b, rng, this.out, undefined, false, false, -give * this.dp.maxLenUnits)) continue
      this.place(st, p, a, b)
      const starts: number[] = []
      for (let s = 0; s < D; s += len) if (s + len - 1 < a || s > b) starts.push(s)
      // Each window in turn: the whole of what is missing if it can, else some of it.
      for (let k = starts.length; k > 0 && min !== UNLIMITED && st.minutes[p]! < min; k--) {
        const s = starts.splice(rng.int(k), 1)[0]!
        const e = Math.min(D, s + len) - 1
        if (this.dp.optimise(st, p, s, e, rng, this.out) || this.dp.optimise(st, p, s, e, rng, this.out, undefined, false, false, 1)) this.place(st, p, s, e)
      }
      if (min === UNLIMITED || st.minutes[p]! >= min) return true
      this.revert(st)
    }
    return false
  }

  /** A day next to which one of person p's runs or successions breaks a hard rule, drawn at random among them; -1 when none does. */
  private brokenDay(st: SolverState, rng: Random, p: number): number {
    let day = -1
    let seen = 0
    for (let d = 0; d < this.m.days; d++) {
      st.resetSequenceMeasure()
      st.measureSequences(p, d, d)
      if (st.seqHard > 0 && rng.int(++seen) === 0) day = d
    }
    return day
  }
}
