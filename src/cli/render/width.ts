// How many terminal columns a text takes: East Asian wide and fullwidth
// characters (Chinese names) take two, combining marks and colour codes none.
// Written here rather than taken from string-width, whose module builds an
// Intl.Segmenter as it loads and so costs every command ~26 ms at start-up;
// measured, with what string-width does better (emoji sequences), in
// docs/decisions/0006-terminal-width.md.

import { eastAsianWidth } from 'get-east-asian-width'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u{fe00}-\u{fe0f}]/u
const EMOJI = /\p{Extended_Pictographic}/u

// A table asks for the width of the same cells many times over (cli-table3
// measures each one as it lays out, pads and draws): remember the answers.
const known = new Map<string, number>()

export function displayWidth(text: string): number {
  let width = known.get(text)
  if (width === undefined) {
    width = measure(text)
    if (known.size > 10_000) known.clear()
    known.set(text, width)
  }
  return width
}

function measure(text: string): number {
  const plain = text.replace(ANSI, '')
  if (PRINTABLE_ASCII.test(plain)) return plain.length
  let width = 0
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(ch)) continue
    width += EMOJI.test(ch) ? 2 : eastAsianWidth(cp)
  }
  return width
}

// A wide character (Chinese) may start or end a line anywhere; Latin words only at spaces.
const WIDE_OR_SPACE = /(\s+)|([\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6])/u

/**
 * Wraps `text` so no line is wider than `width` display columns (a Chinese
 * character counts two). Breaks at spaces and between Chinese characters,
 * never inside a Latin word: a word longer than the width keeps its own line.
 * Existing line breaks are kept; colour codes take no columns.
 */
export function wrapText(text: string, width: number): string {
  if (width < 1) return text
  return text.split('\n').map((line) => wrapLine(line, width)).join('\n')
}

function wrapLine(line: string, width: number): string {
  // Tokens: runs of spaces, single wide characters, and the text between them.
  const tokens = line.split(WIDE_OR_SPACE).filter((s) => s !== undefined && s !== '')
  const out: string[] = []
  let cur = ''
  let curWidth = 0
  for (const tok of tokens) {
    const w = displayWidth(tok)
    if (/^\s+$/.test(tok)) {
      if (curWidth + w <= width) {
        cur += tok
        curWidth += w
      } else {
        out.push(cur.trimEnd())
        cur = ''
        curWidth = 0
      }
      continue
    }
    if (curWidth + w > width && cur.trim() !== '') {
      out.push(cur.trimEnd())
      cur = ''
      curWidth = 0
    }
    cur += tok
    curWidth += w
  }
  out.push(cur.trimEnd())
  return out.join('\n')
}
