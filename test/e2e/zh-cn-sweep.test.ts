// Chinese all the way: the human output of every command under --lang zh-CN
// (a demo roster with a swap, a leave, a holiday, a handover) holds no English
// sentence: a run of two or more English words (three letters or more) that is
// not an id, a code, a name, a command or a setting fails the test.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/domain/dates.js'
import { en, zhCN } from '../../src/i18n/index.js'
import { roster, tempDir, type RunResult } from '../support/cli.js'

const NOW = '2027-01-03T18:00:00' // a Sunday: the demo roster runs 2027-01-04 to 2027-01-24

/** Words a Chinese screen may show in Latin letters: names, ids, codes, formats, settings. */
const ALLOWED = [
  'Ana Souza', 'Ben Okafor', 'Chen Jie', 'Dev Patel', 'Mei Lin', 'Eve Park',
  'Asia/Shanghai', 'UTF-8', 'Curtois & Qu',
]

/** Runs of 2+ English words of 3+ letters left once commands, flags, settings, paths and allowed names are taken out. */
export function englishRuns(text: string): string[] {
  let s = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/"?roster(?: [a-z][a-z-]*| --?[a-z-]+(?: [^\s"（）()，。；]+)?| \d+| <[^>]+>| [A-Z]| \d{4}-\d\d-\d\d)+"?/g, ' ') // commands as printed
    .replace(/--?[a-z][a-z-]*/g, ' ') // flags
    .replace(/\b[a-z]+(?:\.[a-z-]+)+\b/g, ' ') // rule ids and settings: swap.holiday, service.hours
    .replace(/(?:\/[\w.-]+)+/g, ' ') // paths
  for (const a of ALLOWED) s = s.split(a).join(' ')
  return [...s.matchAll(/[A-Za-z]{3,}(?:[\s,'’()]+[A-Za-z]{3,})+/g)].map((m) => m[0])
}

describe('zh-CN: the export sentences keep a space between Chinese and dates', () => {
  it('says "2026-12-20 的 42 个班", with or without a person', () => {
    expect(zhCN.export.wrote(42, '2026-12-01', '2026-12-20', undefined, '/tmp/r.csv', 'csv')).toBe('已将 2026-12-01 至 2026-12-20 的 42 个班写入 /tmp/r.csv（csv）。')
    expect(zhCN.export.wrote(5, '2026-12-01', '2026-12-20', 'ana', '/tmp/r.csv', 'csv')).toBe('已将 2026-12-01 至 2026-12-20 ana 的 5 个班写入 /tmp/r.csv（csv）。')
    expect(zhCN.export.empty('2026-12-01', '2026-12-20', undefined)).toBe('2026-12-01 至 2026-12-20 没有排班：导出内容为空。')
  })
})

describe('zh-CN: the detector', () => {
  it('flags English sentences and passes ids, codes, names and commands (near misses)', () => {
    expect(englishRuns('Nobody can take your shift')).toEqual(['Nobody can take your shift'])
    expect(englishRuns('图例：Day (office)')).toEqual(['Day (office'])
    expect(englishRuns('图例：白班（到岗）')).toEqual([])
    expect(englishRuns('图例：Evening shift')).toEqual(['Evening shift'])
    expect(englishRuns('等待 chen 同意：roster swap accept 1 --as chen（或 decline 拒绝）。')).toEqual([])
    expect(englishRuns('被规则 swap.holiday 拒绝；见 "roster swap check --date 2027-01-05 --with dev --as ana"')).toEqual([])
    expect(englishRuns('ana（Ana Souza）')).toEqual([])
  })

  it('the interactive request\'s "nobody can take your shift" is Chinese', () => {
    expect(englishRuns(zhCN.swap.noCandidate('2027-01-05'))).toEqual([])
    expect(zhCN.swap.noCandidate('2027-01-05')).toBe('没有同事能在不违反规则的情况下接你 2027-01-05 的班：请换一个日期。')
    expect(en.swap.noCandidate('2027-01-05')).toBe('Nobody can take your shift on 2027-01-05 without breaking a rule: pick another date.')
  })
})

describe('zh-CN: every command speaks Chinese', () => {
  it('no English sentence in the human output of any command', () => {
    const dir = tempDir('zh-sweep')
    const db = join(dir, 'roster.db')
    const outputs: [string, RunResult][] = []
    const zh = (args: string[], as?: string, expectCode?: number) => {
      const r = roster(['--lang', 'zh-CN', ...args], { cwd: dir, now: NOW, ...(as ? { as } : {}) })
      if (expectCode !== undefined) expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(expectCode)
      outputs.push([args.join(' '), r])
      return r
    }
    zh(['generate', '--demo'], undefined, 0)
    zh(['generate', '--demo'], undefined, 0)
    // Who works what comes from the roster the search drew, not from assumed dates.
    const shown = roster(['show', '--json'], { cwd: dir, now: NOW, json: true }).json as { assignments: { date: string; shift: string; staff: string }[] }
    const on = (date: string, shift: string) => shown.assignments.find((a) => a.date === date && a.shift === shift)!.staff
    const works = (date: string, staff: string) => shown.assignments.some((a) => a.date === date && a.staff === staff)
    const swapDay = shown.assignments.map((a) => a.date).find((d, i, all) => all.indexOf(d) === i && d !== '2027-01-06' && roster(['swap', 'check', '--date', d, '--with', 'chen'], { cwd: dir, now: NOW, as: 'ana' }).code === 0)!
    const dayAfter = addDays(swapDay, 1)
    const onHoliday = ['ben', 'chen', 'dev'].find((id) => works('2027-01-15', id))!
    // Someone at work the day after the swap (not the one eve replaces on the 6th): an exchange the rule on consecutive swaps refuses.
    const partner = ['dev', 'ben', 'chen'].find((id) => works(dayAfter, id) && !(dayAfter === '2027-01-06' && id === on('2027-01-06', 'A')))!
    const aOn06 = on('2027-01-06', 'A')
    const aOn04 = on('2027-01-04', 'A')
    expect(works('2027-01-15', 'ana')).toBe(true)
    zh(['staff', 'add', 'eve', '--name', 'Eve Park'], 'mei', 0)
    zh(['holiday', 'add', '2027-01-15', '--name', '团队日'], 'mei', 0)
    zh(['config', 'set', 'swap.max-per-month', '2'], 'mei', 0)
    zh(['assign', '2027-01-06', 'A', 'eve', '--replace', aOn06], 'mei', 0)
    zh(['swap', 'check', '--date', swapDay, '--with', 'chen'], 'ana', 0)
    zh(['swap', 'request', '--date', swapDay, '--with', 'chen', '--reason', '看牙'], 'ana', 0)
    zh(['swap', 'accept', '1'], 'chen', 0)
    zh(['swap', 'approve', '1'], 'mei', 0)
    zh(['swap', 'request', '--date', dayAfter, '--with', partner], 'ana', 1) // consecutive
    zh(['swap', 'check', '--date', '2027-01-15', '--with', 'dev'], 'ana', 1) // holiday
    zh(['leave', 'request', '--from', '2027-01-19', '--to', '2027-01-20', '--reason', '家事'], 'ben', 0)
    zh(['leave', 'approve', '1'], 'mei', 0)
    zh(['leave', 'request', '--from', '2027-01-15', '--to', '2027-01-15'], onHoliday, 1) // holiday shift
    zh(['handover', 'add', '--shift', 'A', '--date', '2027-01-04', '--note', '打印机缺纸'], aOn04, 0)
    zh(['export', '--format', 'csv', '-o', 'roster.csv'], undefined, 0)
    zh(['export', '--format', 'csv', '--from', '2027-03-01', '--to', '2027-03-02'], undefined, 0)
    for (const args of [
      ['show'], ['show', '--staff', 'ana'], ['show', '--across'], ['show', '--week', 'mon'], ['show', '--from', '2027-03-01', '--to', '2027-03-07'],
      ['who'], ['who', '--at', '2027-01-04T10:00'], ['check'], ['stats'], ['stats', '--month', '2027-01'],
      ['staff', 'list'], ['shift', 'list'], ['holiday', 'list'], ['config', 'list'], ['config', 'get'],
      ['swap', 'list'], ['swap', 'ledger'], ['swap', 'form', '1'], ['leave', 'list'], ['log'], ['handover', 'list', '--date', '2027-01-04'],
      ['export', '--format', 'md'],
    ]) zh(args, undefined, 0)
    // Mistakes: one Chinese sentence each.
    zh(['show', '--staff', 'zed'], undefined, 2)
    zh(['show', '--from', '2027-02-30'], undefined, 2)
    zh(['assign', '2027-01-07', 'A', 'ana'], 'ben', 1)
    zh(['swap', 'approve', '9'], 'mei', 2)
    const found: string[] = []
    for (const [cmd, r] of outputs) {
      // The swap form is bilingual by design (its HTML has its own tests); CSV is a machine format, English like --json.
      const text = cmd.startsWith('swap form') ? '' : cmd.includes('--format csv') ? r.err : `${r.out}\n${r.err}`
      for (const run of englishRuns(text)) found.push(`roster --lang zh-CN ${cmd}: "${run}"`)
    }
    expect(found).toEqual([])
    // A space between Chinese and Latin letters or digits ("2026-12-20 的 42 个班").
    const cramped: string[] = []
    for (const [cmd, r] of outputs) {
      if (cmd.startsWith('swap form')) continue
      for (const m of `${cmd.includes('--format csv') ? '' : r.out}\n${r.err}`.matchAll(/[0-9A-Za-z][\u4e00-\u9fff]|[\u4e00-\u9fff][0-9A-Za-z]/g)) cramped.push(`roster --lang zh-CN ${cmd}: "${m[0]}"`)
    }
    expect(cramped).toEqual([])
    expect(readFileSync(db).length).toBeGreaterThan(0)
  })
})
