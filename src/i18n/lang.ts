// Which language the interface speaks: --lang, else the locale the
// environment names (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
// them; an empty variable counts as unset), else English.

export type Lang = 'en' | 'zh-CN'
export const LANGS: readonly Lang[] = ['en', 'zh-CN']

/** The interface language for a --lang value (already checked by commander) and the environment. */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag !== undefined) return /^zh/i.test(flag) ? 'zh-CN' : 'en'
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  // zh_CN.UTF-8, zh_SG, zh: Simplified Chinese. (Traditional Chinese locales get it too: closer than English.)
  return /^zh/i.test(locale) ? 'zh-CN' : 'en'
}

/**
 * The --lang value on a command line, for code that runs before commander
 * has parsed it (the error report when parsing itself fails). Only a value
 * commander would accept counts.
 */
export function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') break
    const value = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) found = value
  }
  return found
}
