// Fails when codegen output differs from what is committed (modified or new files), so stale types never land.
const { execFileSync } = require('node:child_process');

const paths = ['src/generated', 'examples/frontend-queries/generated', 'test/generated'];
const status = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' });
if (status.trim()) {
  process.stderr.write(`Generated code is stale; run \`npm run codegen\` and commit:\n${status}`);
  process.exit(1);
}
process.stdout.write('Generated code is current.\n');
