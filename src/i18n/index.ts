// The interface text in the user's language: `messagesFor(lang)` gives the
// catalogue the renderers take as `t`.

import { en, type Messages } from './en.js'
import type { Lang } from './lang.js'
import { zhCN } from './zh-cn.js'

export { en, count, type LeadTask, type Messages, type Paint } from './en.js'
export { zhCN } from './zh-cn.js'
export { langFlag, LANGS, resolveLang, type Lang } from './lang.js'

// zhCN is read when asked for, not when this module loads: the build bundles
// the Chinese catalogue apart (dist/roster-zh.cjs), loaded by the first read.
export function messagesFor(lang: Lang): Messages {
  return lang === 'zh-CN' ? zhCN : en
}
