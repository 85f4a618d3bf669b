#!/usr/bin/env bash
# Builds llm-d-inference-sim at the pinned SIM_VERSION (versions.sh) with `go install` into a
# cache directory keyed by version, so a fresh clone or CI reuses it:
#   $CROSSOVER_CACHE/tools/llm-d-inference-sim/<version>/llm-d-inference-sim
# Prints the binary's path on stdout. Idempotent: does nothing when the binary is already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"

dest_dir="$CROSSOVER_CACHE/tools/llm-d-inference-sim/$SIM_VERSION"
bin="$dest_dir/llm-d-inference-sim"
if [[ -x "$bin" ]]; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "build-sim.sh: go is not on PATH" >&2; exit 1; }

mkdir -p "$dest_dir"
tmp_bin="$(mktemp -d "$dest_dir/.build.XXXXXX")"
trap 'rm -rf "$tmp_bin"' EXIT
echo "build-sim.sh: building llm-d-inference-sim $SIM_VERSION (pure Go since v0.8; CGO off)" >&2
# GOBIN into a temp dir then a rename: an interrupted build never leaves a half-written binary
# at the cached path.
if ! CGO_ENABLED=0 GOBIN="$tmp_bin" GOFLAGS="${GOFLAGS:--buildvcs=false}" \
    go install "github.com/llm-d/llm-d-inference-sim/cmd/llm-d-inference-sim@$SIM_VERSION" >&2; then
  # `go install pkg@version` also reads the module's version list (to report deprecation); a
  # proxy that serves the pinned version but refuses that list makes it fail. Build the same
  # pinned version through a throwaway module that requires it instead (same dependency set:
  # the simulator's go.mod has no replace directives).
  echo "build-sim.sh: go install failed; building $SIM_VERSION through a wrapper module" >&2
  wrap="$tmp_bin/wrap"
  mkdir -p "$wrap"
  cat >"$wrap/go.mod" <<MOD
module crossover.local/simwrap

go 1.24

require github.com/llm-d/llm-d-inference-sim $SIM_VERSION
MOD
  printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/llm-d/llm-d-inference-sim/cmd/llm-d-inference-sim"\n' >"$wrap/tools.go"
  (cd "$wrap" && go mod tidy >&2 && \
    CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--buildvcs=false}" \
      go build -o "$tmp_bin/llm-d-inference-sim" github.com/llm-d/llm-d-inference-sim/cmd/llm-d-inference-sim >&2)
fi
mv "$tmp_bin/llm-d-inference-sim" "$bin"
echo "$bin"
