// The body of a notification in each webhook format, checked against each
// service's documented incoming-webhook text message. The DOCUMENTED bodies
// below are copied from the documents named beside them; a body roster sends
// must have the same shape (the same keys at the same places, the same
// fixed values such as msgtype) and carry the message in the documented field.

import { describe, expect, it } from 'vitest'
import { buildMessage, renderBody, slackEscape, truncateBytes, type NotifyMessage } from '../../src/notifications/format.js'
import { eventFromChange } from '../../src/notifications/events.js'
import { en, zhCN } from '../../src/i18n/index.js'
import type { NotifyEvent } from '../../src/domain/notify.js'

/**
 * Each service's own example of a text message, literally.
 * - wecom: WeCom (企业微信) group robot, "群机器人配置说明", 文本类型 example
 *   (developer.work.weixin.qq.com/document/path/91770, as reproduced at
 *   https://cnblogs.com/tiandi/p/17768525.html): msgtype fixed to "text",
 *   content at most 2048 bytes of UTF-8.
 * - dingtalk: DingTalk custom robot, text message example
 *   (open.dingtalk.com custom robot message types, as quoted at
 *   https://blog.csdn.net/Alvin_Lam/article/details/79792686 and in Alibaba Cloud's
 *   ACS::Notify::DingTalkWebhook, https://help.aliyun.com/zh/oos/user-guide/acs-notify-dingtalkwebhook).
 * - feishu: Feishu custom bot, "发送文本消息" example
 *   (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, as reproduced at
 *   https://blog.csdn.net/weixin_44517891/article/details/124426088).
 * - slack: Slack, "Sending messages using incoming webhooks"
 *   (https://api.slack.com/messaging/webhooks): `{"text": "Hello, world."}`, and with
 *   blocks, `text` is the fallback beside `blocks` of `section` blocks whose text is
 *   `{"type": "mrkdwn", "text": ...}`; &, < and > are escaped in mrkdwn text.
 */
const DOCUMENTED = {
  wecom: { msgtype: 'text', text: { content: 'hello world' } },
  dingtalk: { msgtype: 'text', text: { content: '我就是我, 是不一样的烟火' } },
  feishu: { msg_type: 'text', content: { text: '你好' } },
  slack: {
    text: 'Danny Torrence left a 1 star review for your property.',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Danny Torrence left the following review for your property:' } }],
  },
} as const

