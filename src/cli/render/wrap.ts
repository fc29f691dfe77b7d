// Wraps text for the terminal: lines no wider than the terminal, counted in
// columns (a Chinese character takes two), broken between words or between
// two Chinese characters, never inside a word unless the word alone is wider
// than the line.

import { displayWidth } from './width.js'

// A word of Latin letters, digits and punctuation; or one wide character (a
// line may break after any) with the opening marks before it and the closing
// ones after it, so no line starts with "）" or "。" and none ends with "（".
const WIDE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef'
const OPEN = '（「『【〔《〈'
const CLOSE = '）」』】〕》〉。，、；：！？'
const PIECES = new RegExp(`\\s+|[${OPEN}]*[${WIDE}][${CLOSE}]*|[^\\s${WIDE}]+[${CLOSE}]*`, 'gu')

/** `text` wrapped to `width` columns, lines after the first starting with `indent`. */
export function wrapIndented(text: string, width: number, indent = ''): string {
  return text.split('\n').map((line) => wrapLine(line, Math.max(width, displayWidth(indent) + 10), indent)).join('\n')
}

function wrapLine(line: string, width: number, indent: string): string {
  const out: string[] = []
  let cur = ''
  let curWidth = 0
  const push = () => {
    out.push(cur.trimEnd())
    cur = indent
    curWidth = displayWidth(indent)
  }
  for (const piece of line.match(PIECES) ?? []) {
    const w = displayWidth(piece)
    if (/^\s+$/.test(piece)) {
      // A space at the end of a line is dropped with the break.
      if (curWidth + w <= width) {
        cur += piece
        curWidth += w
      } else push()
      continue
    }
    if (curWidth + w > width && cur.trim()) push()
    if (curWidth + w <= width) {
      cur += piece
      curWidth += w
      continue
    }
    // A word wider than a whole line: cut it where the line ends.
    for (const ch of piece) {
      const cw = displayWidth(ch)
      if (curWidth + cw > width && cur.trim()) push()
      cur += ch
      curWidth += cw
    }
  }
  out.push(cur.trimEnd())
  return out.join('\n')
}
