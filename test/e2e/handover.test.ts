import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster, STACK_TRACE } from '../support/cli.js'

const NOW = '2027-01-06T10:30:00'

describe('roster handover', () => {
  it('staff write notes for a shift and anyone reads the day back', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['handover', 'add', '--shift', 'A', '--note', 'Headset 3 crackles; ticket #88 waits for a call back'], { db, as: 'ana', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.handover).toMatchObject({ date: '2027-01-06', shift: 'A', staff: 'ana' })
    expect(roster(['handover', 'add', '--shift', 'C', '--date', '2027-01-06', '--note', '交接：服务器重启完成'], { db, as: 'ben', now: NOW }).code).toBe(0)
    const list = roster(['handover', 'list', '--date', '2027-01-06'], { db, json: true, now: NOW }).json.handovers
    expect(list.map((h: any) => [h.shift, h.staff, h.note])).toEqual([
      ['A', 'ana', 'Headset 3 crackles; ticket #88 waits for a call back'],
      ['C', 'ben', '交接：服务器重启完成'],
    ])
    expect(roster(['handover', 'list'], { db, now: NOW }).out).toContain('Headset 3')
    expect(roster(['log'], { db, json: true, now: NOW }).json.entries.at(-1)).toMatchObject({ actor: 'ben', action: 'handover.add' })
  })

  it('refuses bad input with exit 2 and writes nothing', () => {
    const db = demoDb({ now: NOW })
    const h = fileHash(db)
    for (const args of [
      ['handover', 'add', '--shift', 'Z', '--note', 'x'],
      ['handover', 'add', '--shift', 'A', '--note', '   '],
      ['handover', 'add', '--shift', 'A', '--note', 'bell\u0007'],
      ['handover', 'add', '--shift', 'A', '--note', 'x', '--date', '2027-02-30'],
      ['handover', 'add', '--shift', 'A'],
    ]) {
      const r = roster(args, { db, as: 'ana', now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(roster(['handover', 'add', '--shift', 'A', '--note', 'x'], { db, now: NOW }).code).toBe(2)
    expect(fileHash(db)).toBe(h)
  })
})
