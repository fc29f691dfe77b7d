// The swap ledger as of a moment, as data: the terminal (src/cli/render/ledger.ts)
// and the CSV and Markdown reports (src/export/reports.ts) both show it.

import type { Moment, SwapLedger } from '../domain/swaps/ledger.js'

export interface LedgerView extends SwapLedger {
  asOf: Moment
  month: string | null
  staff: string | null
}
