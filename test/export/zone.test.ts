import { describe, expect, it } from 'vitest'
import { canonicalZone, formatWallClock, shiftInstants, zonedInstant } from '../../src/export/zone.js'

const iso = (ms: number) => new Date(ms).toISOString()

describe('zonedInstant: wall-clock time in a zone to an instant', () => {
  it('uses winter and summer offsets either side of a DST change', () => {
    expect(iso(zonedInstant('2027-01-04', 9 * 60, 'Europe/Berlin'))).toBe('2027-01-04T08:00:00.000Z')
    expect(iso(zonedInstant('2027-03-27', 9 * 60, 'Europe/Berlin'))).toBe('2027-03-27T08:00:00.000Z')
    expect(iso(zonedInstant('2027-03-28', 9 * 60, 'Europe/Berlin'))).toBe('2027-03-28T07:00:00.000Z')
    expect(iso(zonedInstant('2027-07-01', 9 * 60, 'America/New_York'))).toBe('2027-07-01T13:00:00.000Z')
    expect(iso(zonedInstant('2027-12-01', 9 * 60, 'America/New_York'))).toBe('2027-12-01T14:00:00.000Z')
  })

  it('handles zones with half-hour offsets and UTC itself', () => {
    expect(iso(zonedInstant('2027-01-04', 9 * 60, 'Asia/Kolkata'))).toBe('2027-01-04T03:30:00.000Z')
    expect(iso(zonedInstant('2027-01-04', 9 * 60, 'UTC'))).toBe('2027-01-04T09:00:00.000Z')
  })

  it('reads a time the spring jump skips with the offset from before it (RFC 5545): 02:30 is 03:30 summer time', () => {
    expect(iso(zonedInstant('2027-03-28', 2 * 60 + 30, 'Europe/Berlin'))).toBe('2027-03-28T01:30:00.000Z')
  })

  it('takes the first of two 02:30s when clocks go back (RFC 5545)', () => {
    expect(iso(zonedInstant('2027-10-31', 2 * 60 + 30, 'Europe/Berlin'))).toBe('2027-10-31T00:30:00.000Z')
    // Near miss: 03:30 happens once, in winter time.
    expect(iso(zonedInstant('2027-10-31', 3 * 60 + 30, 'Europe/Berlin'))).toBe('2027-10-31T02:30:00.000Z')
  })

  it('counts minutes past 1440 into the next day', () => {
    expect(iso(zonedInstant('2027-01-04', 1440 + 6 * 60, 'Europe/Berlin'))).toBe('2027-01-05T05:00:00.000Z')
  })
})

describe('shiftInstants', () => {
  it('ends a shift that crosses midnight on the next day, an hour shorter on the spring-forward night', () => {
    const night = shiftInstants('2027-03-27', 22 * 60, 6 * 60, 'Europe/Berlin')
    expect([iso(night.start), iso(night.end)]).toEqual(['2027-03-27T21:00:00.000Z', '2027-03-28T04:00:00.000Z'])
    expect((night.end - night.start) / 3_600_000).toBe(7)
  })

  it('ends an evening shift on its own day, and an end of 24:00 at the next midnight', () => {
    const c = shiftInstants('2027-01-04', 20 * 60, 22 * 60, 'Asia/Shanghai')
    expect([iso(c.start), iso(c.end)]).toEqual(['2027-01-04T12:00:00.000Z', '2027-01-04T14:00:00.000Z'])
    const late = shiftInstants('2027-01-04', 22 * 60, 24 * 60, 'Asia/Shanghai')
    expect(iso(late.end)).toBe('2027-01-04T16:00:00.000Z')
  })
})

describe('canonicalZone and formatWallClock', () => {
  it('knows IANA names and refuses made-up ones', () => {
    expect(canonicalZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(canonicalZone('utc')).toBe('UTC')
    expect(canonicalZone('Mars/Olympus')).toBeNull()
    expect(canonicalZone('')).toBeNull()
  })

  it('shows an instant as clocks in the zone read it', () => {
    expect(formatWallClock(new Date('2027-01-06T09:30:00Z'), 'Asia/Shanghai')).toBe('2027-01-06 17:30')
    expect(formatWallClock(new Date('2027-07-06T09:30:00Z'), 'Europe/Berlin')).toBe('2027-07-06 11:30')
  })
})
