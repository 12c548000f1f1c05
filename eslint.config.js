// ESLint: a handful of rules that catch real bugs here (issue "handover"), zero warnings on main.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const MONEY_MESSAGE =
  'Amounts are decimal: money text goes through lib/money parseAmount. For small integers (years, counts, line numbers) use toInt() from lib/int.';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'public/', 'docs/', 'test-results/', 'tests/e2e/screenshots/', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // A stale disable comment is noise, not a bug: not reported (zero warnings is the gate).
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // Type-aware, cheap, and each has bitten extension code: a promise nobody awaits loses its error.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-self-compare': 'error',
      'no-constant-binary-expression': 'error',
      // Style-only rules of the presets that add nothing here.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-irregular-whitespace': 'off',
      'no-useless-escape': 'off',
      'prefer-const': 'off',
      // Flags deliberate initialisations in the extractor's hot loops; no bug found by it here.
      'no-useless-assignment': 'off',
    },
  },
  {
    // The PDF reader's geometry loops update two running values in one statement: `(best = c), (n = x)`.
    files: ['lib/extract/pdf/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Tests build hostile strings (ESC, BEL, NUL) on purpose; the CLI sniffs binary files by them.
    files: ['tests/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The core that reads amounts: no JavaScript number parsing of page text.
    files: ['lib/{checks,claims,recognize,report,model,localize}/**/*.ts', 'lib/extract/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: MONEY_MESSAGE },
        { selector: "CallExpression[callee.name='parseInt']", message: MONEY_MESSAGE },
        { selector: "CallExpression[callee.name='Number']", message: MONEY_MESSAGE },
        { selector: "CallExpression[callee.object.name='Number'][callee.property.name=/^parse/]", message: MONEY_MESSAGE },
      ],
    },
  },
);
