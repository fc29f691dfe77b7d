// The interface in Simplified Chinese: --lang zh-CN, or a Chinese LANG, turns
// headings, weekdays, legends and rule messages Chinese, keeps the rule ids,
// and leaves --json (and CSV) exactly as in English.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import stringWidth from 'string-width'
import { beforeAll, describe, expect, it } from 'vitest'
import { roster, STACK_TRACE, tempDb, tempDir, type RunOptions, type RunResult } from '../support/cli.js'
import { NOW, rosterDb, sql } from './swap-support.js'

// PATTERN (swap-support.ts) from Mon 2027-01-04, with 2027-01-05 a holiday, chen's B
// on Mon 2027-01-04 removed (a hole) and ana on A as well as C on Tue 2027-01-05.
//          day0 day1 day2 day3     day0 = 01-04 01-08 ...; day1 = 01-05 01-09 ...
//  ana      -    C    B    A
//  ben      A    -    C    B
//  chen     B    A    -    C
//  dev      C    B    A    -

type Mode = { name: string; args: string[]; env: Record<string, string> }
const ENGLISH: Mode = { name: 'English', args: [], env: {} }
const MODES: Mode[] = [
  { name: '--lang zh-CN', args: ['--lang', 'zh-CN'], env: {} },
  { name: 'LANG=zh_CN.UTF-8', args: [], env: { LANG: 'zh_CN.UTF-8' } },
]

let db: string

beforeAll(() => {
  db = rosterDb({ holidays: { '2027-01-05': '元旦补休 Holiday' } })
  sql(db, (d) => {
    d.prepare(`DELETE FROM assignment WHERE date = '2027-01-04' AND shift = 'B'`).run()
    d.prepare(`INSERT INTO assignment (date, shift, staff) VALUES ('2027-01-05', 'A', 'ana')`).run()
  })
})

function run(mode: Mode, args: string[], o: RunOptions = {}): RunResult {
  // Wide enough for every table to stay on one line a row (the width itself is tested in help-width and first-hour).
  return roster([...mode.args, ...args], { db, now: NOW, ...o, env: { COLUMNS: '200', ...mode.env, ...(o.env ?? {}) } })
}

/** The box-drawn tables in a text, each as its lines. */
function tables(text: string): string[][] {
  const out: string[][] = []
  let current: string[] | null = null
  for (const line of text.split('\n')) {
    if (/^[┌│├└]/.test(line)) {
      if (line.startsWith('┌')) out.push((current = []))
      current?.push(line)
    } else current = null
  }
  return out
}

function expectAligned(text: string): void {
  const found = tables(text)
  expect(found.length, text).toBeGreaterThan(0)
  for (const t of found) expect(new Set(t.map((l) => stringWidth(l))).size, t.join('\n')).toBe(1)
}

/** The cells of the table row starting with `first`. */
function row(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`│ ${first} `))
  expect(line, `no row ${first} in\n${text}`).toBeDefined()
  return line!.split('│').slice(1, -1).map((c) => c.trim())
}

