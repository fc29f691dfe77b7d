import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { roster, tempDir, STACK_TRACE } from '../support/cli.js'
import { NOW, rosterDb } from './swap-support.js'

describe('roster swap form', () => {
  it('prints the registration form with both people, the shifts, the reason and three signature lines', () => {
    const db = rosterDb()
    const req = roster(['swap', 'request', '--date', '2027-01-04', '--with', 'chen', '--reason', 'Doctor <b>appointment</b> & "tests"'], { db, as: 'ben', json: true, now: NOW })
    expect(req.code, req.err).toBe(0)
    const id = String(req.json.swap.id)
    const pending = roster(['swap', 'form', id], { db, now: NOW })
    expect(pending.code).toBe(0)
    const html = pending.out
    expect(html).toContain('换班登记表')
    expect(html).toContain('Shift swap registration form')
    expect(html).toContain('Ben Okafor')
    expect(html).toContain('Chen Jie 陈杰')
    // Ben had A and Chen had B on 2027-01-04: after the swap Ben works B and Chen works A.
    expect(html).toContain('<tr><td>2027-01-04</td><td>A</td><td>09:00-17:00</td><td>ben</td><td>chen</td></tr>')
    expect(html).toContain('<tr><td>2027-01-04</td><td>B</td><td>12:00-20:00</td><td>chen</td><td>ben</td></tr>')
    expect(html).toContain('Doctor &lt;b&gt;appointment&lt;/b&gt; &amp; &quot;tests&quot;')
    expect(html).not.toContain('<b>appointment</b>')
    for (const label of ["换班人签字 Requester's signature", "对换人签字 Counterpart's signature", "部门经理签字 Manager's signature"]) expect(html).toContain(label)
    expect(html).toContain('待对方同意 pending')

    expect(roster(['swap', 'accept', id], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['swap', 'approve', id], { db, as: 'mei', now: NOW }).code).toBe(0)
    const out = join(tempDir('form'), 'swap.html')
    const written = roster(['swap', 'form', id, '-o', out], { db, now: NOW })
    expect(written.code).toBe(0)
    const approved = readFileSync(out, 'utf8')
    expect(approved).toContain('已批准 approved')
    // After approval the roster changed; the form still names the shifts as approval moved them.
    expect(approved).toContain('<tr><td>2027-01-04</td><td>A</td><td>09:00-17:00</td><td>ben</td><td>chen</td></tr>')
    expect(approved).toContain('<td>mei</td>')
  })

  it('a cover lists the shift taken and the payback shift', () => {
    // Paying back on a day off makes a run of 7 in this roster: allow it here.
    const db = rosterDb({ config: { 'roster.max-consecutive-days': '7' } })
    const req = roster(['swap', 'request', '--date', '2027-01-04', '--with', 'ana', '--payback', '2027-01-09'], { db, as: 'ben', json: true, now: NOW })
    expect(req.code, req.err).toBe(0)
    const form = roster(['swap', 'form', String(req.json.swap.id), '--json'], { db, now: NOW })
    expect(form.code).toBe(0)
    expect(JSON.parse(form.out).lines).toEqual([
      { date: '2027-01-04', shift: 'A', hours: '09:00-17:00', remote: false, scheduled: 'ben', works: 'ana' },
      { date: '2027-01-09', shift: 'C', hours: '20:00-22:00', remote: true, scheduled: 'ana', works: 'ben' },
    ])
  })

  it('an unknown swap or a missing folder is bad input (exit 2)', () => {
    const db = rosterDb()
    for (const args of [['swap', 'form', '999'], ['swap', 'form', 'abc'], ['swap', 'form', '1', '-o', join(tempDir('form'), 'no', 'x.html')]]) {
      const r = roster(args, { db, now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
  })
})
