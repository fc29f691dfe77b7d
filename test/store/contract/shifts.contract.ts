import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { freshStore, SHIFTS } from './support.js'

export function shiftsContract(make: () => Store): void {
  describe('store.shifts', () => {
    const store = freshStore(make)

    it('lists shift types in roster order: by start time, whatever order they were added in', () => {
      for (const s of SHIFTS) store().shifts.upsert(s)
      expect(store().shifts.active().map((s) => s.code)).toEqual(['A', 'B', 'C'])
      expect(store().shifts.all().map((s) => s.code)).toEqual(['A', 'B', 'C'])
      expect(store().shifts.active()[2]).toEqual({ code: 'C', name: 'Night', start: 1320, end: 360, remote: true, headcount: 1 })
    })

    it('orders two shifts that start together by the order they were added, then code', () => {
      store().shifts.upsert({ code: 'Z', name: 'First', start: 540, end: 1020, remote: false, headcount: 1 })
      store().shifts.upsert({ code: 'M', name: 'Second', start: 540, end: 1020, remote: false, headcount: 1 })
      expect(store().shifts.active().map((s) => s.code)).toEqual(['Z', 'M'])
    })

    it('finds one by code with its active mark; undefined for an unknown code', () => {
      store().shifts.upsert(SHIFTS[2]!)
      expect(store().shifts.find('A')).toEqual({ code: 'A', name: 'Early', start: 360, end: 840, remote: false, headcount: 2, active: true })
      expect(store().shifts.find('X')).toBeUndefined()
    })

    it('deactivates: gone from the active list, kept in all() and find(); an upsert makes it active again', () => {
      for (const s of SHIFTS) store().shifts.upsert(s)
      store().shifts.deactivate('B')
      expect(store().shifts.active().map((s) => s.code)).toEqual(['A', 'C'])
      expect(store().shifts.all().map((s) => s.code)).toEqual(['A', 'B', 'C'])
      expect(store().shifts.find('B')?.active).toBe(false)
      store().shifts.upsert({ ...SHIFTS[1]!, name: 'Evening', headcount: 3 })
      expect(store().shifts.find('B')).toEqual({ code: 'B', name: 'Evening', start: 840, end: 1320, remote: false, headcount: 3, active: true })
      expect(store().shifts.all()).toHaveLength(3)
    })
  })
}
