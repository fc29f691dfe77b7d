// Rest in real hours: roster.min-rest counts elapsed time in the team's time
// zone (the timezone setting), so the night clocks go forward is an hour short.

import { describe, expect, it } from 'vitest'
import { roster } from '../support/cli.js'
import { ok, refused, sql } from './swap-support.js'
import { tempDb } from '../support/cli.js'

const NOW = '2027-03-01T12:00:00'

function berlinDb(): string {
  const db = tempDb('real-hours')
  expect(roster(['init', '--demo'], { db, now: NOW }).code).toBe(0)
  ok(db, 'mei', ['config', 'set', 'timezone', 'Europe/Berlin'], NOW)
  return db
}

const put = (db: string, date: string, shift: string, staff: string) => sql(db, (d) => d.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)').run(date, shift, staff))

describe('roster.min-rest in the team time zone', () => {
  it('refuses C on the Saturday before the clocks go forward and A on the Sunday morning (10 h); allows the same a week earlier (11 h)', () => {
    const db = berlinDb()
    put(db, '2027-03-27', 'C', 'ana')
    const r = refused(db, 'mei', ['assign', '2027-03-28', 'A', 'ana'], 1, 'roster.min-rest', NOW)
    expect(r.err).toContain('only 10 h rest')
    put(db, '2027-03-20', 'C', 'ana')
    ok(db, 'mei', ['assign', '2027-03-21', 'A', 'ana'], NOW)
    // Under UTC the spring night is 11 h like any other.
    ok(db, 'mei', ['config', 'set', 'timezone', 'UTC'], NOW)
    ok(db, 'mei', ['assign', '2027-03-28', 'A', 'ana'], NOW)
  })

  it('says it in Chinese', () => {
    const db = berlinDb()
    put(db, '2027-03-27', 'C', 'ana')
    const r = roster(['assign', '2027-03-28', 'A', 'ana', '--lang', 'zh-CN'], { db, as: 'mei', now: NOW })
    expect(r.code).toBe(1)
    expect(r.err).toContain('只休息 10 小时')
  })

  it('generate over the weeks the clocks go forward keeps real rest: check finds nothing', () => {
    const db = berlinDb()
    for (const seed of ['1', '2', '3']) {
      ok(db, 'mei', ['generate', '--start', '2027-03-22', '--weeks', '2', '--seed', seed, '--replace'], NOW)
      const check = roster(['check', '--from', '2027-03-22', '--to', '2027-04-04'], { db, json: true, now: NOW })
      expect(check.json.violations).toEqual([])
    }
  })

  it('with timezone "system" (the default), counts in the computer\'s zone: Berlin refuses the spring night, Shanghai (no clock change) allows it', () => {
    for (const [tz, refuses] of [['Europe/Berlin', true], ['Asia/Shanghai', false]] as const) {
      const db = tempDb('system-zone')
      expect(roster(['init', '--demo'], { db, now: NOW, env: { TZ: tz } }).code).toBe(0)
      put(db, '2027-03-27', 'C', 'ana')
      const r = roster(['assign', '2027-03-28', 'A', 'ana'], { db, as: 'mei', now: NOW, env: { TZ: tz } })
      expect(r.code, `${tz}: ${r.err}`).toBe(refuses ? 1 : 0)
      if (refuses) expect(r.err).toContain('only 10 h rest')
    }
  })
})
