// Bad input under --lang zh-CN: the one sentence on stderr is Chinese (flags,
// ids and commands kept as they are), the exit code is 2 (3 for a database
// that is not there), nothing is written, and --json still prints the
// English message, byte for byte what scripts match.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fileHash, roster, tempDb, tempDir } from '../support/cli.js'

const HAN = /\p{Script=Han}/u
const NOW = '2027-01-04T09:00:00Z'

interface Case {
  args: string[]
  code: number
  zh: string
  en: string
  /** The `code` of the --json error. */
  kind: string
}

const CASES: Case[] = [
  {
    args: ['show', '--week', '2027-01-04', '--month', '2027-01'],
    code: 2,
    kind: 'usage',
    zh: '--week 不能与 --month、--from、--to 或 --weeks 同时使用：请只用一种方式给出日期。',
    en: '--week cannot be combined with --month, --from, --to or --weeks: pick one way to give the dates.',
  },
  {
    args: ['generate', '--start', 'x', '--from', 'y'],
    code: 2,
    kind: 'usage',
    zh: '--from 是 --start 的另一个名字：请只给出其中一个。',
    en: '--from is another name for --start: give one of them.',
  },
  {
    args: ['holiday', 'import', 'a.ics', '--country', 'CN'],
    code: 2,
    kind: 'usage',
    zh: '请给出文件或 --country 其中之一，不要同时给出。',
    en: 'Give either a file or --country, not both.',
  },
  {
    args: ['export', '--bom', '--format', 'ics'],
    code: 2,
    kind: 'usage',
    zh: '--bom 只用于 --format csv：请去掉它。',
    en: '--bom is for --format csv only: leave it out.',
  },
  {
    args: ['show', '--from', '2027-02-01', '--to', '2027-01-01'],
    code: 2,
    kind: 'bad-range',
    zh: '--to 2027-01-01 早于 --from 2027-02-01：请先给出较早的日期。',
    en: '--to 2027-01-01 is before --from 2027-02-01: give the earlier date first.',
  },
  {
    args: ['leave', 'list', '--status', 'maybe'],
    code: 2,
    kind: 'usage',
    zh: '--status 必须是 pending、approved、rejected 之一，而不是 "maybe"。',
    en: '--status must be one of pending, approved, rejected, not "maybe".',
  },
  {
    args: ['config', 'set', 'nope', '1'],
    code: 2,
    kind: 'unknown-setting',
    zh: '未知的设置 "nope"：可用的设置有 swap.max-per-month、roster.min-rest-hours、roster.max-consecutive-days、service.hours、cycle.weeks、timezone、open.auto-approve、notify.hint、notify.webhook、notify.format、notify.timeout-ms、notify.lang。',
    en: 'Unknown setting "nope": the settings are swap.max-per-month, roster.min-rest-hours, roster.max-consecutive-days, service.hours, cycle.weeks, timezone, open.auto-approve, notify.hint, notify.webhook, notify.format, notify.timeout-ms, notify.lang.',
  },
  {
    args: ['who', '--at', '99:99'],
    code: 2,
    kind: 'bad-time',
    zh: '--at "99:99" 不是时间：请用 YYYY-MM-DDTHH:MM（真实存在的日期，00:00 至 23:59），或用 HH:MM 表示今天。',
    en: '--at "99:99" is not a time: use YYYY-MM-DDTHH:MM (a real date, 00:00 to 23:59) or HH:MM for today.',
  },
]

let db: string

beforeAll(() => {
  db = tempDb('errors-zh')
  const r = roster(['init', '--lead', 'ana', '--name', 'Ana'], { db, now: NOW })
  expect(r.code, r.err).toBe(0)
})

describe('errors under --lang zh-CN', () => {
  for (const c of CASES) {
    it(`roster ${c.args.join(' ')}: Chinese on stderr, exit ${c.code}, nothing written`, () => {
      const before = fileHash(db)
      const r = roster(['--lang', 'zh-CN', ...c.args], { db, as: 'ana', now: NOW })
      expect(r.code).toBe(c.code)
      expect(r.out).toBe('')
      expect(r.err).toBe(`roster 错误：${c.zh}\n`)
      expect(r.err).toMatch(HAN)
      expect(fileHash(db)).toBe(before)
    })

    it(`roster ${c.args.join(' ')} --json: the English message, unchanged`, () => {
      const before = fileHash(db)
      const r = roster(['--lang', 'zh-CN', ...c.args], { db, as: 'ana', now: NOW, json: true })
      expect(r.code).toBe(c.code)
      expect(r.errJson).toEqual({ error: { code: c.kind, message: c.en } })
      expect(r.err).not.toMatch(HAN)
      expect(fileHash(db)).toBe(before)
    })
  }

  it('a Chinese LANG says them in Chinese too; English stays English', () => {
    const args = ['export', '--bom', '--format', 'ics']
    const zh = roster(args, { db, as: 'ana', now: NOW, env: { LANG: 'zh_CN.UTF-8' } })
    expect(zh.code).toBe(2)
    expect(zh.err).toBe('roster 错误：--bom 只用于 --format csv：请去掉它。\n')
    const en = roster(args, { db, as: 'ana', now: NOW })
    expect(en.code).toBe(2)
    expect(en.err).toBe('roster: --bom is for --format csv only: leave it out.\n')
  })

  it('a database in a folder that does not exist: Chinese, exit 3, no folder made', () => {
    const dir = join(tempDir('errors-zh'), 'nowhere')
    const r = roster(['--lang', 'zh-CN', 'show'], { db: join(dir, 'roster.db'), as: 'ana', now: NOW })
    expect(r.code).toBe(3)
    expect(r.err).toBe(`roster 错误：文件夹 ${dir} 不存在：请先创建它，或另选一个 --db 路径。\n`)
    expect(existsSync(dir)).toBe(false)
    const j = roster(['--lang', 'zh-CN', 'show'], { db: join(dir, 'roster.db'), as: 'ana', now: NOW, json: true })
    expect(j.errJson).toEqual({ error: { code: 'no-folder', message: `The folder ${dir} does not exist: create it first or choose another --db path.` } })
  })
})
