// The strongest moves on rosters whose hard rules all concern one person at a
// time (the Curtois & Qu benchmark): dynamic programmes over one person's row.
//
// `optimise` re-optimises one person's cells over a span of days [a, b] (the
// whole row, or a window), everyone else held fixed. It walks the days with,
// as its state, the last value (off, or the succession class of the shift)
// and the length of the current run of working days or days off, and as
// resources the minutes worked, the weekends worked and the counts of the
// shift types whose maximum could bind. Every per-person hard rule is a filter
// on its transitions, so the row it returns keeps them all (given that the
// days outside the span keep them); its cost is the row's own share of the
// objective: requests, plus per shift the marginal cover cost given the others
// on duty (a missing person filled: minus the under weight; one too many:
// plus the over weight).
//
// `optimisePair` finds the best set of days on which two people exchange
// their cells over a span: every day's cover stays as it is, so only their
// requests and their own rules decide. It walks both rows at once.
//
// Labels that reach the same state with the same resources are merged,
// keeping the cheaper, so both programmes are exact. They are bounded by the
// current row (the answer is never worse, so dearer labels are cut early, with
// lower bounds on the cost to go that ignore the resources). A small random
// noise on the day costs, below one unit over the whole span, breaks ties
// between rows of equal cost at random without ever preferring a dearer one.

import { FREE, OFF, UNLIMITED, type Model } from './model.js'
import type { Random } from './random.js'
import type { SolverState } from './state.js'

/** Whether the row programmes can work on this model (every cost they do not model is switched off). */
export function rowDpApplicable(m: Model): boolean {
  if (m.countLo.some((v) => v >= 0) || m.workLo.some((v) => v >= 0) || m.groups.length > 0) return false
  return rowDpPriceable(m)
}

/**
 * Whether `RowDp.price` can price this model's rows: as `rowDpApplicable`, but
 * the fair ranges (counts of shift types, working days, days of a group) are
 * allowed, as price counts them.
 */
export function rowDpPriceable(m: Model): boolean {
  if (m.coverUnderHard || m.coverOverHard) return false
  return rowDpPairable(m)
}

/**
 * Whether the pair move (optimisePair, row-moves.ts) suits this model: an
 * exchange of two people's cells day by day keeps every day's cover, so hard
 * cover is no obstacle, and the fair ranges it leaves out the annealer weighs
 * when it decides on the move. Successions two days apart and weekends over
 * two days are beyond the programmes.
 */
export function rowDpPairable(m: Model): boolean {
  if (m.forbidden2.some((v) => v !== 0)) return false
  // Weekends of at most two consecutive days (the programmes remember one day back).
  const days = new Map<number, number[]>()
  for (let d = 0; d < m.days; d++) {
    const w = m.weekendOf[d]!
    if (w >= 0) days.set(w, [...(days.get(w) ?? []), d])
  }
  for (const list of days.values()) if (list.length > 2 || (list.length === 2 && list[1] !== list[0]! + 1)) return false
  return true
}

/** Labels one programme keeps over all its days at most (about 35 bytes each): past it, each day keeps its best. */
const MAX_LABELS = 3_000_000

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b]
  return a
}

/** A person's run states and their transitions, which depend only on the person's limits and history. */
interface PersonTable {
  workCap: number
  offCap: number
  lenCap: number
  /** States (k, len, ex) number nStates; START = nStates is "before day 0". */
  nStates: number
  /** [sid * (S + 1) + v + 1]: the state after value v, or -1 when v may not follow. */
  trans: Int32Array
  /** The soft cost of that transition (shift changes, short runs). */
  tcost: Float64Array
  isWork: Uint8Array
  /**
   * [((d * (W + O)) + f) * (E + 1) + e]: the most days the person can work in days d..end
   * after run state f (a working run of f days, 0 rested; W + o: o days into a rest) with e
   * weekends left (an upper bound; see table()).
   */
  future: Int16Array
  futureW: number
  futureO: number
  futureE: number
  /** The longest shift the person may work, in units. */
  maxLen: number
  /** The transitions grouped by where they lead (groupTransitions), for the bounds' walk back and the labels' next states. */
  groups: TransitionGroups
}

/**
 * The transitions of a person's states, grouped: from state sid, edges edgeStart[sid] up
 * to edgeStart[sid + 1] each lead to state edgeNext[e] by any member of group
 * edgeGroup[e]; group g's members groupStart[g] up to groupStart[g + 1] are a value + 1
 * (memberV) and the transition's cost (memberTc). A run's length does not change which
 * values lead on together, or at what cost, so states of one class share their groups:
 * the cheapest member of each group is found once a day, not once a state.
 */
interface TransitionGroups {
  edgeStart: Int32Array
  edgeNext: Int32Array
  edgeGroup: Int32Array
  groupStart: Int32Array
  memberV: Int32Array
  memberTc: Float64Array
}

/** The transitions of `trans` and `tcost` (NS states, V values), grouped by where they lead; alike groups shared. */
function groupTransitions(trans: Int32Array, tcost: Float64Array, NS: number, V: number): TransitionGroups {
  const ids = new Map<string, number>()
  const members: number[][] = []
  const edgeStart = new Int32Array(NS + 1)
  const edgeNext: number[] = []
  const edgeGroup: number[] = []
  for (let sid = 0; sid < NS; sid++) {
    edgeStart[sid] = edgeNext.length
    const byNext = new Map<number, number[]>()
    for (let u = 0; u < V; u++) {
      const ns = trans[sid * V + u]!
      if (ns < 0) continue
      let list = byNext.get(ns)
      if (!list) byNext.set(ns, (list = []))
      list.push(u, tcost[sid * V + u]!)
    }
    for (const [ns, list] of byNext) {
      const key = list.join(',')
      let g = ids.get(key)
      if (g === undefined) {
        g = members.length
        ids.set(key, g)
        members.push(list)
      }
      edgeNext.push(ns)
      edgeGroup.push(g)
    }
  }
  edgeStart[NS] = edgeNext.length
  const groupStart = new Int32Array(members.length + 1)
  for (let g = 0; g < members.length; g++) groupStart[g + 1] = groupStart[g]! + members[g]!.length / 2
  const memberV = new Int32Array(groupStart[members.length]!)
  const memberTc = new Float64Array(memberV.length)
  members.forEach((list, g) => {
    for (let i = 0; i < list.length; i += 2) {
      memberV[groupStart[g]! + i / 2] = list[i]!
      memberTc[groupStart[g]! + i / 2] = list[i + 1]!
    }
  })
  return { edgeStart, edgeNext: Int32Array.from(edgeNext), edgeGroup: Int32Array.from(edgeGroup), groupStart, memberV, memberTc }
}

/** Cells a row programme must set: day `day` to `value`, and the days in `off` to off; the answer may cost up to `slack` more than the current cells. */
export interface RowForce {
  day: number
  value: number
  slack: number
  off?: readonly number[]
}

/** What a span of one person's row must fit into: the rest of the row. */
interface SpanContext {
  /** Minutes of the span in units, within [mLo, mHi]. */
  mLo: number
  mHi: number
  /** Per shift type: how many more the span may hold (-1: no bound that can bind). */
  left: Int32Array
  trackWe: boolean
  /** Weekends the span may add. */
  weBudget: number
  /** Per weekend: worked on a day outside the span. */
  outWorked: Uint8Array
  /** The state before day a, and the cost of joining the run after day b from each state (Infinity: not allowed). */
  preSid: number
  endCost: Float64Array
  /** Open spans: [sid * (weBudget + 1) + w], the fewest units the span must end with, by its last state and weekends. */
  endNeed: Int32Array | null
}

export class RowDp {
  private readonly m: Model
  private readonly S: number
  /** Succession class of each shift (1-based; 0 is off), and a representative shift per class. */
  private readonly classOf: Int32Array
  private readonly classRep: Int32Array
  private readonly classes: number
  /** Minutes in units of the greatest common divisor of the shift lengths. */
  private readonly unit: number
  private readonly lenUnits: Int32Array
  /** The longest shift in units of lenUnit. */
  readonly maxLenUnits: number
  private readonly tables: (PersonTable | undefined)[]
  // Label storage, all days of one programme back to back.
  private cap = 0
  private lState = new Int32Array(0)
  private lState2 = new Int32Array(0)
  private lMin = new Int32Array(0)
  private lWe = new Int32Array(0)
  private lCnt = new Int32Array(0)
  private lCost = new Float64Array(0)
  private lBack = new Int32Array(0)
  private lVal = new Int16Array(0)
  /** The open-addressing table that merges the labels of one day by key. */
  private hKeys = new Float64Array(0)
  private hIdx = new Int32Array(0)
  private hStamp = new Int32Array(0)
  private stamp = 0
  // Labels of price, apart from optimise's: with their fair counts (pCnt: K per label).
  private pState = new Int32Array(0)
  private pCost = new Float64Array(0)
  private pCode = new Float64Array(0)
  private pBack = new Int32Array(0)
  private pVal = new Int16Array(0)
  private pCnt = new Int16Array(0)
  /** Each person's fair ranges, built on first use. */
  private readonly fair: (FairCount[] | undefined)[] = []
  /** Whether price leaves some of the person's fair ranges out (see FAIR_COMBOS). */
  private readonly fairDropped: boolean[] = []

