// Text for `roster swap ledger`: the pairs who swapped and the paybacks still owed.

import { formatHhmm } from '../../domain/clock.js'
import type { Moment } from '../../domain/swaps/ledger.js'
import type { LedgerView } from '../../views/ledger.js'
import type { RenderStyle } from './roster.js'
import { renderTable } from './table.js'

/** `2027-01-08 20:00` */
function moment(m: Moment): string {
  return `${m.date} ${formatHhmm(m.minute)}`
}

export function renderLedger(r: LedgerView, style: RenderStyle): string {
  const { t } = style
  const scope = t.ledger.scope(r.staff, r.month)
  if (!r.swaps.length) return [t.ledger.none(scope), ...undoneLines(r, style)].join('\n')
  const lines = [t.ledger.title(scope, r.swaps.length), '', t.ledger.pairs]
  lines.push(renderTable({
    head: [t.ledger.between, t.ledger.swaps, t.ledger.asked, t.ledger.exchanges, t.ledger.covers, t.ledger.owedCount],
    rows: r.pairs.map((p) => [
      `${p.staff[0]} – ${p.staff[1]}`,
      String(p.swaps),
      t.ledger.askedBy(p.staff[0], p.requested[0], p.staff[1], p.requested[1]),
      String(p.exchanges),
      String(p.covers),
      p.owed && style.color ? style.c.yellow(String(p.owed)) : String(p.owed),
    ]),
    color: style.color,
    numeric: [1, 3, 4, 5],
    compact: true,
  }))
  lines.push('')
  if (!r.owed.length) lines.push(t.ledger.owedNone(moment(r.asOf)))
  else {
    lines.push(t.ledger.owedTitle(moment(r.asOf)))
    lines.push(renderTable({
      head: [t.ledger.swap, t.ledger.owes, t.ledger.to, t.ledger.coveredOn, t.ledger.paybackOn, t.ledger.shift, t.ledger.due],
      rows: r.owed.map((o) => [String(o.swap), o.debtor, o.creditor, o.date, o.payback, o.shift ?? '-', moment(o.due)]),
      color: style.color,
      numeric: [0],
      compact: true,
    }))
  }
  lines.push(...undoneLines(r, style))
  return lines.join('\n')
}

/** The swaps that were undone, and by which reversal; nothing when there are none. */
function undoneLines(r: LedgerView, style: RenderStyle): string[] {
  const { t } = style
  if (!r.undone.length) return []
  return ['', t.ledger.undoneTitle, renderTable({
    head: [t.ledger.swap, t.ledger.between, t.swap.date, t.swap.payback, t.ledger.undoneBy],
    rows: r.undone.map((u) => [String(u.id), `${u.requester} – ${u.counterpart}`, u.date, u.payback ?? '-', u.undoneBy === null ? '-' : `#${u.undoneBy}`]),
    color: style.color,
    numeric: [0],
    compact: true,
  })]
}
