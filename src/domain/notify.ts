// The notification settings (`notify.*`), the events a message is made of,
// and the masking of webhook secrets. Pure: no network, no database.

import type { IsoDate } from './iso-date.js'

/** How a message's body is shaped: plain JSON, or one chat service's incoming-webhook format. */
export type NotifyFormat = 'json' | 'slack' | 'wecom' | 'dingtalk' | 'feishu'
export const NOTIFY_FORMATS: readonly NotifyFormat[] = ['json', 'slack', 'wecom', 'dingtalk', 'feishu']

/** The language of the messages: `auto` is the language of the command that made the change (--lang, else the locale). */
export type NotifyLang = 'auto' | 'en' | 'zh-CN'
export const NOTIFY_LANGS: readonly NotifyLang[] = ['auto', 'en', 'zh-CN']

export interface NotifySettings {
  /** Where messages go; empty: notifications are off (nothing is queued, nothing is sent). */
  webhooks: readonly string[]
  format: NotifyFormat
  /** The most time delivery may take after a command, in milliseconds, all webhooks together. */
  timeoutMs: number
  lang: NotifyLang
}

export const DEFAULT_NOTIFY: NotifySettings = { webhooks: [], format: 'json', timeoutMs: 2000, lang: 'auto' }
export const MAX_WEBHOOKS = 5
export const TIMEOUT_RANGE = { min: 100, max: 30_000 } as const

/** What a notification is about: every state change of a swap, leave or claim, and every new roster. */
export type NotifyEventKind =
  | 'swap.request' | 'swap.accept' | 'swap.decline' | 'swap.approve' | 'swap.reject' | 'swap.cancel' | 'swap.undo'
  | 'leave.request' | 'leave.approve' | 'leave.reject'
  | 'claim.request' | 'claim.approve' | 'claim.reject' | 'claim.cancel'
  | 'roster.generate'

export const NOTIFY_EVENT_KINDS: readonly NotifyEventKind[] = [
  'swap.request', 'swap.accept', 'swap.decline', 'swap.approve', 'swap.reject', 'swap.cancel', 'swap.undo',
  'leave.request', 'leave.approve', 'leave.reject',
  'claim.request', 'claim.approve', 'claim.reject', 'claim.cancel',
  'roster.generate',
]

/**
 * One change worth telling people about, in values (no language): who it
 * concerns, on which dates and shifts, and the ids a reader needs for the
 * next step. The catalogues turn it into the sentence and the next step.
 */
export interface NotifyEvent {
  kind: NotifyEventKind
  /** Who made the change (null when unknown). */
  actor: string | null
  /** The swap, leave or claim id; absent for a roster. */
  ref?: number
  /** For a swap: the requester and the counterpart; for leave or a claim: the person; for a roster: everyone on it. */
  people: string[]
  /** The dates concerned (for a roster: its first and last day). */
  dates: IsoDate[]
  /** Shift codes concerned, in the order of `dates` where there is one per date. */
  shifts: string[]
  /** A swap's requester and counterpart (the first two of `people`), a cover's payback date, a reversal's original. */
  requester?: string
  counterpart?: string
  payback?: IsoDate | null
  reverses?: number | null
  /** A swap: the requester's shift on `dates[0]` and the counterpart's on the payback day (or the same day); null when unknown. */
  swapShifts?: { mine: string | null; theirs: string | null }
  /** Approved leave: the shifts it took off the roster (now open). */
  opened?: { date: IsoDate; shift: string }[]
  /** A new roster: how many shifts it holds. */
  assignments?: number
}

/** The settings from the stored `notify.*` values; a value that does not parse keeps its default. */
export function notifySettingsFromValues(values: ReadonlyMap<string, string>): NotifySettings {
  const pick = <T>(key: string, parse: (raw: string) => { value: string } | { error: unknown }, to: (s: string) => T, fallback: T): T => {
    const raw = values.get(key)
    if (raw === undefined) return fallback
    const p = parse(raw)
    return 'value' in p ? to(p.value) : fallback
  }
  return {
    webhooks: pick('notify.webhook', parseWebhooks, splitWebhooks, DEFAULT_NOTIFY.webhooks),
    format: pick('notify.format', parseFormat, (s) => s as NotifyFormat, DEFAULT_NOTIFY.format),
    timeoutMs: pick('notify.timeout-ms', parseTimeout, Number, DEFAULT_NOTIFY.timeoutMs),
    lang: pick('notify.lang', parseNotifyLang, (s) => s as NotifyLang, DEFAULT_NOTIFY.lang),
  }
}

