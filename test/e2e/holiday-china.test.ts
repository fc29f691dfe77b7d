// China's official holiday schedule: `holiday import --country CN --year YYYY`,
// make-up working days, statutory dates for a year not yet published, and the
// swap and leave rules on the days it gives. Expected days come from the State
// Council's 2026 notice written out by hand (fixtures/holidays/cn-2026.json).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, fileHash, ROOT, roster, STACK_TRACE } from '../support/cli.js'
import { openTestDb } from '../support/test-db.js'

interface NoticeDay { date: string; nameZh: string; nameEn: string }
const NOTICE = JSON.parse(readFileSync(join(ROOT, 'fixtures/holidays/cn-2026.json'), 'utf8')) as { daysOff: NoticeDay[]; makeUpWorkdays: NoticeDay[] }

/** Before the Spring Festival break, so its days can still be swapped or taken as leave. */
const NOW = '2026-02-01T09:00:00Z'
const lead = (db: string) => ({ db, as: 'mei', json: true, now: NOW })
const importCN = (year: string) => ['holiday', 'import', '--country', 'CN', '--year', year]

/** A demo team with China's 2026 schedule and a roster over February 2026. */
function februaryDb(): string {
  const db = demoDb({ now: NOW })
  expect(roster(importCN('2026'), lead(db)).code).toBe(0)
  const g = roster(['generate', '--start', '2026-02-02', '--weeks', '4'], { db, as: 'mei', now: NOW })
  expect(g.code, g.err).toBe(0)
  return db
}

/** Who works on `date`, from `show --json`. */
function onDuty(db: string, date: string): string[] {
  return roster(['show', '--from', date, '--to', date], { db, json: true, now: NOW }).json.assignments.map((a: { staff: string }) => a.staff)
}

