// Correctness of what roster writes by hand against maintained libraries, for
// the decision records 0003-0006. It bundles roster's own modules from src/
// with esbuild on the fly (no build needed). Run from the repository root:
//
//   mkdir -p /tmp/libmeasure && (cd /tmp/libmeasure && npm init -y && npm install ical-generator@10 node-ical@0.26 string-width@8)
//   LIBS=/tmp/libmeasure node docs/decisions/measure/correctness.mjs
//
// LIBS is a folder whose node_modules holds the candidates roster does not
// depend on; the others (ical.js, csv-stringify, get-east-asian-width,
// string-width 7) come from the project's own node_modules.

import { build } from 'esbuild'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'

const ROOT = resolve(import.meta.dirname, '../../..')
const libs = createRequire(join(resolve(process.env.LIBS ?? ROOT), 'package.json'))
const own = createRequire(join(ROOT, 'package.json'))

/** Bundles a few of roster's own modules so plain node can import them. */
async function ours() {
  const dir = mkdtempSync(join(tmpdir(), 'roster-measure-'))
  const entry = join(dir, 'entry.ts')
  writeFileSync(entry, [
    `export { displayWidth } from ${JSON.stringify(join(ROOT, 'src/cli/render/width.ts'))}`,
    `export { foldLine } from ${JSON.stringify(join(ROOT, 'src/export/ics.ts'))}`,
    `export { parseIcs } from ${JSON.stringify(join(ROOT, 'src/domain/holidays/parse-ics.ts'))}`,
    `export { csvTable } from ${JSON.stringify(join(ROOT, 'src/export/csv.ts'))}`,
  ].join('\n'))
  const out = join(dir, 'ours.mjs')
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', nodePaths: [join(ROOT, 'node_modules')] })
  return import(pathToFileURL(out).href)
}

const o = await ours()
const octets = (s) => Buffer.byteLength(s, 'utf8')
const section = (title) => console.log(`\n## ${title}\n`)
/** A Markdown table: the first row is the header. */
const printTable = (rows) => rows.forEach((row, i) => console.log(`| ${row.join(' | ')} |${i === 0 ? `\n|${row.map(() => '---').join('|')}|` : ''}`))

// ---------------------------------------------------------------- width
section('Terminal display width (columns a terminal gives the text)')
const stringWidth7 = (await import(pathToFileURL(own.resolve('string-width')).href)).default
const stringWidth8 = (await import(pathToFileURL(libs.resolve('string-width')).href)).default
// Expected: what a terminal following Unicode's East Asian Width and emoji
// presentation draws (UAX #11, UTS #51); a ZWJ sequence or a flag is one glyph of two columns.
const WIDTH_CASES = [
  ['ASCII', 'Alice Wong', 10],
  ['Chinese name', '王小明', 6],
  ['mixed', 'Li 李雷 (lead)', 14],
  ['fullwidth punctuation', '周一，周二', 10],
  ['Hangul', '김민수', 6],
  ['combining accent', 'Zoe\u0301', 3],
  ['colour codes', '\u001b[31m红\u001b[39m', 2],
  ['emoji', '🎉', 2],
  ['emoji + VS16', '❤\ufe0f', 2],
  ['skin tone', '👍🏽', 2],
  ['ZWJ family', '👨\u200d👩\u200d👧', 2],
  ['flag', '🇨🇳', 2],
  ['keycap', '1\ufe0f\u20e3', 2],
  ['text-style symbol', '©', 1],
]
const widthTable = [['case', 'text', 'expected', 'ours', 'string-width 7', 'string-width 8']]
const score = { ours: 0, sw7: 0, sw8: 0 }
for (const [name, text, expected] of WIDTH_CASES) {
  const r = [o.displayWidth(text), stringWidth7(text), stringWidth8(text)]
  if (r[0] === expected) score.ours++
  if (r[1] === expected) score.sw7++
  if (r[2] === expected) score.sw8++
  widthTable.push([name, JSON.stringify(text), expected, ...r].map(String))
}
printTable(widthTable)
console.log(`\nright: ours ${score.ours}/${WIDTH_CASES.length}, string-width 7 ${score.sw7}/${WIDTH_CASES.length}, string-width 8 ${score.sw8}/${WIDTH_CASES.length}`)

