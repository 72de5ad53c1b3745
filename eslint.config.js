import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Migration fixtures are other projects' files (Knex, TypeORM) in their own style.
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'build/',
      '.tmp/',
      '__tests__/fixtures/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `return fail(...)` that yields undefined reads well in validators.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // Code below main.ts throws; only the entry may end the process.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'exit' }] },
  },
  {
    // The simulator, like an API server, handles objects as unstructured JSON: typing every
    // Kubernetes field would be a second copy of the API for no gain in what tests catch.
    files: [
      'lab/kube-sim/**/*.ts',
      '__tests__/lab/**/*.ts',
      '__tests__/e2e/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
