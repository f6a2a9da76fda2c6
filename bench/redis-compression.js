'use strict';
// `node bench/redis-compression.js` (after `npm run build`): does compressing the Redis tier's values pay (issue 22)?
// For the seed run (~2 KB) and the 2,000-job run (~1 MB): bytes stored, CPU to compress on store and decompress on
// read, and a SET+GET round trip on a loopback redis-server, raw vs each codec. No verdicts: figures to decide from.
const zlib = require('node:zlib');
const Redis = require('ioredis');
const { startRedis } = require('./local-servers');
const { upstreamBodies, seedId, LARGE_ID } = require('./workloads');

const ROUNDS = Number(process.env.COMPRESSION_ROUNDS || 200);

const CODECS = {
  raw: { compress: (buffer) => buffer, decompress: (buffer) => buffer },
  'gzip 1': {
    compress: (buffer) => zlib.gzipSync(buffer, { level: 1 }),
    decompress: (buffer) => zlib.gunzipSync(buffer),
  },
  'brotli 1': {
    compress: (buffer) =>
      zlib.brotliCompressSync(buffer, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
      }),
    decompress: (buffer) => zlib.brotliDecompressSync(buffer),
  },
  ...(typeof zlib.zstdCompressSync === 'function'
    ? {
        'zstd 1': {
          compress: (buffer) =>
            zlib.zstdCompressSync(buffer, { params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 } }),
          decompress: (buffer) => zlib.zstdDecompressSync(buffer),
        },
      }
    : {}),
};

/** CPU milliseconds (user+system of this process) per call of fn, over ROUNDS calls. */
function cpuPerCall(fn) {
  const before = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i += 1) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / ROUNDS;
}

async function roundTripMs(client, key, value) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i += 1) {
    await client.set(key, value, 'PX', 60_000);
    await client.getBuffer(key);
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
}

async function main() {
  const redis = await startRedis();
  if (!redis) throw new Error('redis-server could not be started (apt-get install -y redis-server)');
  const client = new Redis({ port: redis.port, host: '127.0.0.1' });
  const bodies = upstreamBodies();
  const rows = [];
  try {
    for (const [name, id] of [
      ['seed run', seedId],
      ['2,000-job run', LARGE_ID],
    ]) {
      const raw = Buffer.from(bodies.get(id));
      for (const [codec, { compress, decompress }] of Object.entries(CODECS)) {
        const stored = compress(raw);
        if (!decompress(stored).equals(raw)) throw new Error(`${codec} did not round-trip`);
        rows.push({
          body: name,
          codec,
          bytes: stored.length,
          ratio: raw.length / stored.length,
          compressMs: cpuPerCall(() => compress(raw)),
          decompressMs: cpuPerCall(() => decompress(stored)),
          roundTripMs: await roundTripMs(client, `bench:${codec}`, stored),
        });
      }
    }
  } finally {
    client.disconnect();
    await redis.stop();
  }
  console.log(`Node ${process.version}, ${ROUNDS} rounds each, loopback redis-server`);
  console.log('| body | codec | bytes stored | ratio | compress CPU ms | decompress CPU ms | SET+GET ms (loopback) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| ${row.body} | ${row.codec} | ${row.bytes} | ${row.ratio.toFixed(1)}× | ${row.compressMs.toFixed(3)} | ${row.decompressMs.toFixed(3)} | ${row.roundTripMs.toFixed(3)} |`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
