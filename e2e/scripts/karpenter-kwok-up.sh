#!/usr/bin/env bash
# Adds Karpenter's KWOK cloud provider and KWOK to the running local cluster (after cluster-up.sh):
# a pending pod that no existing node fits makes Karpenter create a NodeClaim from a NodePool, the
# KWOK provider creates a fake Node of the chosen instance type (g5.2xlarge and friends, with
# nvidia.com/gpu), and KWOK makes that Node Ready and the pods bound to it Running. No cloud
# account, no real machine. cluster-down.sh stops both.
#
#   e2e/scripts/karpenter-kwok-up.sh
#
# CRDs come from the Karpenter Go module at run time (never copied into this repository).
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cluster-lib.sh"
t0=$(date +%s)
fail() { echo "karpenter-kwok-up: FAILED: $1: $2" >&2; [ -f "$LOGS/$1.log" ] && { echo "log: $LOGS/$1.log" >&2; tail -n 20 "$LOGS/$1.log" | sed 's/^/    /' >&2; }; exit 1; }
[ -s "$ADMIN_KUBECONFIG" ] && component_pid kube-apiserver >/dev/null || fail cluster "the local cluster is not up (run cluster-up.sh first)"

bash "$here/build-kube.sh" kwok karpenter-kwok >"$LOGS/build-karpenter-kwok.log" 2>&1 || fail build-karpenter-kwok "building kwok / karpenter-kwok"
moddir="$(cd "$(mktemp -d)" && go mod download -json "sigs.k8s.io/karpenter@v$KARPENTER_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[ -d "$moddir/pkg/apis/crds" ] || fail crds "Karpenter module source not found"
kubectl_ apply --server-side -f "$moddir/pkg/apis/crds/" -f "$moddir/kwok/apis/crds/" >"$LOGS/karpenter-crds.log" 2>&1 || fail karpenter-crds "applying CRDs"
# (kubectl wait errors out instead of waiting while a new CRD has no status yet: poll.)
for i in $(seq 1 120); do
  kubectl_ wait --for=condition=Established --timeout=30s crd/nodepools.karpenter.sh crd/nodeclaims.karpenter.sh \
    crd/kwoknodeclasses.karpenter.kwok.sh >/dev/null 2>&1 && break
  [ "$i" -lt 120 ] || fail karpenter-crds "CRDs not Established"
  sleep 0.5
done

# GPU instance types the fake nodes can be: prices per hour, us-east-1 on-demand (see
# shared/FACTS.md; spot roughly 40% below). Offerings: zone x capacity type.
offer() { # price capacity-type
  printf '{"Price": %s, "Available": true, "Requirements": [{"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["%s"]}, {"key": "topology.kubernetes.io/zone", "operator": "In", "values": ["us-east-1a"]}]}' "$1" "$2"
}
itype() { # name cpu memory gpus on-demand-price spot-price
  printf '{"name": "%s", "architecture": "amd64", "operatingSystems": ["linux"], "resources": {"cpu": "%s", "memory": "%s", "pods": "58", "ephemeral-storage": "200Gi", "nvidia.com/gpu": "%s"}, "offerings": [%s, %s]}' \
    "$1" "$2" "$3" "$4" "$(offer "$5" on-demand)" "$(offer "$6" spot)"
}
{
  echo "["
  itype g5.2xlarge 8 32Gi 1 1.212 0.727; echo ","
  itype g5.12xlarge 48 192Gi 4 5.672 3.403; echo ","
  itype g6.2xlarge 8 32Gi 1 0.9776 0.587
  echo "]"
} >"$CLUSTER_DIR/karpenter-instance-types.json"

start() { # name binary args... (env already exported by the caller)
  local name="$1"; shift
  if component_pid "$name" >/dev/null; then log "$name already running"; return 0; fi
  echo "$1" >"$PIDS/$name.cmd"
  echo "=== $(date -Is) $*" >>"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
  log "started $name (pid $!, log $LOGS/$name.log)"
}

# KWOK manages only the nodes Karpenter's KWOK provider creates (annotation kwok.x-k8s.io/node=fake);
# pods on them get addresses from a range nothing routes to.
start kwok "$KWOK_BIN_DIR/kwok" --kubeconfig="$ADMIN_KUBECONFIG" \
  --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
  --cidr=10.246.0.0/16 --node-ip="$NODE_IP" --node-lease-duration-seconds=40

(
  export KUBECONFIG="$ADMIN_KUBECONFIG" SYSTEM_NAMESPACE=kube-system DISABLE_LEADER_ELECTION=true \
    INSTANCE_TYPES_FILE_PATH="$CLUSTER_DIR/karpenter-instance-types.json" \
    METRICS_PORT="${CROSSOVER_KARPENTER_METRICS_PORT:-18080}" HEALTH_PROBE_PORT="${CROSSOVER_KARPENTER_HEALTH_PORT:-18081}" \
    LOG_LEVEL=info DISABLE_WEBHOOK=true
  start karpenter "$KARPENTER_BIN_DIR/karpenter-kwok"
)
deadline=$(( $(date +%s) + 60 ))
until curl -sf "http://127.0.0.1:${CROSSOVER_KARPENTER_HEALTH_PORT:-18081}/readyz" >/dev/null 2>&1; do
  component_alive karpenter || fail karpenter "process exited"
  [ "$(date +%s)" -lt "$deadline" ] || fail karpenter "not ready after 60s"
  sleep 0.5
done
component_alive kwok || fail kwok "process exited"
log "karpenter (KWOK provider) and kwok up in $(( $(date +%s) - t0 ))s; instance types: $CLUSTER_DIR/karpenter-instance-types.json"
