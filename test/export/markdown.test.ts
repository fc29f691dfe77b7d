import { describe, expect, it } from 'vitest'
import { escapeMarkdown, toMarkdown } from '../../src/export/markdown.js'
import { aStaff } from '../support/builders.js'
import { aModel, HOSTILE } from './support.js'

const TWO_DAYS = { from: '2027-01-04', to: '2027-01-05' }

describe('escapeMarkdown', () => {
  it('backslashes the characters that make markup or end a cell, and turns <, > and & into entities', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('`code`')).toBe('\\`code\\`')
    expect(escapeMarkdown('*bold* _it_')).toBe('\\*bold\\* \\_it\\_')
    expect(escapeMarkdown('[x](http://y)')).toBe('\\[x\\](http://y)')
    expect(escapeMarkdown(HOSTILE.img)).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeMarkdown('a\\b & c')).toBe('a\\\\b &amp; c')
    expect(escapeMarkdown('two\nlines')).toBe('two lines')
    // Near miss: ordinary names and Chinese pass through.
    expect(escapeMarkdown('Chen Jie 陈杰')).toBe('Chen Jie 陈杰')
  })
})

describe('toMarkdown', () => {
  it('puts dates down and shifts across by default, with open places, the legend and the revision', () => {
    expect(toMarkdown(aModel({ ...TWO_DAYS, holidays: [] }), { layout: 'shifts' })).toBe(
      [
        '## Roster 2027-01-04 to 2027-01-05',
        '',
        '| Date | Day | A 09:00-17:00 | B 12:00-20:00 | C 20:00-22:00 (remote) |',
        '| --- | --- | --- | --- | --- |',
        '| 2027-01-04 | Mon | ana | (open) | chen |',
        '| 2027-01-05 | Tue | (open) | chen | (open) |',
        '',
        'Shifts: A Day 09:00-17:00 office; B Late 12:00-20:00 office; C Evening 20:00-22:00 remote (from home). Weekends are marked \\*.',
        '',
        'People: ana Ana Souza; chen Chen Jie 陈杰.',
        '',
        'Revision 42.',
        '',
      ].join('\n'),
    )
  })

  it('adds a holiday column and marks weekends', () => {
    const text = toMarkdown(aModel(), { layout: 'shifts' })
    expect(text).toContain('| Date | Day | A 09:00-17:00 | B 12:00-20:00 | C 20:00-22:00 (remote) | Holiday |')
    expect(text).toContain('| 2027-01-08 | Fri | chen | (open) | (open) | Founders Day 建厂日 |')
    expect(text).toContain('| 2027-01-09 | Sat\\* | (open) | (open) | (open) |  |')
    expect(text).toContain('Holidays: 2027-01-08 Founders Day 建厂日.')
  })

  it('offers the people-by-dates grid, dates down with people across, and one row per shift', () => {
    const model = aModel({ ...TWO_DAYS, holidays: [] })
    expect(toMarkdown(model, { layout: 'grid' })).toContain(['| Staff | 01-04 Mon | 01-05 Tue |', '| --- | :---: | :---: |', '| ana | A |  |', '| chen | C | B |'].join('\n'))
    expect(toMarkdown(model, { layout: 'dates-down' })).toContain(['| Date | Day | ana | chen |', '| --- | --- | :---: | :---: |', '| 2027-01-04 | Mon | A | C |', '| 2027-01-05 | Tue |  | B |'].join('\n'))
    expect(toMarkdown(model, { layout: 'rows' })).toContain(
      ['| Date | Day | Shift | Hours | Where | Staff | Name |', '| --- | --- | --- | --- | --- | --- | --- |', '| 2027-01-04 | Mon | A | 09:00-17:00 | office | ana | Ana Souza |', '| 2027-01-04 | Mon | C | 20:00-22:00 | remote | chen | Chen Jie 陈杰 |', '| 2027-01-05 | Tue | B | 12:00-20:00 | office | chen | Chen Jie 陈杰 |'].join('\n'),
    )
  })

  it('keeps hostile names from breaking the table or becoming markup', () => {
    const evil = aStaff({ id: 'ana', name: 'a|b `x` *y* _z_ <img src=x onerror=alert(1)>' })
    const text = toMarkdown(aModel({ ...TWO_DAYS, staff: [evil], people: [evil] }), { layout: 'rows' })
    const line = text.split('\n').find((l) => l.includes('| ana |'))!
    expect(line).toBe('| 2027-01-04 | Mon | A | 09:00-17:00 | office | ana | a\\|b \\`x\\` \\*y\\* \\_z\\_ &lt;img src=x onerror=alert(1)&gt; |')
    // Unescaped pipes split cells: the row still has exactly 7.
    expect(line.split(/(?<!\\)\|/).length - 2).toBe(7)
    expect(text).not.toContain('<img')
  })

  it('says so when nobody is on the roster', () => {
    expect(toMarkdown(aModel({ entries: [] }), { layout: 'shifts' })).toContain('Nobody is on the roster from 2027-01-04 to 2027-01-10.')
  })
})
