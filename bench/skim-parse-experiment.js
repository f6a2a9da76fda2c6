'use strict';
// Issue 13's last lever for the large run, measured: parse less of the upstream body. The large workload's query
// reads three fields per node; a job's `arguments` and `metadata` are ~65 % of the 1.06 MB body. This cuts those
// members out of the text before JSON.parse with a simple scanner that does not validate what it skips (more lenient,
// so cheaper, than a real one would have to be), and compares it with JSON.parse of the whole body. Not used by the gateway.
//
//   npm run build && node bench/skim-parse-experiment.js     (ROUNDS=5, PARSES=200)
const { upstreamBodies, LARGE_ID } = require('./workloads');

const ROUNDS = Number(process.env.ROUNDS || 5);
const PARSES = Number(process.env.PARSES || 200);
const SKIPPED = ['"arguments"', '"metadata"'];
const isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;

/** Index just past the JSON value starting at `i` (an object, array or string in this body), tracking only depth and strings. */
function skipValue(text, i) {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        let backslashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
      if (depth === 0) return i + 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The body without its `arguments` and `metadata` members. */
function skim(text) {
  let out = '';
  let from = 0;
  let at = 0;
  for (;;) {
    const found = SKIPPED.map((key) => [text.indexOf(key, at), key.length])
      .filter(([p]) => p >= 0)
      .sort((a, b) => a[0] - b[0])[0];
    if (!found) break;
    const [p, length] = found;
    let before = p - 1;
    while (isSpace(text.charCodeAt(before))) before--;
    let colon = p + length;
    while (isSpace(text.charCodeAt(colon))) colon++;
    const opener = text.charCodeAt(before);
    if ((opener !== 123 && opener !== 44) || text.charCodeAt(colon) !== 58) {
      at = p + length;
      continue;
    }
    let value = colon + 1;
    while (isSpace(text.charCodeAt(value))) value++;
    const end = skipValue(text, value);
    if (opener === 44) {
      out += text.slice(from, before);
      from = end;
    } else {
      let next = end;
      while (isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === 44) next++;
      out += text.slice(from, before + 1);
      from = next;
    }
    at = end;
  }
  return out + text.slice(from);
}

function msPer(fn) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < PARSES; i++) fn();
  return Number(process.hrtime.bigint() - started) / 1e6 / PARSES;
}

const body = upstreamBodies().get(LARGE_ID);
const strip = (value) => JSON.stringify(value, (key, v) => (key === 'arguments' || key === 'metadata' ? undefined : v));
if (strip(JSON.parse(body)) !== JSON.stringify(JSON.parse(skim(body))))
  throw new Error('the skimmed parse differs from the full one');
console.log(
  `large body ${body.length} bytes, ${skim(body).length} after skimming; Node ${process.version}; ms per parse:`,
);
for (let round = 1; round <= ROUNDS; round++) {
  const full = msPer(() => JSON.parse(body));
  const skimmed = msPer(() => JSON.parse(skim(body)));
  const scanOnly = msPer(() => skim(body));
  console.log(
    `  round ${round}: JSON.parse ${full.toFixed(2)}, skim + JSON.parse ${skimmed.toFixed(2)} (the scan alone ${scanOnly.toFixed(2)})`,
  );
}
