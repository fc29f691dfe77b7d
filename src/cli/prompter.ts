// The only module that speaks to the prompt library (@inquirer/prompts, on
// which inquirer itself is built). Loaded lazily: only a command that asks
// pays for it. The prompts speak the user's language (their key hints too),
// wrap at the terminal's width (the library measures a Chinese character as
// two columns) and turn Ctrl-C into a CancelledError.

import { CancelledError } from '../errors.js'
import type { Messages } from '../i18n/index.js'

export interface Choice<T> {
  name: string
  value: T
  description?: string
  /** Why this choice cannot be picked: shown dimmed after its name, and the cursor skips it. */
  disabled?: string
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[]): Promise<T>
  input(message: string, options?: { default?: string; validate?: (v: string) => true | string }): Promise<string>
  confirm(message: string, defaultValue?: boolean): Promise<boolean>
}

export interface PrompterOptions {
  /** The interface text: prompt hints and the yes/no answers. */
  t: Messages
  /** False under --no-color, NO_COLOR or a dumb terminal: every style is plain text. */
  color: boolean
}

/** The library's errors for Ctrl-C (ExitPromptError) and an aborted prompt (AbortPromptError), by name: a second copy of the library would fail instanceof. */
export function isPromptCancel(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name
  return name === 'ExitPromptError' || name === 'AbortPromptError'
}

/** Runs one prompt; Ctrl-C becomes a CancelledError, which main.ts turns into exit 130. */
async function asked<T>(prompt: () => Promise<T>): Promise<T> {
  try {
    return await prompt()
  } catch (e) {
    if (isPromptCancel(e)) throw new CancelledError()
    throw e
  }
}

const plain = (s: string) => s

/** The theme: hints in the user's language; without colour, plain text with the same marks. */
export function promptTheme(o: PrompterOptions) {
  const { t } = o
  const keysHelpTip = (keys: [string, string][], paint: { key: (s: string) => string; action: (s: string) => string; dot: string }) =>
    keys.map(([key, action]) => `${paint.key(key)} ${paint.action(t.prompt.keys[action as keyof Messages['prompt']['keys']] ?? action)}`).join(paint.dot)
  if (o.color) {
    const bold = (s: string) => `\x1b[1m${s}\x1b[22m`
    const dim = (s: string) => `\x1b[2m${s}\x1b[22m`
    return { style: { keysHelpTip: (keys: [string, string][]) => keysHelpTip(keys, { key: bold, action: dim, dot: dim(' • ') }) } }
  }
  return {
    prefix: { idle: '?', done: '✔' },
    style: {
      answer: plain,
      message: plain,
      error: (s: string) => `> ${s}`,
      defaultAnswer: (s: string) => `(${s})`,
      help: plain,
      highlight: plain,
      key: (s: string) => `<${s}>`,
      disabled: (s: string) => `- ${s}`,
      description: plain,
      keysHelpTip: (keys: [string, string][]) => keysHelpTip(keys, { key: plain, action: plain, dot: ' • ' }),
    },
  }
}

export async function createInquirerPrompter(o: PrompterOptions): Promise<Prompter> {
  // A named import: the build turns import() into require(), and the
  // library's CommonJS build exports each prompt by name.
  const { select, input, confirm } = await import('@inquirer/prompts')
  const theme = promptTheme(o)
  const { t } = o
  return {
    select<T>(message: string, choices: readonly Choice<T>[]) {
      const items = choices.map((c) => ({
        name: c.name,
        value: c.value,
        ...(c.description ? { description: c.description } : {}),
        ...(c.disabled ? { disabled: t.prompt.disabled(c.disabled) } : {}),
      }))
      return asked(() => select<T>({ message, choices: items, theme, pageSize: 10, loop: false }))
    },
    input(message, options = {}) {
      return asked(() => input({ message, theme, ...(options.default !== undefined ? { default: options.default } : {}), ...(options.validate ? { validate: options.validate } : {}) }))
    },
    confirm(message, defaultValue = true) {
      return asked(() => confirm({ message, default: defaultValue, theme, transformer: (yes: boolean) => (yes ? t.prompt.yes : t.prompt.no) }))
    },
  }
}
