// Contract cases for the claims and inbox store areas: every Store
// implementation (SQLite today, PostgreSQL next) must pass them.

import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'

/** `make` gives a fresh migrated store holding staff ana, ben (agents) and mei (lead) and shift types A and B. */
export function claimsContract(make: () => Store): void {
  describe(`claims store`, () => {
    it('inserts a pending claim with a new id and finds it', () => {
      const s = make()
      const c = s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'ana', createdAt: '2027-01-01T09:00:00.000Z', reason: 'I can' })
      expect(c).toEqual({ id: c.id, date: '2027-01-06', shift: 'B', staff: 'ana', status: 'pending', auto: false, createdAt: '2027-01-01T09:00:00.000Z', decidedBy: null, reason: 'I can' })
      const d = s.claims.insert({ date: '2027-01-05', shift: 'A', staff: 'ben', createdAt: '2027-01-01T09:00:00.000Z', reason: null })
      expect(d.id).not.toBe(c.id)
      expect(s.claims.find(c.id)).toEqual(c)
      expect(s.claims.find(9999)).toBeUndefined()
      expect(s.claims.list().map((x) => x.staff)).toEqual(['ben', 'ana'])
      expect(s.claims.list({ staff: 'ana' }).map((x) => x.id)).toEqual([c.id])
      expect(s.claims.list({ from: '2027-01-06', to: '2027-01-06' }).map((x) => x.id)).toEqual([c.id])
      expect(s.claims.findPending('2027-01-06', 'B', 'ana')?.id).toBe(c.id)
    })

    it('refuses a second pending claim of one person for one shift', () => {
      const s = make()
      s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'ana', createdAt: 'x', reason: null })
      expect(() => s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'ana', createdAt: 'x', reason: null })).toThrow()
    })

    it('decides a pending claim once: by a lead, or automatically', () => {
      const s = make()
      const c = s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'ana', createdAt: 'x', reason: null })
      expect(s.claims.decide(c.id, 'approved', 'mei', false)).toBe(true)
      expect(s.claims.decide(c.id, 'rejected', 'mei', false)).toBe(false)
      expect(s.claims.find(c.id)).toMatchObject({ status: 'approved', decidedBy: 'mei', auto: false })
      const d = s.claims.insert({ date: '2027-01-07', shift: 'B', staff: 'ana', createdAt: 'x', reason: null })
      expect(s.claims.decide(d.id, 'approved', null, true)).toBe(true)
      expect(s.claims.find(d.id)).toMatchObject({ status: 'approved', decidedBy: null, auto: true })
      expect(s.claims.list({ status: 'pending' })).toEqual([])
    })

    it('counts what waits on a person: claims for a lead, never their own', () => {
      const s = make()
      s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'ana', createdAt: 'x', reason: null })
      s.claims.insert({ date: '2027-01-06', shift: 'B', staff: 'mei', createdAt: 'x', reason: null })
      expect(s.claims.countPending('mei')).toBe(1)
      expect(s.inbox.waiting('mei', true)).toEqual({ answer: 0, approve: 1 })
      expect(s.inbox.waiting('ana', false)).toEqual({ answer: 0, approve: 0 })
      expect(s.inbox.setting('notify.hint')).toBeUndefined()
    })
  })
}
