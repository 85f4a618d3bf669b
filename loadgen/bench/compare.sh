#!/usr/bin/env bash
# Side by side, in one sitting, against the same llm-d-inference-sim on this machine: loadgen,
# inference-perf and GuideLLM (both PyPI, pinned) at the same open-loop (constant) rates, same
# prompt/output lengths, completions API, streaming. Prints per tool and rate: achieved req/s,
# TTFT p50/p99 and their error against the simulator's configured TTFT (an upper bound on each
# tool's own error: it includes the simulator's overhead, equal for all), and CPU seconds per
# 1,000 requests (process start included). Everything on 127.0.0.1; each run is bounded in time.
#
#   loadgen/bench/compare.sh
#   RATES="25 50 100 200" DURATION=20 TOOLS="loadgen guidellm" loadgen/bench/compare.sh
#
# loadgen runs a warm-up first (LOADGEN_WARMUP, default 5s; excluded from its figures, counted in
# its CPU): the JVM compiles its hot paths on first use, and a cold run's p99 shows the compiler.
# The peers are installed into venvs of their own under $CROSSOVER_CACHE/tools/bench (Python >=
# 3.12) and given a tiny local word-level tokenizer (their synthetic prompts need one; the hub is
# unreachable). GuideLLM runs all rates in one process (see bench-common.sh).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bench-common.sh"

RATES="${RATES:-25 50 100}"
DURATION="${DURATION:-10}"          # seconds per rate

bench_setup_tools
bench_start_sim
echo "$(bench_machine), ${DURATION} s per rate"
bench_header
gl_rows=""
if [[ " $TOOLS " == *" guidellm "* ]]; then gl_rows="$(run_guidellm rate "$RATES" "$DURATION" || true)"; fi
for rate in $RATES; do
  if [[ " $TOOLS " == *" loadgen "* ]]; then
    line="$(run_loadgen rate "$rate" "$DURATION")" && bench_row loadgen rate "$line"
  fi
  if [[ " $TOOLS " == *" inference-perf "* ]]; then
    line="$(run_inference_perf rate "$rate" "$DURATION")" && bench_row inference-perf rate "$line"
  fi
  if [[ -n "$gl_rows" ]]; then
    line="$(awk -v r="$rate" '$1 == r' <<<"$gl_rows")" && [[ -n "$line" ]] && bench_row guidellm rate "$line"
  fi
done
