// Lint rules: the recommended sets, with the project's few deliberate exceptions said here.
import js from '@eslint/js'
import regexp from 'eslint-plugin-regexp'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'reports/',
      'cms/.next/',
      'cms/app/',
      'cms/migrations/',
      'content-models/payload-types.ts',
      '**/*.astro',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Payload documents and Lexical nodes are untyped JSON at the edges (export, import, backup).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests assert on non-null results after checking them with expect().
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Chinese text uses the ideographic space (U+3000) on purpose, in fixtures and generated pages.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // Pages, uploads and queries are outside input: a pattern that backtracks super-linearly
    // let one 3 kB line hold the CMS for seconds (issue 23), so none may.
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
)
