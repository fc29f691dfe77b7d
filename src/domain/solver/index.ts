// The constraint-based rostering engine. Pure: no I/O, no clock unless one is
// injected (SolveOptions.now), no Math.random (a seeded sfc32 in random.ts).
//
//   model.ts     the integer model: a staff x days grid of shift indices or OFF,
//                and every constraint as flat typed arrays (cover targets with
//                under/over weights or hard; forbidden successions one and two
//                days apart; per-type maxima; total minutes; min/max working
//                runs; min days-off runs; max worked weekends; fixed cells;
//                per-cell costs for requests; carried-in history; soft fair
//                ranges per type / working days / day groups; shift changes,
//                backward rotation and short runs as soft costs)
//   state.ts     a grid under incremental evaluation: count-based costs in O(1)
//                per cell (lookup tables), sequence costs measured on the window
//                a move touches, before and after
//   evaluate.ts  the same costs from scratch: the reference the tests hold the
//                incremental evaluation to
//   search.ts    greedy construction of the cover, then simulated annealing over
//                change / run / swap / block moves, optional cycles and a
//                growing hard weight; deterministic for a seed and a budget
//   curtois.ts   reader for the Curtois & Qu benchmark instances
//
// A caller builds a Model (emptyModel + fill the arrays), calls solve, and maps
// `cells` back. generate.ts does this for roster; curtois.ts for the benchmark.

export * from './model.js'
export { evaluate, type Cost } from './evaluate.js'
export { SolverState } from './state.js'
export { solve, type MoveWeights, type SolveOptions, type SolveResult } from './search.js'
export { parseCurtois, type CurtoisInstance } from './curtois.js'
export { Random } from './random.js'
