// ESLint flat config: typescript-eslint's recommended rules without type information (fast), plus a few house rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated code is drift-checked against its generator, not linted; build output and bench output are not source.
    ignores: [
      'src/generated/',
      'test/generated/',
      'examples/frontend-queries/generated/',
      'dist/',
      'dist-*/',
      'coverage/',
      'bench/results/',
      'test/artifacts/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Scripts, bench, Jest's config and global setup are CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Tests, scripts and examples reach into library internals with casts; `any` stays an error in src/ only.
    ignores: ['src/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // House rule: src/ logs through pino (request id, redaction), never the console.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