/** The shape of a JSON value: its keys and the kinds of its leaves, arrays by their first element. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return [shape(v[0])]
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, shape(x)]))
  return typeof v
}

const message: NotifyMessage = {
  id: '7d1c0f7e-0000-4000-8000-000000000001',
  event: 'swap.request',
  text: 'Swap #3 requested by ana: ana and ben trade shifts on 2027-01-12 (ana\'s A for ben\'s B).',
  people: ['ana', 'ben'],
  dates: ['2027-01-12'],
  shifts: ['A', 'B'],
  next: 'ben: accept or decline it (roster swap accept 3 / roster swap decline 3).',
}
const content = `${message.text}\n${message.next}`

describe('webhook bodies, as each service documents its text message', () => {
  it('wecom: {"msgtype":"text","text":{"content":...}}', () => {
    const body = renderBody(message, 'wecom')
    expect(shape(body)).toEqual(shape(DOCUMENTED.wecom))
    expect(body).toEqual({ msgtype: 'text', text: { content } })
  })

  it('dingtalk: {"msgtype":"text","text":{"content":...}}', () => {
    const body = renderBody(message, 'dingtalk')
    expect(shape(body)).toEqual(shape(DOCUMENTED.dingtalk))
    expect(body).toEqual({ msgtype: 'text', text: { content } })
  })

  it('feishu: {"msg_type":"text","content":{"text":...}}', () => {
    const body = renderBody(message, 'feishu')
    expect(shape(body)).toEqual(shape(DOCUMENTED.feishu))
    expect(body).toEqual({ msg_type: 'text', content: { text: content } })
  })

  it('slack: a text fallback and mrkdwn section blocks, with &, < and > escaped', () => {
    const m = { ...message, next: 'ben: check your shifts (roster show --as <your id>) & answer.' }
    const body = renderBody(m, 'slack') as { text: string; blocks: unknown[] }
    expect(shape(body)).toEqual(shape(DOCUMENTED.slack))
    expect(body).toEqual({
      text: `${m.text}\nben: check your shifts (roster show --as &lt;your id&gt;) &amp; answer.`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: m.text } },
        { type: 'section', text: { type: 'mrkdwn', text: 'ben: check your shifts (roster show --as &lt;your id&gt;) &amp; answer.' } },
      ],
    })
    expect(slackEscape('a<b>&c')).toBe('a&lt;b&gt;&amp;c')
  })

  it('json: the message itself, {"id","event","text","people","dates","shifts","next"}', () => {
    const body = renderBody(message, 'json')
    expect(Object.keys(body as object)).toEqual(['id', 'event', 'text', 'people', 'dates', 'shifts', 'next'])
    expect(body).toEqual(message)
  })

  it('keeps WeCom and DingTalk content within 2048 bytes of UTF-8, cut at a character', () => {
    const long = { ...message, text: '排班'.repeat(600), next: 'x' }
    for (const f of ['wecom', 'dingtalk'] as const) {
      const c = (renderBody(long, f) as { text: { content: string } }).text.content
      expect(new TextEncoder().encode(c).length).toBeLessThanOrEqual(2048)
      expect(c.endsWith('…')).toBe(true)
    }
    expect(truncateBytes('short', 2048)).toBe('short')
  })
})

describe('the message for each change: who, when, which shifts, and what next', () => {
  const shifts: Record<string, string> = { 'ana 2027-01-12': 'A', 'ben 2027-01-12': 'B', 'ben 2027-01-19': 'C' }
  const lookup = (staff: string, date: string) => shifts[`${staff} ${date}`]
  const swap = { id: 3, requester: 'ana', counterpart: 'ben', date: '2027-01-12', payback: null, status: 'pending', reason: null }

  it('a swap request names both people, the date, both shifts and asks the counterpart to answer', () => {
    const e = eventFromChange({ action: 'swap.request', actor: 'ana', subject: 'swap #3', before: null, after: { swap } }, lookup)!
    expect(e).toMatchObject({ kind: 'swap.request', ref: 3, people: ['ana', 'ben'], dates: ['2027-01-12'], shifts: ['A', 'B'] })
    const m = buildMessage('id-1', e, en.notify)
    expect(m).toEqual({
      id: 'id-1',
      event: 'swap.request',
      text: "Swap #3 requested by ana: ana and ben trade shifts on 2027-01-12 (ana's A for ben's B).",
      people: ['ana', 'ben'],
      dates: ['2027-01-12'],
      shifts: ['A', 'B'],
      next: 'ben: accept or decline it (roster swap accept 3 / roster swap decline 3).',
    })
    expect(buildMessage('id-1', e, zhCN.notify).text).toBe('换班 #3 由 ana 申请：ana 和 ben 在 2027-01-12 互换班次（ana 的 A 班换 ben 的 B 班）。')
    expect(buildMessage('id-1', e, zhCN.notify).next).toBe('ben：请同意或拒绝（roster swap accept 3 / roster swap decline 3）。')
  })

  it('a cover names the payback day; an approval takes the shifts from what it moved (the roster has changed)', () => {
    const cover = { ...swap, payback: '2027-01-19', status: 'approved' }
    const moved = [{ date: '2027-01-12', shift: 'A', staff: 'ana' }, { date: '2027-01-19', shift: 'C', staff: 'ben' }]
    const e = eventFromChange({ action: 'swap.approve', actor: 'mei', subject: 'swap #3', before: { swap, assignments: moved }, after: { swap: cover } }, () => undefined)!
    expect(e).toMatchObject({ kind: 'swap.approve', people: ['ana', 'ben'], dates: ['2027-01-12', '2027-01-19'], shifts: ['A', 'C'] })
    expect(en.notify.text(e)).toBe("Swap #3 approved by mei: ben works ana's A shift on 2027-01-12, and ana works ben's C shift on 2027-01-19 in return. The roster has changed.")
    expect(en.notify.next(e)).toBe('ana and ben: work your new shifts (roster show --as <your id>).')
  })

  it('approved leave names the shifts it opened and asks a lead for cover; no shifts, nothing to do', () => {
    const leave = { id: 2, staff: 'ana', from: '2027-01-12', to: '2027-01-13', reason: null, status: 'approved' }
    const removed = [{ date: '2027-01-12', shift: 'A', staff: 'ana' }]
    const e = eventFromChange({ action: 'leave.approve', actor: 'mei', subject: 'leave #2', before: { leave, assignments: removed }, after: { leave } }, lookup)!
    expect(e).toMatchObject({ kind: 'leave.approve', people: ['ana'], dates: ['2027-01-12', '2027-01-13'], shifts: ['A'] })
    expect(en.notify.text(e)).toBe('Leave #2 approved by mei: ana is away from 2027-01-12 to 2027-01-13. Shifts now open: A on 2027-01-12.')
    expect(en.notify.next(e)).toBe('A lead: find cover for the open shifts (roster check, roster assign).')
    expect(zhCN.notify.text(e)).toBe('请假 #2 由 mei 批准：ana 在 2027-01-12 至 2027-01-13 请假。现在空缺的班次：2027-01-12 的 A 班。')
    const none = eventFromChange({ action: 'leave.approve', actor: 'mei', subject: 'leave #2', before: { leave }, after: { leave } }, lookup)!
    expect(en.notify.next(none)).toBe('Nothing: ana had no shifts then.')
  })

  it('a new roster names everyone on it, its days and its shifts', () => {
    const assignments = [{ date: '2027-01-04', shift: 'B', staff: 'ben' }, { date: '2027-01-04', shift: 'A', staff: 'ana' }]
    const e = eventFromChange({ action: 'roster.generate', actor: 'mei', subject: '2027-01-04..2027-01-10', before: null, after: { staff: ['ana', 'ben'], assignments } }, lookup)!
    expect(e).toMatchObject({ kind: 'roster.generate', people: ['ana', 'ben'], dates: ['2027-01-04', '2027-01-10'], shifts: ['A', 'B'], assignments: 2 })
    expect(en.notify.text(e)).toBe('New roster by mei from 2027-01-04 to 2027-01-10: 2 shifts for ana, ben.')
    expect(zhCN.notify.text(e)).toBe('新排班表（由 mei 生成）：2027-01-04 至 2027-01-10 共 2 个班，人员 ana、ben。')
  })

  it('an open-shift claim, as the cover area records it (open.claim, open.approve, open.reject)', () => {
    const claim = { id: 4, date: '2027-01-12', shift: 'C', staff: 'dev', status: 'pending', auto: false, createdAt: 'x', decidedBy: null, reason: null }
    const asked = eventFromChange({ action: 'open.claim', actor: 'dev', subject: 'claim #4', before: null, after: claim }, lookup)!
    expect(asked).toEqual({ kind: 'claim.request', actor: 'dev', ref: 4, people: ['dev'], dates: ['2027-01-12'], shifts: ['C'] })
    expect(en.notify.text(asked)).toBe('Claim #4 by dev: dev asks to take the open C shift on 2027-01-12.')
    expect(en.notify.next(asked)).toBe('A lead: approve or reject claim #4.')
    const approved = eventFromChange({ action: 'open.approve', actor: 'mei', subject: 'claim #4', before: claim, after: { ...claim, status: 'approved' } }, lookup)!
    expect(approved.kind).toBe('claim.approve')
    expect(zhCN.notify.text(approved)).toBe('认领 #4 由 mei 批准：dev 接 2027-01-12 空缺的 C 班。')
    expect(eventFromChange({ action: 'open.reject', actor: 'mei', subject: 'claim #4', before: claim, after: claim }, lookup)!.kind).toBe('claim.reject')
  })

  it('tells nothing of changes nobody has to act on (settings, staff, the undone original of a reversal)', () => {
    for (const action of ['config.set', 'staff.add', 'swap.undone', 'holiday.add', 'roster.assign']) {
      expect(eventFromChange({ action, actor: 'mei', subject: 'x', before: null, after: { swap } }, lookup)).toBeNull()
    }
  })

  it('every event kind has a sentence and a next step in both languages', () => {
    const kinds: NotifyEvent['kind'][] = ['swap.request', 'swap.accept', 'swap.decline', 'swap.approve', 'swap.reject', 'swap.cancel', 'swap.undo',
      'leave.request', 'leave.approve', 'leave.reject', 'claim.request', 'claim.approve', 'claim.reject', 'claim.cancel', 'roster.generate']
    for (const kind of kinds) {
      const e: NotifyEvent = { kind, actor: 'mei', ref: 5, people: ['ana', 'ben'], dates: ['2027-01-12'], shifts: ['A'], requester: 'ana', counterpart: 'ben', reverses: 4 }
      for (const t of [en.notify, zhCN.notify]) {
        expect(t.text(e)).toMatch(/\S/)
        expect(t.next(e)).toMatch(/\S/)
        expect(t.text(e)).not.toContain('undefined')
        expect(t.next(e)).not.toContain('undefined')
      }
    }
  })
})
