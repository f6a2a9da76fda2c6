// Fails when any installed package (transitive ones included) declares an `engines.node` range this Node does not
// satisfy: engines.node is >=24, and CI runs this on Node 24 and 26 (docs/dependencies.md).
const fs = require('node:fs');
const path = require('node:path');
const semver = require('semver');

const root = path.join(__dirname, '..', 'node_modules');
const offenders = [];

function walk(directory) {
  for (const entry of fs.readdirSync(directory)) {
    if (entry.startsWith('.')) continue;
    const location = path.join(directory, entry);
    if (entry.startsWith('@')) {
      walk(location);
      continue;
    }
    const manifest = path.join(location, 'package.json');
    if (fs.existsSync(manifest)) {
      const { version, engines } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      const range = engines && engines.node;
      if (range && !semver.satisfies(process.version, range, { includePrerelease: true })) {
        offenders.push(`${path.relative(root, location)}@${version} needs node ${range}`);
      }
    }
    const nested = path.join(location, 'node_modules');
    if (fs.existsSync(nested)) walk(nested);
  }
}

walk(root);
if (offenders.length > 0) {
  process.stderr.write(`Packages whose engines exclude Node ${process.version}:\n${offenders.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`Every installed package accepts Node ${process.version}.\n`);
