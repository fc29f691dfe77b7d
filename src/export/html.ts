// export --format html: a standalone, print-ready page (A4 landscape, inline
// CSS, nothing fetched from the network). One sheet per roster cycle, each
// printing on one page: people down and dates across (or dates down), shift
// colours with a legend, weekends and holidays marked, the approved swaps
// underneath, and when it was made with the roster's revision.
//
// Every value goes through the `html` template tag, which escapes whatever
// it interpolates unless it is markup the tag made itself.

import { dayRange, isWeekend, weekdayIndex } from '../domain/dates.js'
import type { IsoDate, ShiftType } from '../domain/types.js'
import { shiftHours } from '../views/roster.js'
import { en, type Messages } from '../i18n/index.js'
import { cycles, groupEntries, nameOf, openPlaces, type ExportModel } from './model.js'
import { formatWallClock } from './zone.js'

export type HtmlLayout = 'grid' | 'dates-down'
export const HTML_LAYOUTS: readonly HtmlLayout[] = ['grid', 'dates-down']

export interface HtmlOptions {
  layout: HtmlLayout
  /** The zone the generation time is shown in. */
  timeZone: string
  /** The language of the sheet's headings, weekdays and legend (English by default); names and ids stay as they are. */
  t?: Messages
}

/** Markup that is already safe: made by the `html` tag. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[]

function part(v: Part): string {
  if (v instanceof SafeHtml) return v.text
  if (Array.isArray(v)) return v.map(part).join('')
  if (v === null || v === undefined || v === false) return ''
  return escapeHtml(String(v))
}

/** A template tag: the literal parts are markup, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** Fill colours of the shift types, by their place in the roster order. */
export const SHIFT_COLOURS = ['#b9dcff', '#c3efbd', '#f1cdfa', '#ffe9a6', '#ffd0b5', '#cfd8e3'] as const

const CSS = `
@page { size: A4 landscape; margin: 9mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #111; font: 9.5pt/1.3 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
@media screen {
  body { background: #e6e6e6; }
  .sheet { width: 297mm; min-height: 210mm; margin: 8mm auto; padding: 9mm 10mm; background: #fff; box-shadow: 0 1px 5px rgba(0,0,0,.25); }
}
.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; border-bottom: 1.5pt solid #111; padding-bottom: 2mm; margin-bottom: 3mm; }
h1 { font-size: 17pt; margin: 0; letter-spacing: .2pt; }
h1 .range { font-weight: 400; }
.sub { margin: .5mm 0 0; font-size: 10pt; color: #333; }
.stamp { margin: 0; text-align: right; font-size: 8.5pt; color: #333; white-space: nowrap; }
.stamp b { font-size: 10pt; color: #111; }
table { border-collapse: collapse; }
table.roster { width: 100%; table-layout: fixed; }
.roster th, .roster td { border: .5pt solid #9a9a9a; text-align: center; vertical-align: middle; padding: .8mm .3mm; overflow: hidden; }
.roster thead th { background: #f3f3f3; font-weight: 600; }
.roster thead th.month { text-align: left; padding-left: 1.5mm; font-size: 9pt; }
.roster .who { width: 40mm; text-align: left; padding-left: 1.5mm; }
.roster .who .id { display: block; font-weight: 700; }
.roster .who .name { display: block; font-size: 8pt; color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.roster .total { width: 13mm; font-variant-numeric: tabular-nums; }
.roster .date { width: 24mm; font-variant-numeric: tabular-nums; }
.roster .wd-col { width: 12mm; }
.roster .hol-col { width: 45mm; text-align: left; padding-left: 1.5mm; font-size: 8.5pt; }
.roster th.day .wd { display: block; font-size: 7pt; font-weight: 400; color: #444; }
.roster th.day .dn { display: block; font-size: 10pt; }
.roster th.day .mark { display: block; font-size: 6.5pt; font-weight: 700; color: #a40000; line-height: 1; }
.roster tbody tr { height: var(--row, 9mm); }
.roster.grid .shift { font-size: 11pt; min-width: 7.5mm; }
.roster.dates-down th, .roster.dates-down td { padding: 0 .3mm; }
.roster.dates-down thead th { padding: .6mm .3mm; }
.roster.dates-down th.who, .roster.dates-down td.hol-col { padding-left: 1.5mm; }
.roster.dates-down .shift { padding: 0 1mm; line-height: 1.25; }
.roster .we, .roster thead th.we { background: #e4e4e4; }
.roster .hol, .roster thead th.hol { background: #ffdcdc; }
.roster.grid .wk, .roster.grid thead th.wk { border-left: 2px solid #333; }
.roster.dates-down tr.wk > * { border-top: 2px solid #333; }
.roster .open { color: #a40000; }
.roster tr.open-row th, .roster tr.open-row td { background: #fff5f5; font-size: 8.5pt; }
.shift { display: inline-block; min-width: 6.5mm; padding: .5mm 1mm; border: .6pt solid rgba(0,0,0,.45); border-radius: 1mm; font-weight: 700; }
.shift.remote { border-style: dashed; border-width: .9pt; font-style: italic; }
.shift.gone { background: #fff; color: #666; }
${SHIFT_COLOURS.map((c, i) => `.shift.s${i} { background: ${c}; }`).join('\n')}
.below { display: flex; flex-direction: column; gap: 1.5mm; margin-top: 2.5mm; font-size: 8pt; }
.legend { display: flex; flex-wrap: wrap; gap: 1.5mm 4mm; align-items: center; margin: 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 1.5mm; }
.swatch { display: inline-block; width: 5mm; height: 3.5mm; border: .5pt solid #9a9a9a; }
.swatch.we { background: #e4e4e4; }
.swatch.hol { background: #ffdcdc; }
.holidays { margin: 0; }
footer { margin-top: 3mm; font-size: 8.5pt; break-inside: avoid; }
footer h2 { font-size: 9.5pt; margin: 0 0 1mm; }
footer p { margin: 0; color: #333; }
table.swaps th, table.swaps td { border: .5pt solid #bbb; padding: .6mm 2mm; text-align: left; }
table.swaps th { background: #f3f3f3; }
table.swaps td.n { text-align: right; font-variant-numeric: tabular-nums; }
.empty { margin: 4mm 0; font-size: 11pt; }
`

