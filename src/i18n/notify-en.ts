// The English of notifications (SPEC 12): the message a webhook receives for
// each change, what its readers must do next, the notify.* setting errors and
// `roster notify list / flush`. Joined into en.ts as `notify`; notify-zh.ts
// says the same in Chinese, typed against this.

import type { NotifyEvent, ParseProblem } from '../domain/notify.js'

/** `ana's E on 2026-12-20` pieces: a shift code, or nothing when the person has none that day. */
const shiftOn = (shift: string | undefined) => (shift ? `${shift} ` : '')

/** The swap in one clause: an exchange on one day, or a cover paid back on another. */
function swapClause(e: NotifyEvent): string {
  const mine = e.swapShifts?.mine ?? undefined
  const theirs = e.swapShifts?.theirs ?? undefined
  const date = e.dates[0]
  if (e.payback) {
    return `${e.counterpart} works ${e.requester}'s ${shiftOn(mine)}shift on ${date}, and ${e.requester} works ${e.counterpart}'s ${shiftOn(theirs)}shift on ${e.payback} in return`
  }
  return `${e.requester} and ${e.counterpart} trade shifts on ${date}${mine && theirs ? ` (${e.requester}'s ${mine} for ${e.counterpart}'s ${theirs})` : ''}`
}

const range = (e: NotifyEvent) => (e.dates.length > 1 && e.dates[0] !== e.dates[e.dates.length - 1] ? `from ${e.dates[0]} to ${e.dates[e.dates.length - 1]}` : `on ${e.dates[0]}`)
const by = (e: NotifyEvent) => (e.actor ? ` by ${e.actor}` : '')
const swapName = (e: NotifyEvent) => (e.reverses ? `Swap #${e.ref} (undoing swap #${e.reverses})` : `Swap #${e.ref}`)
const opened = (e: NotifyEvent) => (e.opened ?? []).map((o) => `${o.shift} on ${o.date}`).join(', ')

export const notifyEn = {
  /** The message's sentence: what happened, to whom, when. */
  text(e: NotifyEvent): string {
    switch (e.kind) {
      case 'swap.request': return `${swapName(e)} requested${by(e)}: ${swapClause(e)}.`
      case 'swap.undo': return `Swap #${e.ref} asks to undo swap #${e.reverses}${by(e)}: ${swapClause(e)}.`
      case 'swap.accept': return `${swapName(e)} accepted${by(e)}: ${swapClause(e)}.`
      case 'swap.decline': return `${swapName(e)} declined${by(e)}: ${swapClause(e)}.`
      case 'swap.approve': return `${swapName(e)} approved${by(e)}: ${swapClause(e)}. The roster has changed.`
      case 'swap.reject': return `${swapName(e)} rejected${by(e)}: ${swapClause(e)}.`
      case 'swap.cancel': return `${swapName(e)} cancelled${by(e)}: ${swapClause(e)}.`
      case 'leave.request': return `Leave #${e.ref} requested${by(e)}: ${e.people[0]} away ${range(e)}.`
      case 'leave.approve': return `Leave #${e.ref} approved${by(e)}: ${e.people[0]} is away ${range(e)}.${e.opened?.length ? ` Shifts now open: ${opened(e)}.` : ''}`
      case 'leave.reject': return `Leave #${e.ref} rejected${by(e)}: ${e.people[0]} away ${range(e)}.`
      case 'claim.request': return `Claim #${e.ref}${by(e)}: ${e.people[0]} asks to take the open ${shiftOn(e.shifts[0])}shift ${range(e)}.`
      case 'claim.approve': return `Claim #${e.ref} approved${by(e)}: ${e.people[0]} takes the open ${shiftOn(e.shifts[0])}shift ${range(e)}.`
      case 'claim.reject': return `Claim #${e.ref} rejected${by(e)}: ${e.people[0]} does not take the open ${shiftOn(e.shifts[0])}shift ${range(e)}.`
      case 'claim.cancel': return `Claim #${e.ref} withdrawn${by(e)}: the ${shiftOn(e.shifts[0])}shift ${range(e)} is open again.`
      case 'roster.generate': return `New roster${by(e)} ${range(e)}: ${e.assignments ?? 0} shifts for ${e.people.join(', ')}.`
    }
  },
  /** What the people named must do next (one sentence). */
  next(e: NotifyEvent): string {
    switch (e.kind) {
      case 'swap.request':
      case 'swap.undo': return `${e.counterpart}: accept or decline it (roster swap accept ${e.ref} / roster swap decline ${e.ref}).`
      case 'swap.accept': return `A lead: approve or reject it (roster swap approve ${e.ref} / roster swap reject ${e.ref}).`
      case 'swap.approve': return `${e.requester} and ${e.counterpart}: work your new shifts (roster show --as <your id>).`
      case 'swap.decline':
      case 'swap.reject':
      case 'swap.cancel': return `Nothing: the roster stays as it was; ${e.requester} and ${e.counterpart} keep their own shifts.`
      case 'leave.request': return `A lead: approve or reject it (roster leave approve ${e.ref} / roster leave reject ${e.ref}).`
      case 'leave.approve': return e.opened?.length ? `A lead: find cover for the open shifts (roster check, roster assign).` : `Nothing: ${e.people[0]} had no shifts then.`
      case 'leave.reject': return `${e.people[0]}: work your shifts ${range(e)} as rostered.`
      case 'claim.request': return `A lead: approve or reject claim #${e.ref}.`
      case 'claim.approve': return `${e.people[0]}: work the shift ${range(e)}.`
      case 'claim.reject':
      case 'claim.cancel': return `Anyone free: the shift ${range(e)} is still open to claim.`
      case 'roster.generate': return `Everyone: check your shifts (roster show --as <your id>) and ask for swaps or leave early.`
    }
  },
  /** A notify.* setting that does not parse. */
  badSetting(p: ParseProblem): string {
    switch (p.key) {
      case 'webhook': return `notify.webhook must be one or more http:// or https:// URLs, comma-separated (or "none"), not "${p.value}".`
      case 'webhook-count': return `notify.webhook takes at most ${p.max} URLs, not ${p.count}.`
      case 'format': return `notify.format must be json, slack, wecom, dingtalk or feishu, not "${p.value}".`
      case 'timeout': return `notify.timeout-ms must be a whole number of milliseconds from ${p.min} to ${p.max}, not "${p.value}".`
      case 'lang': return `notify.lang must be auto, en or zh-CN, not "${p.value}".`
    }
  },
  /** On stderr after a command whose notification could not be delivered (the change itself is done). */
  heldNote: (held: number) => `roster: the change is saved, but ${held} notification${held === 1 ? ' is' : 's are'} held: the webhook did not take ${held === 1 ? 'it' : 'them'}; later commands and roster notify flush retry (see roster notify list).`,
  status: { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed' } as Record<string, string>,
  list: {
    empty: 'No notifications: none are held, and none were sent.',
    id: '#',
    created: 'created (UTC)',
    event: 'event',
    status: 'status',
    attempts: 'tries',
    webhook: 'webhook',
    error: 'last error',
  },
  flush: {
    off: 'Notifications are off: set a webhook with roster config set notify.webhook <url>.',
    result: (sent: number, held: number) =>
      held ? `Delivered ${sent} notification${sent === 1 ? '' : 's'}; ${held} still held (see roster notify list).` : `Delivered ${sent} notification${sent === 1 ? '' : 's'}; none are held.`,
  },
}

export type NotifyMessages = typeof notifyEn
