// Bundles the CLI so start-up reads one module instead of hundreds. Libraries
// only some commands need (prompts, calendar and CSV parsing, holiday data)
// are imported dynamically and land in chunks of their own, loaded on demand.
// better-sqlite3 stays external: it is a native addon.
import { renameSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

// Build beside dist and swap it in, so a running CLI never sees half a build.
const next = `dist.next-${process.pid}`
rmSync(next, { recursive: true, force: true })
await build({
  entryPoints: { roster: 'src/main.ts' },
  outdir: next,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // Bundled CommonJS libraries call require() for Node's own modules.
  banner: { js: "import { createRequire as __rosterRequire } from 'node:module'; const require = __rosterRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
})
const old = `dist.old-${process.pid}`
try {
  renameSync('dist', old)
} catch {
  // no previous build
}
renameSync(next, 'dist')
rmSync(old, { recursive: true, force: true })