export function toHtml(model: ExportModel, options: HtmlOptions): string {
  const t = options.t ?? en
  const parts = cycles(model.from, model.to, model.cycleWeeks)
  const sheets = parts.map((c, i) => sheet(model, options, t, c, i + 1, parts.length))
  const page = html`<!DOCTYPE html>
<html lang="${t.sheet.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roster">
<title>${t.sheet.title(model.from, model.to, model.person?.name ?? '')}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
${sheets}</body>
</html>
`
  return page.text
}

interface Cycle {
  from: IsoDate
  to: IsoDate
}

function sheet(model: ExportModel, options: HtmlOptions, t: Messages, c: Cycle, n: number, of: number): SafeHtml {
  const dates = dayRange(c.from, c.to)
  const entries = model.entries.filter((e) => e.date >= c.from && e.date <= c.to)
  const holidays = model.holidays.filter((h) => h.date >= c.from && h.date <= c.to)
  const swaps = model.swaps.filter((s) => (s.date >= c.from && s.date <= c.to) || (s.payback !== null && s.payback >= c.from && s.payback <= c.to))
  const view: SheetView = { model, t, dates, entries, holidayNames: new Map(holidays.map((h) => [h.date, h.name])), footerMm: swaps.length ? 10 + 5 * swaps.length : 5 }
  const table = options.layout === 'dates-down' ? datesDownTable(view) : gridTable(view)
  const range = t.sheet.range(`${t.weekdays[weekdayIndex(c.from)]} ${c.from}`, `${t.weekdays[weekdayIndex(c.to)]} ${c.to}`)
  const cycleNote = t.sheet.sheetOf(n, of)
  const weeks = t.sheet.cycle(model.cycleWeeks, dates.length !== model.cycleWeeks * 7 ? dates.length : null)
  const person = model.person ? html` · ${model.person.name} (${model.person.id})` : ''
  return html`<section class="sheet">
<header class="top">
<div>
<h1>${t.sheet.heading} <span class="range">${range}</span></h1>
<p class="sub">${cycleNote} · ${weeks}${person}</p>
</div>
<p class="stamp">${t.sheet.revision} <b>${model.revision}</b><br>${t.sheet.generated(formatWallClock(model.generatedAt, options.timeZone), options.timeZone)}</p>
</header>
${entries.length ? '' : html`<p class="empty">${t.sheet.nobody(c.from, c.to)}</p>\n`}${table}
<div class="below">
${legend(model, t)}
${holidays.length ? html`<p class="holidays"><b>${t.sheet.holidays}</b> ${t.semicolons(holidays.map((h) => `${t.weekdays[weekdayIndex(h.date)]} ${h.date} ${h.name}`))}</p>` : ''}
</div>
${swapFooter(model, swaps, t)}
</section>
`
}