describe('holiday import --country CN --year 2026: the official schedule', () => {
  it('imports exactly the 33 days off and the 6 make-up working days of the notice, named in both languages', () => {
    const db = demoDb({ now: NOW })
    const r = roster(importCN('2026'), lead(db))
    expect(r.code, r.err).toBe(0)
    expect(r.json).toMatchObject({ imported: 33, official: true, added: 39, renamed: 0, removed: 0, unchanged: 0, warnings: [] })
    const list = roster(['holiday', 'list', '--year', '2026'], { db, json: true }).json
    expect(list.holidays).toEqual(NOTICE.daysOff.map((d) => ({ date: d.date, name: d.nameEn, kind: 'holiday', statutory: false, nameEn: d.nameEn, nameZh: d.nameZh })))
    expect(list.workdays).toEqual(NOTICE.makeUpWorkdays.map((d) => ({ date: d.date, name: d.nameEn, nameEn: d.nameEn, nameZh: d.nameZh })))
    // Children's Day and the half-days of Women's, Youth and Army Day are no days off.
    const dates = list.holidays.map((h: { date: string }) => h.date)
    for (const d of ['2026-03-08', '2026-05-04', '2026-06-01', '2026-08-01']) expect(dates.includes(d), d).toBe(d === '2026-05-04')
  })

  it('says so in one line, and changes nothing, when imported again', () => {
    const db = demoDb({ now: NOW })
    expect(roster(importCN('2026'), { db, as: 'mei', now: NOW }).out).toBe(
      'Imported the official schedule for CN 2026: 33 days off and 6 make-up working days; 39 added, 0 renamed, 0 removed.\n')
    const before = fileHash(db)
    const again = roster(importCN('2026'), { db, as: 'mei', now: NOW })
    expect(again.code).toBe(0)
    expect(again.out).toBe('The official schedule for CN 2026 (33 days off, 6 make-up working days) is already imported: nothing changed.\n')
    expect(again.err).toBe('')
    expect(fileHash(db)).toBe(before)
    const json = roster(importCN('2026'), lead(db)).json
    expect(json).toMatchObject({ added: 0, renamed: 0, removed: 0, unchanged: 39 })
    expect(fileHash(db)).toBe(before)
    const zh = roster(['--lang', 'zh-CN', ...importCN('2026')], { db, as: 'mei', now: NOW })
    expect(zh.out).toBe('CN 2026 的官方放假安排（放假 33 天，调休上班 6 天）已经导入：没有改动。\n')
    expect(roster(['log'], { db, json: true }).json.entries.filter((e: { action: string }) => e.action === 'holiday.import')).toHaveLength(1)
  })

  it('lists make-up working days apart from the holidays, in the language asked for', () => {
    const db = demoDb({ now: NOW })
    roster(importCN('2026'), lead(db))
    const en = roster(['holiday', 'list', '--year', '2026'], { db }).out
    const [days, work] = en.split('Make-up working days (weekend days worked for a longer break; not holidays):\n')
    expect(days).toMatch(/│ 2026-02-20 │ Fri │ Spring Festival +│/)
    expect(days).toMatch(/│ 2026-04-04 │ Sat │ Qingming Festival +│/)
    expect(days).not.toContain('2026-02-14')
    expect(days).not.toContain('statutory')
    expect(work).toMatch(/│ 2026-02-14 │ Sat │ Spring Festival +│/)
    expect(work).toMatch(/│ 2026-09-20 │ Sun │ National Day +│/)
    expect(work).not.toContain('2026-02-20')
    const zh = roster(['--lang', 'zh-CN', 'holiday', 'list', '--year', '2026'], { db }).out
    for (const name of ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']) expect(zh).toContain(`│ ${name}`)
    expect(zh).toMatch(/│ 2026-10-01 │ 周四 │ 国庆节 +│/)
    expect(zh).toContain('调休上班日（为连休而上班的周末，不是节假日）：')
    expect(zh).not.toMatch(/National Day|Spring Festival/)
  })
})

describe('the swap and leave rules on the 2026 schedule', () => {
  let db: string
  beforeAll(() => {
    db = februaryDb()
  })

  it('swap.holiday refuses every exchange on 2026-02-20 (Spring Festival), naming the holiday in the language asked for', () => {
    const people = onDuty(db, '2026-02-20')
    expect(people.length).toBeGreaterThan(1)
    const [r, p] = people as [string, string]
    const check = roster(['swap', 'check', '--date', '2026-02-20', '--with', p], { db, as: r, json: true, now: NOW })
    expect(check.json.rules.find((x: { id: string }) => x.id === 'swap.holiday')).toEqual({ id: 'swap.holiday', ok: false, message: '2026-02-20 is a holiday (Spring Festival): whoever is on duty on a holiday may not swap' })
    const before = fileHash(db)
    const refused = roster(['swap', 'request', '--date', '2026-02-20', '--with', p], { db, as: r, json: true, now: NOW })
    expect(refused.code).toBe(1)
    expect(refused.errJson.error.code).toBe('swap.holiday')
    const zh = roster(['--lang', 'zh-CN', 'swap', 'check', '--date', '2026-02-20', '--with', p], { db, as: r, now: NOW, env: { COLUMNS: '200' } })
    expect(zh.out).toContain('2026-02-20 是节假日（春节）：节假日当班人员不允许换班')
    expect(zh.out).not.toContain('Spring Festival')
    expect(fileHash(db)).toBe(before)
  })

  it('swap.holiday allows a swap on 2026-02-14, a make-up working day', () => {
    const people = onDuty(db, '2026-02-14')
    const pairs = people.flatMap((r) => people.filter((p) => p !== r).map((p) => [r, p] as const))
    const checks = pairs.map(([r, p]) => ({ r, p, json: roster(['swap', 'check', '--date', '2026-02-14', '--with', p], { db, as: r, json: true, now: NOW }).json }))
    for (const c of checks) expect(c.json.rules.find((x: { id: string }) => x.id === 'swap.holiday').ok, `${c.r} with ${c.p}`).toBe(true)
    const ok = checks.find((c) => c.json.ok)
    expect(ok, 'some exchange on 2026-02-14 passes every rule').toBeDefined()
    const req = roster(['swap', 'request', '--date', '2026-02-14', '--with', ok!.p], { db, as: ok!.r, json: true, now: NOW })
    expect(req.code, req.err).toBe(0)
    expect(req.json.swap).toMatchObject({ status: 'pending', date: '2026-02-14' })
  })

  it('leave.holiday refuses leave on 2026-02-20 for whoever is on duty, in both languages, and allows it on 2026-02-14', () => {
    const staff = onDuty(db, '2026-02-20')[0]!
    const before = fileHash(db)
    const refused = roster(['leave', 'request', '--from', '2026-02-20', '--to', '2026-02-20'], { db, as: staff, json: true, now: NOW })
    expect(refused.code).toBe(1)
    expect(refused.errJson.error.code).toBe('leave.holiday')
    expect(refused.errJson.error.message).toContain('a holiday (Spring Festival)')
    const zh = roster(['--lang', 'zh-CN', 'leave', 'request', '--from', '2026-02-20', '--to', '2026-02-20'], { db, as: staff, now: NOW })
    expect(zh.err).toContain('2026-02-20（春节）')
    expect(fileHash(db)).toBe(before)

    // Someone on duty on the make-up Saturday who has no swap that day.
    const swapping = roster(['swap', 'list'], { db, json: true, now: NOW }).json.swaps.flatMap((s: { requester: string; counterpart: string }) => [s.requester, s.counterpart])
    const other = onDuty(db, '2026-02-14').find((s) => !swapping.includes(s))
    expect(other).toBeDefined()
    const allowed = roster(['leave', 'request', '--from', '2026-02-14', '--to', '2026-02-14'], { db, as: other!, json: true, now: NOW })
    expect(allowed.code, allowed.err).toBe(0)
    expect(allowed.json.leave).toMatchObject({ staff: other, from: '2026-02-14', status: 'pending' })
  })

  it('shows the holiday names in the language asked for on the roster and the printed sheet', () => {
    const show = roster(['--lang', 'zh-CN', 'show', '--from', '2026-02-16', '--to', '2026-02-22'], { db, now: NOW, env: { COLUMNS: '200' } }).out
    expect(show).toContain('春节')
    expect(show).not.toContain('Spring Festival')
    expect(roster(['show', '--from', '2026-02-16', '--to', '2026-02-22'], { db, now: NOW, env: { COLUMNS: '200' } }).out).toContain('Spring Festival')
    const sheet = roster(['--lang', 'zh-CN', 'export', '--format', 'html', '--from', '2026-02-16', '--to', '2026-02-22'], { db, now: NOW }).out
    expect(sheet).toContain('春节')
    expect(sheet).not.toContain('Spring Festival')
    const md = roster(['export', '--format', 'md', '--from', '2026-02-16', '--to', '2026-02-22'], { db, now: NOW }).out
    expect(md).toContain('Spring Festival')
  })

  it('does not count the make-up Saturdays 2026-02-14 and 2026-02-28 as weekend shifts in stats', () => {
    const stats = roster(['stats', '--month', '2026-02'], { db, json: true, now: NOW }).json.staff
    const month = roster(['show', '--from', '2026-02-02', '--to', '2026-02-28'], { db, json: true, now: NOW }).json.assignments as { date: string; staff: string }[]
    const weekend = new Set(['2026-02-07', '2026-02-08', '2026-02-15', '2026-02-21', '2026-02-22'])
    for (const s of stats) {
      expect(s.weekend, s.id).toBe(month.filter((a) => a.staff === s.id && weekend.has(a.date)).length)
    }
  })
})

describe('holiday import --country CN for a year the data does not have yet', () => {
  it('says so in one line, imports the 13 statutory days off marked statutory, and points to a calendar file', () => {
    const db = demoDb({ now: NOW })
    const r = roster(importCN('2027'), { db, as: 'mei', now: NOW })
    expect(r.code).toBe(0)
    expect(r.err).toBe('The official 2027 holiday schedule is not known to this version of roster (chinese-days 1.5.7): imported the statutory dates instead, marked statutory; once it is published, load it with "roster holiday import <file.ics>".\n')
    expect(r.out).toBe('Imported 13 statutory days off for CN 2027; 13 added, 0 renamed, 0 removed.\n')
    const list = roster(['holiday', 'list', '--year', '2027'], { db, json: true }).json
    expect(list.holidays.map((h: any) => [h.date, h.nameZh, h.statutory])).toEqual([
      ['2027-01-01', '元旦', true],
      ['2027-02-05', '春节', true],
      ['2027-02-06', '春节', true],
      ['2027-02-07', '春节', true],
      ['2027-02-08', '春节', true],
      ['2027-04-05', '清明节', true],
      ['2027-05-01', '劳动节', true],
      ['2027-05-02', '劳动节', true],
      ['2027-06-09', '端午节', true],
      ['2027-09-15', '中秋节', true],
      ['2027-10-01', '国庆节', true],
      ['2027-10-02', '国庆节', true],
      ['2027-10-03', '国庆节', true],
    ])
    expect(list.workdays).toEqual([])
    expect(roster(['holiday', 'list', '--year', '2027'], { db }).out).toMatch(/│ 2027-10-01 │ Fri │ National Day +│ statutory │/)
    expect(roster(['--lang', 'zh-CN', 'holiday', 'list', '--year', '2027'], { db }).out).toMatch(/│ 2027-10-01 │ 周五 │ 国庆节 +│ 法定 +│/)

    const again = roster(['--lang', 'zh-CN', ...importCN('2027')], { db, as: 'mei', now: NOW })
    expect(again.err).toBe('本版本还不知道 2027 年的官方放假安排（chinese-days 1.5.7）：已导入法定节假日，标为“法定”；官方安排公布后，请用 "roster holiday import <file.ics>" 导入其日历。\n')
    expect(again.out).toBe('CN 2027 的 13 个法定节假日已经导入：没有改动。\n')
    const json = roster(importCN('2027'), lead(db)).json
    expect(json).toMatchObject({ official: false, imported: 13, added: 0, unchanged: 13 })
    expect(json.warnings).toHaveLength(1)
  })

  it('takes this year without --year, and names the holidays in Chinese under --lang zh-CN', () => {
    const db = demoDb()
    const r = roster(['--lang', 'zh-CN', 'holiday', 'import', '--country', 'CN'], { db, as: 'mei', json: true, now: '2028-03-01T10:00:00Z' })
    expect(r.code).toBe(0)
    expect(r.json.holidays).toContainEqual({ date: '2028-01-01', name: '元旦', kind: 'holiday', statutory: true, nameEn: "New Year's Day", nameZh: '元旦' })
  })

  it('keeps a holiday the team entered itself on a statutory date', () => {
    const db = demoDb({ now: NOW })
    roster(['holiday', 'add', '2027-01-01', '--name', '公司年会'], { db, as: 'mei', now: NOW })
    roster(importCN('2027'), { db, as: 'mei', now: NOW })
    const list = roster(['holiday', 'list', '--year', '2027'], { db, json: true }).json.holidays
    expect(list[0]).toEqual({ date: '2027-01-01', name: '公司年会', kind: 'holiday', statutory: false })
    expect(list).toHaveLength(13)
  })
})

describe('the official schedule over statutory dates', () => {
  it('replaces them cleanly: confirmed where the break keeps them, removed where it does not, renamed where the name differs', () => {
    const db = demoDb({ now: NOW })
    // Statutory dates as a version without 2026's schedule would have put them in,
    // one of them (06-22) off the official break, one under another name.
    const raw = openTestDb(db)
    const ins = raw.prepare('INSERT INTO holiday (date, name, name_zh, statutory) VALUES (?, ?, ?, 1)')
    for (const [date, name, zh] of [
      ['2026-01-01', "New Year's Day", '元旦'],
      ['2026-02-16', 'Spring Festival', '春节'],
      ['2026-02-17', 'Spring Festival', '春节'],
      ['2026-04-05', 'Tomb-sweeping Day', '清明'],
      ['2026-06-22', 'Dragon Boat Festival', '端午节'],
    ]) ins.run(date, name, zh)
    raw.close()
    expect(roster(['holiday', 'list', '--year', '2026'], { db }).out).toContain('statutory')

    const r = roster(importCN('2026'), { db, as: 'mei', now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe('Imported the official schedule for CN 2026: 33 days off and 6 make-up working days; 35 added, 1 renamed, 1 removed, 3 statutory confirmed.\n')
    const list = roster(['holiday', 'list', '--year', '2026'], { db, json: true }).json
    expect(list.holidays.map((h: { date: string }) => h.date)).toEqual(NOTICE.daysOff.map((d) => d.date))
    expect(list.holidays.every((h: { statutory: boolean }) => !h.statutory)).toBe(true)
    expect(list.holidays.find((h: { date: string }) => h.date === '2026-04-05')).toMatchObject({ name: 'Qingming Festival', nameZh: '清明节' })
    expect(roster(['holiday', 'list', '--year', '2026'], { db }).out).not.toContain('statutory')

    const zh = roster(['--lang', 'zh-CN', ...importCN('2026')], { db, as: 'mei', now: NOW })
    expect(zh.out).toBe('CN 2026 的官方放假安排（放假 33 天，调休上班 6 天）已经导入：没有改动。\n')
  })
})

describe('holiday import --country CN: bad input', () => {
  it('refuses a year that is no number, an unknown country and a --year without a value with exit 2, writing nothing', () => {
    const db = demoDb({ now: NOW })
    const before = fileHash(db)
    for (const args of [
      ['--country', 'CN', '--year', 'abc'],
      ['--country', 'CN', '--year', '2026.5'],
      ['--country', 'XX', '--year', '2026'],
      ['--country', 'CN', '--year'],
      ['--country', 'CN', '--year', '1969'],
    ]) {
      for (const lang of ['en', 'zh-CN']) {
        const r = roster(['--lang', lang, 'holiday', 'import', ...args], { db, as: 'mei', now: NOW })
        expect(r.code, `${lang} ${args.join(' ')}`).toBe(2)
        expect(r.out).toBe('')
        expect(r.err).not.toMatch(STACK_TRACE)
        expect(r.err.trim().split('\n')).toHaveLength(1)
      }
    }
    const json = roster(['holiday', 'import', '--country', 'CN', '--year', 'abc'], { db, as: 'mei', json: true, now: NOW })
    expect(json.errJson.error.code).toBe('bad-number')
    expect(roster(['--lang', 'zh-CN', 'holiday', 'import', '--country', 'XX', '--year', '2026'], { db, as: 'mei', now: NOW }).err)
      .toBe('roster 错误：未知的国家 "XX"：请用两个字母的 ISO 代码，如 CN、DE 或 US。\n')
    expect(fileHash(db)).toBe(before)
    expect(roster(['holiday', 'list'], { db, json: true }).json).toEqual({ holidays: [], workdays: [] })
  })
})
