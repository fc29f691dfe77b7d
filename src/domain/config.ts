// The settings a team can change (`roster config`), with their parsing and defaults.

import { formatHhmm, parseHhmm } from './clock.js'
import { DEFAULT_CONFIG, type RosterConfig } from './types.js'
import {
  DEFAULT_NOTIFY, parseFormat, parseNotifyLang, parseTimeout, parseWebhooks, showWebhooks, splitWebhooks,
  type NotifySettings, type ParseProblem,
} from './notify.js'

export interface ConfigKey {
  key: string
  description: string
  /** Returns the normalised stored text, or an error sentence (or the values of one the catalogues say). */
  parse(raw: string): { value: string } | { error: string | ParseProblem }
  apply(config: RosterConfig, stored: string): RosterConfig
  show(config: RosterConfig): string
  /** A setting that holds a secret: the stored text as it may be shown (config set, the audit log). */
  mask?(stored: string): string
}

function integerKey(key: string, description: string, min: number, max: number, field: 'maxSwapsPerMonth' | 'minRestHours' | 'maxConsecutiveDays' | 'cycleWeeks'): ConfigKey {
  return {
    key,
    description,
    parse(raw) {
      const t = raw.trim()
      if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) return { error: `${key} must be a whole number from ${min} to ${max}, not "${raw}".` }
      return { value: String(Number(t)) }
    },
    apply: (config, stored) => ({ ...config, [field]: Number(stored) }),
    show: (config) => String(config[field]),
  }
}

function booleanKey(key: string, description: string, field: 'openAutoApprove' | 'notifyHint'): ConfigKey {
  return {
    key,
    description,
    parse(raw) {
      const t = raw.trim().toLowerCase()
      if (['true', 'yes', 'on', '1'].includes(t)) return { value: 'true' }
      if (['false', 'no', 'off', '0'].includes(t)) return { value: 'false' }
      return { error: `${key} must be true or false, not "${raw.slice(0, 40)}".` }
    },
    apply: (config, stored) => ({ ...config, [field]: stored === 'true' }),
    show: (config) => String(config[field]),
  }
}

export const CONFIG_KEYS: readonly ConfigKey[] = [
  integerKey('swap.max-per-month', 'swaps each person may take part in per calendar month', 0, 31, 'maxSwapsPerMonth'),
  integerKey('roster.min-rest-hours', 'hours of rest required between two shifts of one person', 0, 48, 'minRestHours'),
  integerKey('roster.max-consecutive-days', 'working days in a row allowed', 1, 31, 'maxConsecutiveDays'),
  {
    key: 'service.hours',
    description: 'hours the desk must be staffed every day, HH:MM-HH:MM',
    parse(raw) {
      const m = /^\s*(\d\d:\d\d)\s*-\s*(\d\d:\d\d)\s*$/.exec(raw)
      const from = m ? parseHhmm(m[1]!) : null
      const to = m ? parseHhmm(m[2]!) : null
      if (from === null || to === null || from >= 1440 || to <= from) {
        return { error: `service.hours must look like 09:00-24:00 (start before end, within one day), not "${raw}".` }
      }
      return { value: `${formatHhmm(from)}-${formatHhmm(to)}` }
    },
    apply(config, stored) {
      const [from, to] = stored.split('-').map((t) => parseHhmm(t) ?? 0)
      return { ...config, serviceHours: { from: from ?? 0, to: to ?? 1440 } }
    },
    show: (config) => `${formatHhmm(config.serviceHours.from)}-${formatHhmm(config.serviceHours.to)}`,
  },
  integerKey('cycle.weeks', 'weeks in one roster cycle (the default length of generate)', 1, 52, 'cycleWeeks'),
  {
    key: 'timezone',
    description: 'IANA time zone of the shift times: rest is counted in real hours there (DST), and calendar exports place shifts there (system = this computer\'s)',
    parse(raw) {
      const t = raw.trim()
      if (t === 'system' || t === '') return { value: 'system' }
      const zone = canonicalZone(t)
      if (!zone) return { error: `timezone must be an IANA name such as Europe/Berlin, Asia/Shanghai or UTC (or "system"), not "${raw.slice(0, 40)}".` }
      return { value: zone }
    },
    apply: (config, stored) => ({ ...config, timezone: stored === 'system' ? null : stored }),
    show: (config) => config.timezone ?? 'system',
  },
  booleanKey('open.auto-approve', 'approve a claim of an open shift at once when it keeps every rule (true or false)', 'openAutoApprove'),
  booleanKey('notify.hint', 'print a one-line hint on stderr when something waits on you: roster inbox (true or false)', 'notifyHint'),
  notifyKey('notify.webhook', 'where change notifications go: one or more http(s) URLs, comma-separated (none: off); their secret tokens are never shown',
    parseWebhooks, (n, s) => ({ ...n, webhooks: splitWebhooks(s) }), (n) => (n.webhooks.length ? showWebhooks(n.webhooks) : 'none'),
    (stored) => (stored ? showWebhooks(splitWebhooks(stored)) : 'none')),
  notifyKey('notify.format', 'the body of each notification: json, slack, wecom, dingtalk or feishu (that service\'s incoming-webhook text message)',
    parseFormat, (n, s) => ({ ...n, format: s as NotifySettings['format'] }), (n) => n.format),
  notifyKey('notify.timeout-ms', 'the most time delivering notifications may add to a command, in milliseconds (100 to 30000)',
    parseTimeout, (n, s) => ({ ...n, timeoutMs: Number(s) }), (n) => String(n.timeoutMs)),
  notifyKey('notify.lang', 'the language of notifications: en, zh-CN, or auto (the language of the command that made the change)',
    parseNotifyLang, (n, s) => ({ ...n, lang: s as NotifySettings['lang'] }), (n) => n.lang),
]

/** The notification settings of a config (the defaults when none are stored). */
export function notifyOf(config: Pick<RosterConfig, 'notify'>): NotifySettings {
  return config.notify ?? DEFAULT_NOTIFY
}

function notifyKey(
  key: string,
  description: string,
  parse: (raw: string) => { value: string } | { error: ParseProblem },
  set: (n: NotifySettings, stored: string) => NotifySettings,
  get: (n: NotifySettings) => string,
  mask?: (stored: string) => string,
): ConfigKey {
  return {
    key,
    description,
    parse,
    apply: (config, stored) => ({ ...config, notify: set(notifyOf(config), stored) }),
    show: (config) => get(notifyOf(config)),
    ...(mask ? { mask } : {}),
  }
}

/** The zone's canonical IANA name, or null when the runtime's time-zone data does not know it. */
export function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

export function findConfigKey(key: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.key === key)
}

/** The effective configuration: defaults overlaid with stored values that still parse. */
/** The team's time zone: the timezone setting, else the computer's; null when neither is known. */
export function teamZone(config: Pick<RosterConfig, 'timezone' | 'systemZone'>): string | null {
  return config.timezone ?? config.systemZone ?? null
}

export function configFromValues(values: ReadonlyMap<string, string>): RosterConfig {
  let config = DEFAULT_CONFIG
  for (const k of CONFIG_KEYS) {
    const stored = values.get(k.key)
    if (stored === undefined) continue
    const parsed = k.parse(stored)
    if ('value' in parsed) config = k.apply(config, parsed.value)
  }
  return config
}
