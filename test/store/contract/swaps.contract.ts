import { describe, expect, it } from 'vitest'
import type { SwapStatus } from '../../../src/domain/types.js'
import type { Store } from '../../../src/store/store.js'
import { AT, freshStore, seedTeam } from './support.js'

type Row = [requester: string, counterpart: string, date: string, payback: string | null, status: SwapStatus]

// Ids 1..8 in this order; by D1 they read 8, 5, 1, 2, 7, 6, 3, 4.
const ROWS: Row[] = [
  ['ana', 'bo', '2027-05-31', '2027-06-02', 'approved'], // 1
  ['ana', 'cy', '2027-06-01', null, 'pending'], // 2
  ['bo', 'ana', '2027-06-30', '2027-07-01', 'accepted'], // 3
  ['ana', 'dee', '2027-07-15', null, 'declined'], // 4
  ['cy', 'dee', '2027-05-20', '2027-06-15', 'approved'], // 5
  ['bo', 'dee', '2027-06-10', null, 'cancelled'], // 6
  ['dee', 'cy', '2027-06-05', '2027-05-02', 'rejected'], // 7
  ['cy', 'bo', '2026-06-10', null, 'approved'], // 8
]

export function swapsContract(make: () => Store): void {
  describe('store.swaps', () => {
    const store = freshStore(make)

    /** The rows above, with ids in insertion order (returned, not assumed). */
    function withSwaps(): number[] {
      seedTeam(store())
      return ROWS.map(([requester, counterpart, date, payback, status]) => {
        const s = store().swaps.insert({ requester, counterpart, date, payback, reason: null, createdAt: AT })
        if (status === 'accepted') store().swaps.updateStatus(s.id, 'pending', 'accepted', null, null)
        else if (status !== 'pending') store().swaps.updateStatus(s.id, 'pending', status, status === 'approved' || status === 'rejected' ? 'lee' : requester, null)
        return s.id
      })
    }

    /** The row numbers (1..8) of the swaps returned. */
    function rows(ids: number[], found: { id: number }[]): number[] {
      return found.map((s) => ids.indexOf(s.id) + 1)
    }

    it('inserts a pending swap and returns it whole, with a new id', () => {
      seedTeam(store())
      const s = store().swaps.insert({ requester: 'ana', counterpart: 'bo', date: '2027-06-01', payback: '2027-06-08', reason: 'wedding', createdAt: AT })
      expect(s).toEqual({ id: s.id, requester: 'ana', counterpart: 'bo', date: '2027-06-01', payback: '2027-06-08', status: 'pending', reason: 'wedding', createdAt: AT, decidedBy: null, decisionReason: null, reverses: null })
      expect(store().swaps.find(s.id)).toEqual(s)
      expect(store().swaps.find(s.id + 1)).toBeUndefined()
      const t = store().swaps.insert({ requester: 'bo', counterpart: 'cy', date: '2027-06-02', payback: null, reason: null, createdAt: AT })
      expect(t.id).toBeGreaterThan(s.id)
    })

    it('refuses a swap with oneself or with an unknown person', () => {
      seedTeam(store())
      expect(() => store().swaps.insert({ requester: 'ana', counterpart: 'ana', date: '2027-06-01', payback: null, reason: null, createdAt: AT })).toThrow()
      expect(() => store().swaps.insert({ requester: 'ana', counterpart: 'zed', date: '2027-06-01', payback: null, reason: null, createdAt: AT })).toThrow()
      expect(store().swaps.list()).toEqual([])
    })

    it('lists every swap by D1, then id', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.list())).toEqual([8, 5, 1, 2, 7, 6, 3, 4])
    })

    it('takes a month to mean D1 or D2 in it, first and last day included, and no other year', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.list({ month: '2027-06' }))).toEqual([5, 1, 2, 7, 6, 3])
      expect(rows(ids, store().swaps.list({ month: '2027-05' }))).toEqual([5, 1, 7])
      expect(rows(ids, store().swaps.list({ month: '2027-07' }))).toEqual([3, 4])
      expect(rows(ids, store().swaps.list({ month: '2026-06' }))).toEqual([8])
      expect(rows(ids, store().swaps.list({ month: '2027-08' }))).toEqual([])
    })

    it('takes a person as requester or counterpart, and combines every filter', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.list({ staff: 'ana' }))).toEqual([1, 2, 3, 4])
      expect(rows(ids, store().swaps.list({ staff: 'dee', month: '2027-06' }))).toEqual([5, 7, 6])
      expect(rows(ids, store().swaps.list({ status: 'approved' }))).toEqual([8, 5, 1])
      expect(rows(ids, store().swaps.list({ status: 'approved', staff: 'cy', month: '2027-06' }))).toEqual([5])
      expect(rows(ids, store().swaps.list({ status: 'declined', staff: 'ana' }))).toEqual([4])
      expect(rows(ids, store().swaps.list({ status: 'rejected', staff: 'ana' }))).toEqual([])
    })

    it('takes a range [from, to] to mean D1 or D2 in it, with status and person', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.list({ from: '2027-06-02', to: '2027-06-10' }))).toEqual([1, 7, 6])
      expect(rows(ids, store().swaps.list({ from: '2027-06-02', to: '2027-06-30', status: 'approved' }))).toEqual([5, 1])
      expect(rows(ids, store().swaps.list({ from: '2027-06-02', to: '2027-07-01', staff: 'bo' }))).toEqual([1, 6, 3])
    })

    it('finds the active swaps (pending, accepted, approved) of any of some people, by D1 then id', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.activeOf(['ana']))).toEqual([1, 2, 3])
      expect(rows(ids, store().swaps.activeOf(['dee', 'cy', 'dee']))).toEqual([8, 5, 2])
      expect(store().swaps.activeOf([])).toEqual([])
      expect(store().swaps.activeOf(['lee'])).toEqual([])
    })

    it('narrows active swaps to those with D1 or D2 in a range', () => {
      const ids = withSwaps()
      expect(rows(ids, store().swaps.activeOf(['ana', 'bo'], { from: '2027-06-02', to: '2027-06-29' }))).toEqual([1])
      expect(rows(ids, store().swaps.activeOf(['dee'], { from: '2027-06-15', to: '2027-06-15' }))).toEqual([5])
      expect(rows(ids, store().swaps.activeOf(['ana'], { from: '2027-07-01', to: '2027-07-31' }))).toEqual([3])
      expect(store().swaps.activeOf(['ana'], { from: '2027-08-01', to: '2027-08-31' })).toEqual([])
    })

    it('counts active swaps per person by D1 in a range, for requester and counterpart alike', () => {
      withSwaps()
      expect(Object.fromEntries(store().swaps.countActiveByStaff('2027-05-01', '2027-06-30'))).toEqual({ ana: 3, bo: 2, cy: 2, dee: 1 })
      expect(Object.fromEntries(store().swaps.countActiveByStaff('2027-06-02', '2027-06-29'))).toEqual({})
    })

    it('moves a swap on only from the status it is in', () => {
      seedTeam(store())
      const s = store().swaps.insert({ requester: 'ana', counterpart: 'bo', date: '2027-06-01', payback: null, reason: null, createdAt: AT })
      expect(store().swaps.updateStatus(s.id, 'accepted', 'approved', 'lee', null)).toBe(false)
      expect(store().swaps.updateStatus(s.id, 'pending', 'accepted', null, null)).toBe(true)
      expect(store().swaps.updateStatus(s.id, 'accepted', 'rejected', 'lee', 'short-staffed')).toBe(true)
      expect(store().swaps.find(s.id)).toMatchObject({ status: 'rejected', decidedBy: 'lee', decisionReason: 'short-staffed' })
    })

    it('stores a reversal, finds it while open, leaves it out of counts and the approved list, and marks the swap undone', () => {
      const ids = withSwaps()
      const first = ids[0]!
      const rev = store().swaps.insert({ requester: 'ana', counterpart: 'bo', date: '2027-05-31', payback: '2027-06-02', reason: null, createdAt: AT, reverses: first })
      expect(rev.reverses).toBe(first)
      expect(store().swaps.openReversal(first)).toEqual(rev)
      expect(store().swaps.openReversal(ids[1]!)).toBeUndefined()
      expect(store().swaps.countActiveByStaff('2027-05-31', '2027-05-31').get('ana')).toBe(1)
      expect(store().swaps.updateStatus(rev.id, 'pending', 'approved', 'lee', null)).toBe(true)
      expect(store().swaps.openReversal(first)).toBeUndefined()
      expect(store().swaps.markUndone(rev.id)).toBe(false)
      expect(store().swaps.markUndone(first)).toBe(true)
      expect(store().swaps.markUndone(first)).toBe(false)
      expect(store().swaps.find(first)).toMatchObject({ status: 'undone', decidedBy: 'lee' })
      expect(store().swaps.markUndone(ids[1]!)).toBe(false)
      expect(store().swaps.approved('2027-05-01', '2027-06-30').map((s) => s.id)).toEqual([ids[4]])
    })

    it('lists approved swaps with D1 or D2 in a range by D1, optionally of one person, with the fields the export prints', () => {
      const ids = withSwaps()
      expect(store().swaps.approved('2027-06-01', '2027-06-30')).toEqual([
        { id: ids[4], requester: 'cy', counterpart: 'dee', date: '2027-05-20', payback: '2027-06-15' },
        { id: ids[0], requester: 'ana', counterpart: 'bo', date: '2027-05-31', payback: '2027-06-02' },
      ])
      expect(store().swaps.approved('2027-06-01', '2027-06-30', 'bo').map((s) => s.id)).toEqual([ids[0]])
      expect(store().swaps.approved('2027-06-03', '2027-06-14')).toEqual([])
    })
  })
}
