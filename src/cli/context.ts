// What every command gets: the parsed global options, the injected world,
// the database (opened on first use), the acting person and output helpers.

import { resolve } from 'node:path'
import { Chalk, type ChalkInstance } from 'chalk'
import { configFromValues } from '../domain/config.js'
import { localDate, resolveDateWord, isMonth } from '../domain/dates.js'
import type { IsoDate, RosterConfig, Staff } from '../domain/types.js'
import { ConflictError, NotFoundError, UsageError } from '../errors.js'
import { fileMode, isPostgresUrl, maskUrl, type OpenOptions } from '../store/host.js'
import type { Store } from '../store/store.js'
import type { Deps } from './deps.js'
import { safeForTerminal } from './render/terminal-text.js'
import { messagesFor, resolveLang, type Lang, type LeadTask, type Messages } from '../i18n/index.js'
import { notifySettingsFromValues, type NotifyEvent } from '../domain/notify.js'
import { eventFromChange, isToldAction } from '../notifications/events.js'
import { enqueueNotification } from '../notifications/outbox.js'
import { deliverOutbox, type DeliveryReport } from '../notifications/deliver.js'
import { httpPost } from '../notifications/http.js'

export interface GlobalOptions {
  db?: string
  as?: string
  json: boolean
  color: boolean
  lang?: string
  /** --quiet: no hint on stderr about what waits on the acting person. */
  quiet?: boolean
  /** A command that only reads: the database is opened read-only (works in a read-only folder). */
  readOnly?: boolean
}

export type { Lang }

/** The config with the computer's time zone beside it: what a timezone of "system" means to the rest rules. */
export function withSystemZone(config: RosterConfig): RosterConfig {
  // Asked for only when a rule needs the zone (and the timezone setting is
  // "system"). A computer whose zone keeps one offset all year (Asia/Shanghai,
  // UTC) needs none: its elapsed hours are its wall-clock hours, which the rules
  // count without a zone. Only a zone with daylight saving asks Intl for its
  // name, whose first answer costs about 20 ms: too much for every start.
  // Enumerable, so a copy of the config keeps it.
  let zone: string | null | undefined
  return Object.defineProperty({ ...config }, 'systemZone', {
    get: () => {
      if (zone === undefined) zone = hasDaylightSaving() ? Intl.DateTimeFormat().resolvedOptions().timeZone : null
      return zone ?? undefined
    },
    enumerable: true,
  })
}

/** Whether this computer's clocks change in this year or the next (January against July; both hemispheres). */
function hasDaylightSaving(): boolean {
  const year = new Date().getFullYear()
  return [year, year + 1].some((y) => new Date(y, 0, 1).getTimezoneOffset() !== new Date(y, 6, 1).getTimezoneOffset())
}

export class Ctx {
  private opened: Store | undefined
  private warnedWritable = false
  /** Whether this command wrote (then it delivers the outbox after, SPEC 12). */
  private wrote = false
  /** Set by init / generate --demo when they create the database and act as its lead. */
  private bootstrapActor: Staff | undefined
  readonly color: boolean
  readonly c: ChalkInstance

  constructor(readonly deps: Deps, readonly globals: GlobalOptions) {
    const env = deps.env
    this.color = !globals.json && globals.color && deps.stdout.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb'
    this.c = new Chalk({ level: this.color ? 1 : 0 })
  }

  get json(): boolean {
    return this.globals.json
  }

  /** --lang, else LC_ALL, LC_MESSAGES or LANG; English unless they name Chinese. */
  get lang(): Lang {
    return resolveLang(this.globals.lang, this.deps.env)
  }

  /** The interface text in that language (also what makes Ctx a RenderStyle). */
  get t(): Messages {
    return messagesFor(this.lang)
  }

  /** The database --db or ROSTER_DB names: a file path (resolved), or a PostgreSQL URL as given, password and all. */
  private dbTarget(): string {
    const raw = this.globals.db ?? (this.deps.env.ROSTER_DB || undefined) ?? 'roster.db'
    return raw === ':memory:' || isPostgresUrl(raw) ? raw : resolve(this.deps.cwd, raw)
  }

