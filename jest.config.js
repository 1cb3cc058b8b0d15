/**
 * Two projects in one run:
 * - node: the TypeScript tests under test/ as ES modules (ts-jest, transpile only; `npm run lint` type-checks);
 * - lwc: the Lightning web component tests under force-app (sfdx-lwc-jest: jsdom, the LWC compiler and the
 *   lightning/* stubs). force-app/main/default/lwc/package.json marks those sources as CommonJS for Node,
 *   which is what @lwc/jest-transformer turns them into, while the rest of the repo stays ESM.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig: lwcJest } = require('@salesforce/sfdx-lwc-jest/config');
const rootDir = import.meta.dirname;

export default {
  projects: [
    {
      displayName: 'node',
      rootDir,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup-env.js'],
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      transform: {
        '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, tsconfig: 'test/tsconfig.json' }],
      },
    },
    {
      ...lwcJest,
      displayName: 'lwc',
      rootDir,
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.js'],
    },
  ],
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
