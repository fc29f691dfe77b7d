// How `--help` looks: wrapped at the terminal's width (80 columns when output
// is not a terminal), a Chinese character counted as two columns, no word cut
// in two, and under zh-CN the descriptions from the Chinese help catalogue.

import type { Command, Help, Option } from 'commander'
import type { Lang } from '../i18n/index.js'
import { HELP_ZH, HELP_ZH_TITLES } from '../i18n/help-zh.js'
import { displayWidth, wrapText } from './render/width.js'

/** The columns help and tables may use: the terminal's, else $COLUMNS (the shell convention), else 80. */
export function outputWidth(stream: { isTTY: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>> = {}): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns
  const columns = /^\d{1,4}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0
  return columns >= 20 ? columns : 80
}

/** A help text in the interface language (English text is the key; an unknown one stays English). */
export function helpText(text: string, lang: Lang): string {
  if (lang !== 'zh-CN' || !text) return text
  return HELP_ZH[text] ?? text
}

type HelpConfig = Partial<Help> & { minWidthToWrap: number }

/** Settings for commander's configureHelp; every subcommand inherits them. */
export function helpConfiguration(width: number, lang: Lang): HelpConfig {
  const zh = lang === 'zh-CN'
  const extra = (s: string) => (zh ? s.replace(/ ?\((choices|default|preset|env): (.*)\)$/, (_m, k: string, v: string) => `（${HELP_ZH_TITLES[k] ?? k}：${v}）`) : s)
  return {
    helpWidth: width,
    // Below this many columns a description goes on its own line under its term.
    minWidthToWrap: 24,
    sortSubcommands: false,
    displayWidth: (s: string) => displayWidth(s),
    boxWrap: (s: string, w: number) => wrapText(s, w),
    styleTitle: (s: string) => (zh ? (HELP_ZH_TITLES[s] ?? s) : s),
    commandDescription: (cmd: Command) => helpText(cmd.description(), lang),
    subcommandDescription: (cmd: Command) => helpText(cmd.summary() || cmd.description(), lang),
    optionDescription(this: Help, option: Option) {
      const plain = Object.getPrototypeOf(this).optionDescription.call(this, option) as string
      if (!zh) return plain
      const own = option.description ?? ''
      return extra(own && plain.startsWith(own) ? helpText(own, lang) + plain.slice(own.length) : plain)
    },
    formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
      const indent = 2
      if (!description) return ' '.repeat(indent) + term
      const spacer = 2
      const remaining = width - termWidth - spacer - indent
      if (remaining >= this.minWidthToWrap && displayWidth(term) <= termWidth) {
        const padded = term + ' '.repeat(Math.max(0, termWidth - displayWidth(term)))
        const body = helper.boxWrap(description, remaining).replace(/\n/g, '\n' + ' '.repeat(indent + termWidth + spacer))
        return ' '.repeat(indent) + padded + ' '.repeat(spacer) + body
      }
      // Too narrow for two columns: the term on its line, the description under it.
      const deeper = indent + 4
      return ' '.repeat(indent) + term + '\n' + ' '.repeat(deeper) + helper.boxWrap(description, Math.max(20, width - deeper)).replace(/\n/g, '\n' + ' '.repeat(deeper))
    },
    // A long term (a command with its arguments) should not push every description right.
    padWidth(this: Help, cmd: Command, helper: Help): number {
      const base = Object.getPrototypeOf(this).padWidth.call(this, cmd, helper) as number
      return Math.min(base, Math.max(12, Math.floor(width * 0.4)))
    },
  }
}
