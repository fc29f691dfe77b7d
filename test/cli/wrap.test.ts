import { describe, expect, it } from 'vitest'
import { wrapIndented } from '../../src/cli/render/wrap.js'
import { displayWidth } from '../../src/cli/render/width.js'

describe('wrapIndented', () => {
  it('breaks between words, never inside one, and indents the lines after the first', () => {
    expect(wrapIndented('ana already takes part in 3 swaps in 2027-01; at most 3 per month', 30, '  ')).toBe('ana already takes part in 3\n  swaps in 2027-01; at most 3\n  per month')
  })

  it('counts a Chinese character as two columns, breaks between two of them, never before a closing mark', () => {
    const out = wrapIndented('ben 在 2026-12-21（周一）代 ana 的班；ana 在 2026-12-23（周三）还班。', 24)
    expect(out).toBe('ben 在 2026-12-21（周\n一）代 ana 的班；ana 在\n2026-12-23（周三）还班。')
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(24)
  })

  it('leaves a line that fits alone, and cuts only a word wider than the whole line', () => {
    expect(wrapIndented('fits exactly', 12)).toBe('fits exactly')
    expect(wrapIndented('see /a/very/long/path/name', 12)).toBe('see\n/a/very/long\n/path/name')
  })
})
