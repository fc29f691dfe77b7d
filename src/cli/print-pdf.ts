// Prints an HTML page to PDF with the Chromium or Google Chrome installed on
// the machine, headless, so nobody has to learn its command line. The page's
// own `@page` rule sets the paper (A4, landscape for the wall sheet, portrait
// for the swap form); Chromium's header and footer (date, file path, page
// numbers) are switched off. Loaded only by the commands that print.

import { spawn } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, delimiter, isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { printable } from '../domain/validate.js'
import { UsageError } from '../errors.js'

/** The names Chromium and Chrome go by on PATH, in the order they are tried. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const

const PRINT_TIMEOUT_MS = 120_000

export interface PrintEnv {
  /** The environment: ROSTER_CHROME names the browser, else PATH is searched. */
  env: Readonly<Record<string, string | undefined>>
  /** Whether roster runs as root, where Chromium's sandbox refuses to start. */
  root: boolean
}

/** The browser to print with: ROSTER_CHROME, else the first of BROWSER_NAMES on PATH; a usage error (exit 2) when there is none. */
export function findBrowser(env: PrintEnv['env']): string {
  const named = env.ROSTER_CHROME
  if (named !== undefined && named !== '') {
    const path = isAbsolute(named) ? named : onPath(named, env.PATH)
    if (path === undefined || !isExecutableFile(path)) throw new UsageError((t) => t.print.badChrome(printable(named, 120)), 'no-chrome')
    return path
  }
  for (const name of BROWSER_NAMES) {
    const path = onPath(name, env.PATH)
    if (path !== undefined) return path
  }
  throw new UsageError((t) => t.print.noChrome, 'no-chrome')
}

function onPath(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue
    const file = join(dir, name)
    if (isExecutableFile(file)) return file
  }
  return undefined
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** Chromium's command line for printing `page` to `pdf` with a profile of its own in `profile`. */
export function browserArgs(page: string, pdf: string, profile: string, root: boolean): string[] {
  return [
    '--headless',
    ...(root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--no-pdf-header-footer',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${pdf}`,
    pathToFileURL(page).href,
  ]
}

/**
 * The PDF of `html`, printed by the browser found for `where`. Everything it
 * needs (the page, a fresh browser profile, the PDF) lives in a temporary
 * folder that is removed afterwards; the caller writes the bytes where asked.
 */
export async function printPdf(html: string, where: PrintEnv): Promise<Buffer> {
  const browser = findBrowser(where.env)
  const work = mkdtempSync(join(tmpdir(), 'roster-print-'))
  try {
    const page = join(work, 'page.html')
    const pdf = join(work, 'page.pdf')
    const profile = join(work, 'profile')
    writeFileSync(page, html, 'utf8')
    const result = await runBrowser(browser, browserArgs(page, pdf, profile, where.root), where.env)
    if (!existsSync(pdf) || statSync(pdf).size === 0) {
      const why = result.timedOut ? `no answer within ${PRINT_TIMEOUT_MS / 1000} s` : lastLine(result.stderr) || `exit ${result.code}`
      throw new UsageError((t) => t.print.failed(basename(browser), printable(why, 200)), 'print-failed')
    }
    return readFileSync(pdf)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim() && !/^\[[\d/.:]+:(INFO|VERBOSE)/.test(l)).pop()?.trim() ?? ''
}

function runBrowser(browser: string, args: string[], env: PrintEnv['env']): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(browser, args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let timedOut = false
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 20_000) stderr += d.toString('utf8')
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, PRINT_TIMEOUT_MS)
    child.on('error', (e) => {
      clearTimeout(timer)
      fail(new UsageError((t) => t.print.failed(basename(browser), printable(e.message, 200)), 'print-failed'))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stderr, timedOut })
    })
  })
}
