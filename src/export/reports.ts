// The reports as files: `stats`, `check` and `swap ledger` with --format csv|md. CSV is
// data, like --json: English headers, the same numbers and the English rule
// messages whatever the language, written by the roster export's CSV writer
// (quoting, formula neutralising). Markdown is for people: it follows the
// interface language, and every value is escaped like the roster's Markdown.

import { formatHhmm } from '../domain/clock.js'
import { diffDays } from '../domain/dates.js'
import type { FairnessSummary } from '../domain/fairness.js'
import { gapRuns, type CheckReport } from '../views/check.js'
import { dayLabel } from '../views/roster.js'
import type { StatsReport } from '../views/stats.js'
import type { LedgerView } from '../views/ledger.js'
import type { Messages } from '../i18n/index.js'
import { csvTable } from './csv.js'
import { escapeMarkdown as e, markdownTable } from './markdown.js'

const plain = (s: string) => s

/** `id,name,shifts.A,shifts.B,...,total,weekend,holiday,swaps,swap_limit`: one row per person, the numbers of `stats --json`. */
export function statsCsv(r: StatsReport): string {
  return csvTable([
    ['id', 'name', ...r.shifts.map((c) => `shifts.${c}`), 'total', 'weekend', 'holiday', 'swaps', 'swap_limit'],
    ...r.staff.map((s) => [s.id, s.name, ...r.shifts.map((c) => String(s.shifts[c] ?? 0)), String(s.total), String(s.weekend), String(s.holiday), String(s.swaps), String(r.swapLimit)]),
  ])
}

export function statsMarkdown(r: StatsReport, t: Messages): string {
  const lines = [`## ${e(t.report.statsTitle(r.month, r.from, r.to))}`, '']
  if (!r.staff.length) lines.push(e(t.stats.empty(r.month)))
  else {
    const head = [t.stats.staff, t.stats.name, ...r.shifts, t.stats.total, t.stats.weekend, t.stats.holiday, t.stats.swaps].map(e)
    const rows = r.staff.map((s) => [e(s.id), e(s.name), ...r.shifts.map((c) => String(s.shifts[c] ?? 0)), String(s.total), String(s.weekend), String(s.holiday), `${s.swaps}/${r.swapLimit}`])
    lines.push(markdownTable(head, rows, ['l', 'l', ...Array.from({ length: r.shifts.length + 4 }, () => 'r' as const)]), '')
    const notes = [t.stats.swapsNote(r.swapLimit)]
    const atLimit = r.staff.filter((s) => s.swaps >= r.swapLimit).map((s) => s.id)
    if (atLimit.length) notes.push(t.stats.atLimit(t.list(atLimit)))
    lines.push(e(t.clauses(notes)))
  }
  return `${lines.join('\n')}\n`
}

/**
 * `kind,date,from,to,rule,staff,message`: one row per service-hour gap
 * (kind `gap`, with its times) and per broken rule (kind `violation`, with
 * the rule id, the person and the English message), as `check --json` lists them.
 */
export function checkCsv(r: CheckReport): string {
  return csvTable([
    ['kind', 'date', 'from', 'to', 'rule', 'staff', 'message'],
    ...r.gaps.map((g) => ['gap', g.date, formatHhmm(g.from), formatHhmm(g.to), '', '', '']),
    ...r.violations.map((v) => ['violation', v.date ?? '', '', '', v.rule, v.staff ?? '', v.message]),
  ])
}

export function checkMarkdown(r: CheckReport, t: Messages): string {
  if (!r.from || !r.to) return `${e(t.check.noRoster(r.lead))}\n`
  const lines = [`## ${e(t.report.checkTitle(r.from, r.to))}`, '', e(t.check.checked(r.from, r.to, r.scope)), '']
  const window = `${formatHhmm(r.serviceHours.from)}-${formatHhmm(r.serviceHours.to)}`
  lines.push(`### ${e(t.report.gapsTitle)}`, '')
  if (!r.gaps.length) lines.push(e(t.check.covered(window, plain)))
  else {
    lines.push(e(t.check.gaps(window, r.gaps.length, plain)), '')
    const rows = gapRuns(r.gaps).map((g) => [
      g.first === g.last ? e(t.check.gapDay(g.first, dayLabel(g.first, t))) : e(t.check.gapRun(g.first, g.last, diffDays(g.first, g.last) + 1)),
      formatHhmm(g.from),
      formatHhmm(g.to),
    ])
    lines.push(markdownTable([e(t.check.date), e(t.report.from), e(t.report.to)], rows))
  }
  lines.push('', `### ${e(t.report.violationsTitle)}`, '')
  if (!r.violations.length) lines.push(e(t.check.rulesKept(plain)))
  else {
    lines.push(e(t.check.rulesBroken(r.violations.length, plain)), '')
    lines.push(markdownTable([t.check.date, t.check.rule, t.check.staff, t.check.what].map(e), r.violations.map((v) => [v.date ?? '', e(v.rule), e(v.staff ?? ''), e(t.violation(v))])))
  }
  if (r.fairness?.staff.length) lines.push('', `### ${e(t.report.fairnessTitle)}`, '', fairnessMarkdown(r.fairness, t))
  lines.push('', e(r.ok ? t.check.resultOk(plain) : t.check.resultFailed(r.gaps.length, r.violations.length, plain)))
  return `${lines.join('\n')}\n`
}

