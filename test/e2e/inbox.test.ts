// roster inbox and the one-line hint through the built CLI (issue 15, SPEC 12).

import { describe, expect, it } from 'vitest'
import { fileHash, handDb, roster, STACK_TRACE } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z'
const lead = { as: 'mei', now: NOW }

describe('roster inbox (issue 15: done when)', () => {
  it("the counterpart's inbox lists a new request; after they accept, the lead's inbox lists it to approve", () => {
    const db = handDb(NOW)
    const empty = roster(['inbox'], { db, as: 'dev', json: true, now: NOW })
    expect(empty.code).toBe(0)
    expect(empty.json).toMatchObject({ toAnswer: [], toApprove: [], owed: [] })
    // chen gives his C on the 4th to dev, who is off that day, and pays it back by working dev's A on the 5th.
    expect(roster(['swap', 'request', '--date', '2027-01-04', '--with', 'dev', '--payback', '2027-01-05'], { db, as: 'chen', now: NOW }).code).toBe(0)
    const dev = roster(['inbox'], { db, as: 'dev', json: true, now: NOW }).json
    expect(dev.toAnswer).toEqual([expect.objectContaining({ id: 1, status: 'pending', requester: 'chen', counterpart: 'dev', date: '2027-01-04', payback: '2027-01-05' })])
    expect(Object.keys(dev).sort()).toEqual(['next', 'open', 'owed', 'staff', 'toAnswer', 'toApprove'])
    expect(roster(['inbox'], { db, json: true, ...lead }).json.toApprove).toEqual([])
    // The requester waits on nobody's answer of theirs.
    expect(roster(['inbox'], { db, as: 'chen', json: true, now: NOW }).json.toAnswer).toEqual([])

    expect(roster(['swap', 'accept', '1'], { db, as: 'dev', now: NOW }).code).toBe(0)
    expect(roster(['inbox'], { db, as: 'dev', json: true, now: NOW }).json.toAnswer).toEqual([])
    const mei = roster(['inbox'], { db, json: true, ...lead }).json
    expect(mei.toApprove).toEqual([{ kind: 'swap', id: 1, requester: 'chen', counterpart: 'dev', date: '2027-01-04', payback: '2027-01-05' }])
    const text = roster(['inbox'], { db, ...lead })
    expect(text.out).toContain('What waits on mei:')
    expect(text.out).toContain("swap #1 dev covers chen's shift on Mon 2027-01-04; chen pays it back on Tue 2027-01-05: roster swap approve 1 (or reject)")

    // Approved: chen owes the payback on the 5th; dev owes nothing.
    expect(roster(['swap', 'approve', '1'], { db, ...lead }).code).toBe(0)
    expect(roster(['inbox'], { db, json: true, ...lead }).json.toApprove).toEqual([])
    const chen = roster(['inbox'], { db, as: 'chen', json: true, now: NOW }).json
    expect(chen.owed).toEqual([expect.objectContaining({ id: 1, status: 'approved', payback: '2027-01-05' })])
    expect(roster(['inbox'], { db, as: 'dev', json: true, now: NOW }).json.owed).toEqual([])
    expect(roster(['inbox'], { db, as: 'chen', now: NOW }).out).toContain("swap #1: you work dev's shift on Tue 2027-01-05")
  })

  it('lists leave and claims to approve for a lead, open shifts the person could take and their next shifts', () => {
    const db = handDb(NOW)
    expect(roster(['assign', '2027-01-05', 'A', '--unassign', 'dev'], { db, ...lead }).code).toBe(0)
    expect(roster(['leave', 'request', '--from', '2027-01-04', '--to', '2027-01-04'], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'dev', now: NOW }).code).toBe(0)
    const mei = roster(['inbox'], { db, json: true, ...lead }).json
    expect(mei.toApprove).toEqual([
      { kind: 'leave', id: 1, staff: 'chen', from: '2027-01-04', to: '2027-01-04' },
      { kind: 'claim', id: 1, staff: 'dev', date: '2027-01-05', shift: 'A' },
    ])
    // A lead off the rotation is offered no open shifts; an agent is offered those they could take.
    expect(mei.open).toEqual([])
    const chen = roster(['inbox'], { db, as: 'chen', json: true, now: NOW }).json
    expect(chen.open).toEqual([{ date: '2027-01-05', shift: 'A', missing: 1 }])
    expect(chen.next).toEqual([{ date: '2027-01-04', shift: 'C', staff: 'chen', start: '20:00', end: '22:00', remote: true, holiday: false }])
    // ben works B on the 5th: he could not take A that day. dev claimed it already: not offered again.
    expect(roster(['inbox'], { db, as: 'ben', json: true, now: NOW }).json.open).toEqual([])
    expect(roster(['inbox'], { db, as: 'dev', json: true, now: NOW }).json.open).toEqual([])
    // The lead decides, and the claim leaves the inbox.
    expect(roster(['open', 'approve', '1'], { db, ...lead }).code).toBe(0)
    expect(roster(['inbox'], { db, json: true, ...lead }).json.toApprove.map((a: any) => a.kind)).toEqual(['leave'])
  })

  it('speaks Chinese', () => {
    const db = handDb(NOW)
    expect(roster(['swap', 'request', '--date', '2027-01-04', '--with', 'dev', '--payback', '2027-01-05'], { db, as: 'chen', now: NOW }).code).toBe(0)
    const zh = roster(['inbox', '--lang', 'zh-CN'], { db, as: 'dev', now: NOW })
    expect(zh.code).toBe(0)
    expect(zh.out).toContain('等待 dev 处理的事项：')
    expect(zh.out).toContain('待你同意或拒绝的换班：')
    expect(zh.out).toContain('roster swap accept 1（或 decline）')
    expect(zh.out).toContain('你接下来的班：')
  })

  it('needs a known acting person, and changes nothing', () => {
    const db = handDb(NOW)
    const h = fileHash(db)
    const nobody = roster(['inbox'], { db, now: NOW })
    expect(nobody.code).toBe(2)
    expect(nobody.err).toContain('Who is acting?')
    const ghost = roster(['inbox'], { db, as: 'ghost', now: NOW })
    expect(ghost.code).toBe(2)
    expect(ghost.err).not.toMatch(STACK_TRACE)
    expect(roster(['inbox', '--bogus'], { db, as: 'ana', now: NOW }).code).toBe(2)
    expect(fileHash(db)).toBe(h)
  })
})

