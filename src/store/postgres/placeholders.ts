// The store areas write `?` and `@name` placeholders (what better-sqlite3
// takes); PostgreSQL takes $1, $2... This turns one into the other, leaving
// string literals, quoted names and comments alone.

export interface Translated {
  text: string
  /** Positional: how many `?` there were. */
  positional: number
  /**
   * Named: the name behind each $n. A name used twice is one $n, except where
   * it is tested with IS [NOT] NULL, which has a $n of its own (see nullTested).
   */
  names: readonly string[]
  /**
   * The $n (0-based) that stand right before IS [NOT] NULL, as in
   * `(@status IS NULL OR status = @status)`: PostgreSQL cannot tell the type of
   * such a parameter from the statement, so each is a $n of its own, sent as
   * text (only its being null matters), and the name's other uses keep the
   * type their column gives them.
   */
  nullTested: readonly number[]
}

export function translatePlaceholders(sql: string): Translated {
  let out = ''
  let positional = 0
  const names: string[] = []
  const nullTested = new Set<number>()
  const sharedSlots = new Map<string, number>()
  const testedSlots = new Map<string, number>()
  const isNullTest = (after: number) => /^\s*IS\s+(NOT\s+)?NULL\b/i.test(sql.slice(after, after + 40))
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
      if (isNullTest(i)) nullTested.add(positional - 1)
      continue
    }
    if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1
      while (j < n && /[A-Za-z0-9_]/.test(sql[j]!)) j++
      const name = sql.slice(i + 1, j)
      // A name tested with IS NULL gets a $n of its own there (see nullTested).
      const tested = isNullTest(j)
      const slots = tested ? testedSlots : sharedSlots
      let k = slots.get(name)
      if (k === undefined) {
        k = names.push(name) - 1
        slots.set(name, k)
        if (tested) nullTested.add(k)
      }
      out += `$${k + 1}`
      i = j
      continue
    }
    out += c
    i++
  }
  if (positional > 0 && names.length > 0) throw new Error('a statement mixes ? and @name placeholders')
  return { text: out, positional, names, nullTested: [...nullTested].sort((a, b) => a - b) }
}
