import { absoluteEnd, formatHhmm } from '../clock.js'
import { teamZone } from '../config.js'
import { diffDays } from '../dates.js'
import { elapsedMinutes } from '../zone.js'
import { byStaff, inScope, shiftMap, type RosterRule } from '../roster.js'
import { params } from '../messages.js'
import type { Violation } from '../types.js'

/**
 * roster.min-rest: at least `minRestHours` between the end of one shift and the
 * start of the next for the same person. A shift that crosses midnight ends on
 * the next day; two shifts on one day are one-shift-per-day's business unless
 * they overlap in time, which min-rest reports as zero rest. Rest is counted
 * in elapsed hours in the team's time zone: the night clocks go forward has
 * an hour less than the clocks show, the night they go back an hour more.
 */
export const minRest: RosterRule = {
  id: 'roster.min-rest',
  title: 'minimum rest between shifts',
  check(state, scope) {
    const need = state.config.minRestHours * 60
    const shifts = shiftMap(state.shifts)
    const zone = teamZone(state.config)
    const out: Violation[] = []
    for (const [staff, list] of byStaff(state)) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!
        const cur = list[i]!
        if (!inScope(scope, cur.date, staff) && !inScope(scope, prev.date, staff)) continue
        const ps = shifts.get(prev.shift)
        const cs = shifts.get(cur.shift)
        if (!ps || !cs) continue
        const gapDays = diffDays(prev.date, cur.date)
        if (gapDays > 2) continue
        const end = absoluteEnd(ps.start, ps.end)
        const rest = zone ? elapsedMinutes(prev.date, end, cur.date, cs.start, zone) : gapDays * 1440 + cs.start - end
        if (rest >= need) continue
        const hours = Math.max(rest, 0) / 60
        out.push({
          rule: this.id,
          staff,
          date: cur.date,
          dates: [prev.date, cur.date],
          message: `${staff} has only ${formatRest(hours)} h rest between ${prev.shift} on ${prev.date} (ends ${formatHhmm(ps.end)}) and ${cur.shift} on ${cur.date} (starts ${formatHhmm(cs.start)}); at least ${state.config.minRestHours} h are required`,
          params: params('min-rest', {
            staff,
            hours: formatRest(hours),
            prevShift: prev.shift,
            prevDate: prev.date,
            prevEnd: formatHhmm(ps.end),
            nextShift: cur.shift,
            nextDate: cur.date,
            nextStart: formatHhmm(cs.start),
            need: state.config.minRestHours,
          }),
        })
      }
    }
    return out
  },
}

function formatRest(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1)
}