describe.each(MODES)('in Chinese ($name)', (mode) => {
  it('show: Chinese title, headings and weekdays; the same --json', () => {
    const r = run(mode, ['show', '--week', '2027-01-04'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('排班表 2027-01-04 至 2027-01-10（2027-01-04 所在的一周）：')
    expect(row(r.out, '日期').slice(0, 2)).toEqual(['日期', '星期'])
    expect(row(r.out, '2027-01-05')).toEqual(['2027-01-05', '周二', 'ana, chen', 'dev', 'ana', '元旦补休 Holiday'])
    expect(row(r.out, '2027-01-09')[1]).toBe('周六*')
    expect(r.out).toContain('* 周末。')
    expectAligned(r.out)
    const across = run(mode, ['show', '--across', '--from', '2027-01-04', '--to', '2027-01-10'])
    expect(row(across.out, '员工')).toEqual(['员工', '姓名', '一', '二休', '三', '四', '五', '六*', '日*', '班数'])
    expect(across.out).toContain('休 节假日：2027-01-05 元旦补休 Holiday')
    expectAligned(across.out)
    const mine = run(mode, ['show', '--staff', 'ana', '--week', '2027-01-04'])
    expect(mine.out).toContain('2027-01-05  周二   A  09:00-17:00  到岗  节假日：元旦补休 Holiday')
    for (const args of [['show', '--week', '2027-01-04'], ['show', '--across', '--month', '2027-01']]) {
      expect(run(mode, args, { json: true }).out).toBe(run(ENGLISH, args, { json: true }).out)
    }
  })

  it('check: Chinese sentences, the same rule ids, the same --json', () => {
    const args = ['check', '--from', '2027-01-04', '--to', '2027-01-10']
    const zh = run(mode, args)
    const en = run(ENGLISH, args)
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toContain('已检查 2027-01-04 至 2027-01-10（指定的日期）。')
    expect(zh.out).toContain('设置：服务时间中的 22:00-24:00 没有任何班次覆盖：请添加班次或修改 service.hours。')
    expect(zh.out).toContain('服务时间 09:00-24:00：1 处空档无人值守。')
    expect(zh.out).toContain('排班规则：3 处违反。')
    expect(row(zh.out, '2027-01-04')).toEqual(['2027-01-04', 'roster.coverage', '', '2027-01-04 的 B 班只有 0 人，需要 1 人'])
    expect(zh.out).toContain('ana 在 2027-01-05 同时上 A 班和 C 班')
    expect(zh.out).toContain('结论：未通过：1 处空档，3 处违反规则。')
    const ids = (text: string) => text.split('\n').filter((l) => /^│ \d{4}-/.test(l)).map((l) => l.split('│')[2]!.trim())
    expect(ids(zh.out)).toEqual(ids(en.out))
    expect(ids(zh.out)).toEqual(['roster.coverage', 'roster.one-shift-per-day', 'roster.min-rest'])
    expectAligned(zh.out)
    expect(run(mode, args, { json: true }).out).toBe(run(ENGLISH, args, { json: true }).out)
    const strict = run(mode, [...args, '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.err).toBe('roster 错误：检查发现 2027-01-04 至 2027-01-10 有 1 处空档和 3 处违反规则。\n')
  })

  it('stats: Chinese headings and notes, the same --json', () => {
    const r = run(mode, ['stats', '--month', '2027-01'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('2027-01 的班次（2027-01-01 至 2027-01-31）：')
    expect(row(r.out, '员工')).toEqual(['员工', '姓名', 'A', 'B', 'C', '合计', '周末', '节假日', '换班'])
    expect(r.out).toContain('每月最多 3 次（swap.max-per-month）。')
    expectAligned(r.out)
    expect(run(mode, ['stats', '--month', '2027-01'], { json: true }).out).toBe(run(ENGLISH, ['stats', '--month', '2027-01'], { json: true }).out)
  })

  it('generate: the sheet and the fairness table in Chinese, the same --json', () => {
    const args = ['generate', '--demo', '--start', '2027-01-04', '--weeks', '1']
    const zh = run(mode, args, { db: tempDb('zh') })
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toMatch(/^已创建 .+ 并加入演示团队。\n排班表 2027-01-04 至 2027-01-10（种子 1）：\n/)
    expect(row(zh.out, '员工')).toEqual(['员工', '姓名', '一', '二', '三', '四', '五', '六*', '日*', '班数'])
    expect(zh.out).toContain('轮班的 4 人之间的公平性（差值：最多减最少）：')
    expect(row(zh.out, '差值')[0]).toBe('差值')
    expectAligned(zh.out)
    expect(run(mode, args, { db: tempDb('zh'), json: true }).out).toBe(run(ENGLISH, args, { db: tempDb('en'), json: true }).out)
  })

  it('a refused swap: the Chinese sentence names the same rule; --json keeps the English error', () => {
    const args = ['swap', 'request', '--date', '2027-01-05', '--with', 'ben', '--payback', '2027-01-08']
    const zh = run(mode, args, { as: 'ana' })
    expect(zh.code).toBe(1)
    expect(zh.out).toBe('')
    expect(zh.err).toBe('roster 错误：被规则 swap.holiday 拒绝：2027-01-05 是节假日（元旦补休 Holiday）：节假日当班人员不允许换班。同时被 swap.back-to-back 拒绝：见 "roster swap check --date 2027-01-05 --with ben --payback 2027-01-08 --as ana"。\n')
    expect(zh.err).not.toMatch(STACK_TRACE)
    const en = run(ENGLISH, args, { as: 'ana' })
    expect(en.err).toMatch(/^roster: Refused by swap\.holiday: 2027-01-05 is a holiday/)
    const zhJson = run(mode, args, { as: 'ana', json: true })
    expect(zhJson.err).toBe(run(ENGLISH, args, { as: 'ana', json: true }).err)
    expect(zhJson.errJson.error.code).toBe('swap.holiday')
  })

  it('swap check: the rules pass or fail in Chinese, the ids stay', () => {
    const r = run(mode, ['swap', 'check', '--date', '2027-01-06', '--with', 'dev'], { as: 'ana' })
    expect(r.code).toBe(0)
    expect(row(r.out, '规则')).toEqual(['规则', '结果', '说明'])
    expect(row(r.out, 'swap.ownership')).toEqual(['swap.ownership', '通过', '当日对换：2027-01-06 ana 上 B 班，dev 上 A 班，两人互换'])
    expect(row(r.out, 'swap.monthly-limit')).toEqual(['swap.monthly-limit', '通过', '加上这一次：ana 1 次，dev 1 次；2027-01 每人最多 3 次'])
    expectAligned(r.out)
    const refused = run(mode, ['swap', 'check', '--date', '2027-01-04', '--with', 'ben'], { as: 'ana' })
    expect(refused.code).toBe(1)
    expect(row(refused.out, 'swap.ownership')).toEqual(['swap.ownership', '不通过', 'ana 在 2027-01-04 没有可以换出的班'])
    expect(refused.err).toBe('roster 错误：此次换班会被 swap.ownership 拒绝。\n')
    expect(run(mode, ['swap', 'check', '--date', '2027-01-06', '--with', 'dev'], { as: 'ana', json: true }).out)
      .toBe(run(ENGLISH, ['swap', 'check', '--date', '2027-01-06', '--with', 'dev'], { as: 'ana', json: true }).out)
  })

  it('the common errors are Chinese sentences (unknown staff id, bad date, permission); their --json stays English', () => {
    const cases: [string[], string | undefined, number, string, string][] = [
      [['show', '--staff', 'zoe'], undefined, 2, 'roster 错误：未知的员工编号 "zoe"：见 "roster staff list"。', 'not-found'],
      [['show', '--week', '2027-02-30'], undefined, 2, 'roster 错误：--week "2027-02-30" 不是日期：请用 YYYY-MM-DD（真实存在的日期）、today、tomorrow 或 mon 这样的星期。', 'bad-date'],
      [['assign', '2027-01-04', 'B', 'chen'], 'ana', 1, 'roster 错误：只有组长或经理可以修改排班表；ana 是客服。', 'permission'],
      [['swap', 'approve', '9'], 'mei', 2, 'roster 错误：没有换班 #9：见 "roster swap list"。', 'not-found'],
    ]
    for (const [args, as, code, sentence, kind] of cases) {
      const zh = run(mode, args, { as })
      expect(zh.code, args.join(' ')).toBe(code)
      expect(zh.err).toBe(`${sentence}\n`)
      const json = run(mode, args, { as, json: true })
      expect(json.err).toBe(run(ENGLISH, args, { as, json: true }).err)
      expect(json.errJson.error.code).toBe(kind)
    }
  })

  it('other tables: staff, shifts, swaps, leave and the audit log', () => {
    const staff = run(mode, ['staff', 'list'])
    expect(row(staff.out, '编号')).toEqual(['编号', '姓名', '角色', '轮班', '在职'])
    expect(row(staff.out, 'mei')).toEqual(['mei', 'Mei Lin 林梅', '组长', '否', '是'])
    expectAligned(staff.out)
    const shifts = run(mode, ['shift', 'list'])
    expect(row(shifts.out, 'C').slice(2, 4)).toEqual(['20:00-22:00', '在家'])
    expectAligned(shifts.out)
    expect(run(mode, ['swap', 'list']).out).toBe('没有符合条件的换班。\n')
    expectAligned(run(mode, ['log']).out)
    expect(row(run(mode, ['log']).out, '#')).toEqual(['#', '时间 (UTC)', '操作人', '操作', '对象'])
  })

  it('who: the weekday and headings in Chinese', () => {
    const r = run(mode, ['who', '--at', '2027-01-06T13:00'])
    expect(r.out).toContain('2027-01-06 13:00（周三） 值班：')
    expect(row(r.out, '员工')).toEqual(['员工', '姓名', '班次', '时间', '地点'])
    expectAligned(r.out)
  })

  it('the printed sheet: HTML lang, headings, weekdays and legend; Markdown headings', () => {
    const html = run(mode, ['export', '--format', 'html', '--week', '2027-01-04'])
    expect(html.out).toContain('<html lang="zh-CN">')
    expect(html.out).toContain('<h1>值班表 <span class="range">周一 2027-01-04 至 周日 2027-01-10</span></h1>')
    expect(html.out).toContain('<span class="wd">周二</span><span class="dn">05</span><span class="mark">休</span>')
    expect(html.out).toContain('<span class="swatch we"></span> 周末</li><li><span class="swatch hol"></span> 节假日</li>')
    expect(html.out).toContain('2027年1月')
    const md = run(mode, ['export', '--format', 'md', '--week', '2027-01-04'])
    expect(md.out).toMatch(/^## 排班表 2027-01-04 至 2027-01-10\n/)
    expect(md.out).toContain('| 日期 | 星期 | A 09:00-17:00 | B 12:00-20:00 | C 20:00-22:00 （在家） | 节假日 |')
    expect(md.out).toContain('| 2027-01-05 | 周二 | ana, chen | dev | ana | 元旦补休 Holiday |')
    // Data formats do not change with the language.
    for (const format of ['csv', 'json', 'ics']) {
      const args = ['export', '--format', format, '--week', '2027-01-04']
      const [zh, en] = [run(mode, args), run(ENGLISH, args)]
      expect(zh.out, `${format}: exit ${zh.code}, ${zh.err}`).toBe(en.out)
    }
  })
})

describe('reports as CSV and Markdown', () => {
  it('stats --format csv parses to the --json numbers, in any language', () => {
    const json = run(ENGLISH, ['stats', '--month', '2027-01'], { json: true }).json
    const csv = run(ENGLISH, ['stats', '--month', '2027-01', '--format', 'csv'])
    expect(csv.code, csv.err).toBe(0)
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual(['id', 'name', 'shifts.A', 'shifts.B', 'shifts.C', 'total', 'weekend', 'holiday', 'swaps', 'swap_limit'])
    expect(rows.map((r) => ({ id: r.id, shifts: { A: Number(r['shifts.A']), B: Number(r['shifts.B']), C: Number(r['shifts.C']) }, total: Number(r.total), weekend: Number(r.weekend), holiday: Number(r.holiday), swaps: Number(r.swaps) }))).toEqual(json.staff)
    expect(rows.map((r) => r.name)).toEqual(['Ana Souza', 'Ben Okafor', 'Chen Jie 陈杰', 'Dev Patel'])
    expect(run(MODES[0]!, ['stats', '--month', '2027-01', '--format', 'csv']).out).toBe(csv.out)
  })

  it('check --format csv lists every gap and violation of --json', () => {
    const args = ['check', '--from', '2027-01-04', '--to', '2027-01-10']
    const json = run(ENGLISH, args, { json: true }).json
    const csv = run(ENGLISH, [...args, '--format', 'csv'])
    expect(csv.code, csv.err).toBe(0)
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[]
    expect(rows.filter((r) => r.kind === 'gap').map((r) => ({ date: r.date, from: r.from, to: r.to }))).toEqual(json.gaps)
    expect(rows.filter((r) => r.kind === 'violation').map((r) => ({ rule: r.rule, date: r.date, staff: r.staff || null, message: r.message }))).toEqual(json.violations)
    expect(rows).toHaveLength(json.gaps.length + json.violations.length)
    expect(run(MODES[1]!, [...args, '--format', 'csv']).out).toBe(csv.out)
  })

  it('-o writes the file (format from the extension) and says so on stderr; Markdown follows the language', () => {
    const dir = tempDir('report')
    const r = run(MODES[0]!, ['check', '--from', '2027-01-04', '--to', '2027-01-10', '-o', join(dir, 'check.md')])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe('')
    expect(r.err).toBe(`已将 2027-01-04 至 2027-01-10 的检查结果写入 ${join(dir, 'check.md')}（md）。\n`)
    const md = readFileSync(join(dir, 'check.md'), 'utf8')
    expect(md).toMatch(/^## 检查 2027-01-04 至 2027-01-10\n/)
    expect(md).toContain('| 2027-01-04 | roster.coverage |  | 2027-01-04 的 B 班只有 0 人，需要 1 人 |')
    const en = run(ENGLISH, ['stats', '--month', '2027-01', '--format', 'md'])
    expect(en.out).toMatch(/^## Shifts in 2027-01 \(2027-01-01 to 2027-01-31\)\n\n\| staff \| name \| A \| B \| C \| total \| weekend \| holiday \| swaps \|\n/)
    expect(en.out).toContain('| ana | Ana Souza | 6 | 5 | 5 | 16 | 4 | 2 | 0/3 |')
  })

  it('refuses --json with --format, a format it does not know, and -o without a format', () => {
    for (const args of [['stats', '--format', 'csv'], ['stats', '--format', 'xlsx'], ['check', '-o', join(tempDir('report'), 'check.txt')]]) {
      const r = run(ENGLISH, args, { json: args[2] === 'csv' })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
  })
})
