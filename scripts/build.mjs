// Bundles src/main.ts into one file so start-up reads one module, not hundreds.
// Native and heavy libraries stay external and are loaded on demand.
import { build } from 'esbuild'

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/roster.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  packages: 'external',
  logLevel: 'warning',
})
