// Printing through the real Chromium on the machine: `export --format pdf`
// (the wall sheet, A4 landscape) and `swap form --pdf` (the form, A4
// portrait), checked with poppler's pdfinfo (pages, paper) and pdftotext
// (Chinese names and legends are in the text; no browser header or footer).
// Never skipped: without chromium or poppler-utils these tests fail and say
// what to install (.ci/run installs them).

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BROWSER_NAMES } from '../../src/cli/print-pdf.js'
import { demoDb, fileHash, roster, rosterAsync, STACK_TRACE, tempDir, type RunOptions, type RunResult } from '../support/cli.js'

const NOW = '2027-01-06T10:30:00'
const PRINT_MS = 180_000

function which(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** Fails (never skips) when a tool the real check needs is missing. */
function need(names: readonly string[], install: string): string {
  const found = names.map(which).find(Boolean)
  if (!found) throw new Error(`${names.join(' / ')} not found on PATH: install it (${install}); this test does not skip.`)
  return found
}

interface PdfInfo {
  pages: number
  width: number
  height: number
}

function pdfinfo(file: string): PdfInfo {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(r.status, `pdfinfo ${file}: ${r.stderr}`).toBe(0)
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(r.stdout)
  return { pages: Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1]), width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2])) }
}

function pdftext(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(r.status, `pdftotext ${file}: ${r.stderr}`).toBe(0)
  return r.stdout
}

/**
 * Runs roster with its own TMPDIR (without blocking the test runner while the
 * browser prints), and checks it left no browser profile or page behind.
 */
async function printing(args: string[], o: RunOptions): Promise<RunResult> {
  const tmp = tempDir('print-tmp')
  const r = await rosterAsync(args, { ...o, env: { TMPDIR: tmp, ...(o.env ?? {}) } })
  expect(readdirSync(tmp).filter((f) => f.startsWith('roster-print-')), 'the temporary browser profile was not removed').toEqual([])
  return r
}

