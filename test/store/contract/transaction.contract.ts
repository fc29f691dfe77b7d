import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { AT, freshStore, person } from './support.js'

export function transactionContract(make: () => Store): void {
  describe('store.transaction', () => {
    const store = freshStore(make)

    it("commits every write of fn and returns fn's value", () => {
      const n = store().transaction(() => {
        store().staff.insert(person('ana'), AT)
        store().staff.insert(person('bo'), AT)
        return store().staff.all().length
      })
      expect(n).toBe(2)
      expect(store().staff.all().map((s) => s.id)).toEqual(['ana', 'bo'])
    })

    it('rolls every write back when fn throws, passes the error on, and leaves the store usable', () => {
      const boom = new Error('refused half-way')
      expect(() =>
        store().transaction(() => {
          store().staff.insert(person('ana'), AT)
          store().config.upsert('k', 'v')
          expect(store().staff.find('ana')).toBeDefined()
          throw boom
        }),
      ).toThrow(boom)
      expect(store().staff.all()).toEqual([])
      expect([...store().config.values()]).toEqual([])
      store().transaction(() => store().staff.insert(person('bo'), AT))
      expect(store().staff.all().map((s) => s.id)).toEqual(['bo'])
    })

    it('rolls back when a statement inside fails (a constraint), keeping nothing of fn', () => {
      expect(() =>
        store().transaction(() => {
          store().staff.insert(person('ana'), AT)
          store().staff.insert(person('ana'), AT)
        }),
      ).toThrow()
      expect(store().staff.all()).toEqual([])
    })

    it('a transaction inside another joins it: what the inner one wrote goes when the outer one fails', () => {
      expect(() =>
        store().transaction(() => {
          const inner = store().transaction(() => {
            store().staff.insert(person('ana'), AT)
            return 'inner done'
          })
          expect(inner).toBe('inner done')
          store().staff.insert(person('bo'), AT)
          throw new Error('outer fails after the inner one finished')
        }),
      ).toThrow('outer fails')
      expect(store().staff.all()).toEqual([])
    })

    it('a transaction inside another commits with it', () => {
      store().transaction(() => {
        store().transaction(() => store().staff.insert(person('ana'), AT))
        store().staff.insert(person('bo'), AT)
      })
      expect(store().staff.all().map((s) => s.id)).toEqual(['ana', 'bo'])
    })

    it('an error thrown by the inner transaction and not caught rolls back the whole', () => {
      expect(() =>
        store().transaction(() => {
          store().staff.insert(person('ana'), AT)
          store().transaction(() => {
            store().staff.insert(person('bo'), AT)
            throw new Error('inner refuses')
          })
        }),
      ).toThrow('inner refuses')
      expect(store().staff.all()).toEqual([])
    })
  })
}
