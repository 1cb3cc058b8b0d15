// One linter (ESLint with typescript-eslint) and one formatter (Prettier, see .prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browser = {
  window: 'readonly',
  document: 'readonly',
  CustomEvent: 'readonly',
  MouseEvent: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};
const jest = {
  jest: 'readonly',
  describe: 'readonly',
  it: 'readonly',
  expect: 'readonly',
  beforeAll: 'readonly',
  beforeEach: 'readonly',
  afterAll: 'readonly',
  afterEach: 'readonly',
  require: 'readonly',
};

export default tseslint.config(
  { ignores: ['lib/**', 'node_modules/**', 'coverage/**', 'force-app/**/ownershipRules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Lightning web components: browser modules with decorators (@api, @wire), which the TypeScript parser reads.
  {
    files: ['force-app/**/lwc/**/*.js'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module', globals: browser },
  },
  // Their Jest tests (sfdx-lwc-jest) load JSON fixtures with require, as lwc-recipes does.
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js'],
    languageOptions: { globals: { ...browser, ...jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
