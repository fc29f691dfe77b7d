import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { AT, freshStore, seedTeam } from './support.js'

export function leavesContract(make: () => Store): void {
  describe('store.leaves', () => {
    const store = freshStore(make)

    it('inserts a pending request and returns it with a new id', () => {
      seedTeam(store())
      const a = store().leaves.insert({ staff: 'ana', from: '2027-03-01', to: '2027-03-05', reason: 'trip', createdAt: AT })
      const b = store().leaves.insert({ staff: 'bo', from: '2027-03-02', to: '2027-03-02', reason: null, createdAt: AT })
      expect(a).toEqual({ id: a.id, staff: 'ana', from: '2027-03-01', to: '2027-03-05', reason: 'trip', status: 'pending', createdAt: AT, decidedBy: null })
      expect(typeof a.id).toBe('number')
      expect(b.id).toBeGreaterThan(a.id)
      expect(store().leaves.find(b.id)).toEqual(b)
      expect(store().leaves.find(b.id + 100)).toBeUndefined()
    })

    it('lists by first day then id, filtered by status, person and overlap with a range', () => {
      seedTeam(store())
      const late = store().leaves.insert({ staff: 'ana', from: '2027-03-10', to: '2027-03-12', reason: null, createdAt: AT })
      const early = store().leaves.insert({ staff: 'bo', from: '2027-03-01', to: '2027-03-03', reason: null, createdAt: AT })
      const same = store().leaves.insert({ staff: 'cy', from: '2027-03-01', to: '2027-03-01', reason: null, createdAt: AT })
      store().leaves.decide(early.id, 'approved', 'lee')
      const ids = (f?: Parameters<Store['leaves']['list']>[0]) => store().leaves.list(f).map((l) => l.id)
      expect(ids()).toEqual([early.id, same.id, late.id])
      expect(ids({ status: 'pending' })).toEqual([same.id, late.id])
      expect(ids({ staff: 'ana' })).toEqual([late.id])
      expect(ids({ from: '2027-03-03', to: '2027-03-10' })).toEqual([early.id, late.id])
      expect(ids({ from: '2027-03-04', to: '2027-03-09' })).toEqual([])
      expect(ids({ status: 'approved', staff: 'bo', from: '2027-03-01', to: '2027-03-01' })).toEqual([early.id])
    })

    it('decides a pending request once: a second decision is refused (false) and changes nothing', () => {
      seedTeam(store())
      const l = store().leaves.insert({ staff: 'ana', from: '2027-03-01', to: '2027-03-01', reason: null, createdAt: AT })
      expect(store().leaves.decide(l.id, 'rejected', 'lee')).toBe(true)
      expect(store().leaves.decide(l.id, 'approved', 'lee')).toBe(false)
      expect(store().leaves.find(l.id)).toMatchObject({ status: 'rejected', decidedBy: 'lee' })
    })

    it('refuses leave for an unknown person and leave that ends before it starts', () => {
      seedTeam(store())
      expect(() => store().leaves.insert({ staff: 'zed', from: '2027-03-01', to: '2027-03-01', reason: null, createdAt: AT })).toThrow()
      expect(() => store().leaves.insert({ staff: 'ana', from: '2027-03-02', to: '2027-03-01', reason: null, createdAt: AT })).toThrow()
      expect(store().leaves.list()).toEqual([])
    })
  })
}
