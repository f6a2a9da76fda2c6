/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
    // ESM-only dependencies: Node 24 require()s them natively, Jest's module runtime does not, so they are compiled to CJS.
    '^.+/node_modules/cockatiel/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!cockatiel/)'],
  // Suites start real HTTP servers; two workers match the two cores these machines have.
  maxWorkers: 2,
  // Gives the run an id; dist/ is built only when a test/process suite asks for it (test/harness/build.ts).
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
