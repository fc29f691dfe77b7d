// The message catalogue: every entry in both languages, and every rule's
// sentence in Chinese from its params (made by the real rules, not by hand).

import { describe, expect, it } from 'vitest'
import type { MessageKey, MessageParams, MessageParamsByKey } from '../../src/domain/messages.js'
import { ROSTER_RULES, coverage, maxConsecutiveDays, minRest, onLeave, oneShiftPerDay } from '../../src/domain/rules/index.js'
import { approver, backToBack, consecutive, holiday, leave, leaveHolidayViolations, leaveOverlapsSwaps, monthlyLimit, ownership, past, SWAP_RULES } from '../../src/domain/swaps/index.js'
import type { Violation } from '../../src/domain/types.js'
import { en, langFlag, messagesFor, resolveLang, zhCN } from '../../src/i18n/index.js'
import { zhSentence, ZH_SENTENCE_KEYS } from '../../src/i18n/rules-zh.js'
import { aConfig, aLeave, aRoster, anAssignment, MON, TUE } from '../support/builders.js'
import { anInput, aSwap, WEEK } from '../domain/swaps/support.js'

const HAN = /\p{Script=Han}/u

/** Every leaf of a catalogue with its path: strings, functions and array items. */
function leaves(o: unknown, path = ''): [string, unknown][] {
  if (typeof o === 'function' || typeof o === 'string' || typeof o === 'number') return [[path, o]]
  if (Array.isArray(o)) return o.flatMap((v, i) => leaves(v, `${path}[${i}]`))
  return Object.entries(o as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

describe('catalogue: English and Simplified Chinese', () => {
  const enLeaves = new Map(leaves(en))
  const zhLeaves = new Map(leaves(zhCN))

  it('has every entry in both languages, of the same kind', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort())
    for (const [path, value] of enLeaves) expect(typeof zhLeaves.get(path), path).toBe(typeof value)
  })

  it('has no empty text, and every Chinese text is Chinese (ids, codes and commands aside)', () => {
    for (const [path, value] of [...enLeaves, ...zhLeaves]) if (typeof value === 'string') expect(value.trim(), path).not.toBe('')
    const notChinese = [...zhLeaves].filter(([path, v]) => typeof v === 'string' && /[A-Za-z]/.test(v) && !HAN.test(v) && !/(^|\.)(lang|htmlLang)$/.test(path))
    expect(notChinese).toEqual([])
  })

  it('says the same thing with the values in place: a sample of sentences', () => {
    expect(zhCN.show.title('2027-01-04', '2027-01-10', zhCN.range.weekOf('2027-01-05'))).toBe('排班表 2027-01-04 至 2027-01-10（2027-01-05 所在的一周）：')
    expect(en.show.title('2027-01-04', '2027-01-10', en.range.weekOf('2027-01-05'))).toBe('Roster 2027-01-04 to 2027-01-10 (the week of 2027-01-05):')
    expect(zhCN.check.resultFailed(2, 1, (s) => s)).toBe('结论：未通过：2 处空档，1 处违反规则。')
    expect(zhCN.errors.unknownStaff('zoe')).toBe('未知的员工编号 "zoe"：见 "roster staff list"。')
    expect(zhCN.errors.leadOnly(zhCN.leadTasks['generate the roster'], 'ana')).toBe('只有组长或经理可以生成排班表；ana 是客服。')
    expect(zhCN.weekdays).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
  })

  it('picks the language from --lang, else LC_ALL, LC_MESSAGES, LANG (empty ones skipped)', () => {
    expect(resolveLang('zh-CN', { LANG: 'en_US.UTF-8' })).toBe('zh-CN')
    expect(resolveLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(resolveLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(resolveLang(undefined, { LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(resolveLang(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(resolveLang(undefined, { LC_MESSAGES: 'zh_SG.UTF-8', LANG: 'C' })).toBe('zh-CN')
    expect(resolveLang(undefined, {})).toBe('en')
    expect(messagesFor('zh-CN')).toBe(zhCN)
    expect(langFlag(['--lang', 'zh-CN', 'show'])).toBe('zh-CN')
    expect(langFlag(['show', '--lang=zh-CN'])).toBe('zh-CN')
    expect(langFlag(['show', '--lang', 'fr'])).toBeUndefined()
    expect(langFlag(['holiday', 'add', '--', '--lang', 'zh-CN'])).toBeUndefined()
  })
})

/** One set of values per sentence key: the type makes a missing key a compile error. */
const SAMPLES: { [K in MessageKey]: MessageParamsByKey[K] } = {
  'coverage.short': { shift: 'B', date: '2027-01-05', have: 0, need: 1 },
  'coverage.over': { shift: 'B', date: '2027-01-05', have: 2, need: 1 },
  'coverage.unavailable': { date: '2027-01-06', shifts: 3, need: 4, available: 3, away: ['bo', 'dee'] },
  'one-shift-per-day': { staff: 'ana', date: '2027-01-05', first: 'A', second: 'C' },
  'min-rest': { staff: 'ana', hours: '3', prevShift: 'N', prevDate: '2027-01-04', prevEnd: '06:00', nextShift: 'A', nextDate: '2027-01-05', nextStart: '09:00', need: 11 },
  'max-consecutive-days': { staff: 'ana', days: 7, first: '2027-01-04', last: '2027-01-10', limit: 6 },
  'max-consecutive-days.capacity': { from: '2027-01-04', to: '2027-01-10', demand: 21, limit: 6, people: 3, capacity: 18 },
  'leave': { staff: 'ana', date: '2027-01-05', shift: 'C' },
  'swap.past': { date: '2026-12-30', today: '2027-01-01' },
  'swap.past.ok': { dates: ['2027-01-05'], today: '2027-01-01' },
  'swap.holiday': { date: '2027-01-05', holiday: '元旦' },
  'swap.holiday.ok': { dates: ['2027-01-05', '2027-01-08'] },
  'swap.leave': { staff: 'ben', status: 'pending', from: '2027-01-05', to: '2027-01-06', date: '2027-01-05' },
  'swap.leave.swap': { staff: 'ben', swap: 3, status: 'approved', date: '2027-01-05' },
  'swap.leave.ok': { people: ['ana', 'ben'], dates: ['2027-01-05'] },
  'swap.ownership.self': { staff: 'ana' },
  'swap.ownership.no-shift': { requester: 'ana', date: '2027-01-06' },
  'swap.ownership.same-shift': { requester: 'ana', counterpart: 'dev', shift: 'A', date: '2027-01-04' },
  'swap.ownership.exchange-payback': { counterpart: 'ben', shift: 'B', date: '2027-01-04' },
  'swap.ownership.needs-payback': { requester: 'ana', counterpart: 'ben', date: '2027-01-05' },
  'swap.ownership.same-date': { date: '2027-01-05' },
  'swap.ownership.busy-on-payback': { requester: 'ana', counterpart: 'ben', shift: 'A', payback: '2027-01-07' },
  'swap.ownership.free-on-payback': { requester: 'ana', counterpart: 'ben', payback: '2027-01-08' },
  'swap.ownership.exchange': { requester: 'ana', counterpart: 'ben', date: '2027-01-04', mine: 'A', theirs: 'B' },
  'swap.ownership.cover': { requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-06', mine: 'C', theirs: 'A' },
  'swap.monthly-limit': { staff: 'ana', already: 3, month: '2027-01', limit: 3 },
  'swap.monthly-limit.ok': { month: '2027-01', limit: 3, counts: [{ staff: 'ana', swaps: 1 }, { staff: 'ben', swaps: 2 }] },
  'swap.consecutive': { staff: 'ana', swap: 7, status: 'pending', other: '2027-01-06', date: '2027-01-05' },
  'swap.consecutive.ok': { people: ['ana', 'ben'], dates: ['2027-01-05'] },
  'swap.back-to-back': { rule: 'roster.min-rest', cause: { key: 'min-rest', staff: 'ana', hours: '3', prevShift: 'N', prevDate: '2027-01-04', prevEnd: '06:00', nextShift: 'A', nextDate: '2027-01-05', nextStart: '09:00', need: 11 }, message: 'ana has only 3 h rest' },
  'swap.back-to-back.ok': { people: ['ana', 'ben'], rest: 11, limit: 6 },
  'swap.back-to-back.unchecked': {},
  'swap.approver.requester-only': { requester: 'ana', actor: 'ben', action: 'cancel' },
  'swap.approver.counterpart-only': { counterpart: 'ben', actor: 'chen', action: 'accept' },
  'swap.approver.lead-only': { actor: 'ana', role: 'agent', action: 'approve' },
  'swap.approver.takes-part': { actor: 'mei', action: 'approve' },
  'swap.approver.ok': { actor: 'ana', counterpart: 'ben', action: 'request' },
  'swap.approver.party-only': { swap: 4, requester: 'ana', counterpart: 'ben', actor: 'chen' },
  'generate.fixed-swap': { swaps: [4], rule: 'roster.leave', cause: { key: 'leave', staff: 'ana', date: '2027-01-05', shift: 'C' }, message: 'ana is on approved leave on 2027-01-05 but assigned to C' },
  'leave.holiday': { staff: 'ana', shift: 'C', date: '2027-01-05', holiday: '元旦' },
}

describe('rule sentences in Chinese', () => {
  it.each(ZH_SENTENCE_KEYS)('%s is a Chinese sentence with its values in it', (key) => {
    const p = { key, ...SAMPLES[key] } as MessageParams
    const text = zhSentence(p)
    expect(text).toMatch(HAN)
    expect(text).not.toMatch(/undefined|null|\[object/)
    for (const value of Object.values(SAMPLES[key])) {
      if (typeof value === 'string' && /^(\d{4}-\d{2}-\d{2}|[a-z]+|[A-Z])$/.test(value) && !['pending', 'approved', 'agent', 'approve', 'accept', 'cancel', 'request'].includes(value)) expect(text, `${key} leaves out ${value}`).toContain(value)
    }
  })

  it('a few sentences word for word', () => {
    expect(zhSentence({ key: 'min-rest', ...SAMPLES['min-rest'] })).toBe('ana 在 2027-01-04 的 N 班（06:00 下班）与 2027-01-05 的 A 班（09:00 上班）之间只休息 3 小时；至少需要 11 小时')
    expect(zhSentence({ key: 'swap.monthly-limit', ...SAMPLES['swap.monthly-limit'] })).toBe('ana 在 2027-01 已参与 3 次换班；每人每月最多 3 次（swap.max-per-month）')
    expect(zhSentence({ key: 'swap.back-to-back', ...SAMPLES['swap.back-to-back'] })).toBe('换班后ana 在 2027-01-04 的 N 班（06:00 下班）与 2027-01-05 的 A 班（09:00 上班）之间只休息 3 小时；至少需要 11 小时（roster.min-rest）')
    expect(zhSentence({ key: 'swap.approver.lead-only', ...SAMPLES['swap.approver.lead-only'] })).toBe('只有组长或经理可以批准换班；ana 是客服')
  })
})

/** Real violations, one or more per rule id, from the real rules. */
function violationsOfEveryRule(): Violation[] {
  const roster = { assignments: WEEK }
  const busy = aRoster({
    assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'C', 'ana'), ...['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-09', '2027-01-10', '2027-01-11'].map((d) => anAssignment(d, 'A', 'ana'))],
    leaves: [aLeave({ staff: 'ana', from: TUE, to: TUE })],
    config: aConfig({ maxConsecutiveDays: 6 }),
  })
  const scope = { from: MON, to: '2027-01-11' }
  return [
    ...coverage.check(busy, scope),
    ...oneShiftPerDay.check(busy, scope),
    ...minRest.check(busy, scope),
    ...maxConsecutiveDays.check(busy, scope),
    ...onLeave.check(busy, scope),
    ...past.check(anInput({ roster, today: '2027-01-06' })),
    ...holiday.check(anInput({ roster: { assignments: WEEK, holidays: [{ date: '2027-01-05', name: '元旦' }] } })),
    ...leave.check(anInput({ roster: { assignments: WEEK, leaves: [aLeave({ staff: 'ben', from: '2027-01-05', to: '2027-01-05', status: 'pending' })] } })),
    ...leaveOverlapsSwaps('ana', '2027-01-01', '2027-01-31', [aSwap({ requester: 'ana', status: 'approved' })]),
    ...ownership.check(anInput({ roster, swap: { date: '2027-01-06', counterpart: 'ben' } })),
    ...monthlyLimit.check(anInput({ roster, swaps: [aSwap(), aSwap(), aSwap()] })),
    ...consecutive.check(anInput({ roster, swaps: [aSwap({ date: '2027-01-06' })] })),
    ...backToBack.check(anInput({ roster: { assignments: WEEK, config: aConfig({ maxConsecutiveDays: 3 }) }, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-06' } })),
    ...approver.check(anInput({ roster, actor: { staff: { id: 'ana', role: 'agent' }, action: 'approve' } })),
    ...leaveHolidayViolations('ana', '2027-01-04', '2027-01-08', WEEK, [{ date: '2027-01-05', name: '元旦' }]),
  ]
}

describe('every rule id says its refusal in Chinese, from its params', () => {
  const all = violationsOfEveryRule()
  const ids = [...ROSTER_RULES.map((r) => r.id), ...SWAP_RULES.map((r) => r.id), 'leave.holiday']

  it.each(ids)('%s', (id) => {
    const mine = all.filter((v) => v.rule === id)
    expect(mine.length, `no scenario broke ${id}`).toBeGreaterThan(0)
    for (const v of mine) {
      expect(v.params, v.message).toBeDefined()
      expect(en.violation(v)).toBe(v.message)
      const zh = zhCN.violation(v)
      expect(zh).toMatch(HAN)
      expect(zh).not.toBe(v.message)
      expect(zh).not.toMatch(/undefined/)
      // The people and dates of the English sentence are in the Chinese one too.
      for (const token of v.message.match(/\b\d{4}-\d{2}-\d{2}\b|\b(ana|ben|chen|dev)\b/g) ?? []) expect(zh, `${id}: ${v.message}`).toContain(token)
    }
  })

  it('the refusal sentence names the same rule ids in both languages', () => {
    const v = all.filter((x) => x.rule.startsWith('swap.'))
    const enText = en.errors.refusedSwap(v)
    const zhText = zhCN.errors.refusedSwap(v)
    expect(enText.startsWith(`Refused by ${v[0]!.rule}: `)).toBe(true)
    expect(zhText.startsWith(`被规则 ${v[0]!.rule} 拒绝：`)).toBe(true)
    for (const id of new Set(v.map((x) => x.rule))) {
      expect(enText).toContain(id)
      expect(zhText).toContain(id)
    }
  })
})
