// A test that runs the CLI with spawnSync blocks its worker's event loop. An
// answer vitest's main process owes the worker (to the task update sent as
// the previous test ended) then waits behind the test, and a test that blocks
// for more than 60 s gets "Timeout calling onTaskUpdate" (vitest issue 8164).
// Before each test: a turn of the event loop, and a brief wait for that answer
// (it comes in milliseconds; at most 30 ms are spent on it).

import { afterEach, beforeEach } from 'vitest'

const turn = () => new Promise<void>((done) => setImmediate(done))

beforeEach(async () => {
  await turn()
  await new Promise<void>((done) => {
    const finish = () => {
      clearTimeout(timer)
      process.off('message', finish)
      done()
    }
    const timer = setTimeout(finish, 30)
    process.on('message', finish)
  })
})

afterEach(turn)