// ---------------------------------------------------------------- folding
section('iCalendar folding (RFC 5545 3.1: lines of at most 75 octets, a fold never inside a UTF-8 character)')
const ICAL = own('ical.js')
const icalGenerator = libs('ical-generator')
// RFC 5545 3.1's own example, a DESCRIPTION long enough to fold, and the same in Chinese.
const RFC_DESCRIPTION = 'This is a long description that exists on a long line. It goes on and on and on and on and on and on and on.'
const TEXTS = [
  ['RFC 5545 3.1 example (English)', RFC_DESCRIPTION],
  ['Chinese (3 octets a character)', '春节值班：'.repeat(12) + '请提前十分钟到岗。'],
  ['emoji (4 octets)', '🎉 '.repeat(40)],
]
/** Longest physical line in octets, whether every line is valid UTF-8 on its own, and whether unfolding gives the text back. */
function inspect(ics, text) {
  const physical = ics.split('\r\n')
  const longest = Math.max(...physical.map(octets))
  const wholeChars = physical.every((l) => !Buffer.from(l, 'utf8').toString('utf8').includes('\ufffd') && !/[\ud800-\udfff]/.test(l.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')))
  const unfolded = ics.replace(/\r\n[ \t]/g, '')
  const back = unfolded.includes(text.replace(/,/g, '\\,'))
  return { longest, wholeChars, back }
}
function viaIcalJs(text) {
  const cal = new ICAL.Component('vcalendar')
  const ev = new ICAL.Component('vevent')
  ev.addPropertyWithValue('description', text)
  cal.addSubcomponent(ev)
  return cal.toString()
}
function viaOurs(text) {
  return viaIcalJs(text).replace(/\r\n[ \t]/g, '').split('\r\n').map((l) => o.foldLine(l)).join('\r\n')
}
function viaIcalGenerator(text) {
  const cal = icalGenerator.default ? icalGenerator.default() : icalGenerator()
  cal.createEvent({ start: new Date('2027-01-01T09:00:00Z'), end: new Date('2027-01-01T17:00:00Z'), summary: 'x', description: text, id: 'x@roster' })
  return cal.toString()
}
const foldTable = [['text', 'writer', 'longest line (octets)', 'no split character', 'unfolds to the text']]
for (const [name, text] of TEXTS) {
  for (const [writer, fn] of [['ours (ical.js + foldLine)', viaOurs], ['ical.js alone', viaIcalJs], ['ical-generator 10', viaIcalGenerator]]) {
    const r = inspect(fn(text), text)
    foldTable.push([name, writer, r.longest, r.wholeChars ? 'yes' : 'NO', r.back ? 'yes' : 'NO'].map(String))
  }
}
printTable(foldTable)

// ---------------------------------------------------------------- parsing
section('iCalendar reading (RFC 5545 examples as holiday files)')
const nodeIcal = libs('node-ical')
const CRLF = (lines) => lines.join('\r\n') + '\r\n'
// RFC 5545 3.6.1's all-day anniversary example (a yearly RRULE), 3.8.2.2's DTEND
// exclusive for a multi-day event, 3.1's folded line, 3.3.11's escaped comma.
const ICS_CASES = [
  ['3.6.1 yearly all-day, with COUNT', CRLF(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//RDU Software//NONSGML HandCal//EN', 'BEGIN:VEVENT', 'UID:19970901T130000Z-123403@example.com', 'DTSTAMP:19970901T130000Z', 'DTSTART;VALUE=DATE:19971102', 'SUMMARY:Our Blissful Anniversary', 'RRULE:FREQ=YEARLY;COUNT=3', 'END:VEVENT', 'END:VCALENDAR']),
    ['1997-11-02', '1998-11-02', '1999-11-02']],
  ['3.6.1 multi-day, DTEND exclusive', CRLF(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'BEGIN:VEVENT', 'UID:20070423T123432Z-541111@example.com', 'DTSTAMP:20070423T123432Z', 'DTSTART;VALUE=DATE:20070628', 'DTEND;VALUE=DATE:20070709', 'SUMMARY:Festival International de Jazz de Montreal', 'TRANSP:TRANSPARENT', 'END:VEVENT', 'END:VCALENDAR']),
    ['2007-06-28', '2007-06-29', '2007-06-30', '2007-07-01', '2007-07-02', '2007-07-03', '2007-07-04', '2007-07-05', '2007-07-06', '2007-07-07', '2007-07-08']],
  ['3.1 folded SUMMARY, 3.3.11 escaped comma', CRLF(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'BEGIN:VEVENT', 'UID:1@example.com', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:New Year\\, the first day of the year: a long name that', '  is folded', 'END:VEVENT', 'END:VCALENDAR']),
    ['2027-01-01']],
  ['a month 13 (must be refused)', CRLF(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'BEGIN:VEVENT', 'UID:2@example.com', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20271301', 'SUMMARY:Nowhere', 'END:VEVENT', 'END:VCALENDAR']),
    'refused'],
]
const parseTable = [['case', 'expected', 'ours (parse-ics on ical.js)', 'node-ical 0.26 (dates of its events)']]
for (const [name, text, expected] of ICS_CASES) {
  const mine = o.parseIcs(text, ICAL)
  const ourDates = 'error' in mine ? 'refused' : mine.holidays.map((h) => h.date).join(' ')
  let theirs
  try {
    const data = nodeIcal.sync.parseICS(text)
    const dates = []
    for (const ev of Object.values(data).filter((v) => v.type === 'VEVENT')) {
      const starts = ev.rrule ? ev.rrule.all() : [ev.start]
      const span = ev.end ? Math.round((ev.end - ev.start) / 86_400_000) : 1
      for (const s of starts) for (let i = 0; i < Math.max(1, span); i++) dates.push(new Date(Date.UTC(s.getFullYear(), s.getMonth(), s.getDate() + i)).toISOString().slice(0, 10))
    }
    theirs = dates.join(' ')
  } catch (e) {
    theirs = `refused (${String(e.message).slice(0, 40)})`
  }
  const want = Array.isArray(expected) ? expected.join(' ') : expected
  const mark = (got) => (got === want || (want === 'refused' && got.startsWith('refused')) ? `right: ${got}` : `WRONG: ${got}`)
  parseTable.push([name, want, mark(ourDates), mark(theirs)])
}
printTable(parseTable)
const folded = o.parseIcs(ICS_CASES[2][1], ICAL)
console.log(`\nours reads the folded, escaped name as: ${JSON.stringify(folded.holidays?.[0]?.name)}`)

// ---------------------------------------------------------------- CSV
section('CSV formula cells (OWASP CSV injection): our former neutraliseCell against csv-stringify escape_formulas')
const { stringify } = own('csv-stringify/sync')
// neutraliseCell as src/export/csv.ts had it until decision 0005 (commit 8a7f97b and before).
const formerNeutraliseCell = (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
const CELLS = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'Alice', '王小明', "'quoted", '=HYPERLINK("http://x")', ' =1', 'a=1']
const csvTable = [['cell', 'ours before (neutraliseCell + stringify)', 'csv-stringify escape_formulas', 'csvTable now']]
let same = 0
for (const c of CELLS) {
  const before = stringify([[formerNeutraliseCell(c)]], { record_delimiter: 'unix' })
  const lib = stringify([[c]], { record_delimiter: 'unix', escape_formulas: true })
  const now = o.csvTable([[c]])
  if (before === lib && lib === now) same++
  csvTable.push([JSON.stringify(c), JSON.stringify(before), JSON.stringify(lib), JSON.stringify(now)])
}
printTable(csvTable)
console.log(`\nthe same bytes for ${same}/${CELLS.length} cells`)
