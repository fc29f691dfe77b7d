// The constraint-based rostering engine: an integer model, its incremental
// evaluation, and the search. Pure: no I/O, no clock unless injected, no Math.random.

export * from './model.js'
export { evaluate, type Cost } from './evaluate.js'
export { SolverState } from './state.js'
export { solve, type MoveWeights, type SolveOptions, type SolveResult } from './search.js'
export { Random } from './random.js'