  /** The database as it may be shown (messages, the audit log): a PostgreSQL URL without its password. */
  dbPath(): string {
    const target = this.dbTarget()
    return isPostgresUrl(target) ? maskUrl(target) : target
  }

  /** Whether the database is a file (SQLite), not a server (PostgreSQL). */
  isFileDb(): boolean {
    return !isPostgresUrl(this.dbTarget())
  }

  /** The team's data: every command reaches the database through this (opened and migrated on first use). */
  store(options: OpenOptions = {}): Store {
    if (!this.opened) {
      const target = this.dbTarget()
      this.opened = this.deps.openStore(target, this.globals.readOnly && !options.create ? { ...options, readonly: true } : options)
      if (this.isFileDb()) this.warnIfWorldWritable(target)
    }
    return this.opened
  }

  /**
   * Who is logged in: on PostgreSQL the database role (with a role per person,
   * the database's own proof of who this is), else the operating system's login.
   */
  private login(): string {
    return this.store().server?.role ?? this.deps.osUser()
  }

  /** Whether this command has opened the database (the inbox hint runs only then). */
  isOpen(): boolean {
    return this.opened !== undefined
  }

  /** A database anyone on the host may write is worth a warning (stderr, once), not a refusal. */
  private warnIfWorldWritable(path: string): void {
    const mode = path === ':memory:' ? undefined : fileMode(path)
    if (this.warnedWritable || mode === undefined || (mode & 0o002) === 0) return
    this.warnedWritable = true
    this.deps.stderr.write(`roster: warning: ${path} can be changed by anyone on this host (mode ${mode.toString(8).padStart(4, '0')}): run "chmod 660 ${path}" unless that is what you want.\n`)
  }

  close(): void {
    this.opened?.close()
    this.opened = undefined
  }

  now(): Date {
    return this.deps.now()
  }

  today(): IsoDate {
    return localDate(this.deps.now())
  }

  config(): RosterConfig {
    return withSystemZone(configFromValues(this.store().config.values()))
  }

  /** Runs `fn` as one write transaction (IMMEDIATE on SQLite): all of it or none of it. */
  write<T>(fn: (store: Store) => T): T {
    const store = this.store()
    const result = store.transaction(() => fn(store))
    this.wrote = true
    return result
  }

  /**
   * Queues a notification of `event` in the running write transaction (a no-op
   * with no webhook configured); it is sent after the command (deliverAfterWrite).
   */
  notify(event: NotifyEvent): void {
    enqueueNotification(this.store(), event, { now: this.deps.realNow?.() ?? this.now(), lang: this.lang })
  }

