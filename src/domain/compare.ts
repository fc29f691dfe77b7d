// Ordering of ids, codes and ISO dates by code point: deterministic, and
// without String.prototype.localeCompare, whose first call loads the ICU
// collation data and costs a command several milliseconds at start-up.

/** -1, 0 or 1 as `a` sorts before, with or after `b`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
