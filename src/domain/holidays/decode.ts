// Turns the bytes of an import file into text, refusing what is not UTF-8
// text: binary files, UTF-16, Latin-1 and other legacy encodings.

/** The text of a UTF-8 file (a leading BOM removed), or one error phrase saying what is wrong. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'the file is empty' }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'it is UTF-16 text; save it as UTF-8 and import it again' }
  }
  if (bytes.includes(0)) return { error: 'it is a binary file, not a text file' }
  let text: string
  try {
    // fatal: a byte sequence that is not UTF-8 is an error, not a silent U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { error: `it is not UTF-8 text (line ${lineOfFirstBadByte(bytes)} has bytes in another encoding); save it as UTF-8 and import it again` }
  }
  // Control characters other than tab, line breaks and form feed mean it is not a text file.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.exec(text)
  if (control) return { error: `it is a binary file, not a text file (control characters on line ${lineAt(text, control.index)})` }
  return { text }
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** The 1-based line of the first byte that does not start or continue a valid UTF-8 sequence. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i))
      } catch {
        return line
      }
      line++
      start = i + 1
    }
  }
  return line
}
