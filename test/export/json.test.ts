import { describe, expect, it } from 'vitest'
import { toJson } from '../../src/export/json.js'
import { aModel } from './support.js'

describe('toJson', () => {
  it('prints the show --json shape, one line', () => {
    const text = toJson(aModel({ entries: [{ date: '2027-01-04', shift: 'A', staff: 'ana', start: '09:00', end: '17:00', remote: false, holiday: false }] }))
    expect(text).toBe('{"from":"2027-01-04","to":"2027-01-10","assignments":[{"date":"2027-01-04","shift":"A","staff":"ana","start":"09:00","end":"17:00","remote":false,"holiday":false}]}\n')
  })
})
