// PostgreSQL connection URLs: recognising one, and saying where it points
// without ever saying its password.

/** Whether a --db value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db)
}

/**
 * The URL as it may be shown anywhere (messages, logs, the audit log): the
 * password replaced by "***", and a `password=` query parameter too. A text
 * that does not parse as a URL has everything between "://" and "@" masked.
 */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    for (const key of [...u.searchParams.keys()]) if (/^(password|sslpassword)$/i.test(key)) u.searchParams.set(key, '***')
    // URL keeps "***" percent-encoded in the query: show it as typed.
    return u.toString().replace(/%2A%2A%2A/g, '***')
  } catch {
    return url.replace(/(:\/\/)[^@/]*@/, '$1***@').replace(/((?:ssl)?password=)[^&]*/gi, '$1***')
  }
}

/** Removes every occurrence of the URL's password from a text (a driver's message may quote what it was given). */
export function withoutPassword(text: string, url: string): string {
  let password = ''
  try {
    const u = new URL(url)
    password = decodeURIComponent(u.password)
    const q = u.searchParams.get('password')
    if (!password && q) password = q
  } catch {
    password = ''
  }
  let out = text.split(url).join(maskUrl(url))
  if (password.length >= 1) out = out.split(password).join('***')
  return out
}

/** The masked URL without its query: what a sentence names as the database. */
export function whereOf(url: string): string {
  return maskUrl(url).replace(/\?.*$/, '')
}
