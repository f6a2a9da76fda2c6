#!/usr/bin/env node
// Fails when an import in src/ breaks the layer rule or closes a runtime import cycle, or two files share a name. No dependencies: it reads the
// import/export/require lines of src/**/*.ts. Layers, top to bottom (a file may import its own layer and below):
//   index → app → server, schema, observability, graphiql → resolvers, demo, generated → writes, live → loaders → upstream,
//   redis → validation, identity → config, errors
// writes/ (mutations) sits under resolvers: the Mutation resolvers call it, and it calls the upstream client and
// clears the request's loaders, so it may import loaders/ but never the resolvers' context type.
// live/ (subscriptions) sits beside writes/: app.ts builds it, the context factory (server/) hands it to the
// Subscription resolver, and its poll loops call the upstream client; it imports nothing above it.
// graphiql/ (the page's options and tabs) sits beside server/: app.ts passes it the demo's ids; it imports no layer.
// redis/ sits beside upstream/: both are outbound connections that the layers above use and app.ts builds.
// validation/ (the rules for ids, names, dates, cursors, filters, mutation inputs, and the root fields of a document) sits under upstream/: the
// resolvers refuse a caller's input with it and the upstream client checks ids and `$next` tokens from upstream
// data with the same rules before they reach a URL. It imports errors/ only, for the one refusal shape.
// identity/ (the keyed hashes that name a caller: audit, budget, cache scope, poll key, idempotency) sits beside
// validation/: server/, writes/, live/ and upstream/ all key state by caller through it; it imports no layer.
// probe/ is a second entry point beside index (npm run probe:upstream): it builds the one upstream client through
// app.ts and reads with the resolvers' own converters, and nothing imports it.
// config/ and errors/ are leaves: each imports only from itself. Type-only imports obey the layer rule too (they
// are how layers talk), but only runtime imports can close a cycle.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', 'src');

// Lower number = higher layer. Keyed by the first path segment under src/ (without .ts for top-level files).
const LAYERS = {
  index: 0,
  probe: 0,
  app: 1,
  server: 2,
  schema: 2,
  observability: 2,
  graphiql: 2,
  resolvers: 3,
  demo: 3,
  generated: 3,
  writes: 4,
  live: 4,
  loaders: 5,
  upstream: 6,
  redis: 6,
  validation: 7,
  identity: 7,
  config: 8,
  errors: 8,
};
const LEAVES = new Set(['config', 'errors']);

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function areaOf(file, root = ROOT) {
  const first = path.relative(root, file).split(path.sep)[0];
  return first.replace(/\.ts$/, '');
}

/** Relative specifiers of one file: { spec, typeOnly }. */
function importsOf(text) {
  const found = [];
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const fromClause = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(fromClause)) {
    const clause = match[3];
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allNamedAreTypes =
      named !== null &&
      named[1]
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .every((part) => part.startsWith('type '));
    found.push({ spec: match[4], typeOnly: Boolean(match[2]) || allNamedAreTypes });
  }
  for (const match of source.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    found.push({ spec: match[1], typeOnly: false });
  for (const match of source.matchAll(/(typeof\s+)?\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ spec: match[2], typeOnly: Boolean(match[1]) });
  }
  return found.filter(({ spec }) => spec.startsWith('.'));
}

function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function check(root = ROOT) {
  const problems = [];
  const runtimeEdges = new Map();
  const rel = (file) => path.relative(path.join(root, '..'), file);
  const areaIn = (file) => areaOf(file, root);
  for (const file of listFiles(root)) {
    const from = areaIn(file);
    if (!(from in LAYERS))
      problems.push(`${rel(file)}: src/${from} is in no layer; add it to LAYERS in scripts/check-layers.js`);
    runtimeEdges.set(file, []);
    for (const { spec, typeOnly } of importsOf(fs.readFileSync(file, 'utf8'))) {
      const target = resolve(file, spec);
      if (target === null) {
        if (!spec.endsWith('.json')) problems.push(`${rel(file)}: cannot resolve '${spec}'`);
        continue;
      }
      if (!target.startsWith(root + path.sep)) continue;
      const to = areaIn(target);
      if (!typeOnly) runtimeEdges.get(file).push(target);
      if (from === to) continue;
      if (LEAVES.has(from)) {
        problems.push(`${rel(file)} imports ${rel(target)}: src/${from}/ is a leaf and imports nothing else from src/`);
      } else if (LAYERS[to] < LAYERS[from]) {
        problems.push(`${rel(file)} imports ${rel(target)}: src/${from} may not import the layer above it (src/${to})`);
      }
    }
  }
  // Names say what a thing is: two files with one name (folder entry points aside) are two things named alike.
  const byName = new Map();
  for (const file of runtimeEdges.keys()) {
    const name = path.basename(file);
    if (name !== 'index.ts') byName.set(name, [...(byName.get(name) ?? []), rel(file)]);
  }
  for (const [name, files] of byName)
    if (files.length > 1) problems.push(`two files named ${name}: ${files.join(', ')}`);
  // Runtime cycles: depth-first search with colours; each cycle reported once by its entry point.
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of runtimeEdges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        problems.push(`runtime import cycle: ${[...stack.slice(stack.indexOf(next)), next].map(rel).join(' → ')}`);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of runtimeEdges.keys()) if (!state.has(file)) visit(file);
  // Folder-level runtime cycles (server/ → observability/ → server/ through different files) within one layer.
  const areaEdges = new Map();
  for (const [file, targets] of runtimeEdges) {
    for (const target of targets) {
      const [from, to] = [areaIn(file), areaIn(target)];
      if (from === to) continue;
      if (!areaEdges.has(from)) areaEdges.set(from, new Map());
      if (!areaEdges.get(from).has(to)) areaEdges.get(from).set(to, `${rel(file)} → ${rel(target)}`);
    }
  }
  for (const [from, targets] of areaEdges) {
    for (const [to, example] of targets) {
      const back = areaEdges.get(to)?.get(from);
      if (back && from < to)
        problems.push(`runtime import cycle between src/${from} and src/${to}: ${example}; ${back}`);
    }
  }
  return problems;
}

if (require.main === module) {
  const problems = check();
  if (problems.length > 0) {
    process.stderr.write(`check-layers: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('check-layers: imports flow one way, no runtime cycles\n');
}

module.exports = { check, importsOf };
