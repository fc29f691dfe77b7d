// Contract cases of the wishes area: every Store implementation (SQLite today,
// PostgreSQL next) must pass them.

import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import type { WishDraft } from '../../../src/domain/wishes/wish.js'

const AT = '2026-12-01T10:00:00.000Z'
const dated = (o: Partial<WishDraft> = {}): WishDraft => ({ staff: 'ana', date: '2026-12-16', to: '2026-12-16', weekday: null, kind: 'off', shift: null, weight: 5, reason: null, ...o })
const weekly = (o: Partial<WishDraft> = {}): WishDraft => ({ staff: 'dev', date: null, to: null, weekday: 6, kind: 'off', shift: null, weight: 5, reason: null, ...o })

/** `make` gives a fresh store holding staff ana, ben, dev and shifts A, B, C. */
export function wishesContract(make: () => Store): void {
  describe('wishes store contract', () => {
    it('keeps a dated and a weekly wish with new ids and gives them back as they were', () => {
      const s = make()
      const a = s.wishes.insert(dated({ reason: '牙医 dentist', weight: 9 }), AT)
      const b = s.wishes.insert(weekly({ kind: 'not', shift: 'C' }), AT)
      expect(a).toEqual({ id: a.id, staff: 'ana', date: '2026-12-16', to: '2026-12-16', weekday: null, kind: 'off', shift: null, weight: 9, reason: '牙医 dentist', createdAt: AT })
      expect(b).toMatchObject({ staff: 'dev', date: null, to: null, weekday: 6, kind: 'not', shift: 'C' })
      expect(b.id).toBeGreaterThan(a.id)
      expect(s.wishes.find(a.id)).toEqual(a)
      expect(s.wishes.find(b.id + 100)).toBeUndefined()
    })

    it('lists by person and range: dated wishes overlapping it, weekly ones always', () => {
      const s = make()
      const early = s.wishes.insert(dated({ date: '2026-12-01', to: '2026-12-03' }), AT)
      const late = s.wishes.insert(dated({ date: '2026-12-20', to: '2026-12-20', staff: 'ben' }), AT)
      const every = s.wishes.insert(weekly(), AT)
      expect(s.wishes.list().map((w) => w.id).sort()).toEqual([early.id, late.id, every.id].sort())
      expect(s.wishes.list({ from: '2026-12-03', to: '2026-12-10' }).map((w) => w.id).sort()).toEqual([early.id, every.id].sort())
      expect(s.wishes.list({ from: '2026-12-04', to: '2026-12-19' }).map((w) => w.id)).toEqual([every.id])
      expect(s.wishes.list({ staff: 'ben' }).map((w) => w.id)).toEqual([late.id])
      expect(s.wishes.list({ staff: 'ben', to: '2026-12-19' })).toEqual([])
    })

    it('removes one wish and says whether it was there', () => {
      const s = make()
      const a = s.wishes.insert(dated(), AT)
      const b = s.wishes.insert(weekly(), AT)
      expect(s.wishes.remove(a.id)).toBe(true)
      expect(s.wishes.remove(a.id)).toBe(false)
      expect(s.wishes.list().map((w) => w.id)).toEqual([b.id])
    })

    it('refuses what no wish can be: dated and weekly at once, an off wish naming a shift, weight 11, an unknown person', () => {
      const s = make()
      expect(() => s.wishes.insert(dated({ weekday: 2 }), AT)).toThrow()
      expect(() => s.wishes.insert(dated({ shift: 'A' }), AT)).toThrow()
      expect(() => s.wishes.insert(dated({ weight: 11 }), AT)).toThrow()
      expect(() => s.wishes.insert(dated({ date: '2026-12-05', to: '2026-12-04' }), AT)).toThrow()
      expect(() => s.wishes.insert(dated({ staff: 'nobody' }), AT)).toThrow()
      expect(s.wishes.list()).toEqual([])
    })
  })
}
