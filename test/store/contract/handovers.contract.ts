import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { AT, freshStore, seedTeam } from './support.js'

export function handoversContract(make: () => Store): void {
  describe('store.handovers', () => {
    const store = freshStore(make)

    it('inserts notes with new ids and lists a range by date, shift start, then the order written', () => {
      seedTeam(store())
      const night = store().handovers.insert({ date: '2027-01-05', shift: 'C', staff: 'ana', note: 'printer jammed', at: AT })
      const late1 = store().handovers.insert({ date: '2027-01-05', shift: 'B', staff: 'bo', note: 'ticket 12 open', at: AT })
      const late2 = store().handovers.insert({ date: '2027-01-05', shift: 'B', staff: 'dee', note: 'call back Mr Li', at: AT })
      const before = store().handovers.insert({ date: '2027-01-04', shift: 'C', staff: 'cy', note: 'quiet', at: AT })
      expect(night).toEqual({ id: night.id, date: '2027-01-05', shift: 'C', staff: 'ana', note: 'printer jammed', at: AT })
      expect(late2.id).toBeGreaterThan(late1.id)
      expect(store().handovers.list('2027-01-05', '2027-01-05')).toEqual([late1, late2, night])
      expect(store().handovers.list('2027-01-01', '2027-01-31').map((h) => h.id)).toEqual([before.id, late1.id, late2.id, night.id])
      expect(store().handovers.list('2027-01-06', '2027-01-31')).toEqual([])
    })

    it('refuses a note for an unknown shift', () => {
      seedTeam(store())
      expect(() => store().handovers.insert({ date: '2027-01-05', shift: 'X', staff: 'ana', note: 'n', at: AT })).toThrow()
    })
  })
}