  /** The span's cost (noise included) of the answer of the last call, and of the cells it replaced (Infinity when they broke a rule). */
  lastCost = 0
  currentCost = 0
  /**
   * What `optimise` adds for each weekend of two days it leaves worked on one of
   * them only, where the person's weekends are limited (default 0): the weight
   * the annealer gives such a weekend (search.ts, weekendWeight), so that the
   * rows it is offered use their weekends whole. lastCost and currentCost include it.
   */
  weekendWeight = 0
  /** Whether the last optimise was exact: no layer cut to the label cap, no shift type's maximum held to the cells as they are. */
  lastExact = true

  constructor(model: Model) {
    this.m = model
    const S = (this.S = model.shifts)
    // Shifts are interchangeable as "the previous day" when they forbid the same successors
    // (when shift changes cost something, each shift is its own class).
    const perShift = model.changeWeight !== 0 || model.backwardWeight !== 0
    const keys = new Map<string, number>()
    this.classOf = new Int32Array(S)
    const reps: number[] = []
    for (let s = 0; s < S; s++) {
      const key = perShift ? String(s) : Array.from(model.forbidden1.subarray(s * S, s * S + S)).join('')
      let c = keys.get(key)
      if (c === undefined) {
        c = keys.size + 1
        keys.set(key, c)
        reps.push(s)
      }
      this.classOf[s] = c
    }
    this.classes = keys.size
    this.classRep = Int32Array.from([-1, ...reps])
    let g = 0
    for (let s = 0; s < S; s++) g = gcd(g, model.shiftMinutes[s]!)
    this.unit = Math.max(1, g)
    this.lenUnits = Int32Array.from(model.shiftMinutes, (v) => Math.round(v / this.unit))
    this.maxLenUnits = Math.max(0, ...Array.from(this.lenUnits))
    this.tables = new Array<PersonTable | undefined>(model.staff)
  }

  private grow(need: number): void {
    if (need <= this.cap) return
    let cap = Math.max(1024, this.cap)
    while (cap < need) cap *= 2
    const g32 = (a: Int32Array) => {
      const n = new Int32Array(cap)
      n.set(a)
      return n
    }
    this.lState = g32(this.lState)
    this.lState2 = g32(this.lState2)
    this.lMin = g32(this.lMin)
    this.lWe = g32(this.lWe)
    this.lCnt = g32(this.lCnt)
    this.lBack = g32(this.lBack)
    const c = new Float64Array(cap)
    c.set(this.lCost)
    this.lCost = c
    const v = new Int16Array(cap)
    v.set(this.lVal)
    this.lVal = v
    this.cap = cap
  }

  /**
   * The mask of a hash table of at least `size` slots: the arrays grow to hold it, and
   * a layer uses only their first mask + 1 slots, so a small layer after a large one
   * stays within a few cache lines instead of spreading over the largest table yet.
   */
  private hashMask(size: number): number {
    let n = 1024
    while (n < size) n *= 2
    if (this.hKeys.length < n) {
      this.hKeys = new Float64Array(n)
      this.hIdx = new Int32Array(n)
      this.hStamp = new Int32Array(n)
      this.stamp = 0
    }
    return n - 1
  }

