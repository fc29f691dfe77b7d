// Tables for the terminal. cli-table3 measures East Asian wide characters,
// so Chinese names keep their columns aligned.
//
// Every table is ruled the same way: a line under the header and none between
// body rows. A table wider than the terminal (80 columns when output is not a
// terminal) wraps its widest text columns at spaces, never cutting a word.

import Table from 'cli-table3'
import { displayWidth, wrapText } from './width.js'

export interface TableOptions {
  head: string[]
  rows: string[][]
  color: boolean
  /** Right-align these column indexes (numbers). */
  numeric?: number[]
  /** Kept for callers; every table is ruled alike (a line under the header only). */
  compact?: boolean
  /** The columns the table may take; defaults to the output's width (see setTableWidth). Infinity: never wrap. */
  width?: number
}

let defaultWidth = Infinity

/** The width tables wrap at when a caller does not say: the terminal's, or 80 (set once by the program). */
export function setTableWidth(width: number): void {
  defaultWidth = width > 0 ? width : Infinity
}

export function renderTable(o: TableOptions): string {
  const width = o.width ?? defaultWidth
  const widths = fitColumns([o.head, ...o.rows], width)
  const wrap = (cells: string[]) => (widths ? cells.map((c, i) => wrapText(c, widths[i]! - 2)) : cells)
  const table = new Table({
    head: wrap(o.head),
    style: { head: o.color ? ['bold'] : [], border: o.color ? ['grey'] : [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    colAligns: o.head.map((_, i) => (o.numeric?.includes(i) ? 'right' : 'left')),
    ...(widths ? { colWidths: widths } : {}),
  })
  for (const r of o.rows) table.push(wrap(r))
  return table.toString()
}

/**
 * Column widths (padding included) that make the table fit `width`, or null
 * when it fits as it is. The widest columns give up room first, each down to
 * its longest word; a table that cannot fit so is as narrow as it can be.
 */
export function fitColumns(grid: readonly string[][], width: number): number[] | null {
  if (!Number.isFinite(width) || !grid.length) return null
  const n = Math.max(...grid.map((r) => r.length))
  const natural = Array.from({ length: n }, (_, i) => 2 + Math.max(0, ...grid.map((r) => Math.max(0, ...String(r[i] ?? '').split('\n').map(displayWidth)))))
  const borders = n + 1
  const total = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + borders
  if (total(natural) <= width) return null
  const floor = Array.from({ length: n }, (_, i) => 2 + Math.max(1, ...grid.map((r) => Math.max(0, ...String(r[i] ?? '').split(/\s+/).map(displayWidth)))))
  const ws = [...natural]
  // Take one column at a time from the widest column that can still give.
  while (total(ws) > width) {
    let widest = -1
    for (let i = 0; i < n; i++) if (ws[i]! > floor[i]! && (widest < 0 || ws[i]! > ws[widest]!)) widest = i
    if (widest < 0) break
    ws[widest]!--
  }
  return ws
}
