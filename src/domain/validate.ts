// Validation of the values people type: ids, names, shift codes.

export const STAFF_ID = /^[a-z0-9_-]{1,32}$/
export const SHIFT_CODE = /^[A-Za-z0-9]{1,8}$/

/** Returns an error sentence for a bad staff id, or null. */
export function staffIdProblem(id: string): string | null {
  if (STAFF_ID.test(id)) return null
  return `"${printable(id)}" is not a valid staff id: use 1 to 32 lowercase letters, digits, "_" or "-".`
}

/** Returns an error sentence for a bad display name, or null. Any script is fine; control characters are not. */
export function nameProblem(name: string, what = 'name'): string | null {
  const trimmed = name.trim()
  if (!trimmed) return `The ${what} must not be empty.`
  if ([...trimmed].length > 100) return `The ${what} is too long: at most 100 characters.`
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(trimmed)) return `The ${what} contains control characters; use plain text.`
  return null
}

export function shiftCodeProblem(code: string): string | null {
  if (SHIFT_CODE.test(code)) return null
  return `"${printable(code)}" is not a valid shift code: use 1 to 8 letters or digits.`
}

/** Makes a value safe to echo back in a one-line message. */
export function printable(s: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}
