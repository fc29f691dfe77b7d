import { stripVTControlCharacters } from 'node:util'
import { Chalk } from 'chalk'
import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { renderCheck } from '../../src/cli/render/check.js'
import { gapRuns } from '../../src/views/check.js'
import type { RenderStyle } from '../../src/cli/render/roster.js'
import { rosterEntries } from '../../src/views/roster.js'
import { renderShow, type RosterView } from '../../src/cli/render/show.js'
import { renderStats } from '../../src/cli/render/stats.js'
import { renderWho } from '../../src/cli/render/who.js'
import { en } from '../../src/i18n/index.js'
import { aStaff, anAssignment, DEMO_SHIFTS, MON, SAT, TUE } from '../support/builders.js'

const PLAIN: RenderStyle = { color: false, c: new Chalk({ level: 0 }), t: en }
const COLOUR: RenderStyle = { color: true, c: new Chalk({ level: 1 }), t: en }

const PEOPLE = [
  aStaff({ id: 'mei', name: '林梅', role: 'lead' }),
  aStaff({ id: 'chen', name: 'Chen Jie 陈杰' }),
  aStaff({ id: 'zhang', name: '张伟伟伟伟' }),
  aStaff({ id: 'ana', name: 'Ana' }),
]

const VIEW: RosterView = {
  from: MON,
  to: SAT,
  shifts: DEMO_SHIFTS,
  assignments: [
    anAssignment(MON, 'A', 'chen'),
    anAssignment(MON, 'B', 'zhang'),
    anAssignment(MON, 'C', 'mei'),
    anAssignment(TUE, 'A', 'zhang'),
    anAssignment(TUE, 'C', 'chen'),
    anAssignment(SAT, 'A', 'ana'),
  ],
  holidays: [{ date: TUE, name: '春节 Spring Festival' }],
  people: PEOPLE,
  bounds: { from: MON, to: SAT },
}

/** The lines of the first table in `text` (from its top border to its bottom border). */
function tableLines(text: string): string[] {
  const lines = stripVTControlCharacters(text).split('\n')
  const top = lines.findIndex((l) => l.startsWith('┌'))
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'))
  return lines.slice(top, bottom + 1)
}

function expectAligned(text: string): void {
  const lines = tableLines(text)
  expect(lines.length).toBeGreaterThan(3)
  const widths = new Set(lines.map((l) => stringWidth(l)))
  expect([...widths], lines.join('\n')).toHaveLength(1)
}

describe('render: Chinese names and holiday names keep every table row the same display width', () => {
  it.each([
    ['the grid', () => renderShow(VIEW, 'grid', PLAIN)],
    ['the grid in colour', () => renderShow(VIEW, 'grid', COLOUR)],
    ['the sheet (--across)', () => renderShow(VIEW, 'across', PLAIN)],
    ['the sheet in colour', () => renderShow(VIEW, 'across', COLOUR)],
    ['stats', () => renderStats({ month: '2027-01', from: '2027-01-01', to: '2027-01-31', shifts: ['A', 'B', 'C'], swapLimit: 3, staff: PEOPLE.map((p, i) => ({ id: p.id, name: p.name, shifts: { A: i, B: 1, C: 10 }, total: i + 11, weekend: 2, holiday: 0, swaps: i })) }, COLOUR)],
    ['who', () => renderWho({ at: `${MON}T12:00`, date: MON, minute: 720, inServiceHours: true, next: [], onDuty: PEOPLE.map((p) => ({ staff: p.id, name: p.name, shift: 'A', start: '09:00', end: '17:00', remote: false, date: MON })) }, PLAIN)],
  ])('%s', (_name, render) => {
    expectAligned(render())
  })

  it('a wide name actually widens its column (the test can fail)', () => {
    const lines = tableLines(renderShow(VIEW, 'across', PLAIN))
    const zhang = lines.find((l) => l.startsWith('│ zhang'))!
    // 张伟伟伟伟 is 5 characters but 10 columns wide.
    expect(zhang.length).toBeLessThan(stringWidth(zhang))
  })
})

describe('render: colour', () => {
  it('paints shift types only when colour is on', () => {
    expect(renderShow(VIEW, 'grid', PLAIN)).not.toMatch(/\u001b\[/)
    const coloured = renderShow(VIEW, 'grid', COLOUR)
    expect(coloured).toContain('\u001b[36mchen\u001b[39m') // A in cyan
    expect(coloured).toContain('\u001b[32mzhang\u001b[39m') // B in green
    expect(stripVTControlCharacters(coloured)).toBe(renderShow(VIEW, 'grid', PLAIN))
  })
})

describe('render: roster entries (the show --json rows)', () => {
  it('sorts by date then shift start and flags holidays and remote shifts', () => {
    const entries = rosterEntries([anAssignment(TUE, 'C', 'chen'), anAssignment(TUE, 'A', 'zhang'), anAssignment(MON, 'B', 'ana')], DEMO_SHIFTS, VIEW.holidays)
    expect(entries).toEqual([
      { date: MON, shift: 'B', staff: 'ana', start: '12:00', end: '20:00', remote: false, holiday: false },
      { date: TUE, shift: 'A', staff: 'zhang', start: '09:00', end: '17:00', remote: false, holiday: true },
      { date: TUE, shift: 'C', staff: 'chen', start: '20:00', end: '22:00', remote: true, holiday: true },
    ])
  })
})

describe('render: check', () => {
  it('folds the same gap on consecutive days into one line, and keeps breaks apart', () => {
    const gap = (date: string, from = 1320, to = 1440) => ({ date, from, to })
    expect(gapRuns([gap('2027-01-04'), gap('2027-01-05'), gap('2027-01-05', 1020, 1200), gap('2027-01-06'), gap('2027-01-08')])).toEqual([
      { from: 1320, to: 1440, first: '2027-01-04', last: '2027-01-06' },
      { from: 1020, to: 1200, first: '2027-01-05', last: '2027-01-05' },
      { from: 1320, to: 1440, first: '2027-01-08', last: '2027-01-08' },
    ])
  })

  it('prints the verdict last', () => {
    const text = renderCheck({ from: MON, to: TUE, scope: 'the dates asked for', ok: false, serviceHours: { from: 540, to: 1440 }, uncoverable: [], gaps: [{ date: MON, from: 1320, to: 1440 }, { date: TUE, from: 1320, to: 1440 }], violations: [], fairness: null }, PLAIN)
    expect(text).toBe([
      `Checked ${MON} to ${TUE} (the dates asked for).`,
      '',
      'Service hours 09:00-24:00: 2 gaps with nobody on duty.',
      `  22:00-24:00  ${MON} to ${TUE} (every day, 2 days)`,
      '',
      'Roster rules: all kept.',
      '',
      'Result: FAILED: 2 gaps, 0 rule violations.',
    ].join('\n'))
  })

  it('names service hours no shift covers once, as a setup finding, and passes a roster without gaps', () => {
    const text = renderCheck({ from: MON, to: TUE, scope: 'the dates asked for', ok: true, serviceHours: { from: 540, to: 1440 }, uncoverable: [{ from: 1320, to: 1440 }], gaps: [], violations: [], fairness: null }, PLAIN)
    expect(text).toBe([
      `Checked ${MON} to ${TUE} (the dates asked for).`,
      '',
      'Setup: no shift covers 22:00-24:00 of the service hours: add a shift or change service.hours.',
      'Service hours 09:00-24:00: every hour a shift covers is staffed.',
      '',
      'Roster rules: all kept.',
      '',
      'Result: OK.',
    ].join('\n'))
  })
})
