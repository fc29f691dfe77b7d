// Bundles the CLI into CommonJS files: dist/roster.cjs, what every command
// runs, and one dist/roster-<name>.cjs per command group and per module few
// commands use (below), and writes V8's code cache for each
// (scripts/warm-cache.cjs), so start-up reads only the code the command runs
// and does not compile it again. Large libraries that only some commands
// need (prompts, holiday data) stay in node_modules and load on demand;
// better-sqlite3's addon is loaded from node_modules.
import { execFileSync } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, relative, resolve, sep } from 'node:path'
import { build } from 'esbuild'

// commander loads node:child_process (and with it node:net) at start-up for
// executable subcommands, which roster does not use: give it an empty module.
const noSubprocessesInCommander = {
  name: 'no-subprocesses-in-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'roster-stub' } : undefined)
    b.onLoad({ filter: /.*/, namespace: 'roster-stub' }, () => ({ contents: 'module.exports = {}', loader: 'js' }))
  },
}

// chalk detects the terminal's colours at start-up (loading node:tty and
// node:os); roster decides colour itself and always gives chalk a level.
const noColourDetectionInChalk = {
  name: 'no-colour-detection-in-chalk',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'roster-stub-colour' }))
    b.onLoad({ filter: /.*/, namespace: 'roster-stub-colour' }, () => ({ contents: 'export default { stdout: false, stderr: false }', loader: 'js' }))
  },
}

// cli-table3 measures every cell with string-width 4, whose emoji expression
// made up most of the time `roster show` spends drawing a table. Give it the
// roster's own measure (src/cli/render/width.ts), which the other views use
// too, so the table and the rest of the screen agree on every width.
const rosterWidthInCliTable = {
  name: 'roster-width-in-cli-table',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]cli-table3[\\/]/.test(args.importer) ? { path: 'string-width', namespace: 'roster-width' } : undefined)
    b.onLoad({ filter: /.*/, namespace: 'roster-width' }, () => ({
      contents: "module.exports = require('./src/cli/render/width.ts').displayWidth",
      resolveDir: resolve(import.meta.dirname, '..'),
      loader: 'js',
    }))
  },
}

// Two of cli-table3's steps cost more than the table they draw; the build
// rewrites them, failing loudly if the library's text is not what it expects.
//  - It looks for cells missing from the grid (to fill them with blanks) by
//    testing every place against every cell above it: time that grows with the
//    square of the table, seconds for a year of days across. The roster's
//    tables have no spans and no short rows, so nothing is ever missing: skip
//    the search for such tables and leave any other to cli-table3's own.
//  - Each cell merges 18 options through a helper that builds and filters an
//    array per option: the same answer, with a loop.
const CLI_TABLE_PATCHES = {
  'layout-manager.js': [
    '  function fillInTable(table) {\n',
    `  function fillInTable(table) {
    const w = maxWidth(table);
    if (table.every((row) => row.length === w && row.every((cell) => (cell.rowSpan || 1) === 1 && (cell.colSpan || 1) === 1))) return;
`,
  ],
  'cell.js': [
    'function firstDefined(...args) {\n  return args.filter((v) => v !== undefined && v !== null).shift();\n}\n',
    `function firstDefined(...args) {
  for (let i = 0; i < args.length; i++) if (args[i] !== undefined && args[i] !== null) return args[i];
  return undefined;
}
`,
  ],
}
const leanerCliTable = {
  name: 'leaner-cli-table',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/](layout-manager|cell)\.js$/ }, async (args) => {
      const [anchor, replacement] = CLI_TABLE_PATCHES[basename(args.path)]
      const source = await readFile(args.path, 'utf8')
      if (!source.includes(anchor)) throw new Error(`${args.path}: no "${anchor.split('\n')[0]}" to rewrite; check the cli-table3 version`)
      return { contents: source.replace(anchor, replacement), loader: 'js' }
    })
  },
}

// better-sqlite3's JavaScript is bundled (one file to read at start-up, no
// module search); its addon stays in node_modules. The `bindings` package it
// uses to find the addon would look beside the bundle: point it at
// better-sqlite3's own folder instead.
const addonBesideBetterSqlite3 = {
  name: 'addon-beside-better-sqlite3',
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, (args) =>
      /[\\/]node_modules[\\/]better-sqlite3[\\/]/.test(args.importer) ? { path: 'bindings', namespace: 'roster-bindings' } : undefined)
    b.onLoad({ filter: /.*/, namespace: 'roster-bindings' }, () => ({
      contents: `const { dirname, join } = require('node:path')
module.exports = (name) => {
  const root = dirname(require.resolve('better-sqlite3/package.json'))
  try {
    return require(join(root, 'build', 'Release', name))
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e
  }
  return require('bindings/bindings.js')({ bindings: name, module_root: root })
}`,
      loader: 'js',
    }))
  },
}

