# Shared setup of the loadgen benchmarks (sourced by compare.sh and capacity.sh): tool installs,
# the simulator, and one runner per tool that prints one line per level:
#   level req/s ttft_p50_ms ttft_p99_ms e2e_mean_seconds requests cpu_seconds
# (cpu_seconds: user + system of the tool's process, start-up included; e2e_mean_seconds: the mean
# request latency as the tool measured it, which with req/s gives the concurrency it held).
# Everything on 127.0.0.1.
bench_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_here/../.." && pwd)"
# shellcheck source=../../e2e/scripts/versions.sh
source "$root/e2e/scripts/versions.sh"

TTFT_MS="${TTFT_MS:-50}"
ITL_MS="${ITL_MS:-5}"
INPUT_TOKENS="${INPUT_TOKENS:-100}"
OUTPUT_TOKENS="${OUTPUT_TOKENS:-32}"
LOADGEN_WARMUP="${LOADGEN_WARMUP:-5s}"
# As the load Job's image runs it (e2e/scripts/build-images.sh): the serial collector's young
# pauses (~3 ms every ~4 s at 200 req/s here) beat G1's (10-15 ms) on two cores; ZGC measured the same.
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--XX:+UseSerialGC}"
INFERENCE_PERF_VERSION="${INFERENCE_PERF_VERSION:-0.7.0}"
GUIDELLM_VERSION="${GUIDELLM_VERSION:-0.8.1}"
bench_dir="$CROSSOVER_CACHE/tools/bench"
mkdir -p "$bench_dir"

bench_python() { # a Python >= 3.12 (inference-perf needs it)
  local c
  for c in python3.13 python3.12 "$(pyenv root 2>/dev/null)"/versions/3.1[23]*/bin/python3; do
    if [[ -x "$(command -v "$c" 2>/dev/null || echo "$c")" ]] && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  echo "bench: the peer tools need Python >= 3.12" >&2
  return 1
}

bench_venv() { # NAME PIP_SPEC EXECUTABLE: a venv of its own per tool and version, installed once
  local venv="$bench_dir/$1"
  if [[ ! -x "$venv/bin/$3" ]]; then
    echo "bench: installing $2 into $venv (once)" >&2
    "$(bench_python)" -m venv "$venv"
    "$venv/bin/pip" install -q "$2" >&2
  fi
  echo "$venv"
}

# TOOLS: which of loadgen, inference-perf, guidellm to run (default all three).
bench_setup_tools() {
  TOOLS="${TOOLS:-loadgen inference-perf guidellm}"
  local py=""
  if [[ " $TOOLS " == *" inference-perf "* ]]; then
    ip_venv="$(bench_venv "inference-perf-$INFERENCE_PERF_VERSION" "inference-perf==$INFERENCE_PERF_VERSION" inference-perf)"
    py="$ip_venv/bin/python"
  fi
  if [[ " $TOOLS " == *" guidellm "* ]]; then
    # GuideLLM requires torch (its data loader is PyTorch's): the venv is ~6 GB, installed once.
    gl_venv="$(bench_venv "guidellm-$GUIDELLM_VERSION" "guidellm==$GUIDELLM_VERSION" guidellm)"
    py="$gl_venv/bin/python" # has Faker: the tokenizer then covers GuideLLM's synthetic prompts
  fi
  tokenizer="$bench_dir/tiny-tokenizer-2"
  if [[ -n "$py" && ! -f "$tokenizer/tokenizer.json" ]]; then
    "$py" "$bench_here/make_tiny_tokenizer.py" "$tokenizer" >/dev/null 2>&1
  fi
  jar="$(ls "$root"/loadgen/target/crossover-loadgen-*-all.jar 2>/dev/null | head -1 || true)"
  if [[ -z "$jar" ]]; then
    (cd "$root" && ./mvnw -q -pl loadgen package -DskipTests)
    jar="$(ls "$root"/loadgen/target/crossover-loadgen-*-all.jar | head -1)"
  fi
  java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  if ! "$java_bin" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)"
  fi
}