/** The stored list (comma-separated) as URLs. */
export function splitWebhooks(stored: string): string[] {
  return stored.split(',').map((s) => s.trim()).filter(Boolean)
}

export type ParseProblem =
  | { key: 'webhook'; value: string }
  | { key: 'webhook-count'; count: number; max: number }
  | { key: 'format'; value: string }
  | { key: 'timeout'; value: string; min: number; max: number }
  | { key: 'lang'; value: string }

/** One or more http(s) URLs, comma-separated; empty or `none` turns notifications off. */
export function parseWebhooks(raw: string): { value: string } | { error: ParseProblem } {
  const t = raw.trim()
  if (t === '' || t === 'none') return { value: '' }
  const urls = splitWebhooks(t)
  if (urls.length > MAX_WEBHOOKS) return { error: { key: 'webhook-count', count: urls.length, max: MAX_WEBHOOKS } }
  for (const u of urls) {
    if (!isWebhookUrl(u)) return { error: { key: 'webhook', value: maskWebhook(u).slice(0, 120) } }
  }
  return { value: urls.join(',') }
}

function isWebhookUrl(u: string): boolean {
  if (/\s/.test(u)) return false
  try {
    const url = new URL(u)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

export function parseFormat(raw: string): { value: string } | { error: ParseProblem } {
  const t = raw.trim().toLowerCase()
  return (NOTIFY_FORMATS as readonly string[]).includes(t) ? { value: t } : { error: { key: 'format', value: raw.slice(0, 40) } }
}

export function parseTimeout(raw: string): { value: string } | { error: ParseProblem } {
  const t = raw.trim()
  const { min, max } = TIMEOUT_RANGE
  if (!/^\d{1,6}$/.test(t) || Number(t) < min || Number(t) > max) return { error: { key: 'timeout', value: raw.slice(0, 40), min, max } }
  return { value: String(Number(t)) }
}

export function parseNotifyLang(raw: string): { value: string } | { error: ParseProblem } {
  const t = raw.trim()
  const found = NOTIFY_LANGS.find((l) => l.toLowerCase() === t.toLowerCase())
  return found ? { value: found } : { error: { key: 'lang', value: raw.slice(0, 40) } }
}

const MASK = '***'

/**
 * The URL with its secrets replaced by `***`: every query value (WeCom `key=`,
 * DingTalk `access_token=`, `sign=`...), a password in it, the token of a Slack
 * `/services/T.../B.../<token>` path, the id of a Feishu or Lark `/hook/<id>`
 * path, and any other path segment that looks like a token (16 or more
 * letters and digits mixed). What is left names the service and the host.
 */
export function maskWebhook(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return maskLoose(url)
  }
  const host = `${u.protocol}//${u.username ? `${MASK}@` : ''}${u.host}`
  const segments = u.pathname.split('/')
  const masked = segments.map((seg, i) => {
    if (seg === '') return seg
    const prev = segments[i - 1] ?? ''
    if (prev === 'hook') return MASK
    if (segments[1] === 'services' && i >= 4) return MASK
    return looksLikeToken(seg) ? MASK : seg
  })
  const query = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=${MASK}`).join('&')
  return `${host}${masked.join('/')}${query ? `?${query}` : ''}${u.hash ? '#' + MASK : ''}`
}

function looksLikeToken(seg: string): boolean {
  return seg.length >= 16 && /^[A-Za-z0-9_\-.~%]+$/.test(seg) && /\d/.test(seg) && /[A-Za-z]/.test(seg)
}

/** For text that is no URL: hide anything after `?` and long tokens. */
function maskLoose(text: string): string {
  return text.replace(/\?.*$/s, `?${MASK}`).replace(/[A-Za-z0-9_\-]{16,}/g, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) ? MASK : m))
}

/** Any text (an error from the network, a list of URLs) with every URL in it masked. */
export function maskSecrets(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>,]+/gi, (url) => maskWebhook(url))
}

/** The comma-separated list as shown: each URL masked. */
export function showWebhooks(webhooks: readonly string[]): string {
  return webhooks.map(maskWebhook).join(',')
}
