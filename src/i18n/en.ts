// The English interface text: the catalogue every other language must match
// key for key (zh-cn.ts is typed as `Messages`, so a missing entry does not
// compile). Entries that need values are functions of them. The English
// sentences of the rules themselves live with the rules (Violation.message);
// here they are only passed through.

import type { RuleOutcome } from '../domain/swaps/index.js'
import type { Role, SwapStatus, LeaveStatus, Violation } from '../domain/types.js'
import type { MessageAction } from '../domain/messages.js'
import { SWAP_STATE_WHY } from '../domain/swaps/transitions.js'
import { notifyEn } from './notify-en.js'

/** Colours a piece of a sentence (or leaves it plain). */
export type Paint = (text: string) => string

/** `1 gap`, `2 gaps`; `1 person`, `3 people` with the plural given. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`
}

export const en = {
  lang: 'en',
  /** Monday first, as weekdayIndex counts. */
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  /** Two-column weekday heads of the cycle sheet. */
  weekdaysShort: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  /** `January 2027` */
  monthYear: (month: string, year: string) => `${month} ${year}`,
  /** Clauses of one sentence: `a; b; c.` */
  clauses: (parts: readonly string[]) => `${parts.join('; ')}.`,
  /** A list inside a sentence. */
  list: (items: readonly string[]) => items.join(', '),
  /** A list of longer items: `a; b; c`. */
  semicolons: (items: readonly string[]) => items.join('; '),
  yes: 'yes',
  no: 'no',
  remote: 'remote',
  /** A shift type's name as shown: the default shift set's names are said in the interface language. */
  shiftName: (name: string) => name,
  office: 'office',
  roles: { agent: 'agent', lead: 'lead', manager: 'manager' } satisfies Record<Role, string> as Record<Role, string>,
  swapStatus: { pending: 'pending', accepted: 'accepted', approved: 'approved', rejected: 'rejected', declined: 'declined', cancelled: 'cancelled', undone: 'undone' } satisfies Record<SwapStatus, string> as Record<SwapStatus, string>,
  leaveStatus: { pending: 'pending', approved: 'approved', rejected: 'rejected' } satisfies Record<LeaveStatus, string> as Record<LeaveStatus, string>,

  /** A rule's sentence: English is the rule's own message. */
  violation: (v: Violation) => v.message,
  /** Why a swap rule passes or fails, for `swap check`. */
  outcome: (o: RuleOutcome) => o.message,

  range: {
    weekOf: (date: string) => `the week of ${date}`,
    cycle: (weeks: number) => `one cycle, cycle.weeks = ${weeks}`,
    thisWeek: (weeks: number) => `this week${weeks > 1 ? ` and the next ${weeks - 1}` : ''}: one cycle, cycle.weeks = ${weeks}`,
    nextCycle: (weeks: number) => `the next cycle: nothing is assigned today; cycle.weeks = ${weeks}`,
  },

  show: {
    title: (from: string, to: string, caption?: string, person?: { id: string; name: string }) =>
      `Roster ${from} to ${to}${caption ? ` (${caption})` : ''}${person ? ` for ${person.id} (${person.name})` : ''}:`,
    nobody: (from: string, to: string) => `Nobody is on the roster from ${from} to ${to}.`,
    personNoShifts: (id: string, from: string, to: string) => `${id} has no shifts from ${from} to ${to}.`,
    noRoster: (lead?: string) => `There is no roster yet: a lead draws one up with "roster generate${lead ? ` --as ${lead}` : ''}".`,
    rosterRuns: (from: string, to: string) => `The roster runs from ${from} to ${to}: try "roster show --from ${from} --to ${to}".`,
    date: 'date',
    day: 'day',
    staff: 'staff',
    name: 'name',
    shifts: 'shifts',
    holiday: 'holiday',
    weekendLegend: '* weekend.',
    openLegend: (n: number) => `- an open place nobody fills (${n}): see "roster check".`,
    openRow: '(open)',
    holidayMark: 'H',
    months: (first: string, last: string) => (first === last ? first : `${first} to ${last}`),
    weekendMark: '* weekend',
    holidaysLegend: (list: string) => `H holiday: ${list}`,
    shiftsLegend: (list: string) => `shifts: ${list}`,
    holidayOn: (name: string) => `holiday: ${name}`,
    personTotals: (shifts: number, off: number) => `${count(shifts, 'shift')}, ${count(off, 'day')} off; * weekend.`,
  },

  check: {
    noRoster: (lead?: string) => `There is no roster to check yet: a lead draws one up with "roster generate${lead ? ` --as ${lead}` : ''}".`,
    checked: (from: string, to: string, scope: string) => `Checked ${from} to ${to} (${scope}).`,
    covered: (window: string, good: Paint) => `Service hours ${window}: ${good('every minute covered')}.`,
    uncoverable: (hours: string, bad: Paint) => `Setup: ${bad(`no shift covers ${hours} of the service hours`)}: add a shift or change service.hours.`,
    staffed: (window: string, good: Paint) => `Service hours ${window}: ${good('every hour a shift covers is staffed')}.`,
    gaps: (window: string, n: number, bad: Paint) => `Service hours ${window}: ${bad(count(n, 'gap'))} with nobody on duty.`,
    gapDay: (date: string, day: string) => `${date} ${day}`,
    gapRun: (first: string, last: string, days: number) => `${first} to ${last} (every day, ${days} days)`,
    rulesKept: (good: Paint) => `Roster rules: ${good('all kept')}.`,
    rulesBroken: (n: number, bad: Paint) => `Roster rules: ${bad(count(n, 'violation'))}.`,
    date: 'date',
    rule: 'rule',
    staff: 'staff',
    what: 'what',
    resultOk: (good: Paint) => `Result: ${good('OK')}.`,
    resultFailed: (gaps: number, violations: number, bad: Paint) => `Result: ${bad('FAILED')}: ${count(gaps, 'gap')}, ${count(violations, 'rule violation')}.`,
    strictFailed: (gaps: number, violations: number, from: string, to: string) =>
      `The check found ${[count(gaps, 'gap'), count(violations, 'rule violation')].filter((s) => !s.startsWith('0 ')).join(' and ')} from ${from} to ${to}.`,
    scope: {
      asked: 'the dates asked for',
      toLast: 'to the last assigned day',
      oneCycle: (weeks: number) => `one cycle (cycle.weeks = ${weeks}); the roster has nothing from then on`,
      fromToday: 'from today',
      fromFirst: 'from the first assigned day',
      todayToLast: 'from today to the last assigned day',
      startsLater: 'the whole roster, which starts after today',
      ended: (to: string) => `the whole roster: it ended on ${to}, before today`,
      none: 'there is no roster yet',
    },
  },

  fairness: {
    title: (people: number) => `Fairness among the ${count(people, 'person', 'people')} on the rotation (spread: most minus fewest):`,
    staff: 'staff',
    total: 'total',
    weekend: 'weekend',
    holiday: 'holiday',
    daysOff: 'days off',
    spread: 'spread',
  },

  stats: {
    empty: (month: string) => `Nobody is on the rotation or worked in ${month}.`,
    title: (month: string, from: string, to: string) => `Shifts in ${month} (${from} to ${to}):`,
    staff: 'staff',
    name: 'name',
    total: 'total',
    weekend: 'weekend',
    holiday: 'holiday',
    swaps: 'swaps',
    swapsNote: (limit: number) => `swaps: taken part in (pending, accepted or approved) of the ${limit} a month allowed (swap.max-per-month)`,
    atLimit: (ids: string) => `at the limit: ${ids}`,
  },

  who: {
    when: (at: string, weekday: string) => `${at} (${weekday})`,
    nobody: (when: string) => `Nobody is on duty at ${when}.`,
    inServiceHours: (bad: Paint) => `${bad('That is within the service hours')}: see "roster check" for the gaps.`,
    onDuty: (when: string) => `On duty at ${when}:`,
    staff: 'staff',
    name: 'name',
    shift: 'shift',
    hours: 'hours',
    where: 'where',
    since: (date: string) => ` (since ${date})`,
    next: (who: readonly { staff: string; shift: string }[], start: string) => `Next: ${who.map((d) => `${d.staff} on ${d.shift}`).join(', ')} from ${start}.`,
  },

  staff: {
    empty: 'No staff yet: roster staff add <id> --name <name>.',
    id: 'id',
    name: 'name',
    role: 'role',
    rotation: 'rotation',
    active: 'active',
    added: (id: string, name: string, role: string, rotation: boolean) => `Added ${id} (${name}, ${role}${rotation ? '' : ', off rotation'}).`,
    closedRequests: (swaps: number[], leaves: number[]) => {
      const ids = (list: number[]) => list.map((i) => `#${i}`).join(', ')
      const parts = [
        swaps.length ? `cancelled their open swap${swaps.length === 1 ? '' : 's'} ${ids(swaps)}` : '',
        leaves.length ? `rejected their pending leave request${leaves.length === 1 ? '' : 's'} ${ids(leaves)}` : '',
      ].filter(Boolean).join('; ')
      return `${parts.charAt(0).toUpperCase()}${parts.slice(1)}: they count towards nobody's limit.`
    },
    removed: (id: string, uncovered: number, today: string) => `Removed ${id} from the team.${uncovered ? ` ${uncovered} of their shifts from ${today} on are now uncovered: see "roster check".` : ''}`,
  },

  shift: {
    empty: 'No shift types: roster shift add <code> --start HH:MM --end HH:MM.',
    code: 'code',
    name: 'name',
    hours: 'hours',
    where: 'where',
    headcount: 'headcount',
    added: (updated: boolean, code: string, hours: string, remote: boolean, headcount: number) => `${updated ? 'Redefined' : 'Added'} shift ${code} ${hours}${remote ? ' (remote)' : ''}, headcount ${headcount}.`,
    removed: (code: string) => `Removed shift ${code}; past rosters keep it.`,
  },

  holiday: {
    added: (name: string, date: string) => `Added the holiday ${name} on ${date}.`,
    unchanged: (date: string, name: string) => `${date} is already the holiday ${name}; nothing changed.`,
    renamed: (date: string, from: string, to: string) => `Renamed the holiday on ${date} from ${from} to ${to}.`,
    removed: (date: string, name: string) => `Removed the holiday on ${date} (${name}).`,
    imported: (n: number, source: string, added: number, renamed: number, unchanged: number) => `Imported ${count(n, 'holiday')} from ${source}: ${added} added, ${renamed} renamed, ${unchanged} already there.`,
    note: (warning: string) => `Note: ${warning}.`,
    empty: (year: number | undefined) => `No holidays ${year === undefined ? 'yet' : `in ${year}`}: add one with "roster holiday add <date> --name <name>" or import a calendar with "roster holiday import".`,
    date: 'date',
    day: 'day',
    name: 'name',
    kind: 'kind',
    statutory: 'statutory',
    official: 'holiday',
    workdays: 'Make-up working days (weekend days worked for a longer break; not holidays):',
    badCountry: (given: string) => `--country "${given}" is not a country code: use a two-letter ISO code such as CN, DE or US (DE-BY for a state).`,
    unknownCountry: (code: string) => `Unknown country "${code}": use a two-letter ISO code such as CN, DE or US.`,
    unknownState: (state: string, country: string) => `Unknown state "${state}" of ${country}: give the country alone, or a state code such as DE-BY.`,
    statutoryOnly: (year: number, version: string) =>
      `The official ${year} holiday schedule is not known to this version of roster (chinese-days ${version}): imported the statutory dates instead, marked statutory; once it is published, load it with "roster holiday import <file.ics>".`,
    chinaImported: (source: string, official: boolean, days: number, workdays: number, c: { added: number; renamed: number; confirmed: number; removed: number }) =>
      `${official ? `Imported the official schedule for ${source}: ${count(days, 'day')} off and ${count(workdays, 'make-up working day')}` : `Imported ${count(days, 'statutory day')} off for ${source}`}; ${c.added} added, ${c.renamed} renamed, ${c.removed} removed${c.confirmed ? `, ${c.confirmed} statutory confirmed` : ''}.`,
    chinaUnchanged: (source: string, official: boolean, days: number, workdays: number) =>
      `${official ? `The official schedule for ${source} (${count(days, 'day')} off, ${count(workdays, 'make-up working day')})` : `The ${count(days, 'statutory day')} off for ${source}`} ${official || days === 1 ? 'is' : 'are'} already imported: nothing changed.`,
  },

  handover: {
    noted: (shift: string, date: string, id: number) => `Noted for ${shift} on ${date} (#${id}).`,
    empty: (date: string) => `No handover notes for ${date}.`,
    shift: 'shift',
    by: 'by',
    at: 'at (UTC)',
    note: 'note',
  },

  log: {
    empty: 'The audit log is empty.',
    id: '#',
    when: 'when (UTC)',
    who: 'who',
    action: 'action',
    subject: 'subject',
    onBehalf: (login: string) => ` (by ${login})`,
    /** The PostgreSQL role a change was made as, where it is not the acting staff id. */
    dbRole: (role: string) => ` [role ${role}]`,
    /** After the real time of an entry written while ROSTER_NOW set a test clock. */
    testClock: (clock: string) => ` (test clock ${clock})`,
  },

  /** Installing roster: the SQLite addon better-sqlite3 builds when it is installed. */
  install: {
    noAddon: (file: string) =>
      `roster's SQLite addon (better-sqlite3) is not built here (${file} is missing): npm skipped its install script. Install again allowing it: npm install -g --allow-scripts=better-sqlite3 <roster package> (in a clone: npm rebuild better-sqlite3).`,
    wrongAddon: (detail: string) =>
      `roster's SQLite addon (better-sqlite3) was built for another Node.js (${detail}): rebuild it with "npm rebuild better-sqlite3" in roster's folder, or install roster again.`,
  },

  /** Printing to PDF through Chromium or Chrome. */
  print: {
    noChrome: 'Printing to PDF needs Chromium or Google Chrome, and none was found: install one (on Debian or Ubuntu: apt-get install chromium) or set ROSTER_CHROME to its program.',
    badChrome: (path: string) => `ROSTER_CHROME names ${path}, which is not a program that can be run: point it at Chromium or Google Chrome, or unset it.`,
    failed: (browser: string, detail: string) => `${browser} did not print the PDF (${detail}).`,
    needsOutput: (flag: string) => `PDF is a file to print, not text for the terminal: add ${flag} <file.pdf>.`,
  },

  backup: {
    done: (db: string, target: string) => `Backed up ${db} to ${target}.`,
    restored: (db: string, file: string, staff: number, assignments: number, safetyCopy: string) => `Restored ${db} from ${file} (${staff} staff, ${assignments} assignments). The database as it was is kept in ${safetyCopy}.`,
  },

  generate: {
    createdDemo: (path: string) => `Created ${path} with the demo team.`,
    keptSwaps: (ids: number[]) => `Approved swap${ids.length === 1 ? '' : 's'} ${ids.map((i) => `#${i}`).join(', ')} kept as ${ids.length === 1 ? 'it was' : 'they were'}: both people's days stay as the swap made them.`,
    keptDemo: (path: string, from: string, to: string) => `${path} already exists: kept it as it is (nothing generated). Its roster ${from} to ${to}:`,
    title: (from: string, to: string, seed: number, replaced: number) => `Roster ${from} to ${to} (seed ${seed})${replaced ? `, replacing ${replaced} assignments` : ''}:`,
    pattern: (weeks: number, repeat: number, rotate: boolean) =>
      `A repeating pattern of ${weeks} ${weeks === 1 ? 'week' : 'weeks'}, laid ${repeat === 1 ? 'once' : `${repeat} times`}: ${rotate ? 'each person moves to the next line every cycle' : 'each person keeps their line'}, and every rule also holds from its last day into its first.`,
    resolved: (dates: readonly string[]) => `Solved again where leave, an approved swap or the roster before falls on the pattern: ${dates.join(', ')}. Every other day is the pattern.`,
  },

  extend: {
    title: (from: string, to: string, cycles: number) => `Roster continued from ${from} to ${to} (${cycles === 1 ? 'one cycle' : `${cycles} cycles`} of the pattern):`,
  },

  config: {
    key: 'setting',
    value: 'value',
    default: 'default',
  },

  init: {
    created: (path: string, shifts: string) => `Created the roster database ${path} with shifts ${shifts}.`,
    team: (list: string) => `Team: ${list}.`,
    member: (id: string, role: string) => `${id} (${role})`,
    nextGenerate: (lead: string) => `Next: roster generate --as ${lead}`,
    nextStaff: (lead: string) => `Next: add the people on the rotation, e.g. roster staff add ana --name "Ana Souza" --as ${lead}`,
    nextLead: 'Next: name the team lead, e.g. roster staff add mei --name "Mei Lin" --role lead',
  },

  assign: {
    takesOver: (staff: string, shift: string, date: string, from: string) => `${staff} takes over ${shift} on ${date} from ${from}.`,
    isOn: (staff: string, shift: string, date: string) => `${staff} is on ${shift} on ${date}.`,
    over: (shift: string, have: number, need: number) => ` Shift ${shift} now has ${have} people for a headcount of ${need}.`,
  },

  swap: {
    /** `Mon 2027-01-04` */
    day: (weekday: string, date: string) => `${weekday} ${date}`,
    cover: (requester: string, counterpart: string, date: string, payback: string) => `${counterpart} covers ${requester}'s shift on ${date}; ${requester} pays it back on ${payback}`,
    exchange: (requester: string, counterpart: string, date: string) => `${requester} and ${counterpart} trade shifts on ${date}`,
    verbs: { requested: 'requested', accepted: 'accepted', declined: 'declined', approved: 'approved', rejected: 'rejected', cancelled: 'cancelled' },
    result: (id: number, verb: string, what: string) => `Swap #${id} ${verb}: ${what}.`,
    waitCounterpart: (id: number, counterpart: string) => `Waiting for ${counterpart}: roster swap accept ${id} --as ${counterpart} (or decline).`,
    waitLead: (id: number, lead?: string) => `Waiting for a lead or manager: roster swap approve ${id}${lead ? ` --as ${lead}` : ''} (or reject).`,
    inRoster: 'The roster now shows the swap.',
    /** A reversal (swap undo) of swap #id: what it undoes. */
    undoOf: (id: number, what: string) => `undo of swap #${id} (${what})`,
    undoneInRoster: (id: number) => `The roster is back as it was before swap #${id}, which is now undone.`,
    undone: 'The swap was undone: the roster is as it was before it.',
    undoes: 'undoes',
    done: 'Nothing more to do.',
    none: 'No swaps match.',
    id: '#',
    status: 'status',
    requester: 'requester',
    counterpart: 'counterpart',
    date: 'date',
    payback: 'payback',
    reason: 'reason',
    rule: 'rule',
    result_: 'result',
    why: 'why',
    pass: 'pass',
    fail: 'FAIL',
    wouldRefuse: (rules: string) => `The swap would be refused by ${rules}.`,
    wroteForm: (id: number, file: string) => `Wrote the form for swap #${id} to ${file}: print it, sign it, file it.`,
    now: (who: string) => `${who} now`,
    after: (who: string) => `${who} after`,
    previewLegend: (shifts: string) => `* changed by the swap. Shifts: ${shifts}.`,
    askShift: 'Which of your shifts do you want to give away?',
    askWho: (day: string) => `Who takes your shift on ${day}?`,
    askPayback: (other: string) => `On which day do you work ${other}'s shift in return?`,
    askReason: 'Reason (optional, shown to the lead):',
    confirm: (other: string) => `Send this swap request to ${other}?`,
    nothingRequested: 'Nothing was requested.',
    exchangeChoice: (id: string, name: string, shift: string | null, load: string) => `${id} (${name}): trade with their ${shift} that day; ${load}`,
    coverChoice: (id: string, name: string, paybacks: number, load: string) => `${id} (${name}): off that day, covers you; you pay back (${count(paybacks, 'possible date')}); ${load}`,
    load: (n: number) => `${count(n, 'swap')} this month`,
    /** A colleague who cannot take the shift, shown dimmed: `ben (Ben Brown)`. */
    colleague: (id: string, name: string) => `${id} (${name})`,
    nobodyCanTake: 'nobody can take it without breaking a rule',
    noPaybackDay: (other: string, from: string, to: string) => `from ${from} to ${to} ${other} works no day on which you are off, so you could not pay them back`,
    noPaybackKeepsRules: (other: string, from: string, to: string) => `no day from ${from} to ${to} on which you could pay ${other} back keeps every rule`,
    noShiftsAhead: (id: string, today: string) => `${id} has no shift from ${today} on to give away.`,
    noneSwappable: (today: string) => `None of your shifts from ${today} on can be swapped now.`,
    noneSwappableList: (today: string) => `None of your shifts from ${today} on can be swapped now:`,
    noCandidate: (date: string) => `Nobody can take your shift on ${date} without breaking a rule: pick another date.`,
    noCandidateList: (day: string) => `Nobody can take your shift on ${day}:`,
    noPayback: (other: string) => `There is no date on which you could pay ${other} back without breaking a rule.`,
    /** What the reason is called in a refusal of what was typed at the prompt. */
    reasonName: 'The reason',
  },

  /** The prompts' own words: key hints, the yes/no answer, a choice that cannot be picked. */
  prompt: {
    keys: { navigate: 'navigate', select: 'select' },
    disabled: (why: string) => `(${why})`,
    yes: 'Yes',
    no: 'No',
  },

  ledger: {
    /** Which swaps the ledger holds: ` of ana in 2027-01`. */
    scope: (staff: string | null, month: string | null) => `${staff ? ` of ${staff}` : ''}${month ? ` in ${month}` : ''}`,
    title: (scope: string, n: number) => `Swap ledger${scope}: ${count(n, 'approved swap')}.`,
    none: (scope: string) => `No approved swaps${scope}.`,
    pairs: 'Who swapped with whom:',
    between: 'between',
    swaps: 'swaps',
    asked: 'asked by',
    askedBy: (a: string, na: number, b: string, nb: number) => `${a} ${na}, ${b} ${nb}`,
    exchanges: 'exchanges',
    covers: 'covers',
    owedCount: 'paybacks owed',
    owedTitle: (at: string) => `Paybacks still owed (as of ${at}):`,
    owedNone: (at: string) => `No paybacks are owed (as of ${at}).`,
    swap: '#',
    owes: 'owes',
    to: 'to',
    coveredOn: 'covered on',
    paybackOn: 'pays back on',
    shift: 'shift',
    due: 'done at',
    undoneTitle: 'Undone swaps (no longer in the roster, counted nowhere):',
    undoneBy: 'undone by',
  },

  leave: {
    requested: (id: number, staff: string, from: string, to: string, lead?: string) => `Leave #${id} requested for ${staff} from ${from} to ${to}.\nWaiting for a lead or manager: roster leave approve ${id}${lead ? ` --as ${lead}` : ''} (or reject).`,
    rejected: (id: number, staff: string, from: string, to: string) => `Leave #${id} of ${staff} (${from} to ${to}) rejected.`,
    approved: (id: number, staff: string, from: string, to: string, uncovered: readonly string[]) =>
      `Leave #${id} of ${staff} (${from} to ${to}) approved.${uncovered.length ? ` ${count(uncovered.length, 'shift')} of ${staff} ${uncovered.length === 1 ? 'is' : 'are'} now uncovered: ${uncovered.join(', ')}. They are open shifts: see who could take one with "roster cover ${uncovered[0]}" (all of them: "roster open list").` : ''}`,
    none: 'No leave matches.',
    id: '#',
    staff: 'staff',
    from: 'from',
    to: 'to',
    days: 'days',
    status: 'status',
    reason: 'reason',
  },

  cover: {
    title: (shift: string, day: string, have: number, need: number) => `Who could take ${shift} on ${day} (${have} of ${need} on it now):`,
    staff: 'staff',
    can: 'can take it',
    shifts: 'shifts that month',
    why: 'cost, or why not',
    yes: 'yes',
    no: 'no',
    nobody: 'Nobody on the rotation is left to ask.',
    none: 'Nobody can take it without breaking a rule.',
    next: (date: string, shift: string, staff: string) => `Assign the first: roster cover ${date} ${shift} --assign ${staff}`,
    longRun: (days: number, limit: number) => `makes ${days} working days in a row (at most ${limit})`,
    dayOff: (before: string, after: string) => `loses the only day off between ${before} and ${after}`,
    wishFor: (wish: number, text: string) => `wish #${wish} asks for it: ${text}`,
    wishAgainst: (wish: number, text: string) => `wish #${wish} is against it: ${text}`,
  },

  open: {
    none: 'No open shifts: every shift has its headcount.',
    title: (from: string, to: string) => `Open shifts from ${from} to ${to}:`,
    noRoster: 'There is no roster from today on, so no open shifts.',
    date: 'date',
    shift: 'shift',
    missing: 'missing',
    hint: 'Take one: roster open claim <date> <shift>; who could: roster cover <date> <shift>.',
    claimsTitle: 'Claims:',
    noClaims: 'No claims match.',
    id: '#',
    staff: 'staff',
    status: 'status',
    auto: 'auto-approved',
    claimStatus: { pending: 'pending', approved: 'approved', rejected: 'rejected' } as Record<'pending' | 'approved' | 'rejected', string>,
    claimed: (id: number, staff: string, shift: string, date: string, lead?: string) =>
      `Claim #${id}: ${staff} offers to take ${shift} on ${date}.\nWaiting for a lead or manager: roster open approve ${id}${lead ? ` --as ${lead}` : ''} (or reject).`,
    autoApproved: (id: number, staff: string, shift: string, date: string) => `Claim #${id} approved at once (open.auto-approve): ${staff} is on ${shift} on ${date}.`,
    approved: (id: number, staff: string, shift: string, date: string) => `Claim #${id} approved: ${staff} is on ${shift} on ${date}.`,
    rejected: (id: number, staff: string, shift: string, date: string) => `Claim #${id} rejected: ${staff} does not take ${shift} on ${date}.`,
    unassigned: (staff: string, shift: string, date: string, have: number, need: number) =>
      `${staff} is off ${shift} on ${date}; it has ${have} of ${need} now.${have < need ? ` It is an open shift: see "roster cover ${date} ${shift}".` : ''}`,
  },

  inbox: {
    title: (id: string) => `What waits on ${id}:`,
    toAnswer: 'Swaps to accept or decline:',
    toApprove: 'To approve:',
    owed: 'Paybacks you owe:',
    open: 'Open shifts you could take:',
    next: 'Your next shifts:',
    nothing: 'nothing',
    answerLine: (id: number, what: string) => `#${id} ${what}: roster swap accept ${id} (or decline)`,
    swapLine: (id: number, what: string) => `swap #${id} ${what}: roster swap approve ${id} (or reject)`,
    leaveLine: (id: number, staff: string, from: string, to: string) => `leave #${id} of ${staff}, ${from} to ${to}: roster leave approve ${id} (or reject)`,
    claimLine: (id: number, staff: string, shift: string, date: string) => `claim #${id}: ${staff} takes ${shift} on ${date}: roster open approve ${id} (or reject)`,
    owedLine: (id: number, other: string, payback: string) => `swap #${id}: you work ${other}'s shift on ${payback}`,
    openLine: (date: string, shift: string, missing: number) => `${shift} on ${date} (${missing} missing): roster open claim ${date} ${shift}`,
    nextLine: (day: string, shift: string, start: string, end: string) => `${day} ${shift} ${start}-${end}`,
    /** The one line other commands print on stderr. */
    hint: (answer: number, approve: number) =>
      `${[answer ? `${count(answer, 'swap')} ${answer === 1 ? 'waits' : 'wait'} for your answer` : '', approve ? `${count(approve, 'request')} ${approve === 1 ? 'waits' : 'wait'} for your approval` : ''].filter(Boolean).join('; ')}: roster inbox`,
  },

  export: {
    wrote: (shifts: number, from: string, to: string, person: string | undefined, path: string, format: string) =>
      `Wrote ${count(shifts, 'shift')} from ${from} to ${to}${person ? ` for ${person}` : ''} to ${path} (${format}).`,
    empty: (from: string, to: string, person: string | undefined) => `Nobody is on the roster from ${from} to ${to}${person ? ` for ${person}` : ''}: the export is empty.`,
    wroteReport: (what: string, path: string, format: string) => `Wrote ${what} to ${path} (${format}).`,
    statsWhat: (month: string) => `the stats of ${month}`,
    checkWhat: (from: string | null, to: string | null) => (from && to ? `the check of ${from} to ${to}` : 'the check'),
    ledgerWhat: 'the swap ledger',
  },

  /** The printed roster: HTML and Markdown exports. */
  sheet: {
    htmlLang: 'en',
    title: (from: string, to: string, who: string) => `Duty roster ${from} to ${to}${who ? ` — ${who}` : ''}`,
    heading: 'Duty roster',
    range: (from: string, to: string) => `${from} to ${to}`,
    sheetOf: (n: number, of: number) => (of > 1 ? `Sheet ${n} of ${of}` : 'One sheet'),
    cycle: (weeks: number, shown: number | null) => `${weeks}-week cycle${shown === null ? '' : ` (${shown} days shown)`}`,
    revision: 'Revision',
    generated: (when: string, zone: string) => `Generated ${when} (${zone})`,
    nobody: (from: string, to: string) => `Nobody is on the roster from ${from} to ${to}.`,
    holidays: 'Holidays:',
    staff: 'Staff',
    shifts: 'Shifts',
    date: 'Date',
    day: 'Day',
    open: 'Open',
    openNote: 'nobody on it yet',
    holiday: 'Holiday',
    holidayMark: 'HOL',
    endsNextDay: ' (ends next day)',
    remote: 'remote (from home)',
    office: 'office',
    weekend: 'weekend',
    holidayLegend: 'holiday',
    noSwaps: 'No approved swaps in this period.',
    approvedSwaps: 'Approved swaps',
    swapNo: '#',
    requester: 'Requester (gives the shift)',
    counterpart: 'Counterpart (works it)',
    paidBack: 'Paid back',
    exchangeOnDay: 'exchange on the day',
    paidBackOn: (day: string) => `${day}, by the requester`,
    // Markdown
    mdTitle: (from: string, to: string, who: string) => `Roster ${from} to ${to}${who ? ` for ${who}` : ''}`,
    mdShifts: (list: string) => `Shifts: ${list}. Weekends are marked \\*.`,
    mdPeople: (list: string) => `People: ${list}.`,
    mdHolidays: (list: string) => `Holidays: ${list}.`,
    mdRevision: (n: number) => `Revision ${n}.`,
    mdRemote: '(remote)',
    shift: 'Shift',
    hours: 'Hours',
    where: 'Where',
    name: 'Name',
    remoteShort: 'remote',
  },

  /** Files roster writes (-o, backups) and reads (imports, restore, solve). */
  files: {
    isDatabase: (flag: string, path: string, db: string) =>
      `${flag} ${path} is the roster database ${db} or one of its -wal, -shm or -journal files: writing there would destroy the team's data. Choose another file; nothing was written.`,
    noFolder: (folder: string, flag: string) => `The folder ${folder} does not exist: create it first, or give ${flag} a file in an existing folder.`,
    isFolder: (path: string, flag: string) => `${path} is a folder: give ${flag} a file name.`,
    noReader: (path: string) => `${path} is a pipe that nobody is reading: start the reader first, or write to a file.`,
    cannotWrite: (path: string, why: string) => `Cannot write ${path}: ${why}; nothing was written there.`,
    diskFull: 'the disk is full',
    denied: 'permission denied',
    notRegular: (path: string, kind: string, what: string) => `${path} is ${kind}, not a file: give ${what} a regular file.`,
    kinds: { folder: 'a folder', fifo: 'a pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'not a regular file' } as Record<string, string>,
    tooLarge: (path: string, mb: string, limitMb: number) => `${path} is ${mb} MB, more than the ${limitMb} MB roster reads: give a smaller file.`,
    missing: (path: string) => `There is no file ${path}: check the name.`,
    cannotRead: (path: string, why: string) => `Cannot read ${path}: ${why}.`,
    walInReadOnlyFolder: (db: string) => `${db} has changes in its -wal file that can be read only where the folder is writable: make the folder writable, or copy the database and its -wal file elsewhere.`,
    emptyOption: (flag: string) => `${flag} is empty: give it a value (a date like 2026-12-20, a month like 2026-12, a year), or leave the option out.`,
  },

  /** Markdown reports (stats, check, ledger --format md). */
  report: {
    statsTitle: (month: string, from: string, to: string) => `Shifts in ${month} (${from} to ${to})`,
    checkTitle: (from: string, to: string) => `Check ${from} to ${to}`,
    gapsTitle: 'Service-hour gaps',
    from: 'from',
    to: 'to',
    violationsTitle: 'Rule violations',
    fairnessTitle: 'Fairness',
    none: 'None.',
    ledgerTitle: 'Swap ledger',
  },

  /** What only a lead or manager may do, for the permission sentence. */
  /** Wishes (SPEC 9): wish add | list | remove, and what generate and check say of them. */
  wish: {
    off: 'day off',
    shift: (code: string) => `shift ${code}`,
    not: (code: string) => `not shift ${code}`,
    every: (weekday: number) => `every ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][weekday]}`,
    span: (from: string, to: string) => `${from} to ${to}`,
    describe: (when: string, what: string) => `${when}: ${what}`,
    added: (id: number, staff: string, what: string) => `Wish #${id} added for ${staff}: ${what}. "roster generate" weighs it; it never overrides a rule or coverage.`,
    removed: (id: number, staff: string, what: string) => `Wish #${id} of ${staff} removed (${what}).`,
    none: 'No wishes match.',
    head: { id: '#', staff: 'staff', when: 'when', wish: 'wish', weight: 'weight', reason: 'reason' },
    /** generate: the summary line and one line per person. */
    granted: (granted: number, total: number) => `Wishes: ${granted} of ${total} granted.`,
    person: (id: string, granted: number, total: number) => `  ${id}: ${granted} of ${total} granted`,
    denied: (wish: number, date: string, what: string, why: string) => `    #${wish} ${date} ${what}: not granted (${why})`,
    why: {
      'roster.leave': 'on approved leave that day',
      'roster.coverage': 'everyone available that day is needed to cover the shifts',
      'roster.min-rest': 'the rest rule (roster.min-rest) forbids it next to the shifts around it',
      'roster.max-consecutive-days': 'it would make too many working days in a row (roster.max-consecutive-days)',
      'swap.fixed': 'an approved swap fixes that day',
      'shift.removed': 'that shift type is no longer in use',
      weighed: 'weighed against the fair shares and other wishes',
    } as Record<string, string>,
    /** check: wishes the current roster does not grant (information, not violations). */
    notGranted: (n: number) => `Wishes the roster does not grant (information, not rule violations): ${n}.`,
    notGrantedLine: (wish: number, staff: string, date: string, what: string, has: string) => `  #${wish} ${staff} ${date} ${what} (on the roster: ${has})`,
    allGranted: (n: number) => `Wishes: all ${n} granted.`,
    offDay: 'off',
    /** generate: how good the roster is against the relaxation's lower bound. */
    optimal: (objective: number) => `Quality: optimal for its goals (cost ${objective}, equal to the lower bound).`,
    within: (pct: string, bound: string, objective: number) => `Quality: within ${pct}% of the best possible (lower bound ${bound}, cost ${objective}).`,
    zeroBound: (objective: number) => `Quality: cost ${objective}; the linear relaxation's lower bound is 0 (or not above 0 within its time), so it cannot say how close this is to the best.`,
    noBound: (why: 'too-large' | 'not-applicable') =>
      `Quality: no lower bound computed (${why === 'too-large' ? 'the linear relaxation is too large for the dense simplex' : 'the relaxation does not apply to this team'}).`,
    errors: {
      noWhen: 'Say when: --date <date> (or <date>..<date>) or --weekday <mon..sun>.',
      bothWhen: '--date and --weekday cannot go together: a wish is for dates or for every such weekday.',
      noKind: 'Say what you wish: --off, --shift <code> or --not <code>.',
      twoKinds: '--off, --shift and --not exclude each other: give one of them.',
      badWeight: (raw: string) => `--weight must be a whole number from 1 to 10, not "${raw}".`,
      badWeekday: (raw: string) => `--weekday "${raw}" is not a weekday: use mon, tue, wed, thu, fri, sat or sun.`,
      badSpan: (raw: string) => `--date "${raw}" is not a date or a span of dates: use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.`,
      spanOrder: (from: string, to: string) => `--date ${from}..${to} runs backwards: give the first day, then the last.`,
      spanLong: (from: string, to: string, days: number) => `--date ${from}..${to} covers ${days} days; one wish covers at most 366.`,
      unknownShift: (code: string, known: readonly string[]) => `There is no shift ${code}: the shifts are ${known.join(', ') || '(none yet)'}.`,
      badId: (raw: string) => `"${raw}" is not a wish id: use the number "roster wish list" shows.`,
      noWish: (id: number) => `There is no wish #${id}: see "roster wish list".`,
      notYours: (actor: string, staff: string) => `${actor} may add and remove only their own wishes; ${staff}'s are for ${staff} or a lead.`,
    },
  },

  leadTasks: {
    'generate the roster': 'generate the roster',
    'change the roster': 'change the roster',
    'add staff': 'add staff',
    'remove staff': 'remove staff',
    'define shifts': 'define shifts',
    'remove shifts': 'remove shifts',
    'change settings': 'change settings',
    'add holidays': 'add holidays',
    'remove holidays': 'remove holidays',
    'import holidays': 'import holidays',
    'approve leave': 'approve leave',
    'reject leave': 'reject leave',
    'restore the database': 'restore the database',
    'approve claims': 'approve claims of open shifts',
    'reject claims': 'reject claims of open shifts',
  },

  /** Notifications (SPEC 12): the messages webhooks receive, notify list and flush. */
  notify: notifyEn,

  /** solve: how good the roster is against the lower bound of the linear relaxation (column generation). */
  solve: {
    optimal: (objective: number) => `Optimal: cost ${objective} equals the lower bound.`,
    within: (pct: string, bound: number) => `Within ${pct}% of the best possible (lower bound ${bound}).`,
    noBound: 'No lower bound: the relaxation was not solved (one search thread only, or no pricing round finished in time).',
  },

  errors: {
    /** Before the one sentence on stderr. */
    prefix: 'roster: ',
    refused: (violations: readonly Violation[]) => {
      if (!violations.length) return 'Refused.'
      const first = violations[0]!
      const others = [...new Set(violations.slice(1).map((v) => v.rule))]
      const more = others.length ? ` Also broken: ${others.join(', ')}.` : violations.length > 1 ? ` (${violations.length - 1} more like it.)` : ''
      return `Refused by ${first.rule}: ${first.message}.${more}`
    },
    /** A swap or leave refusal: the first rule and message, then the others by id. */
    refusedSwap: (violations: readonly Violation[], check?: string) => {
      const [first, ...rest] = violations
      const others = [...new Set(rest.map((v) => v.rule))]
      return `Refused by ${first!.rule}: ${first!.message}.${others.length ? ` Also refused by ${others.join(', ')}${check ? `: see "${check}"` : ''}.` : ''}`
    },
    cannotGenerate: (from: string, to: string, first: Violation | undefined) =>
      `Cannot draw up a roster from ${from} to ${to}: ${first?.message ?? 'the rules cannot all hold'} (${first?.rule ?? 'roster'}). Nothing was written.`,
    unknownStaff: (id: string) => `Unknown staff id "${id}": see "roster staff list".`,
    unknownStaffIn: (id: string, flag: string) => `Unknown or removed staff id "${id}" in ${flag}: see "roster staff list".`,
    unknownActor: (id: string) => `Unknown staff id "${id}" given as the acting person: see "roster staff list".`,
    inactiveActor: (id: string) => `${id} is no longer active on the team and cannot act.`,
    whoActs: (login: string) => `Who is acting? Pass --as <staff-id> or set ROSTER_USER (your login "${login}" is not a staff id).`,
    onBehalf: (login: string, loginActive: boolean, id: string) =>
      `Your login ${login} is ${loginActive ? 'an agent' : 'no longer on the team'}, so it may not act as ${id}: only a lead or manager acts on behalf of someone else.`,
    leadOnly: (task: string, id: string) => `Only a lead or manager may ${task}; ${id} is an agent.`,
    ownLeave: (id: string, action: string) => `${id} cannot ${action} their own leave; ask another lead or manager.`,
    badDate: (flag: string, raw: string) => `${flag} "${raw}" is not a date: use YYYY-MM-DD (a real calendar date), today, tomorrow or a weekday like mon.`,
    badMonth: (flag: string, raw: string) => `${flag} "${raw}" is not a month: use YYYY-MM.`,
    undoReversal: (id: number, of: number) => `Swap #${id} is itself the undoing of swap #${of} and cannot be undone: ask for a new swap instead.`,
    undoOpen: (id: number, open: number) => `Swap #${id} already has an undo in progress (#${open}): accept, approve, reject or cancel that one first.`,
    noSwap: (id: number) => `There is no swap #${id}: see "roster swap list".`,
    noLeave: (id: number) => `There is no leave #${id}: see "roster leave list".`,
    unknownShift: (code: string) => `Unknown shift code "${code}": see "roster shift list".`,
    /** As nextSwapStatus says it. */
    swapState: (id: number, status: SwapStatus, action: MessageAction) => `Swap #${id} is ${status}, so you cannot ${action} it: ${swapStateWhy[status]}.`,
    leaveState: (id: number, status: LeaveStatus, approve: boolean) => `Leave #${id} is already ${status}, so it cannot be ${approve ? 'approved' : 'rejected'}.`,
    missingDate: '--date is required (the date of the shift you give away) when not on a terminal: roster swap request --date <D1> --with <id> [--payback <D2>].',
    missingWith: '--with is required (the colleague who takes your shift) when not on a terminal: roster swap request --date <D1> --with <id> [--payback <D2>].',
    missingPayback: (other: string, date: string) => `--payback is required: ${other} is off on ${date}, so this is a cover and you pay it back by working ${other}'s shift on another date (--payback <D2>).`,
    withSelf: '--with names yourself: choose the colleague who takes your shift.',
    notOnTeam: (id: string) => `${id} is no longer on the team and cannot take part in a swap.`,
    cancelled: 'Cancelled: nothing was written.',
    reasonTooLong: (flag: string) => `${flag} is too long: at most 500 characters.`,
    reasonControl: (flag: string) => `${flag} contains control characters; use plain text on one line.`,
    swapId: (raw: string) => `"${raw}" is not a swap id: use the number "roster swap list" shows.`,
    withSelfCheck: '--with names yourself: choose the colleague who would take your shift.',

    /** Flags and values that do not fit together, whatever the command. */
    usage: {
      needsFile: '-o needs a file name.',
      wholeNumber: (flag: string, min: number, max: number, raw: string) => `${flag} must be a whole number from ${min} to ${max}, not "${raw}".`,
      statusOneOf: (choices: readonly string[], raw: string) => `--status must be one of ${choices.join(', ')}, not "${raw}".`,
      weekWithOthers: '--week cannot be combined with --month, --from, --to or --weeks: pick one way to give the dates.',
      monthWithOthers: '--month cannot be combined with --week, --from, --to or --weeks: pick one way to give the dates.',
      monthWithRange: '--month cannot be combined with --from, --to or --weeks: pick one way to give the dates.',
      weeksWithTo: '--weeks cannot be combined with --to: give --from with --to, or --from with --weeks.',
      toBeforeFrom: (to: string, from: string) => `--to ${to} is before --from ${from}: give the earlier date first.`,
      rangeTooLong: (from: string, to: string, max: number) => `${from} to ${to} is longer than ${max} days: ask for a shorter range.`,
      notReportFormat: (raw: string) => `--format "${raw}" is not a report format: use csv or md (or --json).`,
      whichReportFormat: (file: string) => `Which format for ${file}? Pass --format csv or --format md.`,
      jsonAndFormat: (format: string) => `--json and --format ${format} both say how to print: pick one.`,
      badTime: (raw: string) => `--at "${raw}" is not a time: use YYYY-MM-DDTHH:MM (a real date, 00:00 to 23:59) or HH:MM for today.`,
    },
    shift: {
      badStart: (raw: string) => `--start "${raw}" is not a time: use HH:MM from 00:00 to 23:59.`,
      badEnd: (raw: string) => `--end "${raw}" is not a time: use HH:MM from 00:00 to 24:00.`,
      tooLong: (start: string, end: string) => `A shift from ${start} to ${end} would last over 16 hours; check --start and --end.`,
      stillAssigned: (code: string, future: number, today: string) => `Shift ${code} still has ${future} assignments from ${today} on; regenerate or reassign them first.`,
    },
    unknownSetting: (key: string, keys: readonly string[]) => `Unknown setting "${key}": the settings are ${keys.join(', ')}.`,
    noHolidayOn: (date: string) => `There is no holiday on ${date}: see "roster holiday list".`,
    holidayImport: {
      fileAndCountry: 'Give either a file or --country, not both.',
      nothing: 'Give a file to import (file.ics or file.csv) or --country <CC> --year <YYYY>.',
      yearWithoutCountry: '--year goes with --country; a file is imported with every date in it.',
      badFileName: (file: string) => `Cannot import ${file}: the file name must end in .ics (iCalendar) or .csv (date,name rows).`,
      cannotImport: (label: string, why: string) => `Cannot import ${label}: ${why}.`,
    },
    export: {
      noLayout: (format: string) => `--layout does not apply to --format ${format}: leave it out.`,
      badLayout: (raw: string, format: string, layouts: readonly string[]) => `--layout "${raw}" is not a ${format} layout: use ${layouts.join(' or ')}.`,
      bomCsvOnly: '--bom is for --format csv only: leave it out.',
      badZone: (raw: string) => `--tz "${raw}" is not a time zone: use an IANA name such as Europe/Berlin, Asia/Shanghai or UTC.`,
      whichFormat: (formats: readonly string[], file?: string) => `Which format? Pass --format ${formats.join('|')}${file === undefined ? '' : ` (the name ${file} does not say)`}.`,
      badFormat: (raw: string, formats: readonly string[]) => `--format "${raw}" is not a format roster exports: use one of ${formats.join(', ')}.`,
    },
    init: {
      leadAndName: '--lead and --name go together: roster init --lead <id> --name <name>.',
      alreadyRoster: (path: string) => `${path} already holds a roster; nothing was changed.`,
    },
    staff: {
      badRole: (raw: string) => `--role must be agent, lead or manager, not "${raw}".`,
      duplicate: (id: string) => `There is already a staff member with id ${id}.`,
      alreadyRemoved: (id: string) => `${id} was already removed.`,
      removeSelf: 'You cannot remove yourself; ask another lead.',
    },
    assign: {
      notOnTeam: (id: string) => `${id} is no longer on the team.`,
      nothingToTakeOver: (id: string, shift: string, date: string) => `${id} is not on ${shift} on ${date}, so there is nothing to take over.`,
      alreadyOn: (id: string, shift: string, date: string) => `${id} is already on ${shift} on ${date}.`,
    },
    open: {
      badId: (raw: string) => `"${raw}" is not a claim id: use the number "roster open claims" shows.`,
      noClaim: (id: number) => `There is no claim #${id}: see "roster open claims".`,
      covered: (shift: string, date: string, have: number, need: number) => `${shift} on ${date} is not open: it has ${have} of ${need} people already.`,
      past: (date: string, today: string) => `${date} is in the past (today is ${today}): only shifts from today on can be claimed.`,
      duplicate: (id: number, staff: string, shift: string, date: string) => `${staff} already claimed ${shift} on ${date} (claim #${id}, pending).`,
      state: (id: number, status: string) => `Claim #${id} is already ${status}; only a pending claim can be approved or rejected.`,
      own: (id: string) => `${id} cannot approve or reject their own claim; ask another lead or manager.`,
      notOnTeam: (id: string) => `${id} is no longer on the team and cannot take a shift.`,
      assignWithUnassign: 'Give either a staff id to put on the shift or --unassign <id>, not both.',
      assignWhom: 'Whom? Give the staff id to put on the shift, or --unassign <id> to take someone off it.',
      replaceWithUnassign: '--replace goes with a staff id to put on the shift, not with --unassign.',
      notOn: (id: string, shift: string, date: string) => `${id} is not on ${shift} on ${date}, so there is nothing to take them off.`,
    },
    generate: {
      fromAndStart: '--from is another name for --start: give one of them.',
      noStaffIds: '--staff needs at least one staff id, comma-separated.',
      noShifts: 'There are no shift types to fill: add one with "roster shift add".',
      nobody: 'Nobody is on the rotation: add staff with "roster staff add".',
      exists: (from: string, to: string, existing: number) => `${from} to ${to} already has ${existing} assignments: pass --replace to draw it up again.`,
      needsCyclic: (flag: string) => `${flag} works on a repeating pattern: add --cyclic (roster generate --cyclic ${flag}${flag === '--repeat' ? ' N' : ''}).`,
      tooLong: (weeks: number, max: number) => `That makes ${weeks} weeks; one roster is at most ${max} weeks: ask for fewer cycles.`,
    },
    extend: {
      noPattern: 'There is no repeating pattern to continue: draw one first with "roster generate --cyclic".',
      lineGone: (id: string) => `${id} holds a line of the repeating pattern but is no longer on the rotation: draw a new pattern with "roster generate --cyclic".`,
      shiftGone: (code: string) => `The repeating pattern names shift ${code}, which is no longer a shift type: draw a new pattern with "roster generate --cyclic".`,
    },
    leave: {
      fromAfterTo: (from: string, to: string) => `--from ${from} is after --to ${to}: give the first day of leave, then the last.`,
      tooLong: (from: string, to: string, days: number, max: number) => `Leave from ${from} to ${to} is ${days} days; one request covers at most ${max}.`,
      badId: (raw: string) => `"${raw}" is not a leave id: use the number "roster leave list" shows.`,
      past: (from: string, today: string) => `Leave cannot start in the past (${from}; today is ${today}): ask a lead to correct past shifts with "roster assign".`,
      overlap: (id: string, status: LeaveStatus, leave: number, from: string, to: string, wantFrom: string, wantTo: string) =>
        `${id} already has ${status} leave #${leave} from ${from} to ${to}, which overlaps ${wantFrom} to ${wantTo}.`,
    },
    backup: {
      inMemory: 'An in-memory database has no file to back up beside: pass -o <file>.',
      notAFile: 'This database is not a file roster can copy: back it up with its server\'s own tools (pg_dump for PostgreSQL).',
      noLiveDatabase: (live: string, file: string) => `There is no database at ${live} to restore into: copy ${file} there instead.`,
      exists: (target: string) => `${target} already exists: choose another file for the backup.`,
      noFolder: (dir: string) => `The folder ${dir} does not exist: create it or choose another -o path.`,
      noFile: (path: string) => `There is no file ${path} to restore from.`,
      cannotOpen: (path: string, why: string) => `${path} cannot be opened as a database: ${why}.`,
      notRoster: (path: string) => `${path} is not a roster database; nothing was restored.`,
      newer: (path: string, version: number) => `${path} comes from a newer version of roster (schema ${version}); upgrade roster to restore it.`,
      damaged: (path: string, check: string) => `${path} is damaged (${check}); nothing was restored.`,
      unreadable: (path: string, why: string) => `${path} is not a readable roster database (${why}); nothing was restored.`,
    },
    solve: {
      internalWorker: '--internal-worker is only for the search threads roster solve starts itself.',
      noFile: 'Name the instance file to solve: roster solve InstanceN.txt.',
      badTimeLimit: (max: number, raw: string) => `--time-limit must be a number of seconds above 0 and at most ${max}, not "${raw}".`,
      /** `code` is the file system's error code; `detail` its message for any other. */
      unreadable: (path: string, code: string | undefined, detail: string) =>
        `Cannot read the instance ${path}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : detail}.`,
      notInstance: (path: string, why: string) => `${path} is not a valid Curtois & Qu instance: ${why}.`,
      infeasible: (file: string, seconds: string, rule: string, message: string, more: number) =>
        `No roster keeping every hard rule of ${file} was found in ${seconds} s: the best one breaks ${rule}: ${message}${more > 0 ? ` (and ${more} more)` : ''}. Try a longer --time-limit.`,
    },
    /** The database file and SQLite's own failures. */
    store: {
      cannotOpen: (path: string, why: string) => `Cannot open ${path}: ${why}.`,
      noFolder: (dir: string) => `The folder ${dir} does not exist: create it first or choose another --db path.`,
      noDatabase: (path: string) => `There is no roster database at ${path}: run "roster init" to create one, or point --db at an existing one.`,
      folder: (path: string) => `${path} is a folder, not a roster database.`,
      emptyFile: (path: string) => `${path} is an empty file, not a roster database: run "roster init" to create one.`,
      notSqlite: (path: string) => `${path} is not a SQLite database, so not a roster database: check the --db path.`,
      newer: (path: string, version: number, latest: number) => `${path} was written by a newer version of roster (schema ${version}, this version knows up to ${latest}): upgrade roster to use it.`,
      foreign: (path: string) => `${path} is a SQLite database of another program, not a roster database: check the --db path.`,
      busy: (path: string, seconds: number) => `The database ${path} is busy (locked by another roster command) and stayed so past the ${seconds} s wait: try again.`,
      notReadable: (path: string) => `${path} is not a roster database (SQLite cannot read it): check the --db path.`,
      cannotWrite: (path: string, why: string) => `Cannot write ${path}: ${why}.`,
      /** `finding` is undefined when SQLite names no finding. */
      damaged: (path: string, finding: string | undefined) => `${path} is damaged (${finding ?? 'SQLite reports damage'}): restore it from a backup with "roster restore <file>"; nothing was changed.`,
      failed: (why: string) => `The database failed: ${why}.`,
      unexpected: (why: string) => `Unexpected failure: ${why}. Run again with ROSTER_DEBUG=1 for details.`,
    },
    /** A team database on PostgreSQL (SPEC 13): `where` is the URL without its password. */
    postgres: {
      badUrl: (where: string) => `${where} is not a PostgreSQL URL roster can read: write it as postgres://user@host:port/database.`,
      unreachable: (where: string, why: string) => `Cannot reach the PostgreSQL server of ${where} (${why}): check the host and port in the URL and that the server is running.`,
      login: (where: string, user: string) => `PostgreSQL refused the login of role "${user}" at ${where}: check the user name and password (PGPASSWORD or ~/.pgpass, not the URL, is the place for a password).`,
      noDatabase: (where: string, name: string) => `There is no database "${name}" on the PostgreSQL server of ${where}: create it first (createdb ${name}) or check the URL.`,
      tls: (where: string, why: string) => `The TLS connection to ${where} failed (${why}): check sslmode in the URL and the server's certificate.`,
      newer: (where: string, version: number, latest: number) => `${where} was written by a newer version of roster (schema ${version}, this version knows up to ${latest}): upgrade roster to use it.`,
      foreign: (where: string) => `${where} holds tables of another program and no roster schema: it is not a roster database, so nothing was changed; check the URL or use an empty database.`,
      busy: (where: string, seconds: number) => `The database ${where} is busy (another roster command is writing) and stayed so past the ${seconds} s wait: try again.`,
      denied: (where: string, why: string) => `The database role may not do this at ${where} (${why}): ask whoever runs the database for the right grants.`,
      lost: (where: string, why: string) => `The connection to PostgreSQL at ${where} was lost (${why}): nothing of this command was kept; try again.`,
      failed: (where: string, why: string) => `PostgreSQL at ${where} failed: ${why}.`,
    },
  },
}

/** Why a swap cannot take a step in its state: the domain's own sentences. */
const swapStateWhy = SWAP_STATE_WHY

/** The interface text of one language: every language has every entry of English. */
export type Messages = typeof en

/** Something only a lead or manager may do. */
export type LeadTask = keyof Messages['leadTasks']
