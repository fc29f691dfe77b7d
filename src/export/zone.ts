// Wall-clock times in a named time zone for the calendar exports: the domain's
// zone arithmetic (src/domain/zone.ts), which the rest rules share.

export { canonicalZone } from '../domain/config.js'
export { formatWallClock, shiftInstants, wallClock, zonedInstant, zoneOffset } from '../domain/zone.js'
