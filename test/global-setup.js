// One id per jest run, inherited by the workers: test/harness/build.ts builds dist/ once per run, and only when a
// suite that spawns the real entry point asks for it (so `npx jest test/schema` never pays for tsc).
const { randomUUID } = require('node:crypto');

module.exports = async function globalSetup() {
  process.env.TEST_RUN_ID = randomUUID();
};
