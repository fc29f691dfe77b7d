import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/domain/holidays/decode.js'

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

describe('decodeText', () => {
  it('returns UTF-8 text without its BOM', () => {
    expect(decodeText(bytes('2027-01-01,元旦\n'))).toEqual({ text: '2027-01-01,元旦\n' })
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], '2027-01-01;Neujahr\r\n'))).toEqual({ text: '2027-01-01;Neujahr\r\n' })
    expect(decodeText(bytes('a\tb\fc\r\n'))).toEqual({ text: 'a\tb\fc\r\n' })
  })

  it('refuses an empty file', () => {
    expect(decodeText(new Uint8Array())).toEqual({ error: 'the file is empty' })
  })

  it('refuses binary junk', () => {
    expect(decodeText(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))).toEqual({ error: 'it is a binary file, not a text file' })
    expect(decodeText(bytes('BEGIN:VCALENDAR\nok\n', [0x01, 0x02], 'x'))).toEqual({ error: 'it is a binary file, not a text file (control characters on line 3)' })
  })

  it('refuses UTF-16 and legacy encodings, naming the line', () => {
    expect(decodeText(bytes([0xff, 0xfe], Buffer.from('2027-01-01,x', 'utf16le') as unknown as number[]))).toEqual({ error: 'it is UTF-16 text; save it as UTF-8 and import it again' })
    expect(decodeText(bytes([0xfe, 0xff, 0x00, 0x32]))).toEqual({ error: 'it is UTF-16 text; save it as UTF-8 and import it again' })
    // "Fête" in Latin-1, and GBK "元旦", on the second line.
    expect(decodeText(bytes('date,name\n2027-07-14,F', [0xea], 'te\n'))).toEqual({ error: 'it is not UTF-8 text (line 2 has bytes in another encoding); save it as UTF-8 and import it again' })
    expect(decodeText(bytes('date,name\n2027-01-01,', [0xd4, 0xaa, 0xb5, 0xa9], '\n'))).toEqual({ error: 'it is not UTF-8 text (line 2 has bytes in another encoding); save it as UTF-8 and import it again' })
  })
})
