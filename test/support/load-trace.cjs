// Preloaded with `node --require` by test/e2e/startup-load.test.ts: on exit,
// writes the files the process loaded through require (the CLI's bin, and
// whatever libraries a command pulled in) to $ROSTER_LOAD_TRACE as JSON.
'use strict'
const { writeFileSync } = require('node:fs')

process.on('exit', () => {
  writeFileSync(process.env.ROSTER_LOAD_TRACE, JSON.stringify(Object.keys(require.cache)))
})
