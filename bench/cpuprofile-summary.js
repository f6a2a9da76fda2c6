'use strict';
// Reads a `node --cpu-prof` profile: each sample under one concern of this gateway (byConcern: HTTP layer, upstream
// client, execution, the JSON passes, the answer's socket write, GC, …), self time by package and by function, inclusive time by function and
// by package/file (a frame's samples counted once per stack). Percentages of all samples after the first SKIP seconds.
//
//   node bench/cpuprofile-summary.js <file.cpuprofile>   SKIP=seconds (drop the warm-up)  TOP=n (rows per table)
//   BUSY=true: percentages of the samples where the process was not idle, so that one multiplied by the bench's CPU
//   ms/op gives that frame's ms per operation (a bench profile's server idles while the load generator works).
const fs = require('node:fs');

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const SKIP_US = Number(process.env.SKIP || 0) * 1e6;
const TOP = Number(process.env.TOP || 40);
const BUSY = process.env.BUSY === 'true';
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);

const samplesByNode = new Map();
let elapsed = 0;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  elapsed += profile.timeDeltas[i];
  if (elapsed < SKIP_US) continue;
  if (BUSY && nodes.get(profile.samples[i]).callFrame.functionName === '(idle)') continue;
  samplesByNode.set(profile.samples[i], (samplesByNode.get(profile.samples[i]) || 0) + 1);
  total++;
}

const shortUrl = (url) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist\/)/, '$1');
const functionKey = ({ callFrame: frame }) =>
  `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
function packageKey({ callFrame: frame }) {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (dependency) return dependency[1];
  if (frame.url.startsWith('node:')) return frame.url.split('/').slice(0, 2).join('/');
  const own = /\/(dist\/.*)$/.exec(frame.url);
  return own ? own[1] : frame.url;
}

// byConcern: each sample under one heading, so the headings add up to 100 %. The leaf decides first (GC, the two
// JSON passes the floor proxy also makes, the answer's socket write), then the nearest frame of a concern on the stack.
const LEAF_CONCERNS = [
  ['garbage collection', (frame) => frame.functionName === '(garbage collector)'],
  [
    'upstream body JSON.parse',
    (frame) =>
      (frame.functionName === 'parseJson' && frame.url.includes('processes-client')) ||
      frame.functionName === 'parseUpstreamBody',
  ],
  // The floor's answer() also parses the small request body; its JSON.stringify of the run is nearly all of it.
  [
    'answer JSON.stringify',
    (frame) =>
      frame.functionName === 'jsonStringifyResultWithoutInternals' ||
      (frame.functionName === 'answer' && frame.url.endsWith('floor-proxy.js')),
  ],
];
const SOCKET_WRITE = /^(writev|writeUtf8String|writeLatin1String|writeBuffer)$/;
// Matched against "<function> <url>" of each frame, leaf first; the first concern any frame matches wins.
const STACK_CONCERNS = [
  ['metrics', /prom-client|prometheus|\/observability\//],
  ['GraphQL execution and resolvers', /graphql-jit|graphql\/execution|\/resolvers\/|fast-execute|^\S*Handler\d* $/],
  [
    'upstream client (undici, loaders, resilience)',
    /undici|wasm:|\/upstream\/|\/loaders\/|dataloader|cockatiel|node:_http_client|node:_http_agent|^(getRun|parseUpstreamBody) /,
  ],
  [
    'GraphQL parse and validation',
    /graphql\/(language|validation)|lru-cache|use-parser-and-validation-cache|graphql-armor|\/plugins\/(operation-limits|variables-depth|static-upstream)/,
  ],
  [
    'HTTP server, Yoga, envelop, whatwg-node',
    /graphql-yoga|@whatwg-node|@envelop|node:_http_server|node:_http_incoming|node:_http_outgoing|floor-proxy/,
  ],
];
const UPSTREAM = STACK_CONCERNS[2][1];
function concernOf(id) {
  const leaf = nodes.get(id).callFrame;
  for (const [name, test] of LEAF_CONCERNS) if (test(leaf)) return name;
  const stack = [];
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url } = nodes.get(at).callFrame;
    stack.push(`${functionName} ${url}`);
  }
  // Writing the upstream request is the upstream client's; writing the answer is a concern of its own.
  if (!leaf.url && SOCKET_WRITE.test(leaf.functionName) && !stack.some((where) => UPSTREAM.test(where)))
    return 'socket write (the answer)';
  for (const where of stack) for (const [name, pattern] of STACK_CONCERNS) if (pattern.test(where)) return name;
  return leaf.functionName === '(idle)' ? '(idle)' : 'Node internals, microtasks, other';
}

const tables = {
  byConcern: new Map(),
  selfByPackage: new Map(),
  selfByFunction: new Map(),
  inclusiveByFunction: new Map(),
  inclusiveByPackage: new Map(),
};
const add = (map, key, count) => map.set(key, (map.get(key) || 0) + count);
for (const [id, count] of samplesByNode) {
  const leaf = nodes.get(id);
  add(tables.byConcern, concernOf(id), count);
  add(tables.selfByPackage, packageKey(leaf), count);
  add(tables.selfByFunction, functionKey(leaf), count);
  const seenFunctions = new Set();
  const seenPackages = new Set();
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const node = nodes.get(at);
    const fn = functionKey(node);
    const pkg = packageKey(node);
    if (!seenFunctions.has(fn)) {
      seenFunctions.add(fn);
      add(tables.inclusiveByFunction, fn, count);
    }
    if (!seenPackages.has(pkg)) {
      seenPackages.add(pkg);
      add(tables.inclusiveByPackage, pkg, count);
    }
  }
}

for (const [title, map] of Object.entries(tables)) {
  process.stdout.write(`\n== ${title} (${total} ${BUSY ? 'busy ' : ''}samples)\n`);
  for (const [key, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    process.stdout.write(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}
