import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, insertAssignments, roster, STACK_TRACE, tempDir } from '../support/cli.js'

/** A Wednesday in the first week of the generated roster (local time). */
const NOW = '2027-01-06T10:30:00'
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

interface Entry {
  date: string
  shift: string
  staff: string
  start: string
  end: string
  remote: boolean
  holiday: boolean
}

describe('roster export', () => {
  let db: string
  let names: Map<string, string>
  beforeAll(() => {
    db = demoDb({ start: '2027-01-04', weeks: 6, now: NOW })
    expect(roster(['holiday', 'add', '2027-01-08', '--name', 'Founders Day 建厂日'], { db, as: 'mei', now: NOW }).code).toBe(0)
    names = new Map(roster(['staff', 'list'], { db, json: true, now: NOW }).json.staff.map((s: { id: string; name: string }) => [s.id, s.name]))
  })

  const show = (args: string[]): { from: string; to: string; assignments: Entry[] } => {
    const r = roster(['show', ...args], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    return r.json
  }

  describe('--format json', () => {
    it('prints exactly what show --json prints, for the default range, a month, dates and one person', () => {
      for (const range of [[], ['--month', '2027-01'], ['--from', '2027-01-08', '--to', '2027-01-20'], ['--staff', 'chen'], ['--week', '2027-01-13']]) {
        const r = roster(['export', '--format', 'json', ...range], { db, now: NOW })
        expect(r.code, r.err).toBe(0)
        expect(r.err).toBe('')
        expect(JSON.parse(r.out)).toEqual(show(range))
      }
    })

    it('defaults to one cycle from this week\'s Monday, like show', () => {
      const r = JSON.parse(roster(['export', '--format', 'json'], { db, now: NOW }).out)
      expect([r.from, r.to]).toEqual(['2027-01-04', '2027-01-24'])
      expect(r.assignments).toHaveLength(63)
    })
  })

  describe('--format csv', () => {
    it('has one row per assignment that parses back to show --json, with weekday and name', () => {
      const r = roster(['export', '--format', 'csv', '--month', '2027-01'], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      const rows: Record<string, string>[] = parse(r.out, { columns: true })
      expect(Object.keys(rows[0]!)).toEqual(['date', 'weekday', 'shift', 'start', 'end', 'remote', 'holiday', 'staff', 'name'])
      const expected = show(['--month', '2027-01']).assignments
      expect(expected.length).toBeGreaterThan(60)
      expect(rows.map((x) => ({ date: x.date, shift: x.shift, staff: x.staff, start: x.start, end: x.end, remote: x.remote === 'true', holiday: x.holiday === 'true' }))).toEqual(expected)
      for (const x of rows) {
        expect(x.weekday).toBe(WEEKDAY[new Date(`${x.date}T12:00:00Z`).getUTCDay()])
        expect(x.name).toBe(names.get(x.staff!))
      }
      expect(rows.filter((x) => x.holiday === 'true').map((x) => x.date)).toEqual(['2027-01-08', '2027-01-08', '2027-01-08'])
    })

    it('--layout grid puts people down and dates across, every shift in its cell', () => {
      const r = roster(['export', '--format', 'csv', '--layout', 'grid'], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      const [head, ...rows]: string[][] = parse(r.out)
      expect(head!.slice(0, 3)).toEqual(['staff', 'name', '2027-01-04'])
      expect(head![head!.length - 1]).toBe('2027-01-24')
      expect(rows.map((x) => x[0])).toEqual(['ana', 'ben', 'chen', 'dev'])
      const cell = new Map<string, string>()
      for (const x of rows) head!.slice(2).forEach((d, i) => cell.set(`${x[0]}|${d}`, x[i + 2]!))
      const expected = show([]).assignments
      for (const e of expected) expect(cell.get(`${e.staff}|${e.date}`)).toBe(e.shift)
      expect([...cell.values()].filter(Boolean)).toHaveLength(expected.length)
    })

    it('--bom starts the file with a UTF-8 byte order mark, and Chinese names survive', () => {
      const dir = tempDir('export')
      const file = join(dir, 'roster.csv')
      expect(roster(['export', '--format', 'csv', '--bom', '-o', file], { db, now: NOW }).code).toBe(0)
      const bytes = readFileSync(file)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(bytes.toString('utf8')).toContain('Chen Jie 陈杰')
      expect(roster(['export', '--format', 'csv'], { db, now: NOW }).out.charCodeAt(0)).toBe('d'.charCodeAt(0))
    })
  })

  describe('--format md', () => {
    it('prints a table with a row per date and a column per shift, the holiday named', () => {
      const r = roster(['export', '--format', 'md', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      const lines = r.out.split('\n')
      expect(lines[0]).toBe('## Roster 2027-01-04 to 2027-01-10')
      expect(lines[2]).toBe('| Date | Day | A 09:00-17:00 | B 12:00-20:00 | C 20:00-22:00 (remote) | Holiday |')
      const rows = lines.filter((l) => /^\| 2027-/.test(l))
      expect(rows).toHaveLength(7)
      const week = show(['--from', '2027-01-04', '--to', '2027-01-10']).assignments
      for (const e of week) {
        const cells = rows.find((l) => l.startsWith(`| ${e.date} `))!.split(' | ')
        expect(cells[2 + ['A', 'B', 'C'].indexOf(e.shift)]).toBe(e.staff)
      }
      expect(rows[4]!.endsWith('| Founders Day 建厂日 |')).toBe(true)
    })
  })

  describe('--format html', () => {
    it('writes one sheet per cycle with every shift, and the holiday', () => {
      const r = roster(['export', '--format', 'html', '--from', '2027-01-04', '--to', '2027-02-14'], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      expect(r.out.match(/<section class="sheet">/g)).toHaveLength(2)
      expect(r.out.match(/<span class="shift /g)).toHaveLength(show(['--from', '2027-01-04', '--to', '2027-02-14']).assignments.length + 3 * 2)
      expect(r.out).toContain('title="Founders Day 建厂日"')
    })

    it('lists approved swaps in the footer and bumps the revision when the roster changes', () => {
      const local = demoDb({ start: '2027-01-04', now: NOW })
      const before = roster(['export', '--format', 'html'], { db: local, now: NOW }).out
      const revision = (page: string) => Number(/Revision <b>(\d+)<\/b>/.exec(page)![1])
      expect(before).toContain('No approved swaps in this period.')
      // An exchange between two of the people on duty that day; the first pair the rules allow.
      const there = JSON.parse(roster(['show', '--from', '2027-01-14', '--to', '2027-01-14'], { db: local, json: true, now: NOW }).out).assignments as Entry[]
      const pairs = there.flatMap((a) => there.filter((b) => b.staff !== a.staff).map((b) => [a.staff, b.staff] as const))
      const pair = pairs.find(([r, p]) => roster(['swap', 'request', '--date', '2027-01-14', '--with', p], { db: local, as: r, now: NOW }).code === 0)
      expect(pair).toBeDefined()
      const [r, p] = pair!
      expect(roster(['swap', 'accept', '1'], { db: local, as: p, now: NOW }).code).toBe(0)
      expect(roster(['swap', 'approve', '1'], { db: local, as: 'mei', now: NOW }).code).toBe(0)
      const after = roster(['export', '--format', 'html'], { db: local, now: NOW }).out
      expect(after).toContain('<h2>Approved swaps</h2>')
      expect(after).toMatch(new RegExp(`<td class="n">1</td><td>Thu 2027-01-14</td><td>[^<]+ \\(${r}\\)</td><td>[^<]+ \\(${p}\\)</td><td>exchange on the day</td>`))
      expect(revision(after)).toBeGreaterThan(revision(before))
    })
  })

  describe('--staff', () => {
    it('keeps only that person, in every format', () => {
      const mine = show(['--staff', 'ben']).assignments
      const csv: Record<string, string>[] = parse(roster(['export', '--format', 'csv', '--staff', 'ben'], { db, now: NOW }).out, { columns: true })
      expect(csv.map((x) => x.staff)).toEqual(mine.map(() => 'ben'))
      const html = roster(['export', '--format', 'html', '--staff', 'ben'], { db, now: NOW }).out
      expect(html.match(/<span class="shift /g)).toHaveLength(mine.length + 3)
      expect(html).not.toContain('<span class="id">ana</span>')
      const md = roster(['export', '--format', 'md', '--staff', 'ben', '--layout', 'rows'], { db, now: NOW }).out
      expect(md.split('\n').filter((l) => /^\| 2027-/.test(l))).toHaveLength(mine.length)
    })
  })

  describe('-o <file>', () => {
    it('writes the file, says so on stderr, prints nothing on stdout, and overwrites an existing file', () => {
      const dir = tempDir('export')
      const file = join(dir, 'roster.ics')
      writeFileSync(file, 'old content')
      const r = roster(['export', '--format', 'ics', '-o', file], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      expect(r.out).toBe('')
      expect(r.err).toBe(`Wrote 63 shifts from 2027-01-04 to 2027-01-24 to ${file} (ics).\n`)
      expect(readFileSync(file, 'utf8').startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
      expect(readdirSync(dir)).toEqual(['roster.ics'])
    })

    it('takes the format from the file name when --format is left out', () => {
      const dir = tempDir('export')
      for (const [name, start] of [['a.csv', 'date,weekday'], ['b.html', '<!DOCTYPE html>'], ['c.md', '## Roster'], ['d.json', '{"from"'], ['e.ics', 'BEGIN:VCALENDAR']] as const) {
        expect(roster(['export', '-o', join(dir, name)], { db, now: NOW }).code).toBe(0)
        expect(readFileSync(join(dir, name), 'utf8').startsWith(start)).toBe(true)
      }
    })

    it('under --json prints a summary of what it wrote', () => {
      const file = join(tempDir('export'), 'r.csv')
      const r = roster(['export', '--format', 'csv', '-o', file], { db, json: true, now: NOW })
      expect(r.code).toBe(0)
      expect(r.err).toBe('')
      expect(r.json).toMatchObject({ file, format: 'csv', from: '2027-01-04', to: '2027-01-24', assignments: 63 })
      expect(r.json.bytes).toBe(readFileSync(file).length)
    })

    it('refuses a folder that does not exist (exit 2) and writes nothing', () => {
      const dir = tempDir('export')
      const r = roster(['export', '--format', 'csv', '-o', join(dir, 'missing', 'r.csv')], { db, now: NOW })
      expect(r.code).toBe(2)
      expect(r.err).toBe(`roster: The folder ${join(dir, 'missing')} does not exist: create it first, or give -o a file in an existing folder.\n`)
      expect(existsSync(join(dir, 'missing'))).toBe(false)
      mkdirSync(join(dir, 'sub'))
      const folder = roster(['export', '--format', 'csv', '-o', join(dir, 'sub')], { db, now: NOW })
      expect(folder.code).toBe(2)
      expect(folder.err).toContain('is a folder')
    })
  })

  describe('an empty range', () => {
    it('still writes a valid file, and says on stderr that nobody is on it', () => {
      const r = roster(['export', '--format', 'csv', '--month', '2030-01'], { db, now: NOW })
      expect(r.code).toBe(0)
      expect(r.out).toBe('date,weekday,shift,start,end,remote,holiday,staff,name\n')
      expect(r.err).toBe('Nobody is on the roster from 2030-01-01 to 2030-01-31: the export is empty.\n')
    })
  })

  describe('bad input exits 2 with one sentence', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown format', ['--format', 'docx'], /--format "docx" is not a format roster exports: use one of csv, ics, html, md, json, pdf\./],
      ['no format and no file', [], /Which format\? Pass --format csv\|ics\|html\|md\|json\|pdf\./],
      ['a PDF for the terminal', ['--format', 'pdf'], /PDF is a file to print, not text for the terminal: add -o <file\.pdf>\./],
      ['a file name that names no format', ['-o', 'roster.txt'], /the name roster\.txt does not say/],
      ['an unknown person', ['--format', 'csv', '--staff', 'nobody'], /Unknown staff id "nobody"/],
      ['a layout the format lacks', ['--format', 'csv', '--layout', 'dates-down'], /--layout "dates-down" is not a csv layout: use rows or grid\./],
      ['a layout for json', ['--format', 'json', '--layout', 'grid'], /--layout does not apply to --format json/],
      ['--bom for ics', ['--format', 'ics', '--bom'], /--bom is for --format csv only/],
      ['an unknown time zone', ['--format', 'ics', '--tz', 'Mars/Olympus'], /--tz "Mars\/Olympus" is not a time zone/],
      ['a bad month', ['--format', 'csv', '--month', '2027-13'], /--month "2027-13" is not a month/],
      ['a bad date', ['--format', 'csv', '--from', '2027-02-30'], /--from "2027-02-30" is not a date/],
      ['--to before --from', ['--format', 'csv', '--from', '2027-02-10', '--to', '2027-02-01'], /--to 2027-02-01 is before --from 2027-02-10/],
      ['--week with --month', ['--format', 'csv', '--week', '2027-01-06', '--month', '2027-01'], /--week cannot be combined/],
      ['an unknown flag', ['--format', 'csv', '--colour'], /Unknown option '--colour'/],
    ]
    for (const [what, args, message] of cases) {
      it(what, () => {
        const r = roster(['export', ...args], { db, now: NOW })
        expect(r.code, r.err).toBe(2)
        expect(r.out).toBe('')
        expect(r.err).toMatch(message)
        expect(r.err).not.toMatch(STACK_TRACE)
        expect(r.err.trim().split('\n')).toHaveLength(1)
      })
    }

    it('with --json the error is JSON on stderr', () => {
      const r = roster(['export', '--format', 'docx'], { db, json: true, now: NOW })
      expect(r.code).toBe(2)
      expect(r.errJson).toEqual({ error: { code: 'bad-format', message: '--format "docx" is not a format roster exports: use one of csv, ics, html, md, json, pdf.' } })
    })
  })
})

describe('roster export with hostile names', () => {
  const HOSTILE = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x","y")', '+1', '@SUM(A1)']
  let db: string
  beforeAll(() => {
    db = demoDb({ now: NOW })
    HOSTILE.forEach((name, i) => expect(roster(['staff', 'add', `evil${i}`, '--name', name], { db, as: 'mei', now: NOW }).code).toBe(0))
    expect(roster(['holiday', 'add', '2027-01-05', '--name', '<script>alert(2)</script>'], { db, as: 'mei', now: NOW }).code).toBe(0)
    insertAssignments(db, HOSTILE.map((_, i) => [`2027-01-0${4 + i}`, 'A', `evil${i}`]))
  })
  const range = ['--from', '2027-01-04', '--to', '2027-01-10']

  it('comes out as inert text in HTML, in both layouts', () => {
    for (const layout of ['grid', 'dates-down']) {
      const r = roster(['export', '--format', 'html', '--layout', layout, ...range], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      expect(r.out).not.toMatch(/<img|<script/i)
      expect(r.out).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(r.out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
      expect(r.out).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)')
    }
  })

  it('has formula cells defused in CSV, in both layouts', () => {
    const rows: Record<string, string>[] = parse(roster(['export', '--format', 'csv', ...range], { db, now: NOW }).out, { columns: true })
    expect(rows.map((x) => x.name)).toEqual(['<img src=x onerror=alert(1)>', `'=HYPERLINK("http://x","y")`, "'+1", "'@SUM(A1)"])
    const grid: string[][] = parse(roster(['export', '--format', 'csv', '--layout', 'grid', ...range], { db, now: NOW }).out)
    expect(grid.filter((x) => x[0]!.startsWith('evil')).map((x) => x[1])).toEqual(['<img src=x onerror=alert(1)>', `'=HYPERLINK("http://x","y")`, "'+1", "'@SUM(A1)"])
  })

  it('cannot break a Markdown table or become markup', () => {
    const r = roster(['export', '--format', 'md', '--layout', 'rows', ...range], { db, now: NOW })
    expect(r.out).not.toMatch(/<img|<script/)
    expect(r.out).toContain('| evil0 | &lt;img src=x onerror=alert(1)&gt; |')
    expect(r.out).toContain('| 2027-01-05 (&lt;script&gt;alert(2)&lt;/script&gt;) |')
  })
})