function fairnessMarkdown(f: FairnessSummary, t: Messages): string {
  const codes = Object.keys(f.spread.shifts)
  const row = (label: string, m: { shifts: Record<string, number>; total: number; weekend: number; holiday: number; daysOff: number }) =>
    [label, ...codes.map((c) => String(m.shifts[c] ?? 0)), String(m.total), String(m.weekend), String(m.holiday), String(m.daysOff)]
  const head = [t.fairness.staff, ...codes, t.fairness.total, t.fairness.weekend, t.fairness.holiday, t.fairness.daysOff].map(e)
  const rows = [...f.staff.map((s) => row(e(s.id), s)), row(`**${e(t.fairness.spread)}**`, f.spread)]
  return [e(t.fairness.title(f.staff.length)), '', markdownTable(head, rows, ['l', ...Array.from({ length: codes.length + 4 }, () => 'r' as const)])].join('\n')
}

/**
 * `swap,date,requester,counterpart,kind,payback,payback_shift,owed,due`: one
 * row per approved swap of the ledger; `owed` is true for a cover whose
 * payback is still to be worked, `due` when it will be done (covers only).
 */
export function ledgerCsv(r: LedgerView): string {
  const owed = new Map(r.owed.map((o) => [o.swap, o]))
  return csvTable([
    ['swap', 'date', 'requester', 'counterpart', 'kind', 'payback', 'payback_shift', 'owed', 'due'],
    ...r.swaps.map((s) => {
      const o = owed.get(s.id)
      return [String(s.id), s.date, s.requester, s.counterpart, s.kind, s.payback ?? '', s.paybackShift ?? '', String(s.owed), o ? `${o.due.date}T${formatHhmm(o.due.minute)}` : '']
    }),
  ])
}

export function ledgerMarkdown(r: LedgerView, t: Messages): string {
  const scope = t.ledger.scope(r.staff, r.month)
  const lines = [`## ${e(t.report.ledgerTitle)}`, '']
  if (!r.swaps.length) return `${[...lines, e(t.ledger.none(scope))].join('\n')}\n`
  const at = `${r.asOf.date} ${formatHhmm(r.asOf.minute)}`
  lines.push(e(t.ledger.title(scope, r.swaps.length)), '', e(t.ledger.pairs), '')
  lines.push(markdownTable(
    [t.ledger.between, t.ledger.swaps, t.ledger.asked, t.ledger.exchanges, t.ledger.covers, t.ledger.owedCount].map(e),
    r.pairs.map((p) => [e(`${p.staff[0]} – ${p.staff[1]}`), String(p.swaps), e(t.ledger.askedBy(p.staff[0], p.requested[0], p.staff[1], p.requested[1])), String(p.exchanges), String(p.covers), String(p.owed)]),
    ['l', 'r', 'l', 'r', 'r', 'r'],
  ), '')
  if (!r.owed.length) lines.push(e(t.ledger.owedNone(at)))
  else {
    lines.push(e(t.ledger.owedTitle(at)), '')
    lines.push(markdownTable(
      [t.ledger.swap, t.ledger.owes, t.ledger.to, t.ledger.coveredOn, t.ledger.paybackOn, t.ledger.shift, t.ledger.due].map(e),
      r.owed.map((o) => [String(o.swap), e(o.debtor), e(o.creditor), o.date, o.payback, e(o.shift ?? '-'), `${o.due.date} ${formatHhmm(o.due.minute)}`]),
    ))
  }
  return `${lines.join('\n')}\n`
}
