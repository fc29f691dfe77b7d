import { describe, expect, it } from 'vitest'
import { safeForTerminal } from '../../src/cli/render/terminal-text.js'

describe('safeForTerminal', () => {
  it('removes ESC sequences (CSI, OSC, two-byte), C0 controls but newline and tab, DEL and C1', () => {
    expect(safeForTerminal('a\u001b[2Jb\u001b]0;title\u0007c\u001b]8;;http://x\u001b\\d\u001bce\u009b31mf\u007fg\u0008h\u0000i\rj')).toBe('abcdefghij')
    expect(safeForTerminal('line one\n\tline two')).toBe('line one\n\tline two')
    expect(safeForTerminal('陈杰 Ana')).toBe('陈杰 Ana')
  })

  it('keeps colour codes only when asked (our own colours), never other sequences', () => {
    expect(safeForTerminal('\u001b[31mred\u001b[39m\u001b[2J', true)).toBe('\u001b[31mred\u001b[39m')
    expect(safeForTerminal('\u001b[31mred\u001b[39m', false)).toBe('red')
  })
})
