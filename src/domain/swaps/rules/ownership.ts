import { params, type MessageParams } from '../../messages.js'
import type { Violation } from '../../types.js'
import { shiftsOn } from '../plan.js'
import type { SwapRule } from '../types.js'

/**
 * swap.ownership: R must be assigned on D1. Exchange (no payback): P works
 * another shift on D1. Cover: P is off on D1, a payback date D2 is given, R is
 * off on D2 and P works on D2 (so R can take that shift).
 */
export const ownership: SwapRule = {
  id: 'swap.ownership',
  title: 'the requester gives away their own shift; the counterpart can trade or pay back',
  check(input) {
    const { requester: r, counterpart: p, date: d1, payback: d2 } = input.swap
    const state = input.roster
    const v = (message: string, why: MessageParams, date = d1, staff = r): Violation[] => [{ rule: this.id, staff, date, message, params: why }]
    if (r === p) return v(`${r} cannot swap with themselves`, params('swap.ownership.self', { staff: r }))
    const mine = shiftsOn(state, r, d1)[0]
    if (!mine) return v(`${r} has no shift on ${d1} to give away`, params('swap.ownership.no-shift', { requester: r, date: d1 }))
    const theirs = shiftsOn(state, p, d1)
    if (theirs.some((a) => a.shift === mine.shift)) {
      return v(`${p} already works ${mine.shift} on ${d1} with ${r}, so there is nothing to trade`, params('swap.ownership.same-shift', { requester: r, counterpart: p, shift: mine.shift, date: d1 }), d1, p)
    }
    if (theirs.length) {
      if (d2) return v(`${p} works ${theirs[0]!.shift} on ${d1}, so this is a same-day exchange and takes no payback date`, params('swap.ownership.exchange-payback', { counterpart: p, shift: theirs[0]!.shift, date: d1 }), d1, p)
      return []
    }
    if (!d2) return v(`${p} is off on ${d1}, so a cover needs a payback date (--payback) on which ${r} works ${p}'s shift`, params('swap.ownership.needs-payback', { requester: r, counterpart: p, date: d1 }), d1, p)
    if (d2 === d1) return v(`the payback date must differ from the swap date ${d1}`, params('swap.ownership.same-date', { date: d1 }))
    const mineOnPayback = shiftsOn(state, r, d2)[0]
    if (mineOnPayback) {
      return v(`${r} already works ${mineOnPayback.shift} on the payback date ${d2}, so cannot take ${p}'s shift there`, params('swap.ownership.busy-on-payback', { requester: r, counterpart: p, shift: mineOnPayback.shift, payback: d2 }), d2)
    }
    if (!shiftsOn(state, p, d2).length) return v(`${p} has no shift on the payback date ${d2} for ${r} to take over`, params('swap.ownership.free-on-payback', { requester: r, counterpart: p, payback: d2 }), d2, p)
    return []
  },
  explain(input) {
    const { requester: r, counterpart: p, date: d1, payback: d2 } = input.swap
    const mine = String(shiftsOn(input.roster, r, d1)[0]?.shift)
    if (!d2) {
      const theirs = String(shiftsOn(input.roster, p, d1)[0]?.shift)
      return { message: `exchange: ${r} works ${mine} on ${d1} and ${p} works ${theirs}; they trade`, params: params('swap.ownership.exchange', { requester: r, counterpart: p, date: d1, mine, theirs }) }
    }
    const theirs = String(shiftsOn(input.roster, p, d2)[0]?.shift)
    return {
      message: `cover: ${p} is off on ${d1} and takes ${r}'s ${mine}; ${r} is off on ${d2} and takes ${p}'s ${theirs}`,
      params: params('swap.ownership.cover', { requester: r, counterpart: p, date: d1, payback: d2, mine, theirs }),
    }
  },
}
