import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { displayWidth, wrapText } from '../../src/cli/render/width.js'

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

describe('wrapText: lines fit the width, Chinese counts two columns, no word is cut', () => {
  it('breaks Latin text at spaces only', () => {
    expect(wrapText('draw up the roster: every shift covered', 15)).toBe('draw up the\nroster: every\nshift covered')
    expect(wrapText('a supercalifragilistic word', 10)).toBe('a\nsupercalifragilistic\nword')
  })

  it('breaks Chinese between characters, counting each as two columns', () => {
    const out = wrapText('生成排班：每个班次都有人，规则都遵守', 10)
    expect(out.split('\n').map((l) => stringWidth(l))).toEqual([10, 10, 10, 6])
    expect(out.replace(/\n/g, '')).toBe('生成排班：每个班次都有人，规则都遵守')
  })

  it('keeps a Latin word whole inside Chinese text, and the space around it', () => {
    const out = wrapText('请修改 service.hours 的设置', 12)
    expect(out).toBe('请修改\nservice.hours\n的设置')
    expect(wrapText('2026-12-20 的 42 个班', 80)).toBe('2026-12-20 的 42 个班')
  })

  it('keeps indentation and existing line breaks', () => {
    expect(wrapText('  one two three\nfour', 9)).toBe('  one two\nthree\nfour')
  })
})
