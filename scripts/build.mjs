// Bundles the CLI into one CommonJS file, dist/roster.cjs, and writes V8's
// code cache for it (scripts/warm-cache.cjs), so start-up reads and runs one
// file without compiling it again. Large libraries that only some commands
// need (prompts, holiday data) stay in node_modules and load on demand;
// better-sqlite3's addon is loaded from node_modules.
import { execFileSync } from 'node:child_process'
import { renameSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
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

// Build beside dist and swap it in, so a running CLI never sees half a build.
const next = `dist.next-${process.pid}`
rmSync(next, { recursive: true, force: true })
await build({
  entryPoints: ['src/main.ts'],
  outfile: `${next}/roster.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pg', 'better-sqlite3/package.json', 'bindings/bindings.js', '@inquirer/prompts', 'inquirer', 'date-holidays', 'chinese-days', 'ical.js', 'csv-parse', 'csv-stringify'],
  plugins: [noSubprocessesInCommander, noColourDetectionInChalk, addonBesideBetterSqlite3, rosterWidthInCliTable, leanerCliTable],
  legalComments: 'none',
  // import() of an external library becomes require(): a script run from V8's
  // code cache has no dynamic-import hook.
  supported: { 'dynamic-import': false },
  minifyWhitespace: true,
  minifySyntax: true,
  // dist/roster.cjs.map, read only under ROSTER_DEBUG=1 (bin/roster.cjs), so stack traces name src/ files and lines.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
})
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
