import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { freshStore } from './support.js'

export function configContract(make: () => Store): void {
  describe('store.config', () => {
    const store = freshStore(make)

    it('holds no settings in a new store', () => {
      expect([...store().config.values()]).toEqual([])
    })

    it('stores a value, then replaces it under the same key', () => {
      store().config.upsert('swap.max-per-month', '2')
      store().config.upsert('rest.min-hours', '11')
      store().config.upsert('swap.max-per-month', '3')
      expect(Object.fromEntries(store().config.values())).toEqual({ 'swap.max-per-month': '3', 'rest.min-hours': '11' })
    })
  })
}
