#!/usr/bin/env bash
# A few seconds of everything the benchmark tooling does, so it cannot rot: `samad generate` into a
# temporary SQLite directory, `samad serve` on a loopback port, `samad-load` with tiny counts and
# both baselines. No thresholds: it fails only when a step fails or a request errors.
#   Benchmarks/smoke.sh            (CI runs it after the tests; debug build)
#   SMOKE_BUILD="-c release --scratch-path .build-release" Benchmarks/smoke.sh   (reuse a release build)
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a build <<< "${SMOKE_BUILD:-}"
swift build "${build[@]}" --product samad >/dev/null
swift build "${build[@]}" --product samad-load >/dev/null
bin=$(swift build "${build[@]}" --show-bin-path)

dir=$(mktemp -d /tmp/samad-smoke.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

# A free loopback port pair: the server's and, one above, the bare-route baseline's.
port=""
for candidate in 18091 18093 18095 18097 18099; do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$candidate) 2>/dev/null && ! (exec 3<>/dev/tcp/127.0.0.1/$((candidate + 1))) 2>/dev/null; then
    port=$candidate; break
  fi
done
[ -n "$port" ] || { echo "smoke: no free loopback port" >&2; exit 1; }

export SAMAD_DATA_DIR="$dir/data"
SAMAD_BCRYPT_COST=4 "$bin/samad" generate --cases 3000 --batch 500 > "$dir/generate.log"
grep -E "^Generated" "$dir/generate.log"
token() { awk -v u="$1" '$1 == u { print $3 }' "$dir/generate.log" | tail -n 1; }

SAMAD_SMS_GATEWAY=file SAMAD_TRUST_PROXY=on SAMAD_DISPATCHER=off "$bin/samad" serve --port "$port" > "$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/serve.log"; exit 1; }
  sleep 0.5
done

timeout 300 "$bin/samad-load" --url "http://127.0.0.1:$port" \
  --operator-token "$(token operator)" --staff-token "$(token inspector)" --liaison-token "$(token liaison)" \
  --concurrency 8 --seconds 3 --registrations 200 --lookups 300 --queries 100 --searches 60 --reports 20 \
  --baseline-requests 1000 --baseline-port $((port + 1)) --sqlite-rows 4000 --server-pid "$pid" --fail-on-errors
