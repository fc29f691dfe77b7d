import { describe, expect, it } from 'vitest'
import { foldLine, ICS_LINE_OCTETS } from '../../src/export/ics.js'

const octets = (s: string) => Buffer.byteLength(s, 'utf8')

describe('foldLine (RFC 5545 3.1)', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75))
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`)
  })

  it('counts the leading space of a continuation line and never splits a UTF-8 character', () => {
    const line = `DESCRIPTION:${'陈杰'.repeat(40)}😀😀😀`
    const parts = foldLine(line).split('\r\n')
    expect(parts.length).toBeGreaterThan(2)
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(ICS_LINE_OCTETS)
      expect(p).not.toMatch(/\uFFFD/)
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p)
    }
    parts.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true))
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line)
    // A three-octet character that would reach octet 76 goes whole to the next line.
    expect(octets(parts[0]!)).toBe(75 - ((75 - 12) % 3))
  })
})
