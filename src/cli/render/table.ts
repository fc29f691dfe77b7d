// Tables for the terminal. cli-table3 measures East Asian wide characters,
// so Chinese names keep their columns aligned.

import Table from 'cli-table3'

export interface TableOptions {
  head: string[]
  rows: string[][]
  color: boolean
  /** Right-align these column indexes (numbers). */
  numeric?: number[]
  /** No rule between body rows: for long grids such as a roster. */
  compact?: boolean
}

export function renderTable(o: TableOptions): string {
  const table = new Table({
    head: o.head,
    style: { head: o.color ? ['bold'] : [], border: o.color ? ['grey'] : [], compact: o.compact ?? false, 'padding-left': 1, 'padding-right': 1 },
    colAligns: o.head.map((_, i) => (o.numeric?.includes(i) ? 'right' : 'left')),
  })
  for (const r of o.rows) table.push(r)
  return table.toString()
}
