// A holiday's name in the reader's language, and its JSON with both names.

import type { HolidayRecord, NameLanguage, Workday } from '../types.js'

/** The Chinese name under zh-CN where there is one, else the name as given. */
export function nameIn(h: { name: string; nameZh?: string | null }, lang: NameLanguage): string {
  return lang === 'zh-CN' && h.nameZh != null ? h.nameZh : h.name
}

/** `holiday list --json`'s holiday: name in the reader's language; both names when the source gave both. */
export function holidayJson(h: HolidayRecord, lang: NameLanguage): Record<string, unknown> {
  return { date: h.date, name: nameIn(h, lang), kind: 'holiday', statutory: h.statutory, ...(h.nameZh !== null ? { nameEn: h.name, nameZh: h.nameZh } : {}) }
}

/** `holiday list --json`'s make-up working day. */
export function workdayJson(w: Workday, lang: NameLanguage): Record<string, unknown> {
  return { date: w.date, name: nameIn(w, lang), ...(w.nameZh !== null ? { nameEn: w.name, nameZh: w.nameZh } : {}) }
}
