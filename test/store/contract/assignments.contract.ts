import { describe, expect, it } from 'vitest'
import type { Assignment } from '../../../src/domain/types.js'
import type { Store } from '../../../src/store/store.js'
import { freshStore, seedTeam } from './support.js'

/** Every day of January 2027 ('2027-01-01' ... '2027-01-31'). */
const JANUARY = Array.from({ length: 31 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`)

export function assignmentsContract(make: () => Store): void {
  describe('store.assignments', () => {
    const store = freshStore(make)

    function some(): void {
      seedTeam(store())
      store().assignments.insertMany([
        { date: '2027-01-05', shift: 'C', staff: 'ana' },
        { date: '2027-01-05', shift: 'A', staff: 'cy' },
        { date: '2027-01-05', shift: 'A', staff: 'bo' },
        { date: '2027-01-05', shift: 'B', staff: 'dee' },
        { date: '2027-01-04', shift: 'B', staff: 'ana' },
        { date: '2027-01-09', shift: 'A', staff: 'ana' },
      ])
    }

    it('finds nothing, no bounds and no first date on an empty roster', () => {
      expect(store().assignments.find('0000-01-01', '9999-12-31')).toEqual([])
      expect(store().assignments.bounds()).toBeNull()
      expect(store().assignments.firstDateFrom('2027-01-01')).toBeNull()
      expect(store().assignments.count('0000-01-01', '9999-12-31')).toBe(0)
    })

    it('finds a range by date, then shift start, then staff; both ends included', () => {
      some()
      expect(store().assignments.find('2027-01-04', '2027-01-05')).toEqual([
        { date: '2027-01-04', shift: 'B', staff: 'ana' },
        { date: '2027-01-05', shift: 'A', staff: 'bo' },
        { date: '2027-01-05', shift: 'A', staff: 'cy' },
        { date: '2027-01-05', shift: 'B', staff: 'dee' },
        { date: '2027-01-05', shift: 'C', staff: 'ana' },
      ])
      expect(store().assignments.find('2027-01-06', '2027-01-08')).toEqual([])
    })

    it("finds one person's shifts by date then shift start", () => {
      some()
      expect(store().assignments.find('2027-01-01', '2027-01-31', 'ana')).toEqual([
        { date: '2027-01-04', shift: 'B', staff: 'ana' },
        { date: '2027-01-05', shift: 'C', staff: 'ana' },
        { date: '2027-01-09', shift: 'A', staff: 'ana' },
      ])
      expect(store().assignments.find('2027-01-01', '2027-01-31', 'lee')).toEqual([])
    })

    it('counts a range, and gives the bounds and the first assigned date on or after a day', () => {
      some()
      expect(store().assignments.count('2027-01-05', '2027-01-09')).toBe(5)
      expect(store().assignments.bounds()).toEqual({ from: '2027-01-04', to: '2027-01-09' })
      expect(store().assignments.firstDateFrom('2027-01-05')).toBe('2027-01-05')
      expect(store().assignments.firstDateFrom('2027-01-06')).toBe('2027-01-09')
      expect(store().assignments.firstDateFrom('2027-01-10')).toBeNull()
    })

    it("gives each asked (date, person) the first shift by start time that day, keyed by the question's position", () => {
      some()
      store().assignments.insert({ date: '2027-01-04', shift: 'A', staff: 'ana' })
      const first = store().assignments.firstShifts([
        { date: '2027-01-04', staff: 'ana' },
        { date: '2027-01-05', staff: 'ana' },
        { date: '2027-01-06', staff: 'ana' },
        { date: '2027-01-05', staff: 'dee' },
      ])
      expect([...first].sort((a, b) => a[0] - b[0])).toEqual([[0, 'A'], [1, 'C'], [3, 'B']])
      expect(store().assignments.firstShifts([]).size).toBe(0)
    })

    it('answers more questions than one statement binds (1,200 pairs)', () => {
      seedTeam(store())
      store().assignments.insertMany(JANUARY.map((date) => ({ date, shift: 'B', staff: 'bo' })))
      const asked = Array.from({ length: 1200 }, (_, i) => ({ date: JANUARY[i % 31]!, staff: i % 2 ? 'bo' : 'cy' }))
      const first = store().assignments.firstShifts(asked)
      expect(first.size).toBe(600)
      expect(first.get(1199)).toBe('B')
      expect(first.has(1198)).toBe(false)
    })

    it('inserts many rows at once, more than one statement takes (3 people x 365 days)', () => {
      seedTeam(store())
      const year: Assignment[] = []
      for (let d = 0; d < 365; d++) {
        const date = new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10)
        for (const [staff, shift] of [['ana', 'A'], ['bo', 'B'], ['cy', 'C']] as const) year.push({ date, shift, staff })
      }
      store().assignments.insertMany(year)
      expect(store().assignments.count('2027-01-01', '2027-12-31')).toBe(1095)
      expect(store().assignments.find('2027-12-31', '2027-12-31').map((a) => a.staff)).toEqual(['ana', 'bo', 'cy'])
      store().assignments.insertMany([])
      expect(store().assignments.count('0000-01-01', '9999-12-31')).toBe(1095)
    })

    it('refuses a row for an unknown person or shift, and the same row twice', () => {
      seedTeam(store())
      expect(() => store().assignments.insert({ date: '2027-01-05', shift: 'A', staff: 'zed' })).toThrow()
      expect(() => store().assignments.insert({ date: '2027-01-05', shift: 'X', staff: 'ana' })).toThrow()
      store().assignments.insert({ date: '2027-01-05', shift: 'A', staff: 'ana' })
      expect(() => store().assignments.insert({ date: '2027-01-05', shift: 'A', staff: 'ana' })).toThrow()
      expect(store().assignments.count('2027-01-05', '2027-01-05')).toBe(1)
    })

    it('deletes one row (1 when it was there, else 0)', () => {
      some()
      expect(store().assignments.delete({ date: '2027-01-05', shift: 'A', staff: 'bo' })).toBe(1)
      expect(store().assignments.delete({ date: '2027-01-05', shift: 'A', staff: 'bo' })).toBe(0)
      expect(store().assignments.find('2027-01-05', '2027-01-05').map((a) => a.staff)).toEqual(['cy', 'dee', 'ana'])
    })

    it("deletes a range, everyone's or one person's, and says how many", () => {
      some()
      expect(store().assignments.deleteInRange('2027-01-01', '2027-01-31', 'ana')).toBe(3)
      expect(store().assignments.count('2027-01-01', '2027-01-31')).toBe(3)
      expect(store().assignments.deleteInRange('2027-01-05', '2027-01-05')).toBe(3)
      expect(store().assignments.bounds()).toBeNull()
    })

    it('counts the future assignments of one shift type, from a day on', () => {
      some()
      expect(store().assignments.countFutureOfShift('A', '2027-01-05')).toBe(3)
      expect(store().assignments.countFutureOfShift('A', '2027-01-06')).toBe(1)
      expect(store().assignments.countFutureOfShift('C', '2027-01-06')).toBe(0)
    })
  })
}
