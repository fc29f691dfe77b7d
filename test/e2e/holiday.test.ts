import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, ROOT, roster, STACK_TRACE, tempDir } from '../support/cli.js'

const FIXTURES = join(ROOT, 'fixtures/holidays')
const CN_ICS = join(FIXTURES, 'cn-2027.ics')
const TEAM_CSV = join(FIXTURES, 'team-2027.csv')
const DE_CSV = join(FIXTURES, 'de-2027-semicolon.csv')

const lead = (db: string) => ({ db, as: 'mei', json: true })

describe('roster holiday add | list | remove', () => {
  it('adds, renames, lists and removes holidays, auditing each change', () => {
    const db = demoDb()
    const add = roster(['holiday', 'add', '2027-01-01', '--name', '元旦'], lead(db))
    expect(add.code).toBe(0)
    expect(add.json).toEqual({ holiday: { date: '2027-01-01', name: '元旦' } })
    expect(roster(['holiday', 'add', '2027-10-01', '--name', 'National Day'], lead(db)).code).toBe(0)
    expect(roster(['holiday', 'add', '2026-12-25', '--name', 'Christmas'], lead(db)).code).toBe(0)

    // Listing needs no identity.
    const list = roster(['holiday', 'list'], { db, json: true })
    expect(list.code).toBe(0)
    const listed = (date: string, name: string) => ({ date, name, kind: 'holiday', statutory: false })
    expect(list.json).toEqual({ holidays: [
      listed('2026-12-25', 'Christmas'),
      listed('2027-01-01', '元旦'),
      listed('2027-10-01', 'National Day'),
    ], workdays: [] })
    expect(roster(['holiday', 'list', '--year', '2026'], { db, json: true }).json).toEqual({ holidays: [listed('2026-12-25', 'Christmas')], workdays: [] })
    expect(roster(['holiday', 'list', '--year', '2030'], { db, json: true }).json).toEqual({ holidays: [], workdays: [] })

    const renamed = roster(['holiday', 'add', '2027-01-01', '--name', "New Year's Day"], { db, as: 'mei' })
    expect(renamed.code).toBe(0)
    expect(renamed.out).toBe("Renamed the holiday on 2027-01-01 from 元旦 to New Year's Day.\n")
    const again = roster(['holiday', 'add', '2027-01-01', '--name', "New Year's Day"], { db, as: 'mei' })
    expect(again.out).toBe("2027-01-01 is already the holiday New Year's Day; nothing changed.\n")

    const removed = roster(['holiday', 'remove', '2027-10-01'], lead(db))
    expect(removed.code).toBe(0)
    expect(removed.json).toEqual({ holiday: { date: '2027-10-01', name: 'National Day' }, removed: true })
    expect(roster(['holiday', 'list', '--year', '2027'], { db, json: true }).json.holidays).toEqual([listed('2027-01-01', "New Year's Day")])

    const log = roster(['log'], { db, json: true }).json.entries.filter((e: any) => e.action.startsWith('holiday.'))
    expect(log.map((e: any) => [e.action, e.subject, e.actor])).toEqual([
      ['holiday.add', '2027-01-01', 'mei'],
      ['holiday.add', '2027-10-01', 'mei'],
      ['holiday.add', '2026-12-25', 'mei'],
      ['holiday.add', '2027-01-01', 'mei'],
      ['holiday.remove', '2027-10-01', 'mei'],
    ])
    expect(log[3].before).toEqual({ date: '2027-01-01', name: '元旦' })
    expect(log[4].after).toBeNull()
  })

  it('prints a table with weekdays, and a hint when there are none', () => {
    const db = demoDb()
    expect(roster(['holiday', 'list'], { db }).out).toBe(
      'No holidays yet: add one with "roster holiday add <date> --name <name>" or import a calendar with "roster holiday import".\n')
    roster(['holiday', 'add', '2027-02-06', '--name', '春节'], { db, as: 'mei' })
    const out = roster(['holiday', 'list'], { db }).out
    expect(out).toMatch(/│ 2027-02-06 │ Sat │ 春节 │/)
  })

  it('refuses an agent with exit 1 and changes nothing', () => {
    const db = demoDb()
    roster(['holiday', 'add', '2027-01-01', '--name', 'New Year'], { db, as: 'mei' })
    const before = fileHash(db)
    for (const args of [['holiday', 'add', '2027-05-01', '--name', 'Labour Day'], ['holiday', 'remove', '2027-01-01'], ['holiday', 'import', CN_ICS], ['holiday', 'import', '--country', 'CN', '--year', '2027']]) {
      const r = roster(args, { db, as: 'ana', json: true })
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.errJson.error.code).toBe('permission')
      expect(r.err).toContain('Only a lead or manager may')
    }
    expect(fileHash(db)).toBe(before)
  })

  it('refuses bad input with exit 2', () => {
    const db = demoDb()
    const before = fileHash(db)
    const badDate = roster(['holiday', 'add', '2027-02-30', '--name', 'Nope'], { db, as: 'mei' })
    expect(badDate.code).toBe(2)
    expect(badDate.err).toContain('"2027-02-30" is not a date')
    expect(roster(['holiday', 'add', '2027-02-01', '--name', '  '], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['holiday', 'add', '2027-02-01'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['holiday', 'list', '--year', '27'], { db }).code).toBe(2)
    const missing = roster(['holiday', 'remove', '2027-03-01'], { db, as: 'mei' })
    expect(missing.code).toBe(2)
    expect(missing.err).toBe('roster: There is no holiday on 2027-03-01: see "roster holiday list".\n')
    expect(fileHash(db)).toBe(before)
  })
})