// One bundle per command group (issue 21: start-up where it was). dist/roster.cjs
// holds what every command runs: the program, the context, the Store, the
// messages, tables. Each group of src/cli/commands/index.ts (generate and the
// solver, export, cover, wishes, ...) is its own dist/roster-<group>.cjs,
// required only when the command line names that group (or for --help), so
// `roster show` reads and deserialises none of the solver. A group bundle takes
// every module dist/roster.cjs already holds from it (one instance of each:
// the error classes, the table width, the messages), through
// require('./roster.cjs').__core; modules only groups use are bundled into each
// group that uses them. bin/roster.cjs loads each bundle with its own code cache.
const ROOT = resolve(import.meta.dirname, '..')
const COMMANDS_INDEX = resolve(ROOT, 'src/cli/commands/index.ts')
const GROUP_IMPORT = /^\.\/([a-z]+)\/([a-z]+)\.js$/
const groups = [...(await readFile(COMMANDS_INDEX, 'utf8')).matchAll(/import\('\.\/([a-z]+)\/([a-z]+)\.js'\)/g)].map((m) => m[1])
if (groups.length < 20) throw new Error(`src/cli/commands/index.ts: found only ${groups.length} command groups to bundle; check its import() lines`)
const allGroups = await readFile(resolve(ROOT, 'src/cli/commands/all.ts'), 'utf8')
const missing = groups.filter((g) => !allGroups.includes(`from './${g}/${g}.js'`))
if (missing.length) throw new Error(`src/cli/commands/all.ts does not list the command group(s) ${missing.join(', ')} of src/cli/commands/index.ts: add them, so --help reads them from one bundle`)

// In dist/roster.cjs a group is the file it will be loaded from; so is
// src/cli/commands/all.ts, every group in one bundle (dist/roster-all.cjs) for
// --help, `roster` alone and a mistyped command.
const groupsApart = {
  name: 'groups-apart',
  setup(b) {
    b.onResolve({ filter: GROUP_IMPORT }, (args) => (args.importer === COMMANDS_INDEX ? { path: `./roster-${GROUP_IMPORT.exec(args.path)[1]}.cjs`, external: true } : undefined))
    b.onResolve({ filter: /^\.\/all\.js$/ }, (args) => (args.importer === COMMANDS_INDEX ? { path: './roster-all.cjs', external: true } : undefined))
  },
}

/** The TypeScript file a relative import of the roster's source names (`./x.js` for x.ts), if it is one. */
function sourceFile(args) {
  if (!args.path.startsWith('.') || !args.resolveDir || !args.path.endsWith('.js')) return undefined
  const file = resolve(args.resolveDir, `${args.path.slice(0, -3)}.ts`)
  return file.startsWith(`${ROOT}${sep}src${sep}`) && existsSync(file) ? file : undefined
}

// In a group bundle, a module dist/roster.cjs holds is taken from it.
const fromCore = (coreModules, used) => ({
  name: 'from-core',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.namespace === 'roster-core') return { path: './roster.cjs', external: true }
      if (args.pluginData === 'from-core' || args.kind === 'entry-point') return undefined
      // The roster's own modules resolved here; only packages ask esbuild (each
      // b.resolve reads the folders above anew: slow under a crowded /tmp).
      let path = sourceFile(args)
      if (!path && !args.path.startsWith('.') && !args.path.startsWith('node:')) {
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'from-core' })
        if (r.errors.length || r.external || !r.path) return undefined
        path = r.path
      }
      if (!path) return undefined
      const key = relative(ROOT, path).split(sep).join('/')
      if (!coreModules.has(key)) return undefined
      used.add(key)
      // (A name that does not end in .mjs: the stand-in is CommonJS whatever the module was.)
      return { path: `${key}.from-core`, namespace: 'roster-core' }
    })
    b.onLoad({ filter: /.*/, namespace: 'roster-core' }, (args) => ({ contents: `module.exports = require('./roster.cjs').__core[${JSON.stringify(args.path.slice(0, -'.from-core'.length))}]`, loader: 'js' }))
  },
})

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pg', 'better-sqlite3/package.json', 'bindings/bindings.js', '@inquirer/prompts', 'inquirer', 'date-holidays', 'chinese-days', 'ical.js', 'csv-parse', 'csv-stringify'],
  legalComments: 'none',
  // import() of an external library becomes require(): a script run from V8's
  // code cache has no dynamic-import hook.
  supported: { 'dynamic-import': false },
  minifyWhitespace: true,
  minifySyntax: true,
  // dist/*.cjs.map, read only under ROSTER_DEBUG=1 (bin/roster.cjs), so stack traces name src/ files and lines.
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
}
const plugins = [noSubprocessesInCommander, noColourDetectionInChalk, addonBesideBetterSqlite3, rosterWidthInCliTable, leanerCliTable]
const inputsOf = (result) => new Set(Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs)))

// Modules every command imports but few use, bundled apart and loaded when
// first used: the Chinese catalogues (only under zh-CN) and the PostgreSQL
// store (only for a postgres:// URL). In dist/roster.cjs such a module is a
// stand-in whose exports read the real ones from its bundle on first use, so
// its importers must read them when they run, not when they load (see
// messagesFor in src/i18n/index.ts).
const DEFERRED = {
  zh: ['src/i18n/zh-cn.ts', 'src/i18n/help-zh.ts'],
  postgres: ['src/store/postgres/store.ts'],
}
const deferredFiles = new Map(Object.entries(DEFERRED).flatMap(([bundle, files]) => files.map((f) => [resolve(ROOT, f), bundle])))

