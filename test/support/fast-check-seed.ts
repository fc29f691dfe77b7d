// Property tests draw the same cases on every run (CI included), so a result
// can be repeated: a random counterexample found once is a failure of that
// run alone, and a CI that passed passes again. FC_SEED=<n> draws others
// (a failure prints its seed and path; add the case as a fixed example).
import fc from 'fast-check'

const seed = Number(process.env.FC_SEED ?? 20261206)
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, not ${process.env.FC_SEED}`)
fc.configureGlobal({ seed })