  /**
   * Keeps the `cap` most promising labels of the layer [from, to) by `score` (a beam: the
   * programme stops being exact, but its time and memory stay bounded on long spans);
   * returns the layer's new end.
   */
  private truncate(from: number, to: number, cap: number, score: (li: number) => number): number {
    const n = to - from
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) scores[i] = score(from + i)
    const limit = kthSmallest(scores.slice(), cap - 1)
    let less = 0
    for (let i = 0; i < n; i++) if (scores[i]! < limit) less++
    let kept = 0
    let ties = cap - less
    for (let i = 0; i < n; i++) {
      const sc = scores[i]!
      if (sc > limit || (sc === limit && ties-- <= 0)) continue
      const src = from + i
      const dst = from + kept++
      if (src !== dst) {
        this.lState[dst] = this.lState[src]!
        this.lState2[dst] = this.lState2[src]!
        this.lMin[dst] = this.lMin[src]!
        this.lWe[dst] = this.lWe[src]!
        this.lCnt[dst] = this.lCnt[src]!
        this.lCost[dst] = this.lCost[src]!
        this.lBack[dst] = this.lBack[src]!
        this.lVal[dst] = this.lVal[src]!
      }
    }
    return from + kept
  }

  /** The run states of person p and their transitions, built on first use. */
  private table(p: number): PersonTable {
    const cached = this.tables[p]
    if (cached) return cached
    const m = this.m
    const S = this.S
    const V = S + 1
    const maxW = m.maxConsecWork[p]!
    const minW = m.minConsecWork[p]!
    const minOff = m.minConsecOff[p]!
    const softW = m.softMinWork
    const softOff = m.softMinOff
    const softRun = m.softRunWeight
    const workCap = maxW > 0 ? maxW : Math.max(minW, softW, 1)
    const offCap = Math.max(minOff, softOff, 1)
    const lenCap = Math.max(workCap, offCap)
    const nStates = (this.classes + 1) * lenCap * 2
    const NS = nStates + 1
    const f1 = m.forbidden1
    const rank = m.shiftRank
    const changeW = m.changeWeight
    const backW = m.backwardWeight
    const trans = new Int32Array(NS * V).fill(-1)
    const tcost = new Float64Array(NS * V)
    const isWork = new Uint8Array(NS)
    const enc = (k: number, len: number, ex: number) => (k * lenCap + len - 1) * 2 + ex
    for (let sid = 0; sid <= nStates; sid++) {
      let k = -1
      let len = 0
      let ex = 0
      if (sid < nStates) {
        ex = sid & 1
        k = Math.floor((sid >> 1) / lenCap)
        len = ((sid >> 1) % lenCap) + 1
        if ((k > 0 && len > workCap) || (k === 0 && len > offCap)) continue
        isWork[sid] = k > 0 ? 1 : 0
      }
      for (let v = OFF; v < S; v++) {
        let c = 0
        let ns: number
        if (v === OFF) {
          if (sid === nStates) {
            // The first run: with a history of days off it continues them, else it is exempt from minimums.
            const h = m.histOff[p]!
            ns = enc(0, Math.min(1 + h, offCap), h > 0 ? 0 : 1)
          } else if (k === 0) ns = enc(0, Math.min(len + 1, offCap), ex)
          else {
            if (!ex && len < minW) continue
            if (!ex && len < softW) c += (softW - len) * softRun
            ns = enc(0, 1, 0)
          }
        } else if (sid === nStates) {
          const h = m.histWork[p]!
          if (h > 0) {
            const hs = m.histShift1[p]!
            if (hs >= 0) {
              if (f1[hs * S + v]) continue
              if (hs !== v) c += changeW + (rank[v]! < rank[hs]! ? backW : 0)
            }
            if (maxW > 0 && 1 + h > maxW) continue
          }
          ns = enc(this.classOf[v]!, Math.min(1 + h, workCap), h > 0 ? 0 : 1)
        } else if (k === 0) {
          if (!ex && len < minOff) continue
          if (!ex && len < softOff) c += (softOff - len) * softRun
          ns = enc(this.classOf[v]!, 1, 0)
        } else {
          const prev = this.classRep[k]!
          if (f1[prev * S + v]) continue
          if (maxW > 0 && len + 1 > maxW) continue
          if (prev !== v) c += changeW + (rank[v]! < rank[prev]! ? backW : 0)
          ns = enc(this.classOf[v]!, Math.min(len + 1, workCap), ex)
        }
        trans[sid * V + v + 1] = ns
        tcost[sid * V + v + 1] = c
      }
    }
    // The most days the person can still work from each day on, by the run in progress and the
    // weekends left: runs of at most maxW between rests of at least minOff, no work on fixed days
    // off, a new weekend only while some are left. Minimum runs are left out: an upper bound.
    const D = m.days
    const O = Math.max(1, minOff)
    const W = maxW > 0 ? maxW : D
    const E = m.maxWeekends[p] === UNLIMITED ? 0 : Math.max(0, m.maxWeekends[p]!)
    const trackWe = m.maxWeekends[p] !== UNLIMITED
    const NF = W + O
    const future = new Int16Array((D + 1) * NF * (E + 1))
    for (let d = D - 1; d >= 0; d--) {
      const here = d * NF * (E + 1)
      const next = (d + 1) * NF * (E + 1)
      const we = m.weekendOf[d]!
      const isWe = trackWe && we >= 0
      const opensWe = isWe && !(d > 0 && m.weekendOf[d - 1] === we)
      const offOnly = m.fixed[p * D + d] === OFF
      for (let e = 0; e <= E; e++) {
        // Work states r = 0..W (0: rested), rest states o = 1..O-1 at index W + o.
        for (let r = 0; r <= W; r++) {
          let best = future[next + (r > 0 && O > 1 ? W + 1 : 0) * (E + 1) + e]!
          if (!offOnly && r < W) {
            const c = isWe && (opensWe || r === 0) ? 1 : 0
            if (e >= c) best = Math.max(best, 1 + future[next + (r + 1) * (E + 1) + e - c]!)
          }
          future[here + r * (E + 1) + e] = best
        }
        for (let o = 1; o < O; o++) future[here + (W + o) * (E + 1) + e] = future[next + (o + 1 >= O ? 0 : W + o + 1) * (E + 1) + e]!
      }
    }
    let maxLen = 0
    for (let s = 0; s < S; s++) if (m.maxShiftCount[p * S + s] !== 0 && this.lenUnits[s]! > maxLen) maxLen = this.lenUnits[s]!
    const groups = groupTransitions(trans, tcost, NS, V)
    const t: PersonTable = { workCap, offCap, lenCap, nStates, trans, tcost, isWork, future, futureW: W, futureO: O, futureE: E, maxLen, groups }
    this.tables[p] = t
    return t
  }

  /**
   * How person p's span a..b must fit into the rest of the row; null when nothing can (the
   * rest already breaks a limit). With `open`, the days after b are not drawn up yet (a
   * construction from left to right): the span only has to leave the rest of the row able to
   * reach its minimum, and must not end in a run the next days cannot complete. With `pace`,
   * the row's minutes up to b stay within two shifts of their share of the minimum and
   * maximum, and its weekends within one of their share of the maximum. With `gain` (units),
   * a row short of its minimum need only gain that much over its current span; a gain below
   * 0 lets the span lose that much, however far the row falls short.
   */
  private context(x: Int16Array, p: number, a: number, b: number, open = false, pace = false, gain?: number): SpanContext | null {
    const m = this.m
    const S = this.S
    const D = m.days
    const base = p * D
    const span = b - a + 1
    const t = this.table(p)
    const { lenCap, workCap, offCap, nStates } = t

    let outMinutes = 0
    const outCount = new Int32Array(S)
    for (let d = 0; d < D; d++) {
      if (d >= a && (d <= b || open)) continue
      const v = x[base + d]!
      if (v === OFF) continue
      outMinutes += m.shiftMinutes[v]!
      outCount[v]!++
    }
    const minM = m.minMinutes[p]!
    const maxM = m.maxMinutes[p]!
    // Open: the days after b can still bring at most this many units.
    const fe = t.futureE + 1
    const laterUnits = open ? t.future[((b + 1) * (t.futureW + t.futureO)) * fe + t.futureE]! * t.maxLen : 0
    let mLo = minM === UNLIMITED ? 0 : Math.max(0, Math.ceil((minM - outMinutes) / this.unit) - laterUnits)
    let mHi = maxM === UNLIMITED ? span * this.maxLenUnits : Math.floor((maxM - outMinutes) / this.unit)
    mHi = Math.min(mHi, span * this.maxLenUnits)
    if (gain !== undefined) {
      // A row far short of its minimum cannot make it up in one window: a step towards it.
      let held = 0
      for (let d = a; d <= b; d++) if (x[base + d] !== OFF) held += this.lenUnits[x[base + d]!]!
      mLo = Math.min(mLo, held + gain)
    }
    if (mHi < 0 || mLo > mHi) return null
    if (pace && b + 1 < D) {
      // Keep to the pace of the row's minimum and maximum, give or take two shifts.
      const share = (b + 1) / D
      const slack = 2 * t.maxLen
      const lo = minM === UNLIMITED ? mLo : Math.ceil((minM * share - outMinutes) / this.unit) - slack
      const hi = maxM === UNLIMITED ? mHi : Math.floor((maxM * share - outMinutes) / this.unit) + slack
      const pl = Math.max(mLo, lo)
      const ph = Math.min(mHi, hi)
      if (pl <= ph) {
        mLo = pl
        mHi = ph
      }
    }

    // A type's maximum can bind only if the span can hold more of it than it may.
    const W = m.maxConsecWork[p]! > 0 ? m.maxConsecWork[p]! : span
    const spanWork = Math.floor(span / (W + 1)) * W + Math.min(W, span % (W + 1))
    const left = new Int32Array(S).fill(-1)
    for (let s = 0; s < S; s++) {
      const max = m.maxShiftCount[p * S + s]!
      if (max === UNLIMITED) continue
      const l = max - outCount[s]!
      if (l < 0) return null
      if (l < spanWork) left[s] = l
    }

    const maxWe = m.maxWeekends[p]!
    const trackWe = maxWe !== UNLIMITED && m.weekends > 0
    let weBudget = 0
    const outWorked = new Uint8Array(Math.max(1, m.weekends))
    if (trackWe) {
      const touched = new Uint8Array(m.weekends)
      for (let d = a; d <= b; d++) if (m.weekendOf[d]! >= 0) touched[m.weekendOf[d]!] = 1
      const worked = new Uint8Array(m.weekends)
      for (let d = 0; d < D; d++) {
        const w = m.weekendOf[d]!
        if (w < 0 || x[base + d] === OFF || (open && d > b)) continue
        if (d < a || d > b) outWorked[w] = 1
        worked[w] = 1
      }
      let outside = 0
      for (let w = 0; w < m.weekends; w++) if (!touched[w] && worked[w]) outside++
      weBudget = maxWe - outside
      if (weBudget < 0) return null
      if (pace && b + 1 < D) {
        let upTo = 0
        for (let w = 0; w < m.weekends; w++) if (touched[w] || worked[w]) upTo = w + 1
        weBudget = Math.min(weBudget, Math.max(0, Math.ceil((maxWe * upTo) / m.weekends) + 1 - outside))
      }
    }

    const enc = (k: number, len: number, ex: number) => (k * lenCap + len - 1) * 2 + ex
    let preSid = nStates
    if (a > 0) {
      const v = x[base + a - 1]!
      const work = v !== OFF
      let r0 = a - 1
      while (r0 > 0 && (x[base + r0 - 1]! !== OFF) === work) r0--
      let len = a - r0
      let ex = 0
      if (r0 === 0) {
        const h = work ? m.histWork[p]! : m.histOff[p]!
        if (h > 0) len += h
        else ex = 1
      }
      preSid = enc(work ? this.classOf[v]! : 0, Math.min(len, work ? workCap : offCap), ex)
    }

    // Joining the run after b (at the end of the horizon runs are exempt from minimums).
    const endCost = new Float64Array(nStates + 1).fill(Infinity)
    const minW = m.minConsecWork[p]!
    const minOff = m.minConsecOff[p]!
    const softW = m.softMinWork
    const softOff = m.softMinOff
    const softRun = m.softRunWeight
    const f1 = m.forbidden1
    const rank = m.shiftRank
    const joins = b + 1 < D && !open
    const nextV = joins ? x[base + b + 1]! : OFF
    let nextLen = 0
    let nextEdge = true
    if (joins) {
      const work = nextV !== OFF
      let e = b + 1
      while (e + 1 < D && (x[base + e + 1]! !== OFF) === work) e++
      nextLen = e - b
      nextEdge = e === D - 1
    }
    for (let sid = 0; sid < nStates; sid++) {
      const ex = sid & 1
      const k = Math.floor((sid >> 1) / lenCap)
      const len = ((sid >> 1) % lenCap) + 1
      if ((k > 0 && len > workCap) || (k === 0 && len > offCap)) continue
      let c = 0
      if (open && k > 0 && !ex && len < minW) {
        // The run must go on for minW - len more days: none of them a fixed day off.
        let d = b + 1
        while (d < D && d <= b + minW - len && m.fixed[base + d] !== OFF) d++
        if (d <= b + minW - len && d < D) continue
      }
      if (joins) {
        if (k > 0 && nextV !== OFF) {
          const prev = this.classRep[k]!
          if (f1[prev * S + nextV]) continue
          if (prev !== nextV) c += m.changeWeight + (rank[nextV]! < rank[prev]! ? m.backwardWeight : 0)
          const total = len + nextLen
          if (m.maxConsecWork[p]! > 0 && total > m.maxConsecWork[p]!) continue
          if (!ex && !nextEdge && total < minW) continue
          if (!ex && !nextEdge && total < softW) c += (softW - total) * softRun
        } else if (k > 0) {
          // The work run ends at b, and the rest after it is now a run of its own.
          if (!ex && len < minW) continue
          if (!ex && len < softW) c += (softW - len) * softRun
          if (!nextEdge && nextLen < minOff) continue
          if (!nextEdge && nextLen < softOff) c += (softOff - nextLen) * softRun
        } else if (nextV !== OFF) {
          // The rest ends at b, and the work after it is now a run of its own.
          if (!ex && len < minOff) continue
          if (!ex && len < softOff) c += (softOff - len) * softRun
          if (m.maxConsecWork[p]! > 0 && nextLen > m.maxConsecWork[p]!) continue
          if (!nextEdge && nextLen < minW) continue
          if (!nextEdge && nextLen < softW) c += (softW - nextLen) * softRun
        } else {
          const total = len + nextLen
          if (!ex && !nextEdge && total < minOff) continue
          if (!ex && !nextEdge && total < softOff) c += (softOff - total) * softRun
        }
      }
      endCost[sid] = c
    }
    // Open: from the state and weekends at b, the rest of the row must still be able to reach the minimum.
    let endNeed: Int32Array | null = null
    if (open && minM !== UNLIMITED && b + 1 < D && gain === undefined) {
      const need = Math.ceil((minM - outMinutes) / this.unit)
      const wb = weBudget + 1
      endNeed = new Int32Array(nStates * wb)
      const NF = t.futureW + t.futureO
      for (let sid = 0; sid < nStates; sid++) {
        const ex = sid & 1
        const k = Math.floor((sid >> 1) / lenCap)
        const len = ((sid >> 1) % lenCap) + 1
        const f = k > 0 ? Math.min(len, t.futureW) : ex || len >= t.futureO ? 0 : t.futureW + len
        for (let w = 0; w < wb; w++) {
          const e = Math.max(0, Math.min(t.futureE, trackWe ? weBudget - w : t.futureE))
          endNeed[sid * wb + w] = need - t.future[((b + 1) * NF + f) * fe + e]! * t.maxLen
        }
      }
    }
    return { mLo, mHi, left, trackWe, weBudget, outWorked, preSid, endCost, endNeed }
  }

  /**
   * Lower bounds on the cost to go without the resources: [i * NS + sid] from state sid
   * before day a+i, each day taking a value of `vals(i)` at `cost[i * V + v + 1]`. With
   * `lbl`, the same walk fills it with the bounds in which each unit of minutes worked is
   * priced `lambda` less.
   */
  private bounds(t: PersonTable, ctx: SpanContext, span: number, vals: (i: number) => ArrayLike<number>, cost: Float64Array, lambda = 0, lbl?: Float64Array): Float64Array {
    const NS = t.nStates + 1
    const V = this.S + 1
    const lb = new Float64Array((span + 1) * NS)
    lb.set(ctx.endCost, span * NS)
    if (lbl) lbl.set(ctx.endCost, span * NS)
    const lenUnits = this.lenUnits
    const { edgeStart, edgeNext, edgeGroup, groupStart, memberV, memberTc } = t.groups
    const G = groupStart.length - 1
    // A day's cost of each value (Infinity where it may not be taken), and less the minutes' price;
    const cv = new Float64Array(V)
    const cl = new Float64Array(V)
    // each group's cheapest member at those costs.
    const gm = new Float64Array(G)
    const gl = new Float64Array(G)
    for (let i = span - 1; i >= 0; i--) {
      const vs = vals(i)
      cv.fill(Infinity)
      cl.fill(Infinity)
      for (let j = 0; j < vs.length; j++) {
        const v = vs[j]!
        cv[v + 1] = cost[i * V + v + 1]!
        if (lbl) cl[v + 1] = cv[v + 1]! - (v === OFF ? 0 : lambda * lenUnits[v]!)
      }
      for (let g = 0; g < G; g++) {
        let best = Infinity
        let bestL = Infinity
        for (let e = groupStart[g]!; e < groupStart[g + 1]!; e++) {
          const c = cv[memberV[e]!]! + memberTc[e]!
          if (c < best) best = c
          if (lbl) {
            const c2 = cl[memberV[e]!]! + memberTc[e]!
            if (c2 < bestL) bestL = c2
          }
        }
        gm[g] = best
        gl[g] = bestL
      }
      const o = i * NS
      const on = o + NS
      for (let sid = 0; sid < NS; sid++) {
        let best = Infinity
        let bestL = Infinity
        for (let e = edgeStart[sid]!; e < edgeStart[sid + 1]!; e++) {
          const ns = edgeNext[e]!
          const c = gm[edgeGroup[e]!]! + lb[on + ns]!
          if (c < best) best = c
          if (lbl) {
            const c2 = gl[edgeGroup[e]!]! + lbl[on + ns]!
            if (c2 < bestL) bestL = c2
          }
        }
        lb[o + sid] = best
        if (lbl) lbl[o + sid] = bestL
      }
    }
    return lb
  }

  /**
   * Writes into `out[p * days + a .. p * days + b]` the best values of person
   * p's cells on days a..b given everyone else's cells in `st` (p's cells
   * outside a..b kept), and returns true; false when no values of the span
   * keep p's hard rules. With `rng`, ties between equally good rows are broken
   * at random. With `force`, day `force.day` must hold `force.value`, and the
   * answer may cost up to `force.slack` more than the current cells; the days
   * in `force.off`, if any, must be off as well. With `open`, the days after b
   * are not drawn up yet (see `context`); with `pace` too, the span keeps the
   * row near its share of its minutes and weekends. With `gain`, a row short
   * of its minimum need only gain that many units of minutes (lenUnit) over
   * the span, not all it lacks; with a gain below 0, the span may lose that
   * many, leaving the row short of its minimum for another span to make up. With
   * `prices`, a shift on day d earns prices[d * shifts + s] in place of its
   * marginal cover cost (the pricing of the relaxation in dive.ts).
   */
  optimise(st: SolverState, p: number, a: number, b: number, rng: Random | null, out: Int16Array, force?: RowForce, open = false, pace = false, gain?: number, prices?: Float64Array): boolean {
    const m = this.m
    const S = this.S
    const D = m.days
    const x = st.x
    const base = p * D
    const span = b - a + 1
    const V = S + 1
    this.lastExact = true
    const ctx = this.context(x, p, a, b, open, pace, gain)
    if (!ctx) return false
    const t = this.table(p)
    const { trans, tcost, isWork } = t
    const NS = t.nStates + 1
    const { mLo, mHi, trackWe, weBudget, outWorked, preSid, endCost } = ctx
    const lenUnits = this.lenUnits

    // The values each day may take: a fixed cell its value; shifts the person may never work, none.
    const base0: number[][] = []
    for (let d = a; d <= b; d++) {
      const f = m.fixed[base + d]!
      if (force && d === force.day) {
        if (f !== FREE && f !== force.value) return false
        base0.push([force.value])
      } else if (force?.off?.includes(d)) {
        if (f !== FREE && f !== OFF) return false
        base0.push([OFF])
      } else if (f !== FREE) base0.push([f])
      else {
        const vals = [OFF]
        for (let s = 0; s < S; s++) if (m.maxShiftCount[p * S + s] !== 0) vals.push(s)
        base0.push(vals)
      }
    }
    // Costs of each value on each day.
    const cost = new Float64Array(span * V)
    const cc = m.cellCost
    const eps = rng ? 0.5 / (span + 2) : 0
    for (let d = a; d <= b; d++) {
      const o = (d - a) * V
      const cur = x[base + d]!
      for (let v = OFF; v < S; v++) {
        let c = cc ? cc[(base + d) * V + v + 1]! : 0
        if (v !== OFF && prices) c -= prices[d * S + v]!
        else if (v !== OFF) {
          const ci = d * S + v
          const others = st.cover[ci]! - (cur === v ? 1 : 0)
          c += others < m.coverTarget[ci]! ? -m.coverUnder[ci]! : m.coverOver[ci]!
        }
        cost[o + v + 1] = c + (rng ? rng.next() * eps : 0)
      }
    }

    // Weekends of two days that close on each day of the span with a weight for being half worked:
    // -1 none, 0 the other day is the day before in the span, 1 or 2 it is outside the span, worked or off.
    const halfOther = new Int8Array(span).fill(-1)
    const ww = this.weekendWeight
    if (ww > 0 && trackWe) {
      for (let i = 0; i < span; i++) {
        const d = a + i
        const w = m.weekendOf[d]!
        if (w < 0) continue
        if (d > 0 && m.weekendOf[d - 1] === w) halfOther[i] = d > a ? 0 : x[base + d - 1] !== OFF ? 1 : 2
        else if (d === b && d + 1 < D && m.weekendOf[d + 1] === w) halfOther[i] = x[base + d + 1] !== OFF ? 1 : 2
      }
    }

    // The bound: the current cells' own cost, when they keep the rules (every maximum counted).
    let ub = Infinity
    {
      let sid = preSid
      let c = 0
      let mins = 0
      let ok = true
      const cnt = new Int32Array(S)
      let we = 0
      for (let i = 0; i < span && ok; i++) {
        const d = a + i
        const v = x[base + d]!
        const ns = trans[sid * V + v + 1]!
        if (ns < 0 || (!(force && (d === force.day || force.off?.includes(d))) && !base0[i]!.includes(v))) ok = false
        else {
          if (trackWe) {
            const w = m.weekendOf[d]!
            if (w >= 0 && (d === b || m.weekendOf[d + 1] !== w) && (outWorked[w] || v !== OFF || (d > a && m.weekendOf[d - 1] === w && isWork[sid]))) we++
          }
          c += cost[i * V + v + 1]! + tcost[sid * V + v + 1]!
          const h = halfOther[i]!
          if (h >= 0 && (h === 0 ? isWork[sid]! === 1 : h === 1) !== (v !== OFF)) c += ww
          if (v !== OFF) {
            mins += lenUnits[v]!
            cnt[v]!++
          }
          sid = ns
        }
      }
      if (ok && endCost[sid] !== Infinity && mins >= mLo && mins <= mHi && we <= weBudget) {
        for (let s = 0; s < S; s++) if (ctx.left[s]! >= 0 && cnt[s]! > ctx.left[s]!) ok = false
        if (ok) ub = c + endCost[sid]! + 1e-7
      }
      this.currentCost = ub
      if (force && ((force.day >= a && force.day <= b && x[base + force.day] !== force.value) || force.off?.some((d) => d >= a && d <= b && x[base + d] !== OFF))) ub += force.slack
    }

    // Shift types whose maximum can bind count as resources (mixed radix), but only once an
    // answer without counting them breaks their maximum: then again with them counted.
    const tracked = new Uint8Array(S)
    for (;;) {
      const allowed = base0.map((vals) => vals.slice())
      const radix = new Int32Array(S)
      const budget = new Int32Array(S).fill(-1)
      let combos = 1
      for (let s = 0; s < S; s++) {
        const left = ctx.left[s]!
        if (left < 0 || !tracked[s]) continue
        if (combos * (left + 1) > 1 << 16) {
          // Too many to count exactly: no more of this type in the span than it holds now.
          this.lastExact = false
          let held = 0
          for (let d = a; d <= b; d++) {
            if (x[base + d] === s) held++
            else if (allowed[d - a]!.length > 1) allowed[d - a] = allowed[d - a]!.filter((v) => v !== s)
          }
          if (held > left) return false
          continue
        }
        radix[s] = combos
        budget[s] = left
        combos *= left + 1
      }
      const aheadMax = new Int32Array(span + 1)
      for (let i = span - 1; i >= 0; i--) {
        let mx = 0
        for (const v of allowed[i]!) if (v !== OFF && lenUnits[v]! > mx) mx = lenUnits[v]!
        aheadMax[i] = aheadMax[i + 1]! + mx
      }
      const lambda = 1 / Math.max(1, this.maxLenUnits)
      const lbl = new Float64Array((span + 1) * NS)
      const lb = this.bounds(t, ctx, span, (i) => allowed[i]!, cost, lambda, lbl)
      if (lb[preSid] === Infinity) return false

      // The programme, day by day, labels merged by (state, minutes, weekends, counts).
      const keyMul1 = NS
      const keyMul2 = keyMul1 * (mHi + 1)
      const keyMul3 = keyMul2 * (weBudget + 1)
      const keySpace = keyMul3 * combos
      this.grow(64)
      this.lState[0] = preSid
      this.lMin[0] = 0
      this.lWe[0] = 0
      this.lCnt[0] = 0
      this.lCost[0] = 0
      this.lBack[0] = -1
      this.lVal[0] = OFF
      let n = 1
      let layerStart = 0
      let layerEnd = 1
      // Each day, each group of transitions (groupTransitions) offers a label only its cheapest
      // member of each shift length: the others lead to the same label at more cost. Shift types
      // whose count is followed are offered one by one (their counts differ).
      const { edgeStart, edgeNext, edgeGroup, groupStart, memberV, memberTc } = t.groups
      const G = groupStart.length - 1
      const candStart = new Int32Array(G + 1)
      const candV = new Int32Array(memberV.length)
      const candC = new Float64Array(memberV.length)
      const candL = new Int32Array(memberV.length)
      const candMin = new Float64Array(G)
      const allowedToday = new Uint8Array(V)
      for (let i = 0; i < span; i++) {
        const d = a + i
        const vals = allowed[i]!
        const costBase = i * V + 1
        allowedToday.fill(0)
        for (let j = 0; j < vals.length; j++) allowedToday[vals[j]! + 1] = 1
        let nc = 0
        for (let g = 0; g < G; g++) {
          candStart[g] = nc
          let least = Infinity
          for (let e = groupStart[g]!; e < groupStart[g + 1]!; e++) {
            const u = memberV[e]!
            if (!allowedToday[u]) continue
            const v = u - 1
            const c = cost[costBase + v]! + memberTc[e]!
            const len = v === OFF ? 0 : budget[v]! >= 0 ? -1 : lenUnits[v]!
            let k = nc
            if (len >= 0) for (k = candStart[g]!; k < nc && candL[k] !== len; k++);
            if (k < nc) {
              if (c < candC[k]!) {
                candC[k] = c
                candV[k] = v
              }
            } else {
              candV[nc] = v
              candC[nc] = c
              candL[nc] = len
              nc++
            }
            if (c < least) least = c
          }
          candMin[g] = least
        }
        candStart[G] = nc
        const we = trackWe ? m.weekendOf[d]! : -1
        const closesWe = we >= 0 && (d === b || m.weekendOf[d + 1] !== we)
        const prevSameWe = we >= 0 && d > a && m.weekendOf[d - 1] === we
        const weOut = we >= 0 ? outWorked[we]! : 0
        const half = halfOther[i]!
        const mNeed = mLo - aheadMax[i + 1]!
        const lbo = (i + 1) * NS
        const est = (layerEnd - layerStart) * vals.length
        this.grow(layerEnd + est + 1)
        // Where every key fits in the table the hash would need, each has its own slot (no hashing, no probing).
        const direct = keySpace <= est * 2 + 16
        const hMask = this.hashMask(direct ? keySpace : est * 2 + 16)
        const stamp = ++this.stamp
        const { hKeys, hIdx, hStamp, lState, lMin, lWe, lCnt, lCost, lBack, lVal } = this
        n = layerEnd
        for (let li = layerStart; li < layerEnd; li++) {
          const sid = lState[li]!
          const prevWork = isWork[sid]!
          const mi = lMin[li]!
          const wi = lWe[li]!
          const ci = lCnt[li]!
          const c0 = lCost[li]!
          for (let e = edgeStart[sid]!; e < edgeStart[sid + 1]!; e++) {
            const ns = edgeNext[e]!
            const g = edgeGroup[e]!
            const rest = lb[lbo + ns]!
            // A group leads to days worked or to days off, never both.
            let from = c0
            if (half >= 0 && (half === 0 ? prevWork === 1 : half === 1) !== (isWork[ns] === 1)) from += ww
            if (from + candMin[g]! + rest > ub) continue
            for (let k = candStart[g]!; k < candStart[g + 1]!; k++) {
              const v = candV[k]!
              const c = from + candC[k]!
              if (c + rest > ub) continue
              let nm = mi
              let ncnt = ci
              if (v !== OFF) {
                nm += lenUnits[v]!
                if (nm > mHi) continue
                const bs = budget[v]!
                if (bs >= 0) {
                  const r = radix[v]!
                  if (Math.floor(ncnt / r) % (bs + 1) >= bs) continue
                  ncnt += r
                }
              }
              if (nm < mNeed) continue
              if (nm < mLo && c + lbl[lbo + ns]! + lambda * (mLo - nm) > ub) continue
              let nw = wi
              if (closesWe && (weOut || v !== OFF || (prevSameWe && prevWork))) {
                if (++nw > weBudget) continue
              }
              const key = ns + keyMul1 * nm + keyMul2 * nw + keyMul3 * ncnt
              let h = direct ? key : slot(key, hMask)
              for (;;) {
                if (hStamp[h] !== stamp) {
                  hStamp[h] = stamp
                  hKeys[h] = key
                  hIdx[h] = n
                  lState[n] = ns
                  lMin[n] = nm
                  lWe[n] = nw
                  lCnt[n] = ncnt
                  lCost[n] = c
                  lBack[n] = li
                  lVal[n] = v
                  n++
                  break
                }
                if (hKeys[h] === key) {
                  const tI = hIdx[h]!
                  if (c < lCost[tI]!) {
                    lCost[tI] = c
                    lBack[tI] = li
                    lVal[tI] = v
                  }
                  break
                }
                h = (h + 1) & hMask
              }
            }
          }
        }
        layerStart = layerEnd
        layerEnd = n
        if (layerStart === layerEnd) return false
        const cap = Math.max(2000, Math.floor(MAX_LABELS / span))
        if (layerEnd - layerStart > cap) {
          this.lastExact = false
          layerEnd = this.truncate(layerStart, layerEnd, cap, (li) => this.lCost[li]! + lb[lbo + this.lState[li]!]!)
          n = layerEnd
        }
      }

      // The end: minutes within range, the join after b, the cheapest label.
      let best = -1
      let bestCost = Infinity
      const endNeed = ctx.endNeed
      for (let li = layerStart; li < layerEnd; li++) {
        const mi = this.lMin[li]!
        if (mi < mLo || mi > mHi) continue
        if (endNeed && mi < endNeed[this.lState[li]! * (weBudget + 1) + this.lWe[li]!]!) continue
        const c = this.lCost[li]! + endCost[this.lState[li]!]!
        if (c < bestCost) {
          bestCost = c
          best = li
        }
      }
      if (best < 0) return false
      this.lastCost = bestCost
      for (let li = best, d = b; d >= a; d--) {
        out[base + d] = this.lVal[li]!
        li = this.lBack[li]!
      }
      // A maximum the answer breaks: count that type too, and go again.
      const cnt = new Int32Array(S)
      for (let d = a; d <= b; d++) if (out[base + d]! !== OFF) cnt[out[base + d]!]!++
      let again = false
      for (let s = 0; s < S; s++) {
        if (!tracked[s] && ctx.left[s]! >= 0 && cnt[s]! > ctx.left[s]!) {
          tracked[s] = 1
          again = true
        }
      }
      if (!again) return true
    }
  }

  /**
   * Writes into `out` (rows p and q, days a..b) the best exchange of p's and
   * q's cells over days a..b: on each day either both keep their cells or they
   * swap them, so every day's cover stays the same. Returns false when no
   * exchange keeps both people's hard rules (keeping every cell is one when
   * they hold now). Ties are broken at random with `rng`.
   */
  optimisePair(st: SolverState, p: number, q: number, a: number, b: number, rng: Random | null, out: Int16Array): boolean {
    const m = this.m
    const S = this.S
    const D = m.days
    const V = S + 1
    const x = st.x
    const span = b - a + 1
    const bp = p * D
    const bq = q * D
    const cp = this.context(x, p, a, b)
    const cq = this.context(x, q, a, b)
    if (!cp || !cq) return false
    const tp = this.table(p)
    const tq = this.table(q)
    const NSp = tp.nStates + 1
    const NSq = tq.nStates + 1
    const lenUnits = this.lenUnits

    // Each day: keep (option 0) or swap (option 1) when the cells differ, are free, and each may take the other's value.
    const canSwap = new Uint8Array(span)
    let pairMinutes = 0
    const pairCount = new Int32Array(S)
    let anySwap = false
    for (let i = 0; i < span; i++) {
      const d = a + i
      const u = x[bp + d]!
      const w = x[bq + d]!
      if (u !== OFF) {
        pairMinutes += lenUnits[u]!
        pairCount[u]!++
      }
      if (w !== OFF) {
        pairMinutes += lenUnits[w]!
        pairCount[w]!++
      }
      if (u === w || m.fixed[bp + d] !== FREE || m.fixed[bq + d] !== FREE) continue
      if ((w !== OFF && m.maxShiftCount[p * S + w] === 0) || (u !== OFF && m.maxShiftCount[q * S + u] === 0)) continue
      canSwap[i] = 1
      anySwap = true
    }
    if (!anySwap) return false
    // p's minutes in units within [mLo, mHi]; q's are what is left of the pair's.
    const mLo = Math.max(cp.mLo, pairMinutes - cq.mHi)
    const mHi = Math.min(cp.mHi, pairMinutes - cq.mLo)
    if (mLo > mHi) return false
    // Counts of bounded types, as p's count: at most p's budget, at least the pair's count less q's budget.
    const radix = new Int32Array(S)
    const cntHi = new Int32Array(S).fill(-1)
    const cntLo = new Int32Array(S)
    let combos = 1
    for (let s = 0; s < S; s++) {
      if (cp.left[s]! < 0 && cq.left[s]! < 0) continue
      const hi = Math.min(pairCount[s]!, cp.left[s]! < 0 ? pairCount[s]! : cp.left[s]!)
      const lo = Math.max(0, cq.left[s]! < 0 ? 0 : pairCount[s]! - cq.left[s]!)
      if (lo > hi) return false
      if (combos * (hi + 1) > 1 << 16) return false
      radix[s] = combos
      cntHi[s] = hi
      cntLo[s] = lo
      combos *= hi + 1
    }

    // Costs: the requests of each person for each value (cover does not change).
    const costP = new Float64Array(span * V)
    const costQ = new Float64Array(span * V)
    const cc = m.cellCost
    const eps = rng ? 0.25 / (span + 2) : 0
    for (let i = 0; i < span; i++) {
      const d = a + i
      for (let v = OFF; v < S; v++) {
        costP[i * V + v + 1] = (cc ? cc[(bp + d) * V + v + 1]! : 0) + (rng ? rng.next() * eps : 0)
        costQ[i * V + v + 1] = (cc ? cc[(bq + d) * V + v + 1]! : 0) + (rng ? rng.next() * eps : 0)
      }
    }
    const optsP = (i: number) => (canSwap[i] ? [x[bp + a + i]!, x[bq + a + i]!] : [x[bp + a + i]!])
    const optsQ = (i: number) => (canSwap[i] ? [x[bq + a + i]!, x[bp + a + i]!] : [x[bq + a + i]!])
    const lbP = this.bounds(tp, cp, span, optsP, costP)
    const lbQ = this.bounds(tq, cq, span, optsQ, costQ)
    if (lbP[cp.preSid] === Infinity || lbQ[cq.preSid] === Infinity) return false

    // The bound: keeping every cell.
    let ub = Infinity
    {
      let sp = cp.preSid
      let sq = cq.preSid
      let c = 0
      for (let i = 0; i < span && sp >= 0 && sq >= 0; i++) {
        const u = x[bp + a + i]!
        const w = x[bq + a + i]!
        c += costP[i * V + u + 1]! + tp.tcost[sp * V + u + 1]! + costQ[i * V + w + 1]! + tq.tcost[sq * V + w + 1]!
        sp = tp.trans[sp * V + u + 1]!
        sq = tq.trans[sq * V + w + 1]!
      }
      if (sp >= 0 && sq >= 0) ub = c + cp.endCost[sp]! + cq.endCost[sq]! + 1e-7
      this.currentCost = ub
    }

    const keyMul1 = NSp
    const keyMul2 = keyMul1 * NSq
    const keyMul3 = keyMul2 * (mHi + 1)
    const keyMul4 = keyMul3 * (cp.weBudget + 1)
    const keyMul5 = keyMul4 * (cq.weBudget + 1)
    this.grow(64)
    this.lState[0] = cp.preSid
    this.lState2[0] = cq.preSid
    this.lMin[0] = 0
    this.lWe[0] = 0
    this.lCnt[0] = 0
    this.lCost[0] = 0
    this.lBack[0] = -1
    this.lVal[0] = 0
    let n = 1
    let layerStart = 0
    let layerEnd = 1
    const WE_SHIFT = 8
    for (let i = 0; i < span; i++) {
      const d = a + i
      const costBase = i * V + 1
      const we = m.weekendOf[d]!
      const closesWe = we >= 0 && (d === b || m.weekendOf[d + 1] !== we)
      const prevSameWe = we >= 0 && d > a && m.weekendOf[d - 1] === we
      const u0 = x[bp + d]!
      const w0 = x[bq + d]!
      const options = canSwap[i] ? 2 : 1
      const lbo = (i + 1)
      const est = (layerEnd - layerStart) * options
      this.grow(layerEnd + est + 1)
      const hMask = this.hashMask(est * 2 + 16)
      const stamp = ++this.stamp
      const { hKeys, hIdx, hStamp, lState, lState2, lMin, lWe, lCnt, lCost, lBack, lVal } = this
      n = layerEnd
      for (let li = layerStart; li < layerEnd; li++) {
        const sp = lState[li]!
        const sq = lState2[li]!
        const mi = lMin[li]!
        const wpq = lWe[li]!
        const ci = lCnt[li]!
        const c0 = lCost[li]!
        for (let o = 0; o < options; o++) {
          const u = o ? w0 : u0
          const w = o ? u0 : w0
          const nsp = tp.trans[sp * V + u + 1]!
          if (nsp < 0) continue
          const nsq = tq.trans[sq * V + w + 1]!
          if (nsq < 0) continue
          const c = c0 + costP[costBase + u]! + tp.tcost[sp * V + u + 1]! + costQ[costBase + w]! + tq.tcost[sq * V + w + 1]!
          if (c + lbP[lbo * NSp + nsp]! + lbQ[lbo * NSq + nsq]! > ub) continue
          let nm = mi
          let ncnt = ci
          if (u !== OFF) {
            nm += lenUnits[u]!
            if (nm > mHi) continue
            const hi = cntHi[u]!
            if (hi >= 0) {
              const r = radix[u]!
              if (Math.floor(ncnt / r) % (hi + 1) >= hi) continue
              ncnt += r
            }
          }
          let wp = wpq & 0xff
          let wq = wpq >> WE_SHIFT
          if (closesWe) {
            if (cp.trackWe && (cp.outWorked[we] || u !== OFF || (prevSameWe && tp.isWork[sp]))) {
              if (++wp > cp.weBudget) continue
            }
            if (cq.trackWe && (cq.outWorked[we] || w !== OFF || (prevSameWe && tq.isWork[sq]))) {
              if (++wq > cq.weBudget) continue
            }
          }
          const key = nsp + keyMul1 * nsq + keyMul2 * nm + keyMul3 * wp + keyMul4 * wq + keyMul5 * ncnt
          let h = slot(key, hMask)
          for (;;) {
            if (hStamp[h] !== stamp) {
              hStamp[h] = stamp
              hKeys[h] = key
              hIdx[h] = n
              lState[n] = nsp
              lState2[n] = nsq
              lMin[n] = nm
              lWe[n] = wp | (wq << WE_SHIFT)
              lCnt[n] = ncnt
              lCost[n] = c
              lBack[n] = li
              lVal[n] = o
              n++
              break
            }
            if (hKeys[h] === key) {
              const tI = hIdx[h]!
              if (c < lCost[tI]!) {
                lCost[tI] = c
                lBack[tI] = li
                lVal[tI] = o
              }
              break
            }
            h = (h + 1) & hMask
          }
        }
      }
      layerStart = layerEnd
      layerEnd = n
      if (layerStart === layerEnd) return false
      const cap = Math.max(2000, Math.floor(MAX_LABELS / span))
      if (layerEnd - layerStart > cap) {
        layerEnd = this.truncate(layerStart, layerEnd, cap, (li) => this.lCost[li]! + lbP[lbo * NSp + this.lState[li]!]! + lbQ[lbo * NSq + this.lState2[li]!]!)
        n = layerEnd
      }
    }

    let best = -1
    let bestCost = Infinity
    for (let li = layerStart; li < layerEnd; li++) {
      const mi = this.lMin[li]!
      if (mi < mLo || mi > mHi) continue
      const ci = this.lCnt[li]!
      let ok = true
      for (let s = 0; s < S && ok; s++) if (cntHi[s]! >= 0 && Math.floor(ci / radix[s]!) % (cntHi[s]! + 1) < cntLo[s]!) ok = false
      if (!ok) continue
      const c = this.lCost[li]! + cp.endCost[this.lState[li]!]! + cq.endCost[this.lState2[li]!]!
      if (c < bestCost) {
        bestCost = c
        best = li
      }
    }
    if (best < 0) return false
    this.lastCost = bestCost
    for (let li = best, d = b; d >= a; d--) {
      const o = this.lVal[li]!
      const u = x[bp + d]!
      const w = x[bq + d]!
      out[bp + d] = o ? w : u
      out[bq + d] = o ? u : w
      li = this.lBack[li]!
    }
    return true
  }

  /**
   * Person p's cheapest whole row at `prices` (a shift on day d earns
   * prices[d * shifts + s], as in optimise), with every soft cost of their own
   * counted: requests, runs, shift changes and also the fair ranges, which
   * optimise leaves out (the pricing of bound.ts). The counts the fair ranges
   * keep (fairCounts) are resources of the labels; a count past its range by
   * more than FAIR_SLACK is held there, costing what it costs there (less than
   * it truly costs: a lower bound). Writes the row into out[0..days-1] and
   * returns its cost at the prices, found true; or, when no row is cheaper
   * than `ub` (the priced cost of a row known to keep the rules), ub with
   * found false. Null when no row keeps p's rules.
   *
   * The cost returned is never above the cheapest row's: exact when `relaxed`
   * is false; with relaxed, a lower bound, because the person's minutes,
   * weekends or shift maximums (hard) are left out, a count was held at its cap,
   * or fair ranges were left out (FAIR_COMBOS, or a layer would have held over
   * PRICE_LAYER_CAP labels: the widest count is dropped, its cost taken as 0). With `more`, up to more.limit other rows below ub, cheapest
   * first, go into more.rows (more columns for one round of pricing).
   */
  price(p: number, prices: Float64Array, out: Int16Array, ub = Infinity, more?: { limit: number; rows: Int16Array[] }, late?: () => boolean): { cost: number; found: boolean; relaxed: boolean } | null {
    const m = this.m
    const S = this.S
    const D = m.days
    const V = S + 1
    const t = this.table(p)
    const { trans, tcost } = t
    const NS = t.nStates + 1
    const START = t.nStates
    let relaxed = m.minMinutes[p] !== UNLIMITED || m.maxMinutes[p] !== UNLIMITED || (m.maxWeekends[p] !== UNLIMITED && m.weekends > 0)
    const vals: number[][] = []
    for (let d = 0; d < D; d++) {
      const f = m.fixed[p * D + d]!
      if (f !== FREE) {
        // A day held to a shift the person may never work: no row keeps the rules.
        if (f !== OFF && m.maxShiftCount[p * S + f] === 0) return null
        vals.push([f])
      } else {
        const vs = [OFF]
        for (let s = 0; s < S; s++) {
          const max = m.maxShiftCount[p * S + s]!
          if (max !== 0) vs.push(s)
          if (max > 0) relaxed = true
        }
        vals.push(vs)
      }
    }
    const cost = new Float64Array(D * V)
    const cc = m.cellCost
    for (let d = 0; d < D; d++) {
      for (let v = OFF; v < S; v++) cost[d * V + v + 1] = (cc ? cc[(p * D + d) * V + v + 1]! : 0) - (v === OFF ? 0 : prices[d * S + v]!)
    }
    // The cheapest cost to go from each state before each day, without the fair ranges.
    const lb = new Float64Array((D + 1) * NS)
    for (let d = D - 1; d >= 0; d--) {
      for (let sid = 0; sid < NS; sid++) {
        let best = Infinity
        for (const v of vals[d]!) {
          const ns = trans[sid * V + v + 1]!
          if (ns < 0) continue
          const c = cost[d * V + v + 1]! + tcost[sid * V + v + 1]! + lb[(d + 1) * NS + ns]!
          if (c < best) best = c
        }
        lb[d * NS + sid] = best
      }
    }
    if (lb[START] === Infinity) return null

    let counts = this.fairCountsOf(p)
    if (this.fairDropped[p]) relaxed = true
    for (;;) {
      if (more) more.rows.length = 0
      const r = this.priceWith(p, counts, vals, cost, lb, out, ub, more, late)
      if (r && r.found && !relaxed) {
        // A count held at its cap costs less than it truly does: then the cost is only a lower bound.
        let own = this.rowCost(p, out)
        for (let d = 0; d < m.days; d++) if (out[d]! !== OFF) own -= prices[d * S + out[d]!]!
        if (own > r.cost + 1e-6) relaxed = true
      }
      if (r) return { ...r, relaxed }
      // Too many labels: leave out the count with the most values, and go again.
      let widest = 0
      for (let k = 1; k < counts.length; k++) if (counts[k]!.cap > counts[widest]!.cap) widest = k
      counts = counts.filter((_, k) => k !== widest)
      relaxed = true
    }
  }

  /** Person p's own soft cost of a whole row, as price counts it (the fair ranges in full); Infinity when the row breaks a rule the programme walks. */
  rowCost(p: number, row: ArrayLike<number>): number {
    const m = this.m
    const D = m.days
    const V = this.S + 1
    const t = this.table(p)
    const cc = m.cellCost
    let sid = t.nStates
    let c = 0
    for (let d = 0; d < D; d++) {
      const v = row[d]!
      const ns = t.trans[sid * V + v + 1]!
      if (ns < 0) return Infinity
      c += t.tcost[sid * V + v + 1]! + (cc ? cc[(p * D + d) * V + v + 1]! : 0)
      sid = ns
    }
    for (const f of this.fairCountsOf(p)) {
      let n = 0
      for (let d = 0; d < D; d++) n += f.inc[d * V + row[d]! + 1]!
      c += fairCost(f, n, true)
    }
    return c
  }

  private fairCountsOf(p: number): FairCount[] {
    let f = this.fair[p]
    if (!f) {
      // Working days first, then the day groups, then the shift types, as long as the labels' counts stay few.
      const all = fairCounts(this.m, p)
      const order = [...all.filter((c) => c.kind === 'work'), ...all.filter((c) => c.kind === 'group'), ...all.filter((c) => c.kind === 'shift')]
      f = []
      let combos = 1
      for (const c of order) {
        if (combos * (c.cap + 1) > FAIR_COMBOS) continue
        combos *= c.cap + 1
        f.push(c)
      }
      this.fairDropped[p] = f.length < all.length
      this.fair[p] = f
    }
    return f
  }

  /** The labelling of price with the given counts; null when a layer would hold over PRICE_LAYER_CAP labels. */
  private priceWith(p: number, counts: FairCount[], vals: number[][], cost: Float64Array, lb: Float64Array, out: Int16Array, ub: number, more?: { limit: number; rows: Int16Array[] }, late?: () => boolean): { cost: number; found: boolean } | null {
    const m = this.m
    const D = m.days
    const V = this.S + 1
    const t = this.table(p)
    const { trans, tcost } = t
    const NS = t.nStates + 1
    const K = counts.length
    // Counts in mixed radix: one number per label, below 2^52 / NS so that keys stay exact.
    const radix = new Float64Array(K)
    let span = 1
    for (let k = 0; k < K; k++) {
      radix[k] = span
      span *= counts[k]!.cap + 1
    }
    if (span * NS > 2 ** 52) return null
    // tail[k][j * (cap + 1) + c]: the least the count's range can still cost from count c with days j.. to go.
    const tail = counts.map((f) => {
      const w = f.cap + 1
      const out = new Float64Array((D + 1) * w)
      let minInc = 0
      let maxInc = 0
      for (let j = D; j >= 0; j--) {
        if (j < D) {
          let all = true
          let any = false
          for (const v of vals[j]!) {
            if (f.inc[j * V + v + 1]) any = true
            else all = false
          }
          if (all) minInc++
          if (any) maxInc++
        }
        for (let c = 0; c <= f.cap; c++) {
          const lo = c + minInc
          const hi = c + maxInc
          out[j * w + c] = hi < f.lo ? fairCost(f, hi) : lo > f.hi ? fairCost(f, Math.min(lo, f.cap)) : 0
        }
      }
      return out
    })
    const tailAt = (j: number, li: number): number => {
      let s = 0
      for (let k = 0; k < K; k++) s += tail[k]![j * (counts[k]!.cap + 1) + this.pCnt[li * K + k]!]!
      return s
    }
    const growTo = (need: number): void => {
      if (need <= this.pState.length) return
      let cap = Math.max(1024, this.pState.length)
      while (cap < need) cap *= 2
      const g = <T extends Int32Array | Float64Array | Int16Array>(a: T, n: T): T => {
        n.set(a)
        return n
      }
      this.pState = g(this.pState, new Int32Array(cap))
      this.pCost = g(this.pCost, new Float64Array(cap))
      this.pCode = g(this.pCode, new Float64Array(cap))
      this.pBack = g(this.pBack, new Int32Array(cap))
      this.pVal = g(this.pVal, new Int16Array(cap))
      const c = new Int16Array(cap * Math.max(1, K))
      c.set(this.pCnt.subarray(0, Math.min(this.pCnt.length, c.length)))
      this.pCnt = c
    }
    if (this.pCnt.length < this.pState.length * Math.max(1, K)) {
      const c = new Int16Array(this.pState.length * Math.max(1, K))
      this.pCnt = c
    }
    growTo(64)
    this.pState[0] = t.nStates
    this.pCost[0] = 0
    this.pCode[0] = 0
    this.pBack[0] = -1
    this.pVal[0] = OFF
    for (let k = 0; k < K; k++) this.pCnt[k] = 0
    let layerStart = 0
    let layerEnd = 1
    const bound = ub + 1e-9
    for (let d = 0; d < D; d++) {
      // Out of time: -Infinity is a lower bound too (one that says nothing).
      if (late?.()) return { cost: -Infinity, found: false }
      const vs = vals[d]!
      const est = (layerEnd - layerStart) * vs.length
      growTo(layerEnd + est + 1)
      const hMask = this.hashMask(est * 2 + 16)
      const stamp = ++this.stamp
      const { hKeys, hIdx, hStamp, pState, pCost, pCode, pBack, pVal, pCnt } = this
      const lbo = (d + 1) * NS
      let n = layerEnd
      for (let li = layerStart; li < layerEnd; li++) {
        const sid = pState[li]!
        const c0 = pCost[li]!
        for (const v of vs) {
          const ns = trans[sid * V + v + 1]!
          if (ns < 0) continue
          const c = c0 + cost[d * V + v + 1]! + tcost[sid * V + v + 1]!
          const rest = lb[lbo + ns]!
          if (c + rest > bound) continue
          // The new counts, and what their ranges must still cost.
          let code = pCode[li]!
          let tailCost = 0
          for (let k = 0; k < K; k++) {
            const f = counts[k]!
            let cnt = pCnt[li * K + k]!
            if (f.inc[d * V + v + 1] && cnt < f.cap) {
              cnt++
              code += radix[k]!
            }
            tailCost += tail[k]![(d + 1) * (f.cap + 1) + cnt]!
          }
          if (c + rest + tailCost > bound) continue
          const key = ns + NS * code
          let h = slot(key, hMask)
          for (;;) {
            if (hStamp[h] !== stamp) {
              hStamp[h] = stamp
              hKeys[h] = key
              hIdx[h] = n
              pState[n] = ns
              pCost[n] = c
              pCode[n] = code
              pBack[n] = li
              pVal[n] = v
              for (let k = 0; k < K; k++) {
                const f = counts[k]!
                const cnt = pCnt[li * K + k]!
                pCnt[n * K + k] = f.inc[d * V + v + 1] && cnt < f.cap ? cnt + 1 : cnt
              }
              n++
              break
            }
            if (hKeys[h] === key) {
              const tI = hIdx[h]!
              if (c < pCost[tI]!) {
                pCost[tI] = c
                pBack[tI] = li
                pVal[tI] = v
              }
              break
            }
            h = (h + 1) & hMask
          }
        }
      }
      layerStart = layerEnd
      layerEnd = n
      if (layerEnd - layerStart > PRICE_LAYER_CAP && K > 0) return null
      if (layerStart === layerEnd) return { cost: ub, found: false }
    }
    let best = -1
    let bestCost = Infinity
    for (let li = layerStart; li < layerEnd; li++) {
      const c = this.pCost[li]! + tailAt(D, li)
      if (c < bestCost) {
        bestCost = c
        best = li
      }
    }
    if (best < 0 || bestCost >= ub) return { cost: ub, found: false }
    const trace = (from: number, into: Int16Array): Int16Array => {
      for (let li = from, d = D - 1; d >= 0; d--) {
        into[d] = this.pVal[li]!
        li = this.pBack[li]!
      }
      return into
    }
    trace(best, out)
    if (more && more.limit > 0) {
      // The next cheapest rows below ub, ending in other labels (so other rows).
      const ends: { li: number; c: number }[] = []
      for (let li = layerStart; li < layerEnd; li++) {
        if (li === best) continue
        const c = this.pCost[li]! + tailAt(D, li)
        if (c < ub) ends.push({ li, c })
      }
      ends.sort((x, y) => x.c - y.c || x.li - y.li)
      for (const e of ends.slice(0, more.limit)) more.rows.push(trace(e.li, new Int16Array(D)))
    }
    return { cost: bestCost, found: true }
  }
}