# Starts llm-d-inference-sim (max-num-seqs far above any level here, so it never queues) and a
# work directory; both go away when the calling script exits.
bench_start_sim() {
  local sim_bin
  sim_bin="${CROSSOVER_SIM_BIN:-$("$root/e2e/scripts/build-sim.sh")}"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  work="$(mktemp -d)"
  "$sim_bin" --port "$port" --model bench-model --force-dummy-tokenizer --mode random \
    --time-to-first-token "${TTFT_MS}ms" --inter-token-latency "${ITL_MS}ms" --max-num-seqs 100000 \
    >"$work/sim.log" 2>&1 &
  sim_pid=$!
  trap 'kill "$sim_pid" 2>/dev/null; wait "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
}

bench_machine() {
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); simulator $SIM_VERSION TTFT ${TTFT_MS} ms," \
       "ITL ${ITL_MS} ms; ${INPUT_TOKENS} in / ${OUTPUT_TOKENS} out tokens"
}

# Time one request takes on the simulator, in seconds (closed-loop request counts derive from it).
bench_request_seconds() { awk -v t="$TTFT_MS" -v i="$ITL_MS" -v o="$OUTPUT_TOKENS" 'BEGIN{print (t + (o - 1) * i) / 1000}'; }

cpu_of() { awk '{print $1 + $2}' "$1"; }

# run_loadgen rate|streams LEVEL SECONDS
run_loadgen() {
  local load=(--load constant --rate "$2")
  [[ "$1" == streams ]] && load=(--load closed --concurrency "$2")
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$java_bin" $LOADGEN_JAVA_OPTS -jar "$jar" run --url "http://127.0.0.1:$port/v1" \
    --model bench-model --api completions "${load[@]}" --duration "${3}s" --warmup "$LOADGEN_WARMUP" \
    --input-tokens "$INPUT_TOKENS" --output-tokens "$OUTPUT_TOKENS" --no-summary --progress 0 -o "$work/lg.json" \
    >"$work/lg.log" 2>&1 || { echo "loadgen failed: $(tail -3 "$work/lg.log")" >&2; return 1; }
  python3 - "$work/lg.json" "$2" "$(cpu_of "$work/cpu")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s = r["summary"]; c = r["total"]["counters"]
print(sys.argv[2], s["requestsPerSecond"], s["ttftMs"]["p50"], s["ttftMs"]["p99"], s["e2eMs"]["mean"] / 1000,
      c["requestsSent"] + c["warmupRequests"], sys.argv[3])
PY
}

# run_inference_perf rate|streams LEVEL SECONDS
run_inference_perf() {
  local load
  if [[ "$1" == streams ]]; then
    local n; n="$(awk -v c="$2" -v d="$3" -v r="$(bench_request_seconds)" 'BEGIN{print int(c * d / r)}')"
    # Its workers hold at most worker_max_concurrency requests each (default 100): room for the level.
    load="{type: concurrent, worker_max_concurrency: $2, stages: [{num_requests: $n, concurrency_level: $2}]}"
  else
    load="{type: constant, stages: [{rate: $2, duration: $3}]}"
  fi
  cat >"$work/ip.yml" <<YML
api: {type: completion, streaming: true}
server: {type: vllm, model_name: bench-model, base_url: "http://127.0.0.1:$port", ignore_eos: true}
tokenizer: {pretrained_model_name_or_path: "$tokenizer"}
data:
  type: random
  input_distribution: {type: fixed, mean: $INPUT_TOKENS, min: $INPUT_TOKENS, max: $INPUT_TOKENS, std_dev: 0}
  output_distribution: {type: fixed, mean: $OUTPUT_TOKENS, min: $OUTPUT_TOKENS, max: $OUTPUT_TOKENS, std_dev: 0}
load: $load
report: {request_lifecycle: {summary: true}}
storage: {local_storage: {path: "$work/ip-out"}}
YML
  rm -rf "$work/ip-out"
  /usr/bin/time -f '%U %S' -o "$work/cpu" timeout $(($3 * 6 + 60)) "$ip_venv/bin/inference-perf" \
    --config_file "$work/ip.yml" >"$work/ip.log" 2>&1 || { echo "inference-perf failed: $(tail -3 "$work/ip.log")" >&2; return 1; }
  python3 - "$work/ip-out/summary_lifecycle_metrics.json" "$2" "$(cpu_of "$work/cpu")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d["successes"]; t = s["latency"]["time_to_first_token"]
print(sys.argv[2], s["throughput"].get("requests_per_sec", 0), t["median"] * 1000, t["p99"] * 1000,
      s["latency"]["request_latency"]["mean"], s["count"] + d["failures"]["count"], sys.argv[3])
PY
}

