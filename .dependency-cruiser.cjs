// The layers of ../shared/STYLE.md ("The shape: a pure core, thin edges"), as
// rules a tool checks: `npm run lint:layers` (part of `npm test`) fails on any
// arrow that runs back up. Why these rules: docs/decisions/0002-one-way-layers.md.
//
//   main.ts            composition root
//   cli/               commands, prompts, terminal rendering
//   export/            file formats (CSV, iCalendar, HTML, Markdown)
//   views/             read models both cli/render and export show
//   store/             the only code that speaks SQL
//   i18n/              the message catalogues
//   domain/            pure: types, time math, rules, generation, swaps
//
// Type-only imports count (tsPreCompilationDeps), so a circle through types
// is a circle too.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circle at all, type-only ones included: every module can be read, tested and loaded on its own.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain imports only the domain: no cli, store, export, views, i18n, errors or main.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'The domain does no I/O: no node built-ins (node:fs, node:path...), no database, no terminal or command-line library.',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'domain-uses-no-edge-library',
      severity: 'error',
      comment: 'Libraries of the edges stay out of the domain (parsers it needs, such as ical.js, come in as arguments).',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(better-sqlite3|commander|chalk|inquirer|@inquirer|cli-table3)/' },
    },
    {
      name: 'store-sees-only-domain',
      severity: 'error',
      comment: 'The store maps rows to domain values: it imports the domain and the typed errors, nothing above.',
      from: { path: '^src/store/' },
      to: { path: '^src/(cli|export|views|i18n)/|^src/main\\.ts$' },
    },
    {
      name: 'export-never-imports-cli',
      severity: 'error',
      comment: 'The exporters sit below the terminal code: what both show lives in src/views.',
      from: { path: '^src/export/' },
      to: { path: '^src/cli/|^src/main\\.ts$' },
    },
    {
      name: 'export-reads-no-database',
      severity: 'error',
      comment: 'An exporter is a pure function of its model: it may name a store type, never call the store.',
      from: { path: '^src/export/' },
      to: { path: '^src/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'notifications-below-the-cli',
      severity: 'error',
      comment: 'Notifications (src/notifications/README.md) sit below the terminal code: messages, formats and delivery never import cli or main.',
      from: { path: '^src/notifications/' },
      to: { path: '^src/(cli|export|views)/|^src/main\\.ts$' },
    },
    {
      name: 'views-below-their-readers',
      severity: 'error',
      comment: 'Read models are built from the domain (and the catalogues\' weekday names) only.',
      from: { path: '^src/views/' },
      to: { path: '^src/(cli|export|store)/|^src/main\\.ts$' },
    },
    {
      name: 'i18n-says-only',
      severity: 'error',
      comment: 'The catalogues render domain values into sentences; they import nothing above the domain.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(cli|export|views|store)/|^src/main\\.ts$' },
    },
    {
      name: 'commands-do-not-import-the-program',
      severity: 'error',
      comment: 'program.ts imports every command; commands take App and the option parsers from src/cli/app.ts.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/cli/program\\.ts$' },
    },
    {
      name: 'only-store-opens-sqlite',
      severity: 'error',
      comment: 'src/store is the only code that speaks SQL.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'data-only-through-the-store',
      severity: 'error',
      comment: 'Every command, view and exporter reaches the data through the Store it is handed (ctx.store()): outside src/store only the host (src/store/host.ts: open the database, copy or replace its file) is imported for its values; the rest of src/store only for its types.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/', pathNot: '^src/store/host\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-connection-outside-the-store',
      severity: 'error',
      comment: 'The connection (a better-sqlite3 handle, the Sql interface, the file helpers behind the host) is not even named outside src/store: a second engine changes src/store and nothing above it.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/(db|sql|backup)\\.ts$' },
    },
    {
      name: 'only-prompter-prompts',
      severity: 'error',
      comment: 'src/cli/prompter.ts is the only module that imports inquirer; everything else gets the injected prompter.',
      from: { path: '^src/', pathNot: '^src/cli/prompter\\.ts$' },
      to: { path: 'node_modules/(inquirer|@inquirer)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is a rule it cannot check.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
}
