// Load time of each candidate module on its own: a fresh node imports it and
// reports how long the import took (node's own start-up left out, which on a
// shared machine varies more than the differences measured). 20 fresh
// processes per module, interleaved; the median and the minimum are printed.
//
//   LIBS=/tmp/libmeasure node docs/decisions/measure/load-time.mjs
//
// (LIBS as in correctness.mjs.)

import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildSync } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '../../..')
const LIBS = resolve(process.env.LIBS ?? ROOT)
const RUNS = Number(process.env.RUNS ?? 20)
const CANDIDATES = [
  ['get-east-asian-width 1.7 (under our width.ts)', join(ROOT, 'node_modules/get-east-asian-width/index.js')],
  ['string-width 7.2', join(ROOT, 'node_modules/string-width/index.js')],
  ['string-width 8.3', join(LIBS, 'node_modules/string-width/index.js')],
  ['ical.js 2.2 (our reader and writer)', join(ROOT, 'node_modules/ical.js/dist/ical.js')],
  ['ical-generator 10.2', join(LIBS, 'node_modules/ical-generator/dist/index.mjs')],
  ['node-ical 0.26', join(LIBS, 'node_modules/node-ical/node-ical.js')],
  ['csv-stringify 6.9 /sync (our CSV writer)', join(ROOT, 'node_modules/csv-stringify/lib/sync.js')],
]
// The terminal width as roster's bundle carries it (one CommonJS file, as
// scripts/build.mjs makes dist/roster.cjs): our width.ts against string-width.
const dir = mkdtempSync(join(tmpdir(), 'roster-load-'))
function bundled(name, source) {
  const entry = join(dir, `${name}.ts`)
  writeFileSync(entry, source)
  const out = join(dir, `${name}.cjs`)
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error', nodePaths: [join(ROOT, 'node_modules')] })
  return out
}
CANDIDATES.push(
  ['bundled: our width.ts, measuring one Chinese name', bundled('ours', `import { displayWidth } from ${JSON.stringify(join(ROOT, 'src/cli/render/width.ts'))}\nexport const w = displayWidth('王小明')`)],
  ['bundled: string-width 7.2, measuring one Chinese name', bundled('sw', `import stringWidth from 'string-width'\nexport const w = stringWidth('王小明')`)],
)
const times = new Map(CANDIDATES.map(([name]) => [name, []]))
for (let i = 0; i < RUNS; i++) {
  for (const [name, file] of CANDIDATES) {
    const code = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t))`
    times.get(name).push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })))
  }
}
console.log(`| module | median ms | min ms | (${RUNS} fresh processes each) |`)
console.log('|:---|---:|---:|---|')
for (const [name, ts] of times) {
  ts.sort((a, b) => a - b)
  console.log(`| ${name} | ${ts[Math.floor(ts.length / 2)].toFixed(1)} | ${ts[0].toFixed(1)} | |`)
}