describe('printing to PDF through the Chromium on this machine', () => {
  let chromium: string
  let db: string
  let dir: string
  let swapId: string

  beforeAll(() => {
    chromium = need(BROWSER_NAMES, 'apt-get install -y chromium')
    need(['pdfinfo'], 'apt-get install -y poppler-utils')
    db = demoDb({ start: '2027-01-04', weeks: 6, now: NOW })
    expect(roster(['holiday', 'add', '2027-01-08', '--name', 'Founders Day 建厂日'], { db, as: 'mei', now: NOW }).code).toBe(0)
    expect(roster(['staff', 'add', 'wang', '--name', '王小明'], { db, as: 'mei', now: NOW }).code).toBe(0)
    dir = tempDir('print')
    // A day both ben and chen work, so they can exchange shifts.
    const show = roster(['show', '--from', '2027-01-11', '--to', '2027-01-24'], { db, json: true, now: NOW })
    const days = (who: string) => new Set(show.json.assignments.filter((a: { staff: string }) => a.staff === who).map((a: { date: string }) => a.date))
    const ben = days('ben')
    const day = [...days('chen')].sort().find((d) => ben.has(d)) as string
    expect(day, 'no day where ben and chen both work').toBeDefined()
    const req = roster(['swap', 'request', '--date', day, '--with', 'chen', '--reason', '看病 doctor'], { db, as: 'ben', json: true, now: NOW })
    expect(req.code, req.err).toBe(0)
    swapId = String(req.json.swap.id)
  })

  for (const layout of ['grid', 'dates-down']) {
    it(`export --format pdf prints two cycles on two A4-landscape pages, without a browser header or footer (--layout ${layout})`, async () => {
      const pdf = join(dir, `roster-${layout}.pdf`)
      const r = await printing(['export', '--format', 'pdf', '--layout', layout, '--from', '2027-01-04', '--to', '2027-02-14', '-o', pdf], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      expect(r.err).toContain(`to ${pdf}`)
      // A4 landscape is 842 x 595 points.
      expect(pdfinfo(pdf)).toEqual({ pages: 2, width: 842, height: 595 })
      const text = pdftext(pdf)
      expect(text).toContain('weekend')
      for (const name of ['陈杰', '王小明']) expect(text, name).toContain(name)
      // Chromium's own header and footer name the page's file and number the pages.
      expect(text).not.toMatch(/file:\/\/|page\.html|\b1\/2\b/)
    }, PRINT_MS)
  }

  it('export --lang zh-CN --format pdf has the Chinese name and the Chinese legend in the PDF\'s text (ROSTER_CHROME names the browser)', async () => {
    const pdf = join(dir, 'roster-zh.pdf')
    const r = await printing(['--lang', 'zh-CN', 'export', '--format', 'pdf', '--from', '2027-01-04', '--to', '2027-01-24', '-o', pdf], { db, now: NOW, env: { ROSTER_CHROME: chromium, PATH: '/nonexistent' } })
    expect(r.code, r.err).toBe(0)
    expect(pdfinfo(pdf)).toEqual({ pages: 1, width: 842, height: 595 })
    const text = pdftext(pdf)
    for (const zh of ['王小明', '陈杰', '值班表', '周末', '节假日', '建厂日']) expect(text, zh).toContain(zh)
    expect(text).not.toContain('weekend')
  }, PRINT_MS)

  it('swap form --pdf prints the form on one A4-portrait page with both names and its Chinese title', async () => {
    const pdf = join(dir, 'form.pdf')
    const r = await printing(['swap', 'form', swapId, '--pdf', '-o', pdf], { db, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(pdfinfo(pdf)).toEqual({ pages: 1, width: 595, height: 842 })
    const text = pdftext(pdf)
    for (const s of ['换班登记表', 'Chen Jie 陈杰', 'Ben Okafor', '看病 doctor', '换班人签字']) expect(text, s).toContain(s)
    expect(text).not.toMatch(/file:\/\/|page\.html/)
  }, PRINT_MS)

  it('with no Chromium or Chrome to be found, says in one sentence what to install (exit 2) and writes nothing', async () => {
    const before = fileHash(db)
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['export', '--format', 'pdf', '-o', join(dir, 'none.pdf')], { PATH: '/nonexistent' }, /needs Chromium or Google Chrome, and none was found: install one \(on Debian or Ubuntu: apt-get install chromium\)/],
      [['swap', 'form', swapId, '--pdf', '-o', join(dir, 'none.pdf')], { PATH: '/nonexistent', ROSTER_CHROME: '' }, /apt-get install chromium/],
      [['export', '--format', 'pdf', '-o', join(dir, 'none.pdf')], { ROSTER_CHROME: join(dir, 'no-such-browser') }, /ROSTER_CHROME names .*no-such-browser, which is not a program that can be run/],
      [['--lang', 'zh-CN', 'export', '--format', 'pdf', '-o', join(dir, 'none.pdf')], { PATH: '/nonexistent' }, /打印 PDF 需要 Chromium 或 Google Chrome，但没有找到/],
    ]
    for (const [args, env, says] of cases) {
      const r = await printing(args, { db, now: NOW, env })
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2)
      expect(r.err).toMatch(says)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false)
    expect(fileHash(db)).toBe(before)
  })

  it('a browser that prints nothing is an error (exit 2), not "Wrote ..."; a PDF without -o is bad usage', async () => {
    const before = fileHash(db)
    const failing = await printing(['export', '--format', 'pdf', '-o', join(dir, 'false.pdf')], { db, now: NOW, env: { ROSTER_CHROME: need(['false'], 'coreutils') } })
    expect(failing.code, failing.err).toBe(2)
    expect(failing.err).toMatch(/^roster: false did not print the PDF \(exit 1\)\.\n$/)
    expect(existsSync(join(dir, 'false.pdf'))).toBe(false)
    for (const args of [['export', '--format', 'pdf'], ['swap', 'form', swapId, '--pdf']]) {
      const r = roster(args, { db, now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toContain('PDF is a file to print, not text for the terminal: add -o <file.pdf>.')
    }
    expect(fileHash(db)).toBe(before)
  })
})