/** The names each module exports (for its stand-in). */
async function exportsOf(files) {
  const r = await build({ entryPoints: files, bundle: false, format: 'esm', outdir: 'exports-of', write: false, metafile: true, logLevel: 'error' })
  const byEntry = new Map(Object.values(r.metafile.outputs).map((o) => [resolve(ROOT, o.entryPoint), o.exports]))
  return new Map(files.map((f) => [f, byEntry.get(f)]))
}

const deferredApart = (names) => ({
  name: 'deferred-apart',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, async (args) => {
      const path = sourceFile(args)
      return path && deferredFiles.has(path) ? { path, namespace: 'roster-deferred' } : undefined
    })
    b.onLoad({ filter: /.*/, namespace: 'roster-deferred' }, (args) => {
      const bundle = `./roster-${deferredFiles.get(args.path)}.cjs`
      const lines = names.get(args.path).map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => require(${JSON.stringify(bundle)})[${JSON.stringify(n)}] })`)
      return { contents: lines.join('\n'), loader: 'js', resolveDir: ROOT }
    })
    b.onResolve({ filter: /^\.\/roster-[a-z]+\.cjs$/ }, (args) => (args.namespace === 'roster-deferred' ? { path: args.path, external: true } : undefined))
  },
})

async function buildCore(outdir, shared, exportNames) {
  // The entry: main.ts's exports, and the namespace of every module a group takes from it.
  const names = [...shared].sort()
  const contents = [
    "export { run, runCli, processDeps } from './src/main.ts'",
    ...names.map((key, i) => `import * as m${i} from ${JSON.stringify(`./${key}`)}`),
    `export const __core = {${names.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')}}`,
  ].join('\n')
  return build({ ...common, stdin: { contents, resolveDir: ROOT, sourcefile: 'dist-entry.ts', loader: 'ts' }, outfile: `${outdir}/roster.cjs`, plugins: [groupsApart, deferredApart(exportNames), ...plugins] })
}

// Every group and deferred bundle in one esbuild run (each entry its own
// bundle, the source read and parsed once for all of them).
async function buildGroups(outdir, coreModules) {
  const used = new Set()
  const entryPoints = {
    ...Object.fromEntries(groups.map((g) => [`roster-${g}`, `src/cli/commands/${g}/${g}.ts`])),
    'roster-all': 'src/cli/commands/all.ts',
    ...Object.fromEntries(Object.keys(DEFERRED).map((name) => [`roster-${name}`, `deferred-entry:${name}`])),
  }
  // A deferred bundle's entry: the modules it holds, all their exports.
  const deferredEntries = {
    name: 'deferred-entries',
    setup(b) {
      b.onResolve({ filter: /^deferred-entry:/ }, (args) => ({ path: args.path.slice('deferred-entry:'.length), namespace: 'deferred-entry' }))
      b.onLoad({ filter: /.*/, namespace: 'deferred-entry' }, (args) => ({
        contents: DEFERRED[args.path].map((f) => `export * from ${JSON.stringify(`./${f}`)}`).join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      }))
    },
  }
  await build({ ...common, entryPoints, outdir, outExtension: { '.js': '.cjs' }, plugins: [deferredEntries, fromCore(coreModules, used), ...plugins] })
  return used
}

// Build beside dist and swap it in, so a running CLI never sees half a build.
const next = `dist.next-${process.pid}`
rmSync(next, { recursive: true, force: true })
// Which modules the groups take from dist/roster.cjs settles in two or three rounds:
// exporting a module's namespace from it can only add modules to it.
const exportNames = await exportsOf([...deferredFiles.keys()])
let shared = new Set()
for (let round = 1; ; round++) {
  const coreModules = inputsOf(await buildCore(next, shared, exportNames))
  const used = await buildGroups(next, coreModules)
  if ([...used].every((k) => shared.has(k))) break
  if (round === 4) throw new Error('roster build: the modules the command groups share with dist/roster.cjs did not settle')
  shared = new Set([...shared, ...used])
}
// The PostgreSQL driver in one file, dist/pg.cjs, loaded (by the worker thread
// of src/store/postgres/bridge.ts) only when --db is a postgres:// URL: one
// file reads in a fraction of the time of pg's thirty-odd modules. pg-native
// (libpq, compiled) is never used.
await build({
  stdin: { contents: "module.exports = require('pg')", resolveDir: resolve(import.meta.dirname, '..'), loader: 'js' },
  outfile: `${next}/pg.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pg-native'],
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
})
execFileSync(process.execPath, ['scripts/warm-cache.cjs', next, 'dist'], { stdio: 'inherit' })
const old = `dist.old-${process.pid}`
try {
  renameSync('dist', old)
} catch {
  // no previous build
}
renameSync(next, 'dist')
rmSync(old, { recursive: true, force: true })