describe('the one-line hint of what waits on the acting person', () => {
  it('appears on stderr of other commands when something waits, and only then', () => {
    const db = handDb(NOW)
    const before = roster(['show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'dev', now: NOW })
    expect(before.err).toBe('')
    expect(roster(['swap', 'request', '--date', '2027-01-04', '--with', 'dev', '--payback', '2027-01-05'], { db, as: 'chen', now: NOW }).code).toBe(0)
    const shown = roster(['show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'dev', now: NOW })
    expect(shown.code).toBe(0)
    expect(shown.err).toBe('1 swap waits for your answer: roster inbox\n')
    expect(shown.out).not.toContain('roster inbox')
    // Chinese.
    expect(roster(['show', '--lang', 'zh-CN', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'dev', now: NOW }).err).toBe('1 个换班等待你的答复：roster inbox\n')
    // Not under --json, not with --quiet, not in the inbox itself, not without a known acting person.
    expect(roster(['show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'dev', json: true, now: NOW }).err).toBe('')
    expect(roster(['--quiet', 'show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'dev', now: NOW }).err).toBe('')
    expect(roster(['inbox'], { db, as: 'dev', now: NOW }).err).toBe('')
    expect(roster(['show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, now: NOW }).err).toBe('')
    // Nothing waits on ben; the lead has nothing to approve yet.
    expect(roster(['show', '--from', '2027-01-04', '--to', '2027-01-05'], { db, as: 'ben', now: NOW }).err).toBe('')
    expect(roster(['swap', 'accept', '1'], { db, as: 'dev', now: NOW }).err).toBe('')
    expect(roster(['stats', '--month', '2027-01'], { db, ...lead }).err).toBe('1 request waits for your approval: roster inbox\n')
    // A failed command prints its error only.
    const failed = roster(['show', '--month', '2027-13'], { db, ...lead })
    expect(failed.code).toBe(2)
    expect(failed.err).not.toContain('roster inbox')
    // Off with notify.hint false (validated).
    expect(roster(['config', 'set', 'notify.hint', 'loud'], { db, ...lead }).code).toBe(2)
    expect(roster(['config', 'set', 'notify.hint', 'false'], { db, ...lead }).code).toBe(0)
    expect(roster(['stats', '--month', '2027-01'], { db, ...lead }).err).toBe('')
  })
})
