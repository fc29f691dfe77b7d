import { describe, expect, it } from 'vitest'
import { escapeHtml, html, rowHeightMm, toHtml } from '../../src/export/html.js'
import { aStaff } from '../support/builders.js'
import { aModel, HOSTILE } from './support.js'

const OPTIONS = { layout: 'grid' as const, timeZone: 'Europe/Berlin' }

/** The text of the page with tags removed and the common entities decoded. */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

describe('escaping', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it('escapes whatever the html tag interpolates, but not markup the tag made', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p>${inner}${HOSTILE.img}</p>`.text).toBe('<p><b>&lt;i&gt;</b>&lt;img src=x onerror=alert(1)&gt;</p>')
  })

  it('renders hostile names, holiday names and shift names inert, in both layouts', () => {
    const evil = aStaff({ id: 'ana', name: HOSTILE.img })
    const model = aModel({
      people: [evil],
      staff: [evil],
      holidays: [{ date: '2027-01-08', name: '<script>alert(2)</script>' }],
      shifts: aModel().shifts.map((s) => ({ ...s, name: `${s.name}"><svg onload=alert(3)>` })),
    })
    for (const layout of ['grid', 'dates-down'] as const) {
      const page = toHtml(model, { ...OPTIONS, layout })
      expect(page).not.toMatch(/<img|<script|<svg/i)
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(page).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
      expect(visibleText(page)).toContain(HOSTILE.img)
    }
  })
})

describe('toHtml', () => {
  it('is a standalone A4-landscape page: inline CSS, nothing loaded from anywhere', () => {
    const page = toHtml(aModel(), OPTIONS)
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(page).toContain('<meta charset="utf-8">')
    expect(page).toContain('@page { size: A4 landscape;')
    expect(page).toContain('@media screen')
    expect(page).not.toMatch(/<link|<script|src=|url\(|@import|https?:/i)
  })

  it('prints one sheet per cycle, each with its own title', () => {
    expect(toHtml(aModel(), OPTIONS).match(/<section class="sheet">/g)).toHaveLength(1)
    const page = toHtml(aModel({ from: '2027-02-01', to: '2027-02-28' }), OPTIONS)
    expect(page.match(/<section class="sheet">/g)).toHaveLength(2)
    expect(visibleText(page)).toContain('Duty roster Mon 2027-02-01 to Sun 2027-02-21 Sheet 1 of 2 · 3-week cycle')
    expect(visibleText(page)).toContain('Duty roster Mon 2027-02-22 to Sun 2027-02-28 Sheet 2 of 2 · 3-week cycle (7 days shown)')
  })

  it('has a row per person with a shift code per date and a total, and the open places', () => {
    const text = visibleText(toHtml(aModel(), OPTIONS))
    expect(text).toContain('ana Ana Souza A 1')
    expect(text).toContain('chen Chen Jie 陈杰 C B A 3')
    // Mon: B; Tue: A C; Wed, Thu: A B C; Fri: B C (a holiday); Sat, Sun: A B C.
    expect(text).toContain('Open nobody on it yet B A C A B C A B C B C A B C A B C')
  })

  it('marks weekends and holidays, and lists the holidays by name', () => {
    const page = toHtml(aModel(), OPTIONS)
    expect(page).toContain('<th class="day hol" scope="col" title="Founders Day 建厂日"><span class="wd">Fri</span><span class="dn">08</span><span class="mark">HOL</span></th>')
    expect(page).toContain('<th class="day we" scope="col"><span class="wd">Sat</span><span class="dn">09</span></th>')
    expect(page).toContain('<th class="day " scope="col"><span class="wd">Thu</span><span class="dn">07</span></th>')
    expect(visibleText(page)).toContain('Holidays: Fri 2027-01-08 Founders Day 建厂日')
  })

  it('has a legend with every shift code, its hours and office or remote', () => {
    const text = visibleText(toHtml(aModel(), OPTIONS))
    expect(text).toContain('A Day · 09:00-17:00 · office B Late · 12:00-20:00 · office C Evening · 20:00-22:00 · remote (from home) weekend holiday')
  })

  it('shows the revision and the generation time in the zone', () => {
    expect(visibleText(toHtml(aModel(), OPTIONS))).toContain('Revision 42 Generated 2027-01-06 10:30 (Europe/Berlin)')
  })

  it('lists approved swaps in the footer, exchanges and paybacks', () => {
    const page = toHtml(aModel({ swaps: [{ id: 7, requester: 'ana', counterpart: 'chen', date: '2027-01-05', payback: null }, { id: 9, requester: 'chen', counterpart: 'ana', date: '2027-01-06', payback: '2027-01-09' }] }), OPTIONS)
    const text = visibleText(page)
    expect(text).toContain('Approved swaps # Date Requester (gives the shift) Counterpart (works it) Paid back')
    expect(text).toContain('7 Tue 2027-01-05 Ana Souza (ana) Chen Jie 陈杰 (chen) exchange on the day')
    expect(text).toContain('9 Wed 2027-01-06 Chen Jie 陈杰 (chen) Ana Souza (ana) Sat 2027-01-09, by the requester')
    expect(visibleText(toHtml(aModel({ swaps: [] }), OPTIONS))).toContain('No approved swaps in this period.')
  })

  it('puts dates down and people across with --layout dates-down', () => {
    const text = visibleText(toHtml(aModel(), { ...OPTIONS, layout: 'dates-down' }))
    expect(text).toContain('Date Day ana Ana Souza chen Chen Jie 陈杰 Open Holiday')
    expect(text).toContain('2027-01-04 Mon A C B')
    expect(text).toContain('2027-01-08 Fri A B C Founders Day 建厂日')
  })

  it('shows one person without an open row, and an empty range says so', () => {
    const one = visibleText(toHtml(aModel({ person: aModel().people[0]!, people: [aModel().people[0]!], entries: aModel().entries.slice(0, 1) }), OPTIONS))
    expect(one).toContain('One sheet · 3-week cycle (7 days shown) · Ana Souza (ana)')
    expect(one).not.toContain('Open')
    const empty = visibleText(toHtml(aModel({ entries: [] }), OPTIONS))
    expect(empty).toContain('Nobody is on the roster from 2027-01-04 to 2027-01-10.')
    expect(empty).not.toContain('nobody on it yet')
  })
})

describe('rowHeightMm', () => {
  it('fills the page for a small team and shrinks to a minimum for a big one', () => {
    expect(rowHeightMm(5, 5, 7, 18)).toBe(18)
    expect(rowHeightMm(10, 5, 7, 18)).toBe(13.7)
    expect(rowHeightMm(40, 5, 7, 18)).toBe(7)
  })
})
