// roster config list | get [key] | set <key> <value>

import type { Command } from 'commander'
import { CONFIG_KEYS, findConfigKey } from '../../../domain/config.js'
import { DEFAULT_CONFIG } from '../../../domain/types.js'
import { renderTable } from '../../render/table.js'
import { UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'

export function registerConfig(program: Command, app: App): void {
  const config = program.command('config').description('team settings: ' + CONFIG_KEYS.map((k) => k.key).join(', '))
  config
    .command('get [key]')
    .description('show one setting or all of them')
    .action(app.action((ctx, [key]) => {
      const values = runConfigGet(ctx, key)
      ctx.out(key ? { key, value: values[key] } : { config: values }, () =>
        key ? String(values[key]) : Object.entries(values).map(([k, v]) => `${k} = ${v}`).join('\n'))
    }))
  config
    .command('list')
    .description('every setting with its value and its default')
    .action(app.action((ctx) => {
      const rows = runConfigList(ctx)
      ctx.out({ config: rows }, () => renderTable({
        head: [ctx.t.config.key, ctx.t.config.value, ctx.t.config.default],
        rows: rows.map((r) => [r.key, r.value, r.default]),
        color: ctx.color,
        compact: true,
      }))
    }))
  config
    .command('set <key> <value>')
    .description('change a setting')
    .action(app.action((ctx, [key, value]) => {
      const r = runConfigSet(ctx, key!, value!)
      ctx.out({ key, value: r.value }, () => `${key} = ${r.value} (was ${r.before})`)
    }))
}

function knownKey(key: string) {
  const k = findConfigKey(key)
  if (!k) throw new UsageError((m) => m.errors.unknownSetting(key, CONFIG_KEYS.map((c) => c.key)), 'unknown-setting')
  return k
}

export function runConfigGet(ctx: Ctx, key?: string): Record<string, string> {
  if (key) knownKey(key)
  const config = ctx.config()
  const all = Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, k.show(config)]))
  return key ? { [key]: all[key]! } : all
}

export interface ConfigRow {
  key: string
  value: string
  default: string
}

/** Every setting, in the order of CONFIG_KEYS, with its effective value and its default. */
export function runConfigList(ctx: Ctx): ConfigRow[] {
  const config = ctx.config()
  return CONFIG_KEYS.map((k) => ({ key: k.key, value: k.show(config), default: k.show(DEFAULT_CONFIG) }))
}

export function runConfigSet(ctx: Ctx, key: string, raw: string): { value: string; before: string } {
  const k = knownKey(key)
  const parsed = k.parse(raw)
  if ('error' in parsed) {
    const problem = parsed.error
    throw new UsageError(typeof problem === 'string' ? problem : (m) => m.notify.badSetting(problem), 'bad-setting')
  }
  ctx.lead('change settings')
  return ctx.write((store) => {
    const before = k.show(ctx.config())
    store.config.upsert(key, parsed.value)
    // A secret (a webhook's token) is never shown: not here, not in the audit log.
    const shown = k.mask ? k.mask(parsed.value) : parsed.value
    ctx.audit('config.set', key, before, shown)
    return { value: shown, before }
  })
}
