// npm run bench: measures, side by side in one run,
//   1. start-up: `roster show`, `swap check` and `swap request` against bare
//      `node -e 0` (median of alternating runs, as ratios; scripts/bench-startup.mjs);
//   2. scale: generate, check, stats and the swap commands on larger teams, longer
//      ranges and a long swap history (scripts/bench-scale.mjs);
//   3. quality: roster solve on the Curtois & Qu instances (scripts/bench-curtois.mjs);
//   4. wishes: generate with wishes against the same teams without (scripts/bench-wishes.mjs).
// BENCH_PARTS=1,3 runs only some parts (BENCH_PARTS=4: the wishes alone). Benchmarks measure speed; the test
// suite checks correctness.
const parts = (process.env.BENCH_PARTS ?? '1,2,3,4').split(',')

if (parts.includes('1')) {
  const { runStartupBench } = await import('./bench-startup.mjs')
  runStartupBench()
}

if (parts.includes('2')) {
  console.log('')
  const { runScaleBench } = await import('./bench-scale.mjs')
  runScaleBench()
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
