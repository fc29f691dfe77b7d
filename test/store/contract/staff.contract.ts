import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { AT, freshStore, person } from './support.js'

export function staffContract(make: () => Store): void {
  describe('store.staff', () => {
    const store = freshStore(make)

    it('finds nobody in an empty store', () => {
      expect(store().staff.all()).toEqual([])
      expect(store().staff.all({ includeInactive: true })).toEqual([])
      expect(store().staff.find('ana')).toBeUndefined()
    })

    it('inserts and finds a person with every field, booleans as booleans', () => {
      store().staff.insert({ id: 'ana', name: 'Ana Lima', role: 'lead', rotation: false, active: true }, AT)
      expect(store().staff.find('ana')).toEqual({ id: 'ana', name: 'Ana Lima', role: 'lead', rotation: false, active: true })
      expect(store().staff.find('Ana')).toBeUndefined()
    })

    it('lists the active by id; with includeInactive everyone, the active first', () => {
      for (const id of ['cy', 'ana', 'bo']) store().staff.insert(person(id), AT)
      store().staff.insert(person('al', { active: false }), AT)
      expect(store().staff.all().map((s) => s.id)).toEqual(['ana', 'bo', 'cy'])
      expect(store().staff.all({ includeInactive: true }).map((s) => s.id)).toEqual(['ana', 'bo', 'cy', 'al'])
    })

    it('updates name, role, rotation and active, and finds a removed person', () => {
      store().staff.insert(person('bo'), AT)
      store().staff.update({ id: 'bo', name: 'Bo Chen', role: 'manager', rotation: false, active: false })
      expect(store().staff.find('bo')).toEqual({ id: 'bo', name: 'Bo Chen', role: 'manager', rotation: false, active: false })
      expect(store().staff.all()).toEqual([])
    })

    it('refuses a second person with the same id', () => {
      store().staff.insert(person('ana'), AT)
      expect(() => store().staff.insert(person('ana', { name: 'Other' }), AT)).toThrow()
      expect(store().staff.find('ana')?.name).toBe('ANA')
    })
  })
}
