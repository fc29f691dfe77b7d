// Contract cases for the rotations area (SPEC 10), for every Store implementation.
// `make` gives a fresh, empty store; the team of the lines (ana, ben, chen)
// is added here, as the lines refer to staff.

import { describe, expect, it } from 'vitest'
import type { Rotation } from '../../../src/domain/rotation.js'
import type { Store } from '../../../src/store/store.js'
import { aStaff } from '../../support/builders.js'

const ROTATION: Rotation = {
  start: '2027-01-04',
  days: 7,
  rotate: true,
  order: ['chen', 'ana', 'ben'],
  lines: [
    ['A', 'A', null, 'B', 'B', null, 'C'],
    [null, 'B', 'B', null, 'A', 'A', 'A'],
    ['B', null, 'A', 'A', null, 'B', 'B'],
  ],
}

export function rotationsContract(makeEmpty: () => Store): void {
  const make = (): Store => {
    const store = makeEmpty()
    store.transaction(() => {
      for (const id of ['ana', 'ben', 'chen']) store.staff.insert(aStaff({ id }), '2027-01-01T00:00:00Z')
    })
    return store
  }
  describe('rotations store (contract)', () => {
    it('has no current rotation before one is drawn', () => {
      expect(make().rotations.current()).toBeNull()
    })

    it('gives back the pattern as kept: start, days, line order, rotate and every cell', () => {
      const store = make()
      const id = store.transaction(() => store.rotations.insert(ROTATION, '2027-01-01T10:00:00Z'))
      expect(id).toBeGreaterThan(0)
      expect(store.rotations.current()).toEqual({ ...ROTATION, id })
    })

    it('the newest pattern is the current one; kept lines come back as not rotating', () => {
      const store = make()
      const first = store.transaction(() => store.rotations.insert(ROTATION, '2027-01-01T10:00:00Z'))
      const kept: Rotation = { ...ROTATION, start: '2027-02-01', rotate: false, order: ['ana', 'ben', 'chen'] }
      const second = store.transaction(() => store.rotations.insert(kept, '2027-01-02T10:00:00Z'))
      expect(second).toBeGreaterThan(first)
      expect(store.rotations.current()).toEqual({ ...kept, id: second })
    })

    it('a write that fails inside the transaction keeps nothing', () => {
      const store = make()
      const bad: Rotation = { ...ROTATION, order: ['ana', 'ben', 'nobody'] }
      expect(() => store.transaction(() => store.rotations.insert(bad, '2027-01-01T10:00:00Z'))).toThrow()
      expect(store.rotations.current()).toBeNull()
    })

    it('refuses a cycle that is not whole weeks', () => {
      const store = make()
      expect(() => store.transaction(() => store.rotations.insert({ ...ROTATION, days: 6, lines: ROTATION.lines.map((l) => l.slice(0, 6)) }, 'now'))).toThrow()
      expect(store.rotations.current()).toBeNull()
    })
  })
}
