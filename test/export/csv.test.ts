import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvTable, toCsv } from '../../src/export/csv.js'
import { aStaff } from '../support/builders.js'
import { aModel, HOSTILE } from './support.js'

describe('toCsv, rows', () => {
  it('writes one row per assignment under the documented header', () => {
    expect(toCsv(aModel(), { layout: 'rows', bom: false })).toBe(
      [
        'date,weekday,shift,start,end,remote,holiday,staff,name',
        '2027-01-04,Mon,A,09:00,17:00,false,false,ana,Ana Souza',
        '2027-01-04,Mon,C,20:00,22:00,true,false,chen,Chen Jie 陈杰',
        '2027-01-05,Tue,B,12:00,20:00,false,false,chen,Chen Jie 陈杰',
        '2027-01-08,Fri,A,09:00,17:00,false,true,chen,Chen Jie 陈杰',
        '',
      ].join('\n'),
    )
  })

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(toCsv(aModel(), { layout: 'rows', bom: true }).startsWith('\uFEFFdate,')).toBe(true)
    expect(toCsv(aModel(), { layout: 'rows', bom: false }).charCodeAt(0)).toBe('d'.charCodeAt(0))
  })

  it('quotes commas, quotes and line breaks so a parser reads the name back whole', () => {
    const odd = aStaff({ id: 'odd', name: 'Smith, "Jo"\nJr' })
    const csv = toCsv(aModel({ staff: [odd], people: [odd], entries: [{ date: '2027-01-04', shift: 'A', staff: 'odd', start: '09:00', end: '17:00', remote: false, holiday: false }] }), { layout: 'rows', bom: false })
    expect(csv.split('\n')[1]).toBe('2027-01-04,Mon,A,09:00,17:00,false,false,odd,"Smith, ""Jo""')
    expect(parse(csv, { columns: true })[0].name).toBe('Smith, "Jo"\nJr')
  })

  it('is just the header for an empty range', () => {
    expect(toCsv(aModel({ entries: [] }), { layout: 'rows', bom: false })).toBe('date,weekday,shift,start,end,remote,holiday,staff,name\n')
  })
})

describe('toCsv, grid', () => {
  it('puts people down and dates across, the shift code in each cell', () => {
    expect(toCsv(aModel(), { layout: 'grid', bom: false })).toBe(
      [
        'staff,name,2027-01-04,2027-01-05,2027-01-06,2027-01-07,2027-01-08,2027-01-09,2027-01-10',
        'ana,Ana Souza,A,,,,,,',
        'chen,Chen Jie 陈杰,C,B,,,A,,',
        '',
      ].join('\n'),
    )
  })
})

describe('formula injection', () => {
  it('prefixes a quote to cells that start like a formula (OWASP), and only those', () => {
    // One cell through csvTable and back: what a spreadsheet reads.
    const cell = (value: string) => (parse(csvTable([[value]])) as string[][])[0]![0]
    expect(cell(HOSTILE.hyperlink)).toBe(`'${HOSTILE.hyperlink}`)
    expect(cell('=1+2')).toBe("'=1+2")
    expect(cell('+1')).toBe("'+1")
    expect(cell('-1')).toBe("'-1")
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(cell('\tx')).toBe("'\tx")
    // A carriage return is no record delimiter under record_delimiter 'unix', so the cell goes out unquoted.
    expect(csvTable([['\rx']])).toBe("'\rx\n")
    // Near misses: a formula character later in the cell is harmless.
    expect(cell('a=1')).toBe('a=1')
    expect(cell(' =1')).toBe(' =1')
    expect(cell('Ana Souza')).toBe('Ana Souza')
    expect(cell('09:00')).toBe('09:00')
  })

  it('defuses hostile names in both layouts', () => {
    const people = Object.values(HOSTILE).map((name, i) => aStaff({ id: `p${i}`, name }))
    const entries = people.map((p) => ({ date: '2027-01-04', shift: 'A', staff: p.id, start: '09:00', end: '17:00', remote: false, holiday: false }))
    const model = aModel({ people, staff: people, entries, holidays: [] })
    for (const layout of ['rows', 'grid'] as const) {
      const rows: string[][] = parse(toCsv(model, { layout, bom: false }), { relax_column_count: true })
      const names = rows.slice(1).map((r) => r[layout === 'rows' ? 8 : 1])
      expect(names).toEqual(['<img src=x onerror=alert(1)>', `'=HYPERLINK("http://x","y")`, "'+1", "'@SUM(A1)"])
    }
  })
})
