// The store areas write `?` and `@name` placeholders (what better-sqlite3
// takes); PostgreSQL takes $1, $2... This turns one into the other, leaving
// string literals, quoted names and comments alone.

export interface Translated {
  text: string
  /** Positional: how many `?` there were. */
  positional: number
  /** Named: the names, in $n order (a name used twice is one $n). */
  names: readonly string[]
}

export function translatePlaceholders(sql: string): Translated {
  let out = ''
  let positional = 0
  const names: string[] = []
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]!
    // '...' (with '' inside), "..." (with "" inside): copied as they are.
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2
          else break
        } else j++
      }
      out += sql.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const j = end < 0 ? n : end
      out += sql.slice(i, j)
      i = j
      continue
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      const j = end < 0 ? n : end + 2
      out += sql.slice(i, j)
      i = j
      continue
    }
    if (c === '?') {
      positional++
      out += `$${positional}`
      i++
      continue
    }
    if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1
      while (j < n && /[A-Za-z0-9_]/.test(sql[j]!)) j++
      const name = sql.slice(i + 1, j)
      let k = names.indexOf(name)
      if (k < 0) k = names.push(name) - 1
      out += `$${k + 1}`
      i = j
      continue
    }
    out += c
    i++
  }
  if (positional > 0 && names.length > 0) throw new Error('a statement mixes ? and @name placeholders')
  return { text: out, positional, names }
}
