// CI schema check (docs/federation.md "Schema changes"): the served SDL equals sdl/subgraph.graphql, and every
// breaking change against the last released SDL (sdl/released.graphql) is listed in CHANGELOG.md's Unreleased section.
// Usage: node scripts/schema-check.js [--served F] [--committed F] [--released F] [--changelog F] (needs `npm run build`).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { buildASTSchema, parse } = require('graphql');
const { diff, CriticalityLevel } = require('@graphql-inspector/core');

const ROOT = join(__dirname, '..');

/** A subgraph SDL as a schema to diff: federation directives (@key, @link, ...) are not defined in it, so not validated. */
function toSchema(sdl) {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** The text under `## Unreleased`, up to the next `## ` heading. */
function unreleasedSection(changelog) {
  const match = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
  return match ? match[1] : '';
}

/**
 * Federation machinery, not client contract: directive definitions (`@key`, `@federation__tag`, …, renamed whenever
 * the @link version or imports change) and the link's namespaced types (`federation__Scope`, `link__Import`).
 */
function isFederationMachinery(path) {
  return /^(@|federation__|link__)/.test(path ?? '');
}

/** A change is listed when its inspector path (e.g. `ProcessRun.process`) appears in backticks in Unreleased. */
function isListed(path, unreleased) {
  return unreleased.includes(`\`${path}\``);
}

/** Every problem with the schema as found: an empty list passes. */
async function checkSchema({ servedSdl, committedSdl, releasedSdl, changelog }) {
  const problems = [];
  if (servedSdl.trim() !== committedSdl.trim()) {
    problems.push('sdl/subgraph.graphql differs from the SDL the subgraph serves: run `npm run sdl` and commit it.');
  }
  const changes = await diff(toSchema(releasedSdl), toSchema(servedSdl));
  const unreleased = unreleasedSection(changelog);
  for (const change of changes) {
    if (change.criticality.level !== CriticalityLevel.Breaking || isFederationMachinery(change.path)) continue;
    if (!change.path || !isListed(change.path, unreleased)) {
      problems.push(
        `breaking change not listed in CHANGELOG.md (Unreleased, as \`${change.path}\`): ${change.message}`,
      );
    }
  }
  return problems;
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

async function main() {
  const servedFile = option('served');
  const servedSdl = servedFile
    ? readFileSync(servedFile, 'utf8')
    : require(join(ROOT, 'dist', 'schema', 'subgraph-sdl.js')).subgraphSdl();
  const problems = await checkSchema({
    servedSdl,
    committedSdl: readFileSync(option('committed', join(ROOT, 'sdl', 'subgraph.graphql')), 'utf8'),
    releasedSdl: readFileSync(option('released', join(ROOT, 'sdl', 'released.graphql')), 'utf8'),
    changelog: readFileSync(option('changelog', join(ROOT, 'CHANGELOG.md')), 'utf8'),
  });
  if (problems.length > 0) {
    process.stderr.write(`Schema check failed:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    'Schema check passed: sdl/subgraph.graphql is current; every breaking change is in CHANGELOG.md.\n',
  );
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`Schema check could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}

module.exports = { checkSchema, unreleasedSection };
