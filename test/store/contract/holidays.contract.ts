import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { freshStore } from './support.js'

export function holidaysContract(make: () => Store): void {
  describe('store.holidays', () => {
    const store = freshStore(make)

    it('lists holidays by date, both ends included, named in the language asked', () => {
      store().holidays.upsertRecord({ date: '2027-02-06', name: 'Spring Festival', nameZh: '春节', statutory: true })
      store().holidays.upsert({ date: '2027-01-01', name: 'New Year' })
      store().holidays.upsert({ date: '2027-05-01', name: 'Labour Day' })
      expect(store().holidays.list()).toEqual([
        { date: '2027-01-01', name: 'New Year' },
        { date: '2027-02-06', name: 'Spring Festival', nameZh: '春节' },
        { date: '2027-05-01', name: 'Labour Day' },
      ])
      expect(store().holidays.list('2027-01-01', '2027-02-06', 'zh-CN')).toEqual([
        { date: '2027-01-01', name: 'New Year' },
        { date: '2027-02-06', name: '春节', nameZh: '春节' },
      ])
      expect(store().holidays.list('2027-01-02', '2027-02-05')).toEqual([])
    })

    it('keeps records with both names and the statutory mark; a name given by hand replaces them', () => {
      store().holidays.upsertRecord({ date: '2027-10-01', name: 'National Day', nameZh: '国庆节', statutory: true })
      expect(store().holidays.records()).toEqual([{ date: '2027-10-01', name: 'National Day', nameZh: '国庆节', statutory: true }])
      store().holidays.upsert({ date: '2027-10-01', name: 'Team outing' })
      expect(store().holidays.records('2027-10-01', '2027-10-01')).toEqual([{ date: '2027-10-01', name: 'Team outing', nameZh: null, statutory: false }])
      expect(store().holidays.find('2027-10-01')).toEqual({ date: '2027-10-01', name: 'Team outing' })
      expect(store().holidays.find('2027-10-02')).toBeUndefined()
    })

    it('deletes a holiday (1 when there was one, else 0)', () => {
      store().holidays.upsert({ date: '2027-01-01', name: 'New Year' })
      expect(store().holidays.delete('2027-01-01')).toBe(1)
      expect(store().holidays.delete('2027-01-01')).toBe(0)
      expect(store().holidays.list()).toEqual([])
    })

    it('keeps make-up working days apart from holidays, in date order', () => {
      store().holidays.upsertWorkday({ date: '2027-02-20', name: 'Spring Festival', nameZh: '春节' })
      store().holidays.upsertWorkday({ date: '2027-02-07', name: 'Spring Festival', nameZh: null })
      expect(store().holidays.list()).toEqual([])
      expect(store().holidays.workdays()).toEqual([
        { date: '2027-02-07', name: 'Spring Festival', nameZh: null },
        { date: '2027-02-20', name: 'Spring Festival', nameZh: '春节' },
      ])
      expect(store().holidays.workdayDates('2027-02-01', '2027-02-28')).toEqual(['2027-02-07', '2027-02-20'])
      expect(store().holidays.workdayDates('2027-02-08', '2027-02-19')).toEqual([])
      store().holidays.upsertWorkday({ date: '2027-02-07', name: 'Spring', nameZh: '春' })
      expect(store().holidays.workdays('2027-02-07', '2027-02-07')).toEqual([{ date: '2027-02-07', name: 'Spring', nameZh: '春' }])
      expect(store().holidays.deleteWorkday('2027-02-07')).toBe(1)
      expect(store().holidays.deleteWorkday('2027-02-07')).toBe(0)
      expect(store().holidays.workdayDates('2027-01-01', '2027-12-31')).toEqual(['2027-02-20'])
    })
  })
}
