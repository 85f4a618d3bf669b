#!/usr/bin/env bash
# Measures loadgen's own capacity against the real llm-d-inference-sim on this machine: for rising
# open-loop rates, the TTFT error (measured TTFT - the simulator's configured TTFT) at p50/p99,
# the scheduling lag p99, and CPU seconds per 1,000 requests. Stops at the first rate whose TTFT
# p99 error passes MAX_ERROR_MS. Everything runs on 127.0.0.1 and stops by itself.
#
#   loadgen/bench/capacity.sh                 # defaults below
#   RATES="50 100 200 400" DURATION=20s loadgen/bench/capacity.sh
#
# The peers (GuideLLM, inference-perf) are not driven from here yet: see README.md in this folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

RATES="${RATES:-25 50 100 200 400 800}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
TTFT_MS="${TTFT_MS:-50}"
ITL_MS="${ITL_MS:-5}"
OUTPUT_TOKENS="${OUTPUT_TOKENS:-32}"
MAX_ERROR_MS="${MAX_ERROR_MS:-5}"

sim_bin="${CROSSOVER_SIM_BIN:-$("$root/e2e/scripts/build-sim.sh")}"
jar="$(ls "$root"/loadgen/target/crossover-loadgen-*-all.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  (cd "$root" && ./mvnw -q -pl loadgen package -DskipTests)
  jar="$(ls "$root"/loadgen/target/crossover-loadgen-*-all.jar | head -1)"
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! "$java_bin" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)"
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
work="$(mktemp -d)"
"$sim_bin" --port "$port" --model bench-model --force-dummy-tokenizer --mode random \
  --time-to-first-token "${TTFT_MS}ms" --inter-token-latency "${ITL_MS}ms" --max-num-seqs 100000 \
  >"$work/sim.log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null; wait "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); simulator TTFT ${TTFT_MS} ms, ITL ${ITL_MS} ms"
printf '%8s %10s %12s %12s %12s %12s %14s\n' rate "req/s" "ttft_p50_ms" "ttft_p99_ms" "err_p99_ms" "lag_p99_ms" "cpu_s/1k_req"
for rate in $RATES; do
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$java_bin" -jar "$jar" run \
    --url "http://127.0.0.1:$port/v1" --model bench-model --load constant --rate "$rate" \
    --duration "$DURATION" --warmup "$WARMUP" --input-tokens 100 --output-tokens "$OUTPUT_TOKENS" \
    --no-summary -o "$work/r.json"
  line="$(python3 - "$work/r.json" "$work/cpu" "$rate" "$TTFT_MS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s = r["summary"]; c = r["total"]["counters"]
user, sys_ = map(float, open(sys.argv[2]).read().split()[-2:])
total = c["requestsSent"] + c["warmupRequests"]
ttft = s["ttftMs"]; lag = s["schedulingLagMs"]; err = ttft.get("p99", 0) - float(sys.argv[4])
print(f'{sys.argv[3]:>8} {s["requestsPerSecond"]:10.1f} {ttft.get("p50",0):12.3f} {ttft.get("p99",0):12.3f} '
      f'{err:12.3f} {lag.get("p99",0):12.3f} {1000*(user+sys_)/max(total,1):14.3f}')
PY
)"
  echo "$line"
  err="$(awk '{print $5}' <<<"$line")"
  if awk -v e="$err" -v m="$MAX_ERROR_MS" 'BEGIN{exit !(e > m)}'; then
    echo "TTFT p99 error passed ${MAX_ERROR_MS} ms at $rate req/s: stopping"
    break
  fi
done
