#!/usr/bin/env bash
# Side by side, in one sitting, against the same llm-d-inference-sim on this machine: loadgen and
# inference-perf (PyPI) at the same open-loop rates, same prompt/output lengths, completions API,
# streaming. Prints per tool and rate: achieved req/s, TTFT p50/p99 and their error against the
# simulator's configured TTFT (an upper bound on each tool's own error: it includes the
# simulator's overhead, equal for both), and CPU seconds per 1,000 requests (process start
# included). Everything on 127.0.0.1; each run is bounded in time.
#
#   loadgen/bench/compare.sh
#   RATES="25 50 100 200" DURATION=20 loadgen/bench/compare.sh
#
# loadgen runs a warm-up first (LOADGEN_WARMUP, default 5s; excluded from its figures, counted in
# its CPU): the JVM compiles its hot paths on first use, and a cold run's p99 shows the compiler.
# inference-perf is installed into a venv under $CROSSOVER_CACHE/tools/bench (Python >= 3.12) and
# given a tiny local word-level tokenizer (its random prompts need one; the hub is unreachable).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../e2e/scripts/versions.sh
source "$root/e2e/scripts/versions.sh"

RATES="${RATES:-25 50 100}"
DURATION="${DURATION:-10}"          # seconds per rate
TTFT_MS="${TTFT_MS:-50}"
ITL_MS="${ITL_MS:-5}"
INPUT_TOKENS="${INPUT_TOKENS:-100}"
OUTPUT_TOKENS="${OUTPUT_TOKENS:-32}"
INFERENCE_PERF_VERSION="${INFERENCE_PERF_VERSION:-0.7.0}"

bench_dir="$CROSSOVER_CACHE/tools/bench"
mkdir -p "$bench_dir"
venv="$bench_dir/inference-perf-$INFERENCE_PERF_VERSION"
if [[ ! -x "$venv/bin/inference-perf" ]]; then
  py=""
  for c in python3.13 python3.12 "$(pyenv root 2>/dev/null)"/versions/3.1[23]*/bin/python3; do
    if [[ -x "$(command -v "$c" 2>/dev/null || echo "$c")" ]] && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      py="$c"; break
    fi
  done
  [[ -n "$py" ]] || { echo "compare.sh: inference-perf needs Python >= 3.12" >&2; exit 1; }
  "$py" -m venv "$venv"
  "$venv/bin/pip" install -q "inference-perf==$INFERENCE_PERF_VERSION"
fi
tokenizer="$bench_dir/tiny-tokenizer"
[[ -f "$tokenizer/tokenizer.json" ]] || "$venv/bin/python" "$here/make_tiny_tokenizer.py" "$tokenizer" >/dev/null 2>&1

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
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); simulator $SIM_VERSION TTFT ${TTFT_MS} ms, ITL ${ITL_MS} ms;" \
     "${INPUT_TOKENS} in / ${OUTPUT_TOKENS} out tokens, ${DURATION} s per rate"
printf '%-15s %6s %8s %11s %11s %10s %10s %12s\n' tool rate "req/s" ttft_p50_ms ttft_p99_ms err_p50 err_p99 cpu_s/1k_req

report() { # tool rate req/s p50_s p99_s cpu_seconds requests
  python3 - "$@" "$TTFT_MS" <<'PY'
import sys
tool, rate, rps, p50, p99, cpu, n, ttft = sys.argv[1:9]
p50, p99, ttft = float(p50) * 1000, float(p99) * 1000, float(ttft)
print(f"{tool:<15} {rate:>6} {float(rps):8.1f} {p50:11.3f} {p99:11.3f} {p50 - ttft:10.3f} {p99 - ttft:10.3f} "
      f"{1000 * float(cpu) / max(int(n), 1):12.2f}")
PY
}

for rate in $RATES; do
  # loadgen
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$java_bin" -jar "$jar" run --url "http://127.0.0.1:$port/v1" \
    --model bench-model --api completions --load constant --rate "$rate" --duration "${DURATION}s" \
    --warmup "${LOADGEN_WARMUP:-5s}" \
    --input-tokens "$INPUT_TOKENS" --output-tokens "$OUTPUT_TOKENS" --no-summary --progress 0 -o "$work/lg.json"
  read -r rps p50 p99 n < <(python3 -c '
import json, sys; r = json.load(open(sys.argv[1])); s = r["summary"]
c = r["total"]["counters"]
print(s["requestsPerSecond"], s["ttftMs"]["p50"] / 1000, s["ttftMs"]["p99"] / 1000, c["requestsSent"] + c["warmupRequests"])' "$work/lg.json")
  report loadgen "$rate" "$rps" "$p50" "$p99" "$(awk '{print $1 + $2}' "$work/cpu")" "$n"

  # inference-perf
  cat >"$work/ip.yml" <<YML
api: {type: completion, streaming: true}
server: {type: vllm, model_name: bench-model, base_url: "http://127.0.0.1:$port", ignore_eos: true}
tokenizer: {pretrained_model_name_or_path: "$tokenizer"}
data:
  type: random
  input_distribution: {type: fixed, mean: $INPUT_TOKENS, min: $INPUT_TOKENS, max: $INPUT_TOKENS, std_dev: 0}
  output_distribution: {type: fixed, mean: $OUTPUT_TOKENS, min: $OUTPUT_TOKENS, max: $OUTPUT_TOKENS, std_dev: 0}
load: {type: constant, stages: [{rate: $rate, duration: $DURATION}]}
report: {request_lifecycle: {summary: true}}
storage: {local_storage: {path: "$work/ip-out"}}
YML
  rm -rf "$work/ip-out"
  /usr/bin/time -f '%U %S' -o "$work/cpu" timeout $((DURATION * 6 + 60)) "$venv/bin/inference-perf" \
    --config_file "$work/ip.yml" >"$work/ip.log" 2>&1 || { echo "inference-perf failed: $(tail -3 "$work/ip.log")"; continue; }
  read -r rps p50 p99 n < <(python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); s = d["successes"]; t = s["latency"]["time_to_first_token"]
print(s["throughput"].get("requests_per_sec", 0), t["median"], t["p99"], s["count"] + d["failures"]["count"])' \
    "$work/ip-out/summary_lifecycle_metrics.json")
  report inference-perf "$rate" "$rps" "$p50" "$p99" "$(awk '{print $1 + $2}' "$work/cpu")" "$n"
done
