#!/usr/bin/env bash
# The main job on an embedded default: bring up the local single-node cluster, install the
# CRDs, run the operator against it, apply the local samples and show what the operator says.
#
#   make demo            (as root: the local cluster runs containerd, kubelet and iptables)
#
# The cluster stays up afterwards so you can look around (`kubectl --kubeconfig ...`);
# `make cluster-down` removes it. The operator process is stopped when this script ends.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$here/versions.sh"
CLUSTER_DIR="${CROSSOVER_CLUSTER_DIR:-/var/lib/crossover-cluster}"
NS="${CROSSOVER_DEMO_NAMESPACE:-crossover-demo}"
step() { printf '\n==> %s\n' "$*"; }

step "Kubernetes ${KUBE_VERSION} binaries (built once from the Go modules, then cached)"
bash "$here/build-kube.sh" kube-apiserver kubectl etcd

step "Building the operator and the load generator"
(cd "$repo" && ./mvnw -B -q -pl operator -am package -DskipTests)
bash "$here/build-sim.sh" >/dev/null
bash "$here/build-images.sh" loadgen >/dev/null

step "Local cluster"
bash "$here/cluster-up.sh"
export KUBECONFIG="$CLUSTER_DIR/admin.kubeconfig"
kubectl() { "$KUBE_BIN_DIR/kubectl" "$@"; }

step "Installing the Crossover CRDs"
kubectl apply --server-side -f "$repo/crds/"
kubectl wait --for=condition=Established --timeout=60s crd --all >/dev/null

step "Starting the operator (log: $CLUSTER_DIR/logs/operator.log)"
mkdir -p "$CLUSTER_DIR/logs"
jdk="$(bash "$here/jdk.sh")"
# The cluster runs locally built images, not the published ones.
CROSSOVER_IMAGES_SIMULATOR="$SIM_IMAGE" CROSSOVER_IMAGES_LOADGEN="$LOADGEN_IMAGE" \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="${CROSSOVER_OPERATOR_PORT:-8089}" \
  "$jdk/bin/java" -jar "$repo/operator/target/quarkus-app/quarkus-run.jar" >"$CLUSTER_DIR/logs/operator.log" 2>&1 &
operator_pid=$!
# The operator can hang in shutdown (JOSDK's exit-on-lost-lease runs inside a shutdown hook):
# give it 10 s after SIGTERM, then SIGKILL, so the demo always ends and leaves nothing behind.
stop_operator() {
  kill "$operator_pid" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$operator_pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$operator_pid" 2>/dev/null || true
}
trap stop_operator EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:${CROSSOVER_OPERATOR_PORT:-8089}/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$operator_pid" 2>/dev/null || { echo "operator exited; see $CLUSTER_DIR/logs/operator.log" >&2; tail -20 "$CLUSTER_DIR/logs/operator.log" >&2; exit 1; }
  sleep 1
done

step "Applying samples/local/simulator-platform.yaml to namespace $NS"
kubectl create namespace "$NS" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
kubectl apply -n "$NS" -f "$repo/samples/local/simulator-platform.yaml"

step "Waiting for the platform to become Ready"
kubectl wait -n "$NS" --for=condition=Ready --timeout=180s infp/sim
kubectl get infp -n "$NS"

step "Running BenchmarkRun sim-direct (progress every 10 s)"
for _ in $(seq 1 60); do
  phase="$(kubectl get br sim-direct -n "$NS" -o jsonpath='{.status.phase} {.status.progress}')"
  echo "  $phase"
  case "$phase" in Succeeded*|Failed*) break ;; esac
  sleep 10
done

step "Results"
kubectl get br -n "$NS"
echo
printf 'TARGET\tLEVEL\tREQUESTS\tTTFT p50 ms\tTTFT p95 ms\tE2E p95 ms\treq/s\tMEETS SLO\n'
kubectl get br sim-direct -n "$NS" -o jsonpath='{range .status.results[*]}{.target}{"\t"}{.level}{"\t"}{.requests}{"\t"}{.ttftMs.p50}{"\t"}{.ttftMs.p95}{"\t"}{.e2eMs.p95}{"\t"}{.requestsPerSecond}{"\t"}{.meetsSlo}{"\n"}{end}'
echo
kubectl get br sim-direct -n "$NS" -o jsonpath='{range .status.targets[*]}{.name}: capacity {.maxLoadMeetingSlo}, USD {.costPerMillionTokensUSD} per 1M tokens ({.costNote}){"\n"}{end}'
echo "Full status: kubectl get br sim-direct -n $NS -o yaml"
cat <<MSG

The cluster is still running: KUBECONFIG=$KUBECONFIG
Remove it with: make cluster-down
MSG
