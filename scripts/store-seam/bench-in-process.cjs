// In-process: the sync and the async-wrapped bundles loaded side by side, each
// command run through run(proc) (open, run, close), so node's start-up is out
// of the numbers and only what the Store's Promises cost is left.
//   node inproc.cjs <sync dist/roster.cjs> <async dist/roster.cjs>
const { copyFileSync, mkdtempSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')
const [SYNC, ASYNC] = process.argv.slice(2).map((f) => require(f))
const env = { NO_COLOR: '1', LANG: 'C', ROSTER_NOW: '2027-01-01T12:00:00', ROSTER_USER: '' }
async function cli(mod, db, args) {
  let out = '', err = ''
  const proc = { argv: ['node', 'roster', '--db', db, ...args], env, stdout: { write: (s) => { out += s; return true }, isTTY: false }, stderr: { write: (s) => { err += s; return true }, isTTY: false }, stdin: { isTTY: false }, cwd: () => tmpdir(), exitCode: undefined }
  const t = process.hrtime.bigint()
  await mod.run(proc)
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, code: proc.exitCode, out, err }
}
async function ok(mod, db, args) {
  const r = await cli(mod, db, args)
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.code} ${r.err}`)
  return r
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const sum = (xs) => xs.reduce((a, b) => a + b, 0)
;(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-inproc-'))
  try {
    const db = join(dir, 'roster.db')
    await ok(SYNC, db, ['init', '--demo'])
    await ok(SYNC, db, ['--as', 'mei', 'generate', '--start', '2027-01-04', '--weeks', '12'])
    await ok(SYNC, db, ['--as', 'mei', 'config', 'set', 'swap.max-per-month', '31'])
    const show = { S: [], A: [] }
    for (let i = 0; i < 200; i++) for (const k of i % 2 ? ['A', 'S'] : ['S', 'A']) show[k].push((await ok(k === 'S' ? SYNC : ASYNC, db, ['show', '--from', '2027-01-04', '--to', '2027-01-24'])).ms)
    console.log(`in-process show (3 weeks), 200 each: sync median ${median(show.S).toFixed(2)} ms, async median ${median(show.A).toFixed(2)} ms, async/sync ${(median(show.A) / median(show.S)).toFixed(3)}`)
    const people = ['ana', 'ben', 'chen', 'dev']
    const dates = Array.from({ length: 80 }, (_, i) => new Date(Date.UTC(2027, 0, 6 + i)).toISOString().slice(0, 10))
    for (let rep = 0; rep < 3; rep++) {
      const twin = { S: join(dir, `s${rep}.db`), A: join(dir, `a${rep}.db`) }
      copyFileSync(db, twin.S); copyFileSync(db, twin.A)
      const spent = { S: [], A: [] }
      let skip = 0, commands = 0, id = 0
      while (commands < 100) {
        let found
        search: for (const d of dates.slice(skip)) for (const w of people) for (const o of people) {
          if (o !== w && (await cli(SYNC, twin.S, ['--as', w, 'swap', 'check', '--date', d, '--with', o])).code === 0) { found = [w, d, o]; break search }
        }
        if (!found) throw new Error('no passing swap left')
        const [w, d, o] = found
        skip = dates.indexOf(d); id++
        const steps = [['--as', w, 'swap', 'request', '--date', d, '--with', o, '--reason', 'bench'], ['--as', o, 'swap', 'accept', String(id)], ['--as', 'mei', 'swap', 'approve', String(id)]]
        for (const step of steps.slice(0, Math.min(3, 100 - commands))) {
          const outs = {}
          for (const k of commands % 2 ? ['A', 'S'] : ['S', 'A']) { const r = await ok(k === 'S' ? SYNC : ASYNC, twin[k], step); spent[k].push(r.ms); outs[k] = r.out }
          if (outs.S !== outs.A) throw new Error('the builds differ')
          commands++
        }
      }
      console.log(`in-process 100 swap commands, run ${rep + 1}: sync ${sum(spent.S).toFixed(1)} ms (median ${median(spent.S).toFixed(2)}), async ${sum(spent.A).toFixed(1)} ms (median ${median(spent.A).toFixed(2)}), async/sync ${(sum(spent.A) / sum(spent.S)).toFixed(3)}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})().catch((e) => { console.error(e); process.exitCode = 1 })