  /**
   * Sends what the outbox holds, within notify.timeout-ms: after every command
   * that wrote (SPEC 12: later commands retry what failed before) and for
   * `notify flush`. Never throws: a failed delivery is held for later and told
   * on stderr in one line. With no webhook configured it reads one setting and
   * loads nothing.
   */
  async deliverNotifications(force = false): Promise<DeliveryReport | null> {
    if (!force && !this.wrote) return null
    try {
      const store = this.store()
      const settings = notifySettingsFromValues(store.outbox.settingValues())
      if (!settings.webhooks.length) return null
      const report = await deliverOutbox(store, settings, { send: this.deps.sendWebhook ?? httpPost, now: () => this.deps.realNow?.() ?? new Date(this.now()) })
      if (!force && report.failed) this.note(this.t.notify.heldNote(report.held))
      return report
    } catch (e) {
      if (force) throw e
      // The change itself is committed; delivery waits for the next command.
      if (this.deps.env.ROSTER_DEBUG === '1') this.deps.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`)
      return null
    }
  }

  actAs(staff: Staff): void {
    this.bootstrapActor = staff
  }

  /**
   * Who is acting: --as, else $ROSTER_USER, else the login (the OS login name; the
   * database role on PostgreSQL) if it is a staff id.
   * Naming someone else than the login's own staff id is acting on their behalf,
   * which only a lead or manager may do. A login that is no staff id at all (a
   * shared service account, CI) is not a person here, so --as is the identity.
   */
  actor(): Staff {
    if (this.bootstrapActor) return this.bootstrapActor
    const named = this.globals.as ?? (this.deps.env.ROSTER_USER || undefined)
    const me = this.loginStaff()
    if (named !== undefined) {
      const s = this.store().staff.find(named)
      if (!s) throw new UsageError((t) => t.errors.unknownActor(named), 'unknown-actor')
      if (!s.active) throw new UsageError((t) => t.errors.inactiveActor(named), 'unknown-actor')
      if (me && me.id !== s.id && !(me.active && (me.role === 'lead' || me.role === 'manager'))) {
        throw new ConflictError((t) => t.errors.onBehalf(me.id, me.active, s.id), 'permission')
      }
      return s
    }
    if (me?.active) return me
    const login = this.login()
    throw new UsageError((t) => t.errors.whoActs(login), 'unknown-actor')
  }

  /** The staff member whose id is the OS login name (removed ones included), if any. */
  private loginStaff(): Staff | undefined {
    const login = this.login()
    return login ? this.store().staff.find(login) : undefined
  }

  /** The actor, who must be a lead or manager; a team with no lead yet lets anyone set one up. */
  lead(what: LeadTask): Staff {
    const actor = this.actor()
    if (actor.role === 'lead' || actor.role === 'manager') return actor
    throw new ConflictError((t) => t.errors.leadOnly(t.leadTasks[what], actor.id), 'permission')
  }

  hasLead(): boolean {
    return this.store().staff.all().some((s) => s.role !== 'agent')
  }

  staff(id: string): Staff {
    const s = this.store().staff.find(id)
    if (!s) throw new NotFoundError((t) => t.errors.unknownStaff(id))
    return s
  }

  /** Records one change in the audit log (inside the caller's transaction). */
  audit(action: string, subject: string | null, before?: unknown, after?: unknown): void {
    let actor: string | null = null
    try {
      actor = this.actor().id
    } catch {
      actor = null
    }
    const osUser = this.deps.osUser() || null
    // On behalf: the login (the database role on PostgreSQL) is a person on the team, and someone else is acting.
    const login = this.login() || null
    const onBehalf = actor !== null && login !== null && actor !== login && this.loginStaff() !== undefined
    // The real time of the change; under a test clock, the time the rules saw is kept beside it.
    const at = (this.deps.realNow?.() ?? this.now()).toISOString()
    const clock = this.deps.testClock ? this.now().toISOString() : null
    this.store().audit.insert({ at, actor, osUser, onBehalf, action, subject, before, after, clock })
    // A change people must hear of (a swap, leave or roster) queues its notification in the same transaction.
    if (isToldAction(action)) {
      const store = this.store()
      const event = eventFromChange({ action, actor, subject, before, after }, (staff, date) => store.assignments.find(date, date, staff)[0]?.shift)
      if (event) this.notify(event)
    }
  }

  /** Parses a user's date (ISO, today, tomorrow, mon..sun); a usage error names the flag. */
  date(raw: string, flag: string): IsoDate {
    const d = resolveDateWord(String(raw), this.today())
    if (!d) throw new UsageError((t) => t.errors.badDate(flag, raw), 'bad-date')
    return d
  }

  month(raw: string, flag = '--month'): string {
    if (!isMonth(raw)) throw new UsageError((t) => t.errors.badMonth(flag, raw), 'bad-month')
    return raw
  }

  /** Prints data: JSON under --json, else the text `render` makes. */
  out(data: unknown, render: () => string): void {
    if (this.json) this.deps.stdout.write(`${JSON.stringify(data)}\n`)
    else {
      const text = safeForTerminal(render(), this.color)
      if (text) this.deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    }
  }

  /** A file's text on stdout (export, a report): as it is into a pipe or a file, without control characters on a terminal. */
  data(text: string): void {
    this.deps.stdout.write(this.deps.stdout.isTTY ? safeForTerminal(text) : text)
  }

  /** A message for the person at the terminal (stderr, so stdout stays data). */
  note(text: string): void {
    if (!this.json) this.deps.stderr.write(`${safeForTerminal(text, this.color)}\n`)
  }
}
