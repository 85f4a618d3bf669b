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
  [ -z "${IMAGE_BUILD_LOGS:-}" ] || rm -rf "$IMAGE_BUILD_LOGS"
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A cluster left by an earlier, killed run would otherwise be reused half-stale.
bash "$here/cluster-down.sh" >/dev/null 2>&1 || true
# The e2e module depends on the loadgen jar and its test-jar, and the images are packed from
# loadgen's and the operator's build output: build and install all three from this work tree, so
# nothing resolves from what an earlier run left in the local Maven repository or in target/.
(cd "$repo" && ./mvnw -B -q -pl loadgen,operator,e2e -am install -DskipTests) \
  || { echo "run-e2e: building the loadgen and operator modules failed" >&2; exit 1; }
# Images the suite needs beyond the cluster's own. A build that fails is not fatal here, so the
# rest of the suite still runs, but it is never silent: its output is kept in $IMAGE_BUILD_LOGS,
# the image's link from an earlier run is removed (no stale image stands in for it), and under
# CROSSOVER_E2E_REQUIRED=true (make test) every test that needs the image fails with that output.
IMAGE_BUILD_LOGS="$(mktemp -d "${TMPDIR:-/tmp}/crossover-image-builds.XXXXXX")"
export CROSSOVER_IMAGE_BUILD_LOGS="$IMAGE_BUILD_LOGS"
build_image() { # name
  if bash "$here/build-images.sh" "$1" >"$IMAGE_BUILD_LOGS/$1.log" 2>&1; then
    rm -f "$IMAGE_BUILD_LOGS/$1.log"
  else
    rm -f "$IMAGE_CACHE/$1.tar"
    mv "$IMAGE_BUILD_LOGS/$1.log" "$IMAGE_BUILD_LOGS/$1.failed"
    echo "run-e2e: WARNING: building the $1 image failed; the tests that need it will fail (or skip outside make test):" >&2
    tail -n 20 "$IMAGE_BUILD_LOGS/$1.failed" >&2
  fi
}
[ "${CROSSOVER_E2E_LITELLM:-true}" = true ] && build_image litellm
for image in bifrost epp loadgen operator; do build_image "$image"; done
bash "$here/cluster-up.sh" || { echo "run-e2e: cluster-up failed; logs in $CLUSTER_DIR/logs" >&2; exit 1; }
# Karpenter's KWOK provider + KWOK (CROSSOVER_E2E_KARPENTER=false to leave them out).
if [ "${CROSSOVER_E2E_KARPENTER:-true}" = true ]; then
  bash "$here/karpenter-kwok-up.sh" || { echo "run-e2e: karpenter-kwok-up failed; logs in $CLUSTER_DIR/logs" >&2; exit 1; }
fi
export CROSSOVER_E2E_KARPENTER="${CROSSOVER_E2E_KARPENTER:-true}"

export CROSSOVER_KUBECONFIG="$CLUSTER_DIR/admin.kubeconfig" CROSSOVER_CLUSTER_DIR="$CLUSTER_DIR"
export CROSSOVER_TEST_CLUSTER=local CROSSOVER_E2E_REQUIRED=true
cd "$repo" && ./mvnw -B -pl e2e verify "$@"
