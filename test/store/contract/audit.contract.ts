import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { freshStore } from './support.js'

export function auditContract(make: () => Store): void {
  describe('store.audit', () => {
    const store = freshStore(make)

    function log(at: string, action: string, subject: string | null, extra: object = {}): void {
      store().audit.insert({ at, actor: 'lee', osUser: 'lee', action, subject, ...extra })
    }

    it('starts at revision 0 with nothing logged', () => {
      expect(store().audit.revision()).toBe(0)
      expect(store().audit.list()).toEqual([])
    })

    it('keeps every field, the states before and after as JSON values, and the test clock', () => {
      store().audit.insert({ at: '2027-01-01T08:00:00.000Z', actor: 'ana', osUser: 'root', onBehalf: true, action: 'swap.request', subject: 'swap #1', before: null, after: { id: 1, dates: ['2027-01-05'] }, clock: '2027-01-01T09:00:00.000Z' })
      store().audit.insert({ at: '2027-01-01T08:01:00.000Z', actor: null, osUser: null, action: 'init', subject: null })
      // The database role is the database's own word: PostgreSQL's current_user, none on SQLite.
      const dbRole = store().server?.role ?? null
      expect(store().audit.list()).toEqual([
        { id: 1, at: '2027-01-01T08:00:00.000Z', actor: 'ana', osUser: 'root', onBehalf: true, action: 'swap.request', subject: 'swap #1', before: null, after: { id: 1, dates: ['2027-01-05'] }, clock: '2027-01-01T09:00:00.000Z', dbRole },
        { id: 2, at: '2027-01-01T08:01:00.000Z', actor: null, osUser: null, onBehalf: false, action: 'init', subject: null, before: null, after: null, clock: null, dbRole },
      ])
      if (store().dialect === 'postgres') expect(dbRole).toMatch(/^\w+$/)
    })

    it('lists from a time on, the newest `limit` entries, oldest first', () => {
      for (let i = 1; i <= 5; i++) log(`2027-01-0${i}T00:00:00.000Z`, 'staff.add', `p${i}`)
      expect(store().audit.list('2027-01-03').map((e) => e.subject)).toEqual(['p3', 'p4', 'p5'])
      expect(store().audit.list('', 2).map((e) => e.subject)).toEqual(['p4', 'p5'])
      expect(store().audit.list('2027-02-01')).toEqual([])
    })

    it('finds the latest entry of one action on one subject', () => {
      log('2027-01-01T00:00:00.000Z', 'swap.approve', 'swap #3', { after: { n: 1 } })
      log('2027-01-02T00:00:00.000Z', 'swap.approve', 'swap #4')
      log('2027-01-03T00:00:00.000Z', 'swap.approve', 'swap #3', { after: { n: 2 } })
      log('2027-01-04T00:00:00.000Z', 'swap.reject', 'swap #3')
      expect(store().audit.latest('swap.approve', 'swap #3')?.after).toEqual({ n: 2 })
      expect(store().audit.latest('swap.approve', 'swap #9')).toBeUndefined()
    })

    it('grows the revision with every entry and never reuses it', () => {
      log('2027-01-01T00:00:00.000Z', 'a', null)
      const first = store().audit.revision()
      log('2027-01-01T00:00:00.000Z', 'b', null)
      expect(store().audit.revision()).toBeGreaterThan(first)
      expect(store().audit.revision()).toBe(store().audit.list().at(-1)!.id)
    })
  })
}
