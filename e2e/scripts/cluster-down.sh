#!/usr/bin/env bash
# Tears down what cluster-up.sh started: pods (their containers, network namespaces, veths and
# IP leases), kubelet, kube-proxy and its iptables rules, containerd and its shims, the control
# plane and etcd, mounts under the state dir, the bridge and dummy interface, the egress rule and
# the sysctls it changed. Safe to run twice, and on a half-started cluster.
#
#   e2e/scripts/cluster-down.sh           keeps certificates, containerd's image store and logs
#   e2e/scripts/cluster-down.sh --purge   removes the whole state dir
set -uo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cluster-lib.sh"
# kill_ours PATTERN: SIGKILL processes whose command line contains our state dir and PATTERN.
kill_ours() {
  local p pid cmd
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    [ "$pid" != "$$" ] || continue
    cmd="$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" || continue
    case "$cmd" in
      *"$CLUSTER_DIR/"*) case "$cmd" in *"$1"*) kill -KILL "$pid" 2>/dev/null && echo "cluster-down: killed $pid: ${cmd:0:100}" ;; esac ;;
    esac
  done
}
purge=false
[ "${1:-}" = "--purge" ] && purge=true
[ "$(id -u)" = 0 ] || { echo "cluster-down: must run as root" >&2; exit 1; }
if [ ! -d "$CLUSTER_DIR" ]; then echo "cluster-down: nothing at $CLUSTER_DIR"; exit 0; fi
t0=$(date +%s)

# 1. No new pods: stop the controllers, then let the kubelet tear every pod down the proper way
#    (CRI StopPodSandbox runs the CNI DEL that frees the veth and the IP lease).
stop_component karpenter
stop_component kwok
stop_component kube-controller-manager
stop_component kube-scheduler
if component_pid kube-apiserver >/dev/null && component_pid kubelet >/dev/null; then
  kubectl_ delete pods --all --all-namespaces --grace-period=0 --force --wait=false >/dev/null 2>&1 || true
  for i in $(seq 1 60); do
    n="$(ctr_ tasks ls -q 2>/dev/null | wc -l)"
    [ "$n" = 0 ] && break
    sleep 0.5
  done
fi
stop_component kubelet

# 2. Whatever is left in containerd: kill and remove tasks and containers.
if component_pid containerd >/dev/null; then
  for t in $(ctr_ tasks ls -q 2>/dev/null); do ctr_ tasks kill -s SIGKILL "$t" >/dev/null 2>&1 || true; done
  sleep 0.5
  for t in $(ctr_ tasks ls -q 2>/dev/null); do ctr_ tasks delete -f "$t" >/dev/null 2>&1 || true; done
  for c in $(ctr_ containers ls -q 2>/dev/null); do ctr_ containers delete "$c" >/dev/null 2>&1 || true; done
fi
stop_component containerd
# Shims outlive containerd by design; ours are the ones started with our socket address.
kill_ours containerd-shim

# 3. kube-proxy and the rules it wrote (its own --cleanup knows them all).
stop_component kube-proxy
[ -x "$KUBE_BIN_DIR/kube-proxy" ] && "$KUBE_BIN_DIR/kube-proxy" --cleanup >"$LOGS/kube-proxy-cleanup.log" 2>&1 || true

# 4. Control plane.
stop_component kube-apiserver
stop_component etcd
# Anything else still running with our state dir on its command line (a pid file lost to a crash
# or to a hand-started process) is ours too.
kill_ours "$CLUSTER_DIR/"

# 5. Mounts under the state dir (pod volumes, rootfs, shm, network namespaces), deepest first.
findmnt -rn -o TARGET | grep -F "$CLUSTER_DIR/" | sort -r | while read -r m; do
  umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "cluster-down: could not unmount $m" >&2
done
rm -rf "$CONTAINERD_STATE/netns"
# runc's and the shims' state lives under /run/containerd whatever containerd's own state dir is;
# drop the directories if they are empty (a system containerd's would not be).
rmdir /run/containerd/runc/k8s.io /run/containerd/runc /run/containerd/s /run/containerd/fifo /run/containerd 2>/dev/null || true

# 6. Links: the pod bridge (veths vanish with their namespaces) and our dummy interface.
for l in $(ip -o link show master "$CNI_BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
  ip link delete "$l" 2>/dev/null || true
done
ip link delete "$CNI_BRIDGE" 2>/dev/null || true
ip link delete "$NODE_IFACE" 2>/dev/null || true

# 7. iptables: our egress guard, and chains the kubelet and the CNI portmap plugin made.
for ipt in iptables ip6tables; do
  command -v "$ipt" >/dev/null || continue
  for table in filter nat mangle; do
    "$ipt" -w -t "$table" -S 2>/dev/null | grep -E '^-A (INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING) .*-j (KUBE-|CNI-|CROSSOVER-)' \
      | sed 's/^-A/-D/' | while read -r rule; do eval "$ipt -w -t $table $rule" 2>/dev/null || true; done
    for chain in $("$ipt" -w -t "$table" -S 2>/dev/null | awk '/^-N (KUBE-|CNI-|CROSSOVER-)/ {print $2}'); do
      "$ipt" -w -t "$table" -F "$chain" 2>/dev/null || true
    done
    for chain in $("$ipt" -w -t "$table" -S 2>/dev/null | awk '/^-N (KUBE-|CNI-|CROSSOVER-)/ {print $2}'); do
      "$ipt" -w -t "$table" -X "$chain" 2>/dev/null || true
    done
  done
done

# 8. Sysctls back to what they were before the first cluster-up.
if [ -f "$CLUSTER_DIR/sysctl.orig" ]; then
  while IFS== read -r k v; do sysctl -q -w "$k=$v" >/dev/null 2>&1 || true; done <"$CLUSTER_DIR/sysctl.orig"
  rm -f "$CLUSTER_DIR/sysctl.orig"
fi

# 9. Pod cgroups the kubelet made (cgroupfs driver), leaves first.
for root in /sys/fs/cgroup/*/kubepods; do
  [ -d "$root" ] || continue
  find "$root" -depth -type d -exec rmdir {} \; 2>/dev/null || true
done

# 10. Per-run state: a fresh cluster next time; keep certs, images and logs unless --purge.
rm -rf "$CLUSTER_DIR/etcd" "$KUBELET_DIR" "$CNI_IPAM_DIR" "$CONTAINERD_STATE" "$PIDS" "$CLUSTER_DIR/cluster.env"
if $purge; then
  rm -rf "$CLUSTER_DIR"
  echo "cluster-down: purged $CLUSTER_DIR"
fi
log "cluster down in $(( $(date +%s) - t0 ))s"