/** A layer of price's labels above this: the widest fair count is left out (a weaker bound, in bounded time and memory). */
const PRICE_LAYER_CAP = 200_000

/**
 * The most combinations of counts price follows for one person (the product of
 * each count's values): working days and the groups first, then the shift
 * types while the product stays within it; the rest are left out (a weaker
 * bound, see price). Counts of the demo team's three weeks: working days 19
 * values, weekend days 8, each shift type 9.
 */
const FAIR_COMBOS = 1200

/** How far past its range a fair count is followed before it is held (its cost there, 200 x 2² in generate, already rules such rows out). */
const FAIR_SLACK = 2

/** One fair range of a person as price follows it: a count (of a shift type, of working days, of a group's days worked) kept within [lo, hi], weight x squared distance outside. */
export interface FairCount {
  kind: 'shift' | 'work' | 'group'
  lo: number
  hi: number
  weight: number
  /** Counts above cap are held at cap (the cost only grows past the range, so it is a lower bound there). */
  cap: number
  /** [day * (shifts + 1) + value + 1] = 1 when that value on that day adds one to the count. */
  inc: Uint8Array
}

/** What count c costs in the fair range f (held at f.cap unless `whole`). */
function fairCost(f: FairCount, c: number, whole = false): number {
  const x = whole ? c : Math.min(c, f.cap)
  const out = x < f.lo ? f.lo - x : x > f.hi ? x - f.hi : 0
  return f.weight * out * out
}

