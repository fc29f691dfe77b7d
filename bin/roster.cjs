#!/usr/bin/env node
// The executable. It runs the bundled CLI (dist/roster.cjs) with V8's code
// cache for it (dist/roster.cjs.cache, written by the build), so a command
// does not compile the same functions again on every start. A missing or
// stale cache only costs that time: V8 then compiles as usual.
'use strict'
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const Module = require('node:module')
const vm = require('node:vm')

const file = join(__dirname, '..', 'dist', 'roster.cjs')
// Under ROSTER_DEBUG=1 a stack trace names the TypeScript source: the bundle
// is loaded as a plain module with source maps on (dist/roster.cjs.map), not
// from the code cache, which Node's source-map support does not reach.
if (process.env.ROSTER_DEBUG === '1' && process.setSourceMapsEnabled) {
  process.setSourceMapsEnabled(true)
  require(file).run(process)
  return
}
let cachedData
try {
  cachedData = readFileSync(`${file}.cache`)
} catch {
  cachedData = undefined
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER })
const mod = { exports: {} }
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, join(__dirname, '..', 'dist'))
mod.exports.run(process)
