// Times of day as minutes from midnight.

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/

/** Parses `HH:MM` (00:00..24:00) to minutes; null when malformed. */
export function parseHhmm(s: string): number | null {
  const m = HHMM.exec(s.trim())
  if (!m) return null
  const minutes = Number(m[1]) * 60 + Number(m[2])
  return minutes > 1440 ? null : minutes
}

/** Minutes to `HH:MM`; 1440 prints as `24:00`. */
export function formatHhmm(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Length of a shift in minutes; an end at or before the start crosses midnight. */
export function shiftMinutes(start: number, end: number): number {
  return end > start ? end - start : end + 1440 - start
}

/** The shift's end as minutes from the midnight that starts its date (may exceed 1440). */
export function absoluteEnd(start: number, end: number): number {
  return start + shiftMinutes(start, end)
}