/** Person p's fair ranges that cost something, as in evaluate.ts: per shift type, working days, each day group. */
export function fairCounts(m: Model, p: number): FairCount[] {
  const { days: D, shifts: S } = m
  const V = S + 1
  const out: FairCount[] = []
  const make = (kind: FairCount['kind'], lo: number, hi: number, weight: number, adds: (d: number, v: number) => boolean): void => {
    if (lo < 0 || weight <= 0) return
    const inc = new Uint8Array(D * V)
    for (let d = 0; d < D; d++) for (let v = OFF; v < S; v++) inc[d * V + v + 1] = adds(d, v) ? 1 : 0
    out.push({ kind, lo, hi, weight, cap: Math.min(D, Math.max(lo, hi) + FAIR_SLACK), inc })
  }
  for (let s = 0; s < S; s++) make('shift', m.countLo[p * S + s]!, m.countHi[p * S + s]!, m.countWeight, (_, v) => v === s)
  make('work', m.workLo[p]!, m.workHi[p]!, m.workWeight, (_, v) => v !== OFF)
  for (const g of m.groups) make('group', g.lo[p]!, g.hi[p]!, g.weight, (d, v) => g.mask[d] === 1 && v !== OFF)
  return out
}

/**
 * The slot of a label's key in a hash table of mask + 1 slots: the key's two 32-bit
 * halves multiplied by odd constants, the high bits of the product folded into the low
 * ones (a product's low bits depend on the key's low bits alone, and neighbouring
 * labels have neighbouring keys).
 */
function slot(key: number, mask: number): number {
  const x = Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b)
  return (x ^ (x >>> 16)) & mask
}

/**
 * The k-th smallest of `a` (k from 0), found by selection (Hoare's FIND, with the median
 * of three as pivot) in linear time on average rather than by sorting; `a` is reordered.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  while (hi > lo) {
    const mid = (lo + hi) >> 1
    // The median of a[lo], a[mid], a[hi] as the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo)
    if (a[hi]! < a[lo]!) swap(a, hi, lo)
    if (a[hi]! < a[mid]!) swap(a, hi, mid)
    const pivot = a[mid]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i]! < pivot) i++
      while (a[j]! > pivot) j--
      if (i <= j) {
        swap(a, i, j)
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]!
  }
  return a[k]!
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!
  a[i] = a[j]!
  a[j] = t
}
