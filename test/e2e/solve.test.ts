import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCurtois } from '../../src/domain/solver/curtois.js'
import { evaluateCurtois } from '../../src/domain/solver/curtois-evaluate.js'
import { roster, rosterAsync, tempDir } from '../support/cli.js'

const FIXTURE = join(__dirname, '../domain/solver/fixtures/curtois-instance1.txt')
const INSTANCE1 = readFileSync(FIXTURE, 'utf8')

/** A folder with Instance1 in it (and nothing else), to run in. */
function workDir(): string {
  const dir = tempDir('solve')
  copyFileSync(FIXTURE, join(dir, 'Instance1.txt'))
  return dir
}

describe('roster solve', () => {
  it('solves Instance1 on two threads: a roster that keeps every hard rule, its objective as the benchmark counts it', async () => {
    const cwd = workDir()
    const r = await rosterAsync(['solve', 'Instance1.txt', '--time-limit', '2', '--threads', '2'], { cwd, json: true })
    expect(r.code, r.err).toBe(0)
    expect(r.err).toBe('')
    r.json = JSON.parse(r.out)
    const verdict = evaluateCurtois(parseCurtois(INSTANCE1), r.json.assignments)
    expect(verdict.violations).toEqual([])
    expect(r.json.objective).toBe(verdict.objective)
    expect(r.json.objective).toBeGreaterThanOrEqual(607)
    expect(r.json).toMatchObject({ instance: 'Instance1.txt', hard: 0, threads: 2, seed: 1, staff: 8, days: 14, shifts: 1 })
    expect(r.json.cover.cost + r.json.requests.cost).toBe(r.json.objective)
    expect(r.json.assignments[0]).toEqual({ staff: expect.any(String), day: expect.any(Number), shift: 'D' })
    // The dive's relaxation bounds every roster: a whole number, at most the proven optimum 607 and so the objective.
    expect(Number.isInteger(r.json.lowerBound)).toBe(true)
    expect(r.json.lowerBound).toBeGreaterThan(500)
    expect(r.json.lowerBound).toBeLessThanOrEqual(607)
    // No database: nothing but the instance in the folder.
    expect(readdirSync(cwd)).toEqual(['Instance1.txt'])
  })

  it('says how far the roster can be from the best: optimal, or within X% of the lower bound', () => {
    const cwd = workDir()
    const r = roster(['solve', 'Instance1.txt', '--time-limit', '2', '--threads', '2'], { cwd })
    expect(r.code, r.err).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    const objective = Number(/objective (\d+)$/.exec(lines[0]!)![1])
    const last = lines.at(-1)!
    const within = /^Within (\d+\.\d)% of the best possible \(lower bound (\d+)\)\.$/.exec(last)
    if (within) {
      const bound = Number(within[2])
      expect(bound).toBeLessThan(objective)
      expect(within[1]).toBe((((objective - bound) / objective) * 100).toFixed(1))
    } else expect(last).toBe(`Optimal: cost ${objective} equals the lower bound.`)
  })

  it('dives with HiGHS, loaded from node_modules, on a relaxation too large for the dense simplex to be the faster (Instance12: 340 rows)', async () => {
    const file = join(__dirname, '../../../shared/benchmarks/curtois/Instance12.txt')
    const r = await rosterAsync(['solve', file, '--time-limit', '4', '--threads', '2'], { cwd: tempDir('solve'), json: true })
    expect(r.code, r.err).toBe(0)
    expect(r.err).toBe('')
    const out = JSON.parse(r.out)
    expect(out.hard).toBe(0)
    // Proven optimal: 4040. A bound, when the relaxation got far enough in the time, is at most that.
    if (out.lowerBound !== null) expect(out.lowerBound).toBeLessThanOrEqual(4040)
    expect(out.objective).toBeGreaterThanOrEqual(4040)
  })

  it('has no lower bound on one thread (no relaxation is solved): null under --json, a sentence in English and Chinese', () => {
    const cwd = workDir()
    const j = roster(['solve', 'Instance1.txt', '--time-limit', '0.5', '--threads', '1'], { cwd, json: true })
    expect(j.code, j.err).toBe(0)
    expect(JSON.parse(j.out).lowerBound).toBeNull()
    const en = roster(['solve', 'Instance1.txt', '--time-limit', '0.5', '--threads', '1'], { cwd })
    expect(en.out.trimEnd().split('\n').at(-1)).toBe('No lower bound: the relaxation was not solved (one search thread only, or no pricing round finished in time).')
    const zh = roster(['--lang', 'zh-CN', 'solve', 'Instance1.txt', '--time-limit', '0.5', '--threads', '1'], { cwd })
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out.trimEnd().split('\n').at(-1)).toBe('没有下界：线性松弛未求解（只有一个搜索线程，或没有一轮定价在时限内完成）。')
  })

  it('prints the objective first, then where it comes from', () => {
    const cwd = workDir()
    const r = roster(['solve', 'Instance1.txt', '--time-limit', '1', '--threads', '1', '--seed', '7'], { cwd })
    expect(r.code, r.err).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Instance1\.txt: objective \d+$/)
    expect(lines[1]).toBe('8 people, 14 days, 1 shift type; every hard rule holds.')
    expect(lines[2]).toMatch(/^Cover: \d+ people missing \(costs \d+\), \d+ too many \(costs \d+\)\.$/)
    expect(lines[4]).toMatch(/^Searched \d+\.\d s on 1 thread from seed 7\.$/)
  })

  it('gives up with exit 1, printing no roster, when no roster keeps the rules', () => {
    const cwd = tempDir('solve')
    // A must work three shifts (1440 minutes) in two days.
    writeFileSync(join(cwd, 'tight.txt'), ['SECTION_HORIZON', '2', '', 'SECTION_SHIFTS', 'D,480,', '', 'SECTION_STAFF', 'A,D=2,1440,1440,2,1,1,1', '', 'SECTION_COVER', '0,D,1,100,1', '1,D,1,100,1', ''].join('\n'))
    const r = roster(['solve', 'tight.txt', '--time-limit', '0.2', '--threads', '1'], { cwd, json: true })
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.errJson.error.code).toBe('solve.infeasible')
    expect(r.errJson.error.message).toMatch(/^No roster keeping every hard rule of tight\.txt was found in \d+\.\d s: the best one breaks min-total-minutes: A works 960 minutes, at least 1440\. Try a longer --time-limit\.$/)
  })

  const bad: [what: string, args: string[], file: string | null, message: RegExp][] = [
    ['a file that does not exist', ['solve', 'missing.txt'], null, /^roster: Cannot read the instance .*missing\.txt: there is no such file\.$/],
    ['a folder', ['solve', '.'], null, /^roster: Cannot read the instance .*: it is a folder\.$/],
    ['a text that is no instance', ['solve', 'x.txt'], 'hello\n', /^roster: .*x\.txt is not a valid Curtois & Qu instance: line 1: "hello" is outside any section .*\.$/],
    ['a file cut in its cover section', ['solve', 'x.txt'], INSTANCE1.slice(0, INSTANCE1.indexOf('7,D,6,100,1')), /is not a valid Curtois & Qu instance: SECTION_COVER has 7 of the 14 lines 14 days x 1 shifts need \(the first missing: day 7 shift D\): the file looks truncated\.$/],
    ['a file cut inside a line', ['solve', 'x.txt'], INSTANCE1.slice(0, INSTANCE1.indexOf('B,D=14') + 9), /: line 14: SECTION_STAFF lines have 8 fields .*, this one has 3: "B,D=14,43"\.$/],
    ['a bad number', ['solve', 'x.txt'], INSTANCE1.replace('A,D=14,4320', 'A,D=14,4x20'), /: line 13: The MaxTotalMinutes of A must be a whole number from 0, not "4x20"\.$/],
    ['a bad time limit', ['solve', 'Instance1.txt', '--time-limit', 'soon'], null, /^roster: --time-limit must be a number of seconds above 0 and at most 86400, not "soon"\.$/],
    ['a zero time limit', ['solve', 'Instance1.txt', '--time-limit', '0'], null, /^roster: --time-limit must be a number of seconds above 0/],
    ['a bad seed', ['solve', 'Instance1.txt', '--seed', '-1'], null, /^roster: --seed must be a whole number from 0 to 2147483647, not "-1"\.$/],
    ['no threads', ['solve', 'Instance1.txt', '--threads', '0'], null, /^roster: --threads must be a whole number from 1 to 64, not "0"\.$/],
    ['no instance', ['solve'], null, /^roster: Missing required argument 'instance'\. See "roster --help"\.$/],
  ]
  for (const [what, args, file, message] of bad) {
    it(`refuses ${what} with exit 2 and one sentence`, () => {
      const cwd = workDir()
      if (file !== null) writeFileSync(join(cwd, 'x.txt'), file)
      const r = roster(args, { cwd })
      expect(r.code).toBe(2)
      expect(r.out).toBe('')
      expect(r.err.trimEnd().split('\n')).toHaveLength(1)
      expect(r.err.trimEnd()).toMatch(message)
    })
  }

  it('says so under --json too', () => {
    const r = roster(['solve', 'missing.txt'], { cwd: workDir(), json: true })
    expect(r.code).toBe(2)
    expect(r.errJson.error.code).toBe('bad-instance')
  })

  it('keeps its search threads to itself', () => {
    const r = roster(['solve', 'Instance1.txt', '--internal-worker'], { cwd: workDir() })
    expect(r.code).toBe(2)
    expect(r.err).toBe('roster: --internal-worker is only for the search threads roster solve starts itself.\n')
  })
})
