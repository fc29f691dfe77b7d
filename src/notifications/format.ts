// One notification message, and its body in each webhook format. Pure
// functions of the message, like the exporters: the shapes are each service's
// documented incoming-webhook text message (the tests cite the documents).

import type { NotifyEvent, NotifyFormat } from '../domain/notify.js'
import type { NotifyMessages } from '../i18n/notify-en.js'

/** The plain `json` format's body, and what every other format is made from. */
export interface NotifyMessage {
  /** Stable across retries: the Idempotency-Key header of every attempt. */
  id: string
  event: string
  text: string
  people: string[]
  dates: string[]
  shifts: string[]
  next: string
}

/** The message for an event, in the language of `t`. */
export function buildMessage(id: string, event: NotifyEvent, t: NotifyMessages): NotifyMessage {
  return {
    id,
    event: event.kind,
    text: t.text(event),
    people: [...event.people],
    dates: [...event.dates],
    shifts: [...event.shifts],
    next: t.next(event),
  }
}

/** WeCom and DingTalk cap a text message's content (WeCom: 2048 bytes of UTF-8). */
const MAX_CONTENT_BYTES = 2048

/** The request body for `format`, as an object to send as JSON. */
export function renderBody(m: NotifyMessage, format: NotifyFormat): unknown {
  const content = `${m.text}\n${m.next}`
  switch (format) {
    case 'json':
      return m
    case 'slack':
      // Slack: `text` is the notification's fallback; blocks show the message.
      // &, < and > are the three characters Slack's mrkdwn asks to escape.
      return {
        text: slackEscape(content),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: slackEscape(m.text) } },
          { type: 'section', text: { type: 'mrkdwn', text: slackEscape(m.next) } },
        ],
      }
    case 'wecom':
      return { msgtype: 'text', text: { content: truncateBytes(content, MAX_CONTENT_BYTES) } }
    case 'dingtalk':
      return { msgtype: 'text', text: { content: truncateBytes(content, MAX_CONTENT_BYTES) } }
    case 'feishu':
      return { msg_type: 'text', content: { text: content } }
  }
}

export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** At most `max` bytes of UTF-8, cut at a character boundary, with an ellipsis when cut. */
export function truncateBytes(text: string, max: number): string {
  const enc = new TextEncoder()
  if (enc.encode(text).length <= max) return text
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const n = enc.encode(ch).length
    if (bytes + n > max - 3) break
    out += ch
    bytes += n
  }
  return `${out}…`
}
