// npm run bench: measures, side by side in one run,
//   1. start-up: `roster show`, `swap check` and `swap request` against bare
//      `node -e 0` (median of alternating runs, as ratios; scripts/bench-startup.mjs);
//   2. scale: generate, check, stats and the swap commands on larger teams, longer
//      ranges and a long swap history (scripts/bench-scale.mjs);
//   3. quality: roster solve on the Curtois & Qu instances (scripts/bench-curtois.mjs);
//   4. wishes: generate with wishes against the same teams without (scripts/bench-wishes.mjs).
// Parts 1 and 2 are followed by 1b and 2b: the same start-up commands, and the swap commands at
// 100,000 swaps, on PostgreSQL beside SQLite (scripts/bench-postgres-cli.mjs; a throwaway server,
// or BENCH_PG_URL=postgres://...; BENCH_POSTGRES=0 leaves them out).
// BENCH_PARTS=1,3 runs only some parts (BENCH_PARTS=4: the wishes alone). Benchmarks measure speed; the test
// suite checks correctness.
const parts = (process.env.BENCH_PARTS ?? '1,2,3,4').split(',')
const postgres = process.env.BENCH_POSTGRES !== '0' && (parts.includes('1') || parts.includes('2'))
  ? await import('./bench-postgres-cli.mjs')
  : undefined
const server = postgres ? await postgres.benchServer() : undefined

try {
  if (parts.includes('1')) {
    const { runStartupBench } = await import('./bench-startup.mjs')
    const sqlite = await runStartupBench()
    if (server) await postgres.runPostgresStartupBench(sqlite, server)
  }

  if (parts.includes('2')) {
    console.log('')
    const { runScaleBench } = await import('./bench-scale.mjs')
    runScaleBench()
    if (server) await postgres.runPostgresSwapBench(server)
  }
} finally {
  await server?.stop()
}

if (parts.includes('3')) {
  console.log('')
  const { runCurtoisBench } = await import('./bench-curtois.mjs')
  runCurtoisBench()
}

if (parts.includes('4')) {
  console.log('')
  const { runWishBench } = await import('./bench-wishes.mjs')
  runWishBench()
}
