import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js'

/** The migration that gave holidays a Chinese name and a statutory mark, found by name (the lead renumbers at merge). */
const NAMES_MIGRATION = MIGRATIONS.find((m) => m.name === 'holiday names in Chinese, statutory dates, make-up working days')!

describe('holidays and make-up working days in the store', () => {
  it('brings a file from before the migration to the latest schema, its holidays kept with one name and not statutory', () => {
    expect(NAMES_MIGRATION).toBeDefined()
    const path = join(mkdtempSync(join(tmpdir(), 'roster-store-')), 'roster.db')
    const raw = new Database(path)
    for (const m of MIGRATIONS.filter((m) => m.version < NAMES_MIGRATION.version)) raw.exec(m.sql)
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.pragma(`user_version = ${NAMES_MIGRATION.version - 1}`)
    raw.prepare(`INSERT INTO holiday (date, name) VALUES ('2026-10-01', '国庆节')`).run()
    raw.close()

    const db = openDatabase(path)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(sqliteStore(db).holidays.records()).toEqual([{ date: '2026-10-01', name: '国庆节', nameZh: null, statutory: false }])
    expect(sqliteStore(db).holidays.list(undefined, undefined, 'en')).toEqual([{ date: '2026-10-01', name: '国庆节' }])
    expect(sqliteStore(db).holidays.workdays()).toEqual([])
    db.close()
  })

  it('names a holiday in the language asked for, and keeps its Chinese name for the rules', () => {
    const db = openDatabase(':memory:')
    sqliteStore(db).holidays.upsertRecord({ date: '2026-02-20', name: 'Spring Festival', nameZh: '春节', statutory: false })
    sqliteStore(db).holidays.upsert({ date: '2026-07-01', name: 'Team day' })
    expect(sqliteStore(db).holidays.list()).toEqual([{ date: '2026-02-20', name: 'Spring Festival', nameZh: '春节' }, { date: '2026-07-01', name: 'Team day' }])
    expect(sqliteStore(db).holidays.list('2026-01-01', '2026-12-31', 'zh-CN')).toEqual([{ date: '2026-02-20', name: '春节', nameZh: '春节' }, { date: '2026-07-01', name: 'Team day' }])
    // Renamed by hand: the Chinese name went with the old one, and a name given by hand is never statutory.
    sqliteStore(db).holidays.upsertRecord({ date: '2026-07-01', name: 'Team day', nameZh: null, statutory: true })
    sqliteStore(db).holidays.upsert({ date: '2026-02-20', name: '除夕聚餐' })
    expect(sqliteStore(db).holidays.records()).toEqual([
      { date: '2026-02-20', name: '除夕聚餐', nameZh: null, statutory: false },
      { date: '2026-07-01', name: 'Team day', nameZh: null, statutory: true },
    ])
  })

  it('keeps make-up working days apart from holidays', () => {
    const db = openDatabase(':memory:')
    sqliteStore(db).holidays.upsertWorkday({ date: '2026-02-28', name: 'Spring Festival', nameZh: '春节' })
    sqliteStore(db).holidays.upsertWorkday({ date: '2026-02-14', name: 'Spring Festival', nameZh: '春节' })
    expect(sqliteStore(db).holidays.list()).toEqual([])
    expect(sqliteStore(db).holidays.workdayDates('2026-02-01', '2026-02-28')).toEqual(['2026-02-14', '2026-02-28'])
    expect(sqliteStore(db).holidays.workdayDates('2026-02-15', '2026-02-27')).toEqual([])
    sqliteStore(db).holidays.upsertWorkday({ date: '2026-02-14', name: 'Spring', nameZh: null })
    expect(sqliteStore(db).holidays.workdays('2026-02-14', '2026-02-14')).toEqual([{ date: '2026-02-14', name: 'Spring', nameZh: null }])
    expect(sqliteStore(db).holidays.deleteWorkday('2026-02-14')).toBe(1)
    expect(sqliteStore(db).holidays.workdays()).toHaveLength(1)
  })

  it('refuses rows the schema forbids', () => {
    const db = openDatabase(':memory:')
    expect(() => db.prepare(`INSERT INTO holiday (date, name, statutory) VALUES ('2026-01-01', 'x', 2)`).run()).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO holiday (date, name, name_zh) VALUES ('2026-01-01', 'x', '')`).run()).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO workday (date, name) VALUES ('14.2.2026', 'x')`).run()).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO workday (date, name) VALUES ('2026-02-14', '')`).run()).toThrow(/CHECK/)
  })
})
