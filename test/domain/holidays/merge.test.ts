import { describe, expect, it } from 'vitest'
import { planHolidayImport, planWorkdayImport, plainHoliday } from '../../../src/domain/holidays/merge.js'
import type { HolidayRecord } from '../../../src/domain/types.js'

const plain = (date: string, name: string): HolidayRecord => plainHoliday({ date, name })
const cn = (date: string, name: string, nameZh: string, statutory = false): HolidayRecord => ({ date, name, nameZh, statutory })

describe('planHolidayImport', () => {
  it('sorts imported holidays into added, renamed and unchanged', () => {
    const stored = [plain('2027-01-01', 'New Year'), plain('2027-05-01', 'Labour Day'), plain('2027-07-01', 'Team day')]
    const imported = [plain('2027-01-01', "New Year's Day"), plain('2027-05-01', 'Labour Day'), plain('2027-10-01', 'National Day')]
    expect(planHolidayImport(stored, imported)).toEqual({
      added: [plain('2027-10-01', 'National Day')],
      updated: [{ before: plain('2027-01-01', 'New Year'), after: plain('2027-01-01', "New Year's Day") }],
      unchanged: [plain('2027-05-01', 'Labour Day')],
      removed: [],
    })
  })

  it('plans nothing when the same holidays are imported again', () => {
    const list = [plain('2027-01-01', 'New Year'), cn('2027-10-01', 'National Day', '国庆节', true)]
    expect(planHolidayImport(list, list, { replaces: (h) => h.statutory })).toEqual({ added: [], updated: [], unchanged: list, removed: [] })
  })

  it('keeps a stored Chinese name when a file gives the same name without one', () => {
    const stored = [cn('2026-10-01', 'National Day', '国庆节')]
    expect(planHolidayImport(stored, [plain('2026-10-01', 'National Day')]).unchanged).toEqual(stored)
    // A new name drops the Chinese one: it named the old holiday.
    expect(planHolidayImport(stored, [plain('2026-10-01', 'Golden Week')]).updated).toEqual([{ before: stored[0], after: plain('2026-10-01', 'Golden Week') }])
  })

  it('replaces statutory dates with the official schedule: renamed where the date stays, removed where it goes', () => {
    const stored = [cn('2026-02-16', 'Spring Festival', '春节', true), cn('2026-05-02', 'Labour Day', '劳动节', true), plain('2026-07-01', 'Team day')]
    const official = [cn('2026-02-16', 'Spring Festival', '春节'), cn('2026-02-17', 'Spring Festival', '春节')]
    expect(planHolidayImport(stored, official, { replaces: (h) => h.statutory })).toEqual({
      added: [official[1]],
      updated: [{ before: stored[0], after: official[0] }],
      unchanged: [],
      // The team's own holiday is not the schedule's to remove.
      removed: [stored[1]],
    })
  })

  it('never lets a statutory date replace an official or a team holiday', () => {
    const stored = [cn('2027-10-01', 'National Day', '国庆节'), plain('2027-01-01', '公司年会')]
    const statutory = [cn('2027-10-01', 'National Day', '国庆节', true), cn('2027-01-01', "New Year's Day", '元旦', true)]
    expect(planHolidayImport(stored, statutory, { replaces: (h) => h.statutory })).toEqual({ added: [], updated: [], unchanged: stored, removed: [] })
  })
})

describe('planWorkdayImport', () => {
  it('adds, renames, keeps and removes make-up working days of the year imported', () => {
    const w = (date: string, name: string, nameZh: string | null = null) => ({ date, name, nameZh })
    const stored = [w('2026-02-14', 'Spring Festival', '春节'), w('2026-02-28', 'Spring', null), w('2026-03-07', 'Spring Festival', '春节')]
    const imported = [w('2026-02-14', 'Spring Festival', '春节'), w('2026-02-28', 'Spring Festival', '春节'), w('2026-05-09', 'Labour Day', '劳动节')]
    expect(planWorkdayImport(stored, imported)).toEqual({
      added: [imported[2]],
      updated: [{ before: stored[1], after: imported[1] }],
      unchanged: [stored[0]],
      removed: [stored[2]],
    })
    expect(planWorkdayImport(imported, imported)).toEqual({ added: [], updated: [], unchanged: imported, removed: [] })
  })
})
