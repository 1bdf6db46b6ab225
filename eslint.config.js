import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Rules for one name replace each other per file, so every restriction repeats this one. */
const electronOnly = { name: 'electron', message: 'Only src-main/index.ts and src-preload/ import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'scratch/**', 'resources/**', 'docs/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The typed contract is the only way across processes: see README.md, "Architecture".
      'no-restricted-imports': [
        'error',
        { paths: [electronOnly] },
      ],
    },
  },
  {
    files: ['src-main/index.ts', 'src-preload/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The main process validates every call: zod here would only grow the page (npm test checks the bundle too).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            { name: 'zod', message: 'The renderer validates nothing itself: use the domain model (src-main/domain/).' },
          ],
          patterns: [{ group: ['**/ipc/contract/edit.js', '**/ipc/contract/query.js'], message: 'Import the domain model (src-main/domain/), not the zod schemas.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      // The domain model is plain types and constants, shared by the renderer, the store and the contract.
      'no-restricted-imports': ['error', { paths: [electronOnly, { name: 'zod', message: 'src-main/domain/ holds plain types; schemas belong in src-main/ipc/contract/.' }] }],
    },
  },
);
