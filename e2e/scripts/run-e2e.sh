#!/usr/bin/env bash
# Runs the e2e suite on a fresh local cluster and ALWAYS tears the cluster down afterwards
# (also when cluster-up or the tests fail, or the run is interrupted).
#
#   e2e/scripts/run-e2e.sh [extra Maven args]     (as root, from anywhere)
#
# Brings up: cluster-up.sh, then karpenter-kwok-up.sh (skip with CROSSOVER_E2E_KARPENTER=false).
#
# Exit code: that of cluster-up when it fails, else that of Maven.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$here/versions.sh"
CLUSTER_DIR="${CROSSOVER_CLUSTER_DIR:-/var/lib/crossover-cluster}"

teardown() {
  local rc=$?
  trap - EXIT INT TERM
  echo "run-e2e: tearing the cluster down"
  bash "$here/cluster-down.sh" || echo "run-e2e: cluster-down reported a problem" >&2
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A cluster left by an earlier, killed run would otherwise be reused half-stale.
bash "$here/cluster-down.sh" >/dev/null 2>&1 || true
# Opt-in images the suite uses when present (a failure here only skips their tests).
if [ "${CROSSOVER_E2E_LITELLM:-true}" = true ]; then
  bash "$here/build-images.sh" litellm || echo "run-e2e: WARNING: no LiteLLM image; its test will be skipped" >&2
fi
bash "$here/build-images.sh" bifrost epp || echo "run-e2e: WARNING: no Bifrost or endpoint-picker image; their tests will be skipped" >&2
bash "$here/build-images.sh" loadgen operator || echo "run-e2e: WARNING: no loadgen/operator image; their tests will be skipped" >&2
bash "$here/cluster-up.sh" || { echo "run-e2e: cluster-up failed; logs in $CLUSTER_DIR/logs" >&2; exit 1; }
# Karpenter's KWOK provider + KWOK (CROSSOVER_E2E_KARPENTER=false to leave them out).
if [ "${CROSSOVER_E2E_KARPENTER:-true}" = true ]; then
  bash "$here/karpenter-kwok-up.sh" || { echo "run-e2e: karpenter-kwok-up failed; logs in $CLUSTER_DIR/logs" >&2; exit 1; }
fi
export CROSSOVER_E2E_KARPENTER="${CROSSOVER_E2E_KARPENTER:-true}"

export CROSSOVER_KUBECONFIG="$CLUSTER_DIR/admin.kubeconfig" CROSSOVER_CLUSTER_DIR="$CLUSTER_DIR"
export CROSSOVER_TEST_CLUSTER=local CROSSOVER_E2E_REQUIRED=true
cd "$repo" && ./mvnw -B -pl e2e verify "$@"
