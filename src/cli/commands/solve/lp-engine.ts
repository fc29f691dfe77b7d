// The LP engine `roster solve` dives with: HiGHS (the `highs` package, WebAssembly),
// loaded from node_modules only when a solve dives, never at start-up: the
// bundle does not carry it (the path is resolved at run time, so esbuild leaves
// the require alone) and no other command reads it. scripts/bench-lp.mjs shows
// why HiGHS and not the dense simplex of lp.ts: the relaxations of the large
// instances have thousands of rows.

import type { Highs } from 'highs'
import type { LpFactory } from '../../../domain/solver/lp-engine.js'
import { highsEngine } from '../../../domain/solver/lp-highs.js'

let loading: Promise<Highs> | null = null

/** HiGHS's runtime, loaded once per thread (its .wasm is read from node_modules/highs/build beside its loader). */
export function loadHighs(): Promise<LpFactory> {
  if (!loading) {
    const loader = fromNodeModules('highs') as (options?: object) => Promise<Highs>
    loading = loader()
  }
  return loading.then(highsEngine)
}

/** A package required by a path found at run time: the bundler leaves it in node_modules. */
function fromNodeModules(id: string): unknown {
  return require(require.resolve(id))
}
