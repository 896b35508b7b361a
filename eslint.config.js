/**
 * Lint: a small rule set agreed in the repo, type-aware (typescript-eslint reads tsconfig.json).
 * The layer table and import cycles are dependency-cruiser's job (.dependency-cruiser.cjs).
 * Violations that predate a rule are listed in eslint-suppressions.json and may only go down:
 * fix one and run `npx eslint --prune-suppressions` (an outdated entry fails `npm test`).
 */
import tseslint from 'typescript-eslint';

/** Folders with no UI: no `any`, whatever the reason. */
const CORE = ['src/schema/**', 'src/formula/**', 'src/model/**', 'src/csv/**', 'src/app/**', 'src/sync/**', 'server/**', 'sheets/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/.results/**', 'tests/.artifacts/**', '.bench-tmp/**', 'data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error: await it, return it, or say `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a callback's result is ignored (an async listener) fails silently.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `x!` silences the checker instead of handling the missing case.
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Type-only imports say so, which keeps runtime cycles visible to dependency-cruiser
      // (`typeof import('./x.ts')` stays allowed: it types a module that loads lazily).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: CORE,
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Headless code runs in Node (CLI, relay) and in Web Workers too: no page to reach for.
    files: ['src/schema/**', 'src/formula/**', 'src/model/**', 'src/csv/**', 'src/app/**', 'sheets/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement'].map((name) => ({
          name,
          message: 'Headless code has no DOM: take what it needs as an argument.',
        })),
      ],
    },
  },
);