interface SheetView {
  model: ExportModel
  t: Messages
  dates: IsoDate[]
  entries: ExportModel['entries']
  holidayNames: Map<IsoDate, string>
  /** Roughly how tall the footer under the table prints. */
  footerMm: number
}

/**
 * The height of a body row, so a sheet fills its page without spilling onto
 * a second one: A4 landscape less margins is 192 mm, of which the title,
 * the table head, the legend and the footer take their share. A team too
 * big for one page gets the minimum and continues on the next page, where
 * browsers repeat the table head.
 */
export function rowHeightMm(rows: number, footerMm: number, min: number, max: number): number {
  const available = 192 - 14 - 16 - 14 - footerMm - 6
  return Math.max(min, Math.min(max, Math.floor((available / Math.max(rows, 1)) * 10) / 10))
}

function dayClasses(v: SheetView, date: IsoDate, first: boolean): string {
  const classes: string[] = []
  if (v.holidayNames.has(date)) classes.push('hol')
  else if (isWeekend(date)) classes.push('we')
  if (weekdayIndex(date) === 0 && !first) classes.push('wk')
  return classes.join(' ')
}

function shiftBadges(model: ExportModel, codes: readonly string[]): SafeHtml {
  const index = new Map(model.shifts.map((s, i) => [s.code, i]))
  return html`${codes.map((code) => {
    const i = index.get(code)
    const s = i === undefined ? undefined : model.shifts[i]
    const colour = i === undefined ? 'gone' : `s${i % SHIFT_COLOURS.length}`
    return html`<span class="shift ${colour}${s?.remote ? ' remote' : ''}">${code}</span>`
  })}`
}

/** The shifts nobody fills on a date, as `B` or `B×2`. */
function openCell(v: SheetView, open: Map<string, number>, date: IsoDate): string {
  return v.model.shifts
    .map((s) => {
      const n = open.get(`${date}|${s.code}`) ?? 0
      return n ? (n > 1 ? `${s.code}×${n}` : s.code) : ''
    })
    .filter(Boolean)
    .join(' ')
}

function personHead(model: ExportModel, id: string, tag: 'th' | 'td' = 'th'): SafeHtml {
  const name = nameOf(model, id)
  const inner = html`<span class="id">${id}</span>${name !== id ? html`<span class="name">${name}</span>` : ''}`
  return tag === 'th' ? html`<th class="who" scope="row">${inner}</th>` : html`<td class="who">${inner}</td>`
}

/** People down, dates across: the wall sheet. */
function gridTable(v: SheetView): SafeHtml {
  const { model, dates } = v
  const mine = groupEntries(v.entries, (e) => `${e.staff}|${e.date}`)
  const months: { label: string; span: number }[] = []
  for (const d of dates) {
    const label = v.t.monthYear(v.t.months[Number(d.slice(5, 7)) - 1]!, d.slice(0, 4))
    const last = months[months.length - 1]
    if (last && last.label === label) last.span++
    else months.push({ label, span: 1 })
  }
  const open = model.person || !v.entries.length ? new Map<string, number>() : openPlaces(model, dates[0]!, dates[dates.length - 1]!)
  const head = html`<thead>
<tr><th class="who" rowspan="2" scope="col">${v.t.sheet.staff}</th>${months.map((m) => html`<th class="month" colspan="${m.span}" scope="colgroup">${m.label}</th>`)}<th class="total" rowspan="2" scope="col">${v.t.sheet.shifts}</th></tr>
<tr>${dates.map((d, i) => {
    const holiday = v.holidayNames.get(d)
    return html`<th class="day ${dayClasses(v, d, i === 0)}" scope="col"${holiday === undefined ? '' : html` title="${holiday}"`}><span class="wd">${v.t.weekdays[weekdayIndex(d)]}</span><span class="dn">${d.slice(8)}</span>${holiday === undefined ? '' : html`<span class="mark">${v.t.sheet.holidayMark}</span>`}</th>`
  })}</tr>
</thead>`
  const rows = model.people.map((p) => {
    let total = 0
    const cells = dates.map((d, i) => {
      const codes = (mine.get(`${p.id}|${d}`) ?? []).map((e) => e.shift)
      total += codes.length
      return html`<td class="${dayClasses(v, d, i === 0)}">${shiftBadges(model, codes)}</td>`
    })
    return html`<tr>${personHead(model, p.id)}${cells}<td class="total">${total}</td></tr>\n`
  })
  const openRow = open.size
    ? html`<tr class="open-row"><th class="who open" scope="row">${v.t.sheet.open}<span class="name">${v.t.sheet.openNote}</span></th>${dates.map((d, i) => html`<td class="open ${dayClasses(v, d, i === 0)}">${openCell(v, open, d)}</td>`)}<td class="total"></td></tr>\n`
    : ''
  const row = rowHeightMm(model.people.length + (open.size ? 1 : 0), v.footerMm, 7, 18)
  return html`<table class="roster grid" style="--row: ${row}mm">
${head}
<tbody>
${rows}${openRow}</tbody>
</table>`
}

