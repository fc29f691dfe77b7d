// What every contract file shares: a fresh, empty, migrated store per test from
// the factory under test (SQLite in memory today, PostgreSQL beside it), closed
// after the test, and a small team to hang rows on. Expected values in the
// contract files are written out literally.

import { afterEach, beforeEach } from 'vitest'
import type { ShiftType, Staff } from '../../../src/domain/types.js'
import type { Store } from '../../../src/store/store.js'

/** Inside a describe: the store of the running test, made fresh before it and closed after it. */
export function freshStore(make: () => Store): () => Store {
  let store: Store | undefined
  beforeEach(() => {
    store = make()
  })
  afterEach(() => {
    store?.close()
    store = undefined
  })
  return () => {
    if (!store) throw new Error('the store is made per test: call it inside it()')
    return store
  }
}

export const AT = '2027-01-01T08:00:00.000Z'

export function person(id: string, over: Partial<Staff> = {}): Staff {
  return { id, name: id.toUpperCase(), role: 'agent', rotation: true, active: true, ...over }
}

/** Early, late and night, stored in the order night, late, early (so roster order is the store's doing). */
export const SHIFTS: readonly ShiftType[] = [
  { code: 'C', name: 'Night', start: 1320, end: 360, remote: true, headcount: 1 },
  { code: 'B', name: 'Late', start: 840, end: 1320, remote: false, headcount: 2 },
  { code: 'A', name: 'Early', start: 360, end: 840, remote: false, headcount: 2 },
]

/** ana, bo, cy, dee (agents) and lee (a lead), with the three shifts. */
export function seedTeam(store: Store): void {
  store.transaction(() => {
    for (const s of SHIFTS) store.shifts.upsert(s)
    for (const id of ['dee', 'cy', 'bo', 'ana']) store.staff.insert(person(id), AT)
    store.staff.insert(person('lee', { role: 'lead', rotation: false }), AT)
  })
}
