// The prompter's own pieces: which library errors mean Ctrl-C, and the theme
// that puts the key hints in the user's language. (The prompts themselves are
// tested through a real pseudo-terminal: test/e2e/prompt-pty.test.ts.)

import { describe, expect, it } from 'vitest'
import { createInquirerPrompter, isPromptCancel, promptTheme } from '../../src/cli/prompter.js'
import { messagesFor } from '../../src/i18n/index.js'

const KEYS: [string, string][] = [['↑↓', 'navigate'], ['⏎', 'select']]

describe('the prompter', () => {
  it('takes Ctrl-C (ExitPromptError) and an aborted prompt (AbortPromptError) for a cancel, nothing else', async () => {
    const named = (name: string) => Object.assign(new Error('x'), { name })
    expect(isPromptCancel(named('ExitPromptError'))).toBe(true)
    expect(isPromptCancel(named('AbortPromptError'))).toBe(true)
    expect(isPromptCancel(named('ValidationError'))).toBe(false)
    expect(isPromptCancel(new Error('ExitPromptError'))).toBe(false)
    expect(isPromptCancel(null)).toBe(false)
    // The library's own classes carry those names.
    const { ExitPromptError, AbortPromptError } = await import('@inquirer/core')
    expect(isPromptCancel(new ExitPromptError())).toBe(true)
    expect(isPromptCancel(new AbortPromptError())).toBe(true)
  })

  it('says the key hints in the language of the interface, with or without colour', () => {
    expect(promptTheme({ t: messagesFor('zh-CN'), color: false }).style.keysHelpTip(KEYS)).toBe('↑↓ 移动 • ⏎ 选择')
    expect(promptTheme({ t: messagesFor('en'), color: false }).style.keysHelpTip(KEYS)).toBe('↑↓ navigate • ⏎ select')
    expect(promptTheme({ t: messagesFor('zh-CN'), color: true }).style.keysHelpTip(KEYS).replace(/\x1b\[\d+m/g, '')).toBe('↑↓ 移动 • ⏎ 选择')
  })

  it('loads the prompt library by name (what the built bundle does), every prompt a function', async () => {
    const p = await createInquirerPrompter({ t: messagesFor('en'), color: false })
    expect([typeof p.select, typeof p.input, typeof p.confirm]).toEqual(['function', 'function', 'function'])
  })
})