/** Dates down, people across. */
function datesDownTable(v: SheetView): SafeHtml {
  const { model, dates } = v
  const mine = groupEntries(v.entries, (e) => `${e.staff}|${e.date}`)
  const open = model.person || !v.entries.length ? new Map<string, number>() : openPlaces(model, dates[0]!, dates[dates.length - 1]!)
  const withHolidays = v.holidayNames.size > 0
  const head = html`<thead>
<tr><th class="date" scope="col">${v.t.sheet.date}</th><th class="wd-col" scope="col">${v.t.sheet.day}</th>${model.people.map((p) => html`<th class="who" scope="col"><span class="id">${p.id}</span><span class="name">${p.name}</span></th>`)}${open.size ? html`<th class="open" scope="col">${v.t.sheet.open}</th>` : ''}${withHolidays ? html`<th class="hol-col" scope="col">${v.t.sheet.holiday}</th>` : ''}</tr>
</thead>`
  const rows = dates.map((d, i) => {
    const classes = dayClasses(v, d, i === 0)
    const cells = model.people.map((p) => html`<td>${shiftBadges(model, (mine.get(`${p.id}|${d}`) ?? []).map((e) => e.shift))}</td>`)
    return html`<tr class="${classes}"><th class="date" scope="row">${d}</th><td>${v.t.weekdays[weekdayIndex(d)]}</td>${cells}${open.size ? html`<td class="open">${openCell(v, open, d)}</td>` : ''}${withHolidays ? html`<td class="hol-col">${v.holidayNames.get(d) ?? ''}</td>` : ''}</tr>\n`
  })
  const row = rowHeightMm(dates.length, v.footerMm, 5.5, 9)
  return html`<table class="roster dates-down" style="--row: ${row}mm">
${head}
<tbody>
${rows}</tbody>
</table>`
}

function legend(model: ExportModel, t: Messages): SafeHtml {
  const item = (s: ShiftType) =>
    html`<li>${shiftBadges(model, [s.code])} ${t.shiftName(s.name)} · ${shiftHours(s)}${s.end <= s.start ? t.sheet.endsNextDay : ''} · ${s.remote ? t.sheet.remote : t.sheet.office}</li>`
  return html`<ul class="legend">${model.shifts.map(item)}<li><span class="swatch we"></span> ${t.sheet.weekend}</li><li><span class="swatch hol"></span> ${t.sheet.holidayLegend}</li></ul>`
}

function swapFooter(model: ExportModel, swaps: ExportModel['swaps'], t: Messages): SafeHtml {
  const person = (id: string) => {
    const name = nameOf(model, id)
    return name === id ? id : `${name} (${id})`
  }
  if (!swaps.length) return html`<footer><p>${t.sheet.noSwaps}</p></footer>`
  return html`<footer>
<h2>${t.sheet.approvedSwaps}</h2>
<table class="swaps">
<thead><tr><th>${t.sheet.swapNo}</th><th>${t.sheet.date}</th><th>${t.sheet.requester}</th><th>${t.sheet.counterpart}</th><th>${t.sheet.paidBack}</th></tr></thead>
<tbody>
${swaps.map((s) => html`<tr><td class="n">${s.id}</td><td>${t.weekdays[weekdayIndex(s.date)]} ${s.date}</td><td>${person(s.requester)}</td><td>${person(s.counterpart)}</td><td>${s.payback === null ? t.sheet.exchangeOnDay : t.sheet.paidBackOn(`${t.weekdays[weekdayIndex(s.payback)]} ${s.payback}`)}</td></tr>\n`)}</tbody>
</table>
</footer>`
}