# run_guidellm rate|streams "LEVEL..." SECONDS: every level in one GuideLLM process (it runs a list
# of rates or stream counts as consecutive benchmarks), because its start (torch import, prompt
# synthesis ahead of each benchmark) takes a minute or more. Each line's cpu_seconds is the
# process's CPU shared out over the levels by request count.
run_guidellm() {
  local profile levels_json
  levels_json="[$(tr ' ' ',' <<<"$2")]"
  if [[ "$1" == streams ]]; then profile="{\"kind\": \"concurrent\", \"streams\": $levels_json}"
  else profile="{\"kind\": \"constant\", \"rate\": $levels_json}"; fi
  cat >"$work/gl.json" <<JSON
{"spec": {
  "backend": {"kind": "openai_http", "target": "http://127.0.0.1:$port", "model": "bench-model",
              "request_format": "/v1/completions", "stream": true, "http2": false,
              "extras": {"body": {"ignore_eos": true}}},
  "profile": $profile,
  "tokenizer": {"kind": "huggingface_auto", "model": "$tokenizer"},
  "data": [{"kind": "synthetic_text", "prompt_tokens": $INPUT_TOKENS, "output_tokens": $OUTPUT_TOKENS}],
  "constraints": [{"kind": "max_duration", "seconds": $3}],
  "outputs": [{"kind": "json", "path": "$work/gl-out.json"}]}}
JSON
  rm -f "$work/gl-out.json"
  /usr/bin/time -f '%U %S' -o "$work/cpu" timeout $(( ($3 + 120) * $(wc -w <<<"$2") + 300 )) \
    "$gl_venv/bin/guidellm" run --scenario "$work/gl.json" --disable-console-interactive >"$work/gl.log" 2>&1 \
    || { echo "guidellm failed: $(tail -3 "$work/gl.log")" >&2; return 1; }
  python3 - "$work/gl-out.json" "$2" "$(cpu_of "$work/cpu")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); levels = sys.argv[2].split(); cpu = float(sys.argv[3])
rows = []
for level, b in zip(levels, d["benchmarks"]):
    m = b["metrics"]; t = m["time_to_first_token_ms"]["successful"]
    made = b["scheduler_metrics"]["requests_made"]
    n = made["successful"] + made["errored"]
    rps = made["successful"] / b["duration"] if b["duration"] else 0
    rows.append([level, rps, t["median"], t["percentiles"]["p99"], m["request_latency"]["successful"]["mean"], n])
total = sum(r[5] for r in rows) or 1
for r in rows:
    print(*r, cpu * r[5] / total)
PY
}

# bench_row TOOL MODE "level req/s p50 p99 e2e_mean requests cpu": one formatted table row with
# the TTFT error (measured minus the simulator's configured TTFT: an upper bound on the tool's own
# error, since it includes the simulator's overhead, the same for every tool), and the concurrency
# the tool held (Little's law: req/s x mean request latency; a client that cannot keep N streams
# busy holds fewer than N, while its TTFT, measured from its own late sends, looks calm).
bench_row() {
  python3 - "$1" "$2" "$TTFT_MS" $3 <<'PY'
import sys
tool, mode, ttft, level, rps, p50, p99, e2e, n, cpu = sys.argv[1:11]
p50, p99, ttft = float(p50), float(p99), float(ttft)
print(f"{tool:<15} {mode:<8} {level:>6} {float(rps):8.1f} {p50:11.2f} {p99:11.2f} {p50 - ttft:9.2f} {p99 - ttft:9.2f} "
      f"{1000 * float(cpu) / max(int(float(n)), 1):12.2f} {float(rps) * float(e2e):7.1f}")
PY
}

bench_header() {
  printf '%-15s %-8s %6s %8s %11s %11s %9s %9s %12s %7s\n' tool load level "req/s" ttft_p50_ms ttft_p99_ms err_p50 err_p99 cpu_s/1k_req held
}