describe('roster holiday import', () => {
  it('imports an iCalendar file, one holiday per day, and again without duplicates', () => {
    const db = demoDb()
    const first = roster(['holiday', 'import', CN_ICS], lead(db))
    expect(first.code).toBe(0)
    expect(first.json).toMatchObject({ imported: 10, added: 10, updated: 0, unchanged: 0 })
    expect(first.json.holidays.slice(0, 4)).toEqual([
      { date: '2027-01-01', name: "元旦 New Year's Day" },
      { date: '2027-02-05', name: '春节 Spring Festival' },
      { date: '2027-02-06', name: '春节 Spring Festival' },
      { date: '2027-02-07', name: '春节 Spring Festival' },
    ])
    const second = roster(['holiday', 'import', CN_ICS], lead(db))
    expect(second.json).toMatchObject({ imported: 10, added: 0, updated: 0, unchanged: 10 })
    expect(roster(['holiday', 'list'], { db, json: true }).json.holidays).toHaveLength(10)
    const imports = roster(['log'], { db, json: true }).json.entries.filter((e: any) => e.action === 'holiday.import')
    expect(imports).toHaveLength(1) // the second import changed nothing
  })

  it('imports CSV files, updating names on dates it already has', () => {
    const db = demoDb()
    const team = roster(['holiday', 'import', TEAM_CSV], { db, as: 'mei' })
    expect(team.code).toBe(0)
    expect(team.out).toBe(`Imported 5 holidays from ${TEAM_CSV}: 5 added, 0 renamed, 0 already there.\n`)
    const de = roster(['holiday', 'import', DE_CSV], lead(db))
    expect(de.json).toMatchObject({ imported: 4, added: 2, updated: 2, unchanged: 0 })
    const list = roster(['holiday', 'list', '--year', '2027'], { db, json: true }).json.holidays
    expect(list).toContainEqual({ date: '2027-01-01', name: 'Neujahr', kind: 'holiday', statutory: false })
    expect(list).toContainEqual({ date: '2027-10-03', name: 'Tag der Deutschen Einheit; Feiertag', kind: 'holiday', statutory: false })
    expect(list).toContainEqual({ date: '2027-12-24', name: 'Christmas Eve, afternoon closed', kind: 'holiday', statutory: false })
    expect(list).toContainEqual({ date: '2027-12-25', name: '1. Weihnachtstag', kind: 'holiday', statutory: false })
    expect(list).toHaveLength(7)
  })

  it('reads a file relative to the working folder', () => {
    const dir = tempDir('holiday')
    writeFileSync(join(dir, 'days.csv'), '2027-06-09,端午节\n')
    const db = demoDb()
    const r = roster(['holiday', 'import', 'days.csv'], { ...lead(db), cwd: dir })
    expect(r.code).toBe(0)
    expect(r.json.holidays).toEqual([{ date: '2027-06-09', name: '端午节' }])
  })

  it("imports another country's public holidays from date-holidays: Germany 2026, nationwide days only", () => {
    const db = demoDb()
    const r = roster(['holiday', 'import', '--country', 'DE', '--year', '2026'], lead(db))
    expect(r.code).toBe(0)
    const list = roster(['holiday', 'list'], { db, json: true }).json
    // Public holidays only: no observances, nothing kept by one state alone.
    expect(list.holidays.map((h: any) => [h.date, h.name])).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-05-01', 'Labour Day'],
      ['2026-05-14', 'Ascension Day'],
      ['2026-05-25', 'Whit Monday'],
      ['2026-10-03', 'National Holiday'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-26', 'Boxing Day'],
    ])
    expect(list.workdays).toEqual([])
    // Names in both languages where the calendar has a Chinese one; the others keep their own.
    const zh = roster(['--lang', 'zh-CN', 'holiday', 'list'], { db, json: true }).json.holidays
    expect(zh[0]).toEqual({ date: '2026-01-01', name: '元旦', kind: 'holiday', statutory: false, nameEn: "New Year's Day", nameZh: '元旦' })
    expect(zh[4].name).toBe('Ascension Day')
    const text = roster(['holiday', 'import', '--country', 'de', '--year', '2026'], { db, as: 'mei' })
    expect(text.out).toBe('Imported 9 holidays from DE 2026: 0 added, 0 renamed, 9 already there.\n')
  })

  it('refuses an unknown country or a year out of range with exit 2', () => {
    const db = demoDb()
    const before = fileHash(db)
    for (const args of [['--country', 'XX', '--year', '2027'], ['--country', 'China', '--year', '2027'], ['--country', 'CN', '--year', '1969'], ['--country', 'CN', '--year', '2101'], ['--country', 'DE-ZZ', '--year', '2027']]) {
      const r = roster(['holiday', 'import', ...args], { db, as: 'mei' })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(roster(['holiday', 'import', '--country', 'XX', '--year', '2027'], { db, as: 'mei' }).err)
      .toBe('roster: Unknown country "XX": use a two-letter ISO code such as CN, DE or US.\n')
    expect(fileHash(db)).toBe(before)
  })

  it('refuses a file together with --country, neither, or --year with a file', () => {
    const db = demoDb()
    expect(roster(['holiday', 'import', CN_ICS, '--country', 'CN'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['holiday', 'import'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['holiday', 'import', CN_ICS, '--year', '2027'], { db, as: 'mei' }).code).toBe(2)
  })

  describe('refuses broken files with exit 2, one clear sentence, and an untouched database', () => {
    const dir = tempDir('holiday-broken')
    const manyIcs = ['BEGIN:VCALENDAR', ...Array.from({ length: 1001 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '')
      return `BEGIN:VEVENT\nDTSTART;VALUE=DATE:${d}\nSUMMARY:Day ${i}\nEND:VEVENT`
    }), 'END:VCALENDAR'].join('\n')
    const cases: [string, string | Buffer, RegExp][] = [
      ['acceptance.ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027XX01\n', /line 3 has DTSTART "2027XX01", which is not a real date/],
      ['truncated.ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:New Ye', /it is cut short: VEVENT begun on line 2 is never ended/],
      ['no-calendar.ics', 'BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x\nEND:VEVENT\n', /does not begin with BEGIN:VCALENDAR/],
      ['binary.ics', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), /it is a binary file/],
      ['latin1.csv', Buffer.concat([Buffer.from('2027-07-14,F'), Buffer.from([0xea]), Buffer.from('te nationale\n')]), /it is not UTF-8 text \(line 1/],
      ['utf16.ics', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BEGIN:VCALENDAR\r\n', 'utf16le')]), /it is UTF-16 text; save it as UTF-8/],
      ['huge.ics', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /it is 5\.0 MB, more than the 5 MB a holiday file may be/],
      ['many.ics', manyIcs, /it holds more than 1000 holidays/],
      ['bad-row.csv', 'date,name\n2027-01-01,New Year\n2027-13-01,Nope\n2027-05-01,Labour Day\n', /line 3: "2027-13-01" is not a date/],
      ['empty.csv', '', /the file is empty/],
      ['notes.txt', '2027-01-01,New Year\n', /the file name must end in \.ics \(iCalendar\) or \.csv/],
    ]
    for (const [name, content] of cases) writeFileSync(join(dir, name), content)

    for (const [name, , message] of cases) {
      it(name, () => {
        const db = demoDb()
        const before = fileHash(db)
        const r = roster(['holiday', 'import', join(dir, name)], { db, as: 'mei' })
        expect(r.code).toBe(2)
        expect(r.out).toBe('')
        expect(r.err).toMatch(message)
        expect(r.err).toMatch(new RegExp(`^roster: Cannot import \\S*${name.replace('.', '\\.')}: .+\\.\\n$`))
        expect(r.err).not.toMatch(STACK_TRACE)
        expect(fileHash(db)).toBe(before)
        expect(roster(['holiday', 'list'], { db, json: true }).json.holidays).toEqual([])
      })
    }

    it('a missing file, with the --json error shape', () => {
      const db = demoDb()
      const before = fileHash(db)
      const r = roster(['holiday', 'import', join(dir, 'nope.ics')], lead(db))
      expect(r.code).toBe(2)
      expect(r.out).toBe('')
      expect(r.errJson.error.code).toBe('bad-import-file')
      expect(r.errJson.error.message).toMatch(/^Cannot import .*nope\.ics: there is no such file\.$/)
      expect(fileHash(db)).toBe(before)
    })

    it('a broken file is bad input even for an agent: exit 2 before any permission question', () => {
      const db = demoDb()
      const before = fileHash(db)
      const r = roster(['holiday', 'import', join(dir, 'bad-row.csv')], { db, as: 'ana' })
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/line 3/)
      expect(fileHash(db)).toBe(before)
    })

    it('a folder', () => {
      const db = demoDb()
      const folder = tempDir('holiday-folder')
      const ics = join(folder, 'calendar.ics')
      mkdirSync(ics)
      const r = roster(['holiday', 'import', ics], { db, as: 'mei' })
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/it is a folder, not a file\.\n$/)
    })
  })
})
