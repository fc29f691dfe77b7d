import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/domain/holidays/decode.js'
import { parseCsv } from '../../../src/domain/holidays/parse-csv.js'

const FIXTURES = join(__dirname, '../../../fixtures/holidays')

function holidays(text: string) {
  const r = parseCsv(text, parse)
  if ('error' in r) throw new Error(`expected holidays, got: ${r.error}`)
  return r.holidays
}

function error(text: string): string {
  const r = parseCsv(text, parse)
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.holidays)}`)
  return r.error
}

describe('parseCsv: good files', () => {
  it('reads the sample team file: a header, a quoted comma, a blank line', () => {
    expect(holidays(readFileSync(join(FIXTURES, 'team-2027.csv'), 'utf8'))).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-04-02', name: 'Good Friday' },
      { date: '2027-12-24', name: 'Christmas Eve, afternoon closed' },
      { date: '2027-12-25', name: 'Christmas Day' },
      { date: '2027-12-26', name: "St. Stephen's Day" },
    ])
  })

  it('reads the spreadsheet-style file: BOM, semicolons, CRLF, a quoted semicolon, no header', () => {
    const decoded = decodeText(readFileSync(join(FIXTURES, 'de-2027-semicolon.csv')))
    if ('error' in decoded) throw new Error(decoded.error)
    expect(holidays(decoded.text)).toEqual([
      { date: '2027-01-01', name: 'Neujahr' },
      { date: '2027-05-01', name: 'Tag der Arbeit' },
      { date: '2027-10-03', name: 'Tag der Deutschen Einheit; Feiertag' },
      { date: '2027-12-25', name: '1. Weihnachtstag' },
    ])
  })

  it('strips a BOM left in the text, and sorts by date', () => {
    expect(holidays('\uFEFF2027-10-01,国庆节\n2027-01-01,元旦\n')).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-10-01', name: '国庆节' },
    ])
  })

  it('takes any first row without a digit as a header, and only the first', () => {
    expect(holidays('Datum;Feiertag\n2027-01-01;Neujahr\n')).toEqual([{ date: '2027-01-01', name: 'Neujahr' }])
    expect(holidays('"date","name"\r\n"2027-01-01","New Year"\r\n')).toEqual([{ date: '2027-01-01', name: 'New Year' }])
    expect(error('date,name\nday,name\n')).toBe('line 2: "day" is not a date; write YYYY-MM-DD, a real calendar date from 1900 to 2999')
  })

  it('trims spaces, drops empty trailing cells, tolerates a quote inside a name and a repeated row', () => {
    expect(holidays('  2027-01-01 ,  New   Year  ,,\n2027-06-01,Children"s Day\n2027-01-01,New Year\n')).toEqual([
      { date: '2027-01-01', name: 'New Year' },
      { date: '2027-06-01', name: 'Children"s Day' },
    ])
  })
})

describe('parseCsv: the first bad row rejects the file, naming its line', () => {
  it('refuses dates that are not real ISO calendar dates', () => {
    expect(error('date,name\n2027-01-01,ok\n2027-02-30,Nope\n')).toBe('line 3: "2027-02-30" is not a date; write YYYY-MM-DD, a real calendar date from 1900 to 2999')
    expect(error('01/05/2027,Labour Day\n')).toBe('line 1: "01/05/2027" is not a date; write YYYY-MM-DD, a real calendar date from 1900 to 2999')
    expect(error('2027-1-5,x\n')).toMatch(/^line 1: "2027-1-5" is not a date/)
    expect(error('1899-12-31,x\n')).toMatch(/^line 1: "1899-12-31" is not a date/)
  })

  it('refuses bad names', () => {
    expect(error('2027-01-01,\n')).toBe('line 1: the name must not be empty')
    expect(error(`2027-01-01,${'x'.repeat(101)}\n`)).toBe('line 1: the name is too long: at most 100 characters')
    expect(error('2027-01-01,"New\u202eYear"\n')).toBe('line 1: the name contains control characters; use plain text')
  })

  it('refuses rows with too few or too many fields', () => {
    expect(error('date,name\n2027-01-01,ok\n2027-01-02\n')).toBe('line 3 has only one field; write each holiday as date,name')
    expect(error('2027-01-01;Neujahr;Feiertag\n')).toBe('line 1 has 3 fields, not 2 (date;name); put a name that contains ";" in double quotes')
    expect(error('2027-01-01\n2027-01-02\n')).toBe('line 1 has no comma or semicolon; write each holiday as date,name')
  })

  it('refuses two different names for one date', () => {
    expect(error('2027-01-01,New Year\n2027-01-02,Day two\n2027-01-01,Neujahr\n')).toBe('line 3 gives 2027-01-01 a second name (line 1 calls it "New Year"); keep one row per date')
  })

  it('refuses an unclosed quote, an empty file and a header alone', () => {
    expect(error('2027-01-01,"New Year\n2027-01-02,x\n')).toBe('a quoted field is never closed (look for a stray double quote up to line 2)')
    expect(error('')).toBe('the file is empty')
    expect(error('\uFEFF\n\n')).toBe('the file is empty')
    expect(error('date,name\n')).toBe('it has no holidays to import, only a header')
  })

  it('refuses more than 1000 holidays', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `${new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)},Day ${i}`)
    expect(error(rows.join('\n'))).toBe('it holds more than 1000 holidays; split it into smaller files')
    expect(holidays(rows.slice(0, 1000).join('\n'))).toHaveLength(1000)
  })
})
