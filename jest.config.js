/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
    // Node loads these natively; Jest's module runtime cannot (cockatiel is ESM-only; the OTLP exporter import()s
    // node:http, which Jest refuses without --experimental-vm-modules), so they are compiled to plain CommonJS.
    '^.+/node_modules/(cockatiel|@opentelemetry/otlp-exporter-base)/.+\\.c?js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Only the innermost node_modules segment decides (the exporter base sits nested under the OTLP exporter).
  transformIgnorePatterns: ['/node_modules/(?!.*/node_modules/)(?!cockatiel/|@opentelemetry/otlp-exporter-base/)'],
  // Suites start real HTTP servers; two workers match the two cores these machines have.
  maxWorkers: 2,
  // Gives the run an id; dist/ is built only when a test/process suite asks for it (test/harness/build.ts).
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
