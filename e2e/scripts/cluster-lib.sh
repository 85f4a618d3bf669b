# Shared settings and helpers of cluster-up.sh / cluster-down.sh (sourced, not run).
# shellcheck shell=bash
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

# Everything the cluster writes lives under one state dir; the kubeconfig for users is
# $CLUSTER_DIR/admin.kubeconfig.
CLUSTER_DIR="${CROSSOVER_CLUSTER_DIR:-/var/lib/crossover-cluster}"
PKI="$CLUSTER_DIR/pki"
LOGS="$CLUSTER_DIR/logs"
PIDS="$CLUSTER_DIR/pids"
ADMIN_KUBECONFIG="$CLUSTER_DIR/admin.kubeconfig"

NODE_NAME="${CROSSOVER_NODE_NAME:-crossover-node}"
# The node's address: on an interface of our own (dummy, or an empty bridge where the kernel
# has no dummy driver), so neither the API server nor the
# kubelet listens on the host's real interfaces, and pods reach the API server at a local address.
NODE_IFACE=crossover0
NODE_IP="${CROSSOVER_NODE_IP:-10.201.0.1}"
POD_CIDR="${CROSSOVER_POD_CIDR:-10.244.0.0/16}"
NODE_POD_CIDR="${CROSSOVER_NODE_POD_CIDR:-10.244.0.0/24}"
SERVICE_CIDR="${CROSSOVER_SERVICE_CIDR:-10.96.0.0/16}"
# The kubernetes Service takes the range's first address; cluster DNS the tenth (range ends in .0).
API_SERVICE_IP="${CROSSOVER_API_SERVICE_IP:-${SERVICE_CIDR%.*/*}.1}"
DNS_SERVICE_IP="${CROSSOVER_DNS_SERVICE_IP:-${SERVICE_CIDR%.*/*}.10}"
CLUSTER_DOMAIN=cluster.local
CNI_BRIDGE=crossover-br0
API_PORT=6443
ETCD_CLIENT_PORT=12379
ETCD_PEER_PORT=12380
EGRESS_CHAIN=CROSSOVER-EGRESS

# The node pretends to be one g5.2xlarge (1 NVIDIA A10G, 24 GiB) so GPU workloads schedule.
NODE_GPUS="${CROSSOVER_NODE_GPUS:-1}"
NODE_INSTANCE_TYPE="${CROSSOVER_NODE_INSTANCE_TYPE:-g5.2xlarge}"

CONTAINERD_DIR="$CLUSTER_DIR/containerd"
CONTAINERD_SOCK="$CONTAINERD_DIR/containerd.sock"
CONTAINERD_STATE="$CONTAINERD_DIR/state"
KUBELET_DIR="$CLUSTER_DIR/kubelet"
CNI_CONF_DIR="$CLUSTER_DIR/cni/net.d"
CNI_IPAM_DIR="$CLUSTER_DIR/cni/ipam"
CNI_BIN_DIR="${CROSSOVER_CNI_BIN_DIR:-/usr/lib/cni}"

kubectl_() { "$KUBE_BIN_DIR/kubectl" --kubeconfig "$ADMIN_KUBECONFIG" "$@"; }
ctr_() { ctr --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }
log() { echo "[$(date +%H:%M:%S)] $*"; }

# pid of a component we started, if it is still that process (guards against pid reuse).
component_pid() {
  local name="$1" pid
  [ -f "$PIDS/$name.pid" ] || return 1
  pid="$(cat "$PIDS/$name.pid")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$(cat "$PIDS/$name.cmd" 2>/dev/null || echo "$name")" || return 1
  echo "$pid"
}

# component_alive NAME: the process started for NAME still runs (or is still starting). Unlike
# component_pid it does not match the command line, which right after the fork is still this
# script's until setsid has exec'd the binary: a readiness loop checking that early would take
# a starting component for a dead one.
component_alive() {
  local pid
  [ -f "$PIDS/$1.pid" ] || return 1
  pid="$(cat "$PIDS/$1.pid")"
  [ -n "$pid" ] && [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

stop_component() {
  local name="$1" pid i
  pid="$(component_pid "$name")" || { rm -f "$PIDS/$name.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  if [ -d "/proc/$pid" ]; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$PIDS/$name.pid"
  log "stopped $name (pid $pid)"
}
