/**
 * The layer table of docs/architecture.md, checked on every import by `npm test` (`npm run lint`).
 * Each rule names what a folder may NOT import; docs/architecture.md says it the other way round.
 * Known violations (when a rule is new) are listed in .dependency-cruiser-known-violations.json and
 * may only go down: regenerate it with `npm run lint:baseline` after fixing one, never to add one.
 */

/** Our folders below `src/`, and what each may import of ours besides itself. */
const MAY_IMPORT = {
  schema: [],
  formula: ['schema'],
  model: ['schema'],
  csv: ['schema'],
  app: ['schema', 'formula', 'model', 'csv', 'sheets'],
  sync: ['schema', 'model'],
  ui: ['schema', 'formula', 'model', 'csv', 'app', 'sync', 'sheets'],
};

/** Where each folder of ours lives. */
const PATH = {
  schema: '^src/schema/',
  formula: '^src/formula/',
  model: '^src/model/',
  csv: '^src/csv/',
  app: '^src/app/',
  sync: '^src/sync/',
  ui: '^src/ui/',
  sheets: '^sheets/',
  server: '^server/',
  main: '^src/main\\.tsx$',
};

const OURS = Object.keys(PATH);

/** One rule per folder: nothing of ours outside its row of the table. */
const layerRules = Object.entries(MAY_IMPORT).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${allowed.length ? allowed.map((a) => (a === 'sheets' ? 'sheets/' : `src/${a}`)).join(', ') : 'nothing of ours'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: PATH[layer] },
  to: {
    path: OURS.filter((o) => o !== layer && !allowed.includes(o)).map((o) => PATH[o]),
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layer-sheets',
      comment: 'sheets/ (templates, demo) may import only src/schema, src/formula and src/model',
      severity: 'error',
      from: { path: PATH.sheets },
      to: { path: [PATH.csv, PATH.app, PATH.sync, PATH.ui, PATH.server, PATH.main] },
    },
    {
      name: 'layer-server',
      comment: 'server/ may import src/{schema,formula,model,csv,app} and sheets/, never src/ui or src/sync',
      severity: 'error',
      from: { path: PATH.server },
      to: { path: [PATH.ui, PATH.sync, PATH.main] },
    },
    {
      name: 'pure-core',
      comment: 'src/schema, src/formula and src/csv are pure TypeScript: no Yjs, no UI libraries (csv: papaparse and fflate only)',
      severity: 'error',
      from: { path: ['^src/schema/', '^src/formula/', '^src/csv/'] },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/(papaparse|fflate)/' },
    },
    {
      name: 'pure-schema',
      comment: 'src/schema imports no package at all',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'yjs-in-model-and-sync',
      comment: 'only src/model, src/sync and server/ know Yjs and its protocols',
      severity: 'error',
      from: { pathNot: ['^src/model/', '^src/sync/', '^server/', '^tests/'] },
      to: { path: '^node_modules/(yjs|y-indexeddb|y-websocket|y-protocols|lib0)/' },
    },
    {
      name: 'ui-libraries-in-ui',
      comment: 'solid-js, AG Grid and Chart.js live only in src/ui (and the entry that mounts it)',
      severity: 'error',
      from: { pathNot: ['^src/ui/', '^src/main\\.tsx$', '^tests/'] },
      to: { path: '^node_modules/(solid-js|ag-grid-community|chart\\.js)/' },
    },
    {
      name: 'no-yjs-layout-outside-model',
      comment: 'the Yjs layout of the workbook (layout, sheet-cache, workbook-reader, workbook-base) is private to src/model',
      severity: 'error',
      from: { pathNot: ['^src/model/', '^tests/'] },
      to: { path: '^src/model/(layout|sheet-cache|workbook-reader|workbook-base)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only ones included (DESIGN.md)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^tests/\\.'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle through types is still a cycle of meaning.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
