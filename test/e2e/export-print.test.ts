// Prints the HTML export to PDF with headless Chromium, as a person would
// from the browser, and checks the printout: one A4-landscape page per roster
// cycle. Runs only where Debian's chromium is installed (apt-get install
// chromium); elsewhere it is skipped and says why.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, roster, tempDir } from '../support/cli.js'

const CHROMIUM = '/usr/bin/chromium'
const HAS_CHROMIUM = existsSync(CHROMIUM)
const NOW = '2027-01-06T10:30:00'

/** Prints `html` to a PDF next to it and returns the PDF's bytes. */
function printToPdf(html: string): Buffer {
  const pdf = html.replace(/\.html$/, '.pdf')
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-pdf-header-footer', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'roster-chromium-'))}`,
      `--print-to-pdf=${pdf}`, html,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  )
  expect(existsSync(pdf), `chromium wrote no PDF: ${r.stderr}`).toBe(true)
  return readFileSync(pdf)
}

/** The page count and the first page's size in points, read from the PDF's page objects. */
function pages(pdf: Buffer): { count: number; width: number; height: number } {
  const text = pdf.toString('latin1')
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text)
  return { count: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, width: Number(box?.[1]), height: Number(box?.[2]) }
}

const title = HAS_CHROMIUM ? 'roster export --format html, printed with Chromium' : `roster export --format html, printed with Chromium (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`

describe.skipIf(!HAS_CHROMIUM)(title, () => {
  let db: string
  let dir: string
  beforeAll(() => {
    db = demoDb({ start: '2027-01-04', weeks: 6, now: NOW })
    expect(roster(['holiday', 'add', '2027-01-08', '--name', 'Founders Day 建厂日'], { db, as: 'mei', now: NOW }).code).toBe(0)
    dir = tempDir('print')
  })

  for (const layout of ['grid', 'dates-down']) {
    it(`prints two cycles on two A4-landscape pages (--layout ${layout})`, () => {
      const html = join(dir, `roster-${layout}.html`)
      const r = roster(['export', '--format', 'html', '--layout', layout, '--from', '2027-01-04', '--to', '2027-02-14', '-o', html], { db, now: NOW })
      expect(r.code, r.err).toBe(0)
      const pdf = printToPdf(html)
      const p = pages(pdf)
      expect(p.count).toBe(2)
      // A4 landscape is 842 x 595 points.
      expect(Math.round(p.width)).toBe(842)
      expect(Math.round(p.height)).toBe(595)
      expect(statSync(html.replace(/\.html$/, '.pdf')).size).toBeGreaterThan(20_000)
    })
  }

  it('prints one cycle for one person on one page', () => {
    const html = join(dir, 'ana.html')
    expect(roster(['export', '--format', 'html', '--staff', 'ana', '-o', html], { db, now: NOW }).code).toBe(0)
    expect(pages(printToPdf(html)).count).toBe(1)
  })
})
