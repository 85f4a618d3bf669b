#!/usr/bin/env bash
# How far each tool goes on this machine before its own error shows: against the real
# llm-d-inference-sim (max-num-seqs far above every level), rising open-loop rates and rising
# closed-loop stream counts, per tool (loadgen, inference-perf, GuideLLM). For each: TTFT p50/p99
# error (measured minus the simulator's configured TTFT; includes the simulator's own overhead,
# the same for every tool) and CPU seconds per 1,000 requests. A tool's sweep stops at the first
# level whose TTFT p99 error passes MAX_ERROR_MS (or, for rates, that delivers less than 95% of
# the rate). Then a table: the highest sustained rate and the most concurrent streams each tool
# reached within MAX_ERROR_MS, with its CPU per 1,000 requests there. Everything on 127.0.0.1,
# bounded in time.
#
#   loadgen/bench/capacity.sh
#   RATES="50 100 200 400 800" STREAMS="25 50 100 200 400" DURATION=15 TOOLS=loadgen loadgen/bench/capacity.sh
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bench-common.sh"

RATES="${RATES:-50 100 200 400 800}"
STREAMS="${STREAMS:-10 25 50 100 200}"
DURATION="${DURATION:-10}"          # seconds per level
MAX_ERROR_MS="${MAX_ERROR_MS:-5}"

bench_setup_tools
bench_start_sim
echo "$(bench_machine), ${DURATION} s per level, limit: TTFT p99 error ${MAX_ERROR_MS} ms"
bench_header
results="$work/capacity"
: >"$results"

# within ROW MODE: the row (from bench_row) is within the limit
within() {
  awk -v m="$MAX_ERROR_MS" -v mode="$2" '{ ok = $8 <= m; if (mode == "rate") ok = ok && $4 >= 0.95 * $3; exit !ok }' <<<"$1"
}

for tool in $TOOLS; do
  for mode in rate streams; do
    levels="$RATES"; [[ "$mode" == streams ]] && levels="$STREAMS"
    if [[ "$tool" == guidellm ]]; then # one process for all levels
      lines="$(run_guidellm "$mode" "$levels" "$DURATION" || true)"
      while read -r line; do # all its levels ran: show them all; best() stops at the first miss
        [[ -n "$line" ]] || continue
        row="$(bench_row "$tool" "$mode" "$line")"; echo "$row"; echo "$row" >>"$results"
      done <<<"$lines"
      continue
    fi
    for level in $levels; do
      line="$(run_"${tool//-/_}" "$mode" "$level" "$DURATION")" || break
      row="$(bench_row "$tool" "$mode" "$line")"; echo "$row"; echo "$row" >>"$results"
      within "$row" "$mode" || break
    done
  done
done

echo
echo "Within ${MAX_ERROR_MS} ms TTFT p99 error (load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '%-15s %22s %16s %24s %16s\n' tool "highest rate (req/s)" "cpu_s/1k_req" "most concurrent streams" "cpu_s/1k_req"
for tool in $TOOLS; do
  best() { # MODE -> "level cpu" of the last level within the limit before the first miss,
           # "<lowest -" when the lowest level tried missed already, "- -" when nothing ran
    local b="- -" row
    while read -r row; do
      [[ -n "$row" ]] || continue
      set -- $row
      [[ "$1" == "$tool" && "$2" == "$MODE" ]] || continue
      if within "$row" "$MODE"; then b="$3 ${9}"; else [[ "$b" == "- -" ]] && b="<$3 -"; break; fi
    done <"$results"
    echo "$b"
  }
  MODE=rate; read -r r rc <<<"$(best)"
  MODE=streams; read -r s sc <<<"$(best)"
  printf '%-15s %22s %16s %24s %16s\n' "$tool" "$r" "$rc" "$s" "$sc"
done
echo "(<N: already the lowest level tried, N, was over the limit)"
