import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { displayWidth } from '../../src/cli/render/width.js'

describe('displayWidth', () => {
  it('counts Chinese characters as two columns and colour codes as none', () => {
    expect(displayWidth('ana')).toBe(3)
    expect(displayWidth('陈杰')).toBe(4)
    expect(displayWidth('Chen Jie 陈杰')).toBe(13)
    expect(displayWidth('\u001b[31m林梅\u001b[39m')).toBe(4)
    expect(displayWidth('周一')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('')).toBe(0)
  })

  it('agrees with string-width on names people have', () => {
    for (const s of ['Mei Lin 林梅', 'Zoë Ångström', '王伟（组长）', 'Ｆｕｌｌｗｉｄｔｈ', 'Ana Souza', '田中 太郎', '김민준', 'Nguyễn Văn A', '\u001b[1mA\u001b[22m 09:00-17:00']) {
      expect(displayWidth(s), s).toBe(stringWidth(s))
    }
  })
})
