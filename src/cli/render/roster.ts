// Shared pieces for printing a roster on the terminal: the style, padding to
// terminal columns and a colour per shift type. What a roster shows whoever
// shows it (entries, day labels, shift hours) is in src/views/roster.ts.
// Pure: everything comes in as arguments.

import type { ChalkInstance } from 'chalk'
import type { ShiftType } from '../../domain/types.js'
import { displayWidth } from './width.js'
import type { Messages } from '../../i18n/index.js'

/** How to print: whether colour is on, the chalk instance that honours it, and the interface text. */
export interface RenderStyle {
  color: boolean
  c: ChalkInstance
  t: Messages
}

export { count } from '../../i18n/index.js'

/** `text` padded with spaces to `width` terminal columns (a Chinese character takes two). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

const PALETTE = ['cyan', 'green', 'magenta', 'yellow', 'blue', 'red'] as const

/** Paints text in its shift type's colour (by the shift's place in `shifts`); plain without colour. */
export function shiftPainter(shifts: readonly ShiftType[], style: RenderStyle): (code: string, text?: string) => string {
  const index = new Map(shifts.map((s, i) => [s.code, i]))
  return (code, text = code) => {
    if (!style.color) return text
    const i = index.get(code)
    return i === undefined ? text : style.c[PALETTE[i % PALETTE.length]!](text)
  }
}
