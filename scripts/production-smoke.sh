#!/usr/bin/env bash
# What the Docker runtime stage does, without Docker (no engine on these machines): production dependencies only,
# dist/ and schema/, NODE_ENV=production, on the Node the image ships (24). Serves the demo run (asked for by name:
# production refuses the demo without DEMO_UPSTREAM=true), then SIGTERM → exit 0.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The binary itself, not npx: SIGTERM must reach the gateway as it does in the container.
node24="$(npx -y -p node@24 node -p process.execPath)"
port="${SMOKE_PORT:-4599}"
# The image's heap flags (ENV NODE_OPTIONS in the Dockerfile), so the smoke runs under the bound the image ships.
node_options="$(sed -n 's/^ENV NODE_OPTIONS="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$root/Dockerfile")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$root/package.json" "$root/package-lock.json" "$work/"
cp -r "$root/dist" "$root/schema" "$work/"
(cd "$work" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)

cd "$work"
NODE_OPTIONS="$node_options" NODE_ENV=production DEMO_UPSTREAM=true CURSOR_SECRET_EPHEMERAL=true PORT="$port" HOST=127.0.0.1 LOG_LEVEL=info "$node24" dist/index.js > "$work/gateway.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/ready" > /dev/null 2>&1 && break
  sleep 0.2
done
answer="$(curl -fs "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ processRun(id: \"processrun-xyz789\") { name jobs { id } } }"}')"
expected='{"data":{"processRun":{"name":"Q4 2024 Financial Close","jobs":[{"id":"jobrun-001"},{"id":"jobrun-002"},{"id":"jobrun-003"}]}}}'
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
if [ "$answer" != "$expected" ] || [ "$status" -ne 0 ]; then
  echo "production smoke FAILED: exit $status, answer: $answer"
  cat "$work/gateway.log"
  exit 1
fi
echo "production smoke passed: prod-only install on $("$node24" --version) (NODE_OPTIONS=$node_options) served the seed run and exited 0 on SIGTERM"
