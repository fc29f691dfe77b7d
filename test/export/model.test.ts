import { describe, expect, it } from 'vitest'
import { cycles, nameOf, openPlaces } from '../../src/export/model.js'
import { aModel } from './support.js'

describe('cycles', () => {
  it('cuts a range into cycles from its first day, the last one shorter', () => {
    expect(cycles('2027-01-04', '2027-01-24', 3)).toEqual([{ from: '2027-01-04', to: '2027-01-24' }])
    expect(cycles('2027-02-01', '2027-02-28', 3)).toEqual([
      { from: '2027-02-01', to: '2027-02-21' },
      { from: '2027-02-22', to: '2027-02-28' },
    ])
    expect(cycles('2027-01-04', '2027-01-04', 1)).toEqual([{ from: '2027-01-04', to: '2027-01-04' }])
  })
})

describe('openPlaces and nameOf', () => {
  it('counts the places nobody fills per date and shift', () => {
    const open = openPlaces(aModel(), '2027-01-04', '2027-01-05')
    expect([...open.entries()]).toEqual([['2027-01-04|B', 1], ['2027-01-05|A', 1], ['2027-01-05|C', 1]])
  })

  it('names a person, or falls back to the id', () => {
    expect(nameOf(aModel(), 'chen')).toBe('Chen Jie 陈杰')
    expect(nameOf(aModel(), 'zed')).toBe('zed')
  })
})
