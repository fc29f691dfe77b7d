#!/usr/bin/env node
// The executable. It runs the bundled CLI: dist/roster.cjs, and the bundle of
// the command group the command line names (dist/roster-<group>.cjs, required
// by the first only when that group runs). Each bundle runs with V8's code
// cache for it (dist/<bundle>.cache, written by the build), so a command does
// not compile the same functions again on every start. A missing or stale
// cache only costs that time: V8 then compiles as usual.
'use strict'
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const Module = require('node:module')

const dist = join(__dirname, '..', 'dist')
const file = join(dist, 'roster.cjs')
// Under ROSTER_DEBUG=1 a stack trace names the TypeScript source: the bundles
// are loaded as plain modules with source maps on (dist/*.cjs.map), not from
// the code cache, which Node's source-map support does not reach.
if (process.env.ROSTER_DEBUG === '1' && process.setSourceMapsEnabled) {
  process.setSourceMapsEnabled(true)
  require(file).run(process)
  return
}
const vm = require('node:vm')
const BUNDLE = /^\.\/roster(-[a-z]+)?\.cjs$/

/** Loads a bundle of dist/ once, as a module (so require.cache lists it), with its code cache. */
function load(filename) {
  const known = Module._cache[filename]
  if (known) return known.exports
  let cachedData
  try {
    cachedData = readFileSync(`${filename}.cache`)
  } catch {
    cachedData = undefined
  }
  const script = new vm.Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  const mod = new Module(filename, module)
  mod.filename = filename
  mod.paths = Module._nodeModulePaths(dist)
  Module._cache[filename] = mod
  try {
    script.runInThisContext()(mod.exports, requireFrom(filename), mod, filename, dist)
  } catch (e) {
    delete Module._cache[filename]
    throw e
  }
  mod.loaded = true
  return mod.exports
}

/** The require of a bundle: another bundle through load(), anything else as Node would. */
function requireFrom(filename) {
  const plain = Module.createRequire(filename)
  const req = (id) => (BUNDLE.test(id) ? load(join(dist, id.slice(2))) : plain(id))
  req.resolve = plain.resolve
  req.cache = plain.cache
  return req
}

load(file).run(process)
