#!/usr/bin/env bash
# Brings up a single-node Kubernetes cluster on this machine from upstream parts:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and kube-proxy built from
# their Go modules (build-kube.sh), CoreDNS as a Deployment (its Go module, packed by
# build-images.sh), containerd + runc + CNI plugins from Debian's packages, and a pause image of
# our own. Needs root. Idempotent: running it again keeps what runs and starts what does not.
#
#   e2e/scripts/cluster-up.sh        kubeconfig: $CROSSOVER_CLUSTER_DIR/admin.kubeconfig
#                                    (default /var/lib/crossover-cluster/admin.kubeconfig)
#
# Network: the node address is on an interface of our own (crossover0: dummy, or an empty bridge),
# pods sit on a bridge of our own (crossover-br0), CoreDNS serves cluster.local only (no upstream
# forwarding), pod traffic is never masqueraded and a FORWARD rule rejects pod traffic leaving the
# cluster ranges.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cluster-lib.sh"
t0=$(date +%s)

fail() { # component message
  local c="$1"; shift
  echo "cluster-up: FAILED: $c: $*" >&2
  if [ -f "$LOGS/$c.log" ]; then
    echo "cluster-up: log of $c: $LOGS/$c.log (last lines of this run below)" >&2
    awk '/^=== / {n = 0; delete buf} {buf[n++] = $0} END {for (i = (n > 25 ? n - 25 : 0); i < n; i++) print "    " substr(buf[i], 1, 400)}' "$LOGS/$c.log" >&2
  fi
  echo "cluster-up: all logs: $LOGS; tear down with e2e/scripts/cluster-down.sh" >&2
  exit 1
}

# wait_for component seconds command...: poll until the command succeeds; fail if the process died.
wait_for() {
  local c="$1" secs="$2"; shift 2
  local deadline=$(( $(date +%s) + secs ))
  until "$@" >/dev/null 2>&1; do
    if [ -f "$PIDS/$c.pid" ] && ! component_alive "$c"; then fail "$c" "process exited"; fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "$c" "not healthy after ${secs}s"
    sleep 0.3
  done
}

# put FILE: write stdin to FILE only if it differs (kube-proxy exits when its config file changes).
put() {
  local tmp="$1.new"
  cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv "$tmp" "$1"; fi
}

start_component() { # name binary args...
  local name="$1"; shift
  if component_pid "$name" >/dev/null; then log "$name already running"; return 0; fi
  echo "$1" >"$PIDS/$name.cmd"
  echo "=== $(date -Is) $*" >>"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
  log "started $name (pid $!, log $LOGS/$name.log)"
}

[ "$(id -u)" = 0 ] || { echo "cluster-up: must run as root" >&2; exit 1; }
mkdir -p "$CLUSTER_DIR" "$PKI" "$LOGS" "$PIDS" "$CNI_CONF_DIR" "$CNI_IPAM_DIR" "$CONTAINERD_DIR" "$KUBELET_DIR"
chmod 700 "$CLUSTER_DIR"

# ---------------------------------------------------------------- host packages and binaries
missing=()
for p in containerd:containerd runc:runc iptables:iptables conntrack:conntrack openssl:openssl; do
  command -v "${p%%:*}" >/dev/null || missing+=("${p#*:}")
done
[ -x "$CNI_BIN_DIR/bridge" ] && [ -x "$CNI_BIN_DIR/host-local" ] && [ -x "$CNI_BIN_DIR/loopback" ] || missing+=(containernetworking-plugins)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } \
    >"$LOGS/apt.log" 2>&1 || fail apt "apt-get install ${missing[*]}"
fi
log "Kubernetes binaries and images (cached; a cold build takes tens of minutes: $LOGS/build-kube.log)"
bash "$here/build-kube.sh" etcd kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl coredns \
  >"$LOGS/build-kube.log" 2>&1 || fail build-kube "building the Kubernetes binaries"
bash "$here/build-images.sh" >"$LOGS/build-images.log" 2>&1 || fail build-images "building the images"

# ---------------------------------------------------------------- address ranges
python3 - "$POD_CIDR" "$SERVICE_CIDR" "$NODE_IP/32" "$NODE_IFACE" "$CNI_BRIDGE" <<'PY' || fail network "address ranges collide with the host's (set CROSSOVER_POD_CIDR / CROSSOVER_SERVICE_CIDR / CROSSOVER_NODE_IP)"
import ipaddress, json, subprocess, sys
ours = [ipaddress.ip_network(c, strict=False) for c in sys.argv[1:4]]
own_devs = set(sys.argv[4:])
nets = []
for a in json.loads(subprocess.check_output(["ip", "-j", "-4", "addr"])):
    if a["ifname"] in own_devs: continue
    for i in a.get("addr_info", []):
        nets.append((a["ifname"], ipaddress.ip_network(f'{i["local"]}/{i["prefixlen"]}', strict=False)))
for r in json.loads(subprocess.check_output(["ip", "-j", "-4", "route"])):
    if r.get("dev") in own_devs or r["dst"] == "default": continue
    nets.append((r.get("dev"), ipaddress.ip_network(r["dst"], strict=False)))
bad = [(d, n, o) for d, n in nets for o in ours if n.overlaps(o)]
for d, n, o in bad: print(f"cluster-up: {o} overlaps {n} on {d}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# ---------------------------------------------------------------- host network setup
# Remember the sysctls we change, once, so cluster-down can put them back.
if [ ! -f "$CLUSTER_DIR/sysctl.orig" ]; then
  for k in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables; do
    echo "$k=$(sysctl -n "$k")"
  done >"$CLUSTER_DIR/sysctl.orig"
fi
sysctl -q -w net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1 >/dev/null \
  || fail network "br_netfilter sysctls unavailable"
# This VM's kernel has no dummy driver; an empty bridge holds a local address just as well.
if ! ip link show "$NODE_IFACE" >/dev/null 2>&1; then
  ip link add "$NODE_IFACE" type dummy 2>/dev/null || ip link add "$NODE_IFACE" type bridge \
    || fail network "cannot create interface $NODE_IFACE (dummy or bridge)"
fi
ip addr replace "$NODE_IP/32" dev "$NODE_IFACE"
ip link set "$NODE_IFACE" up
# Pods may talk to pods, to Services (DNAT happens before FORWARD) and to the node address (INPUT);
# anything else they send is rejected here, before it could leave the machine.
iptables -w -N "$EGRESS_CHAIN" 2>/dev/null || iptables -w -F "$EGRESS_CHAIN"
iptables -w -A "$EGRESS_CHAIN" -s "$POD_CIDR" -d "$POD_CIDR" -j RETURN
iptables -w -A "$EGRESS_CHAIN" -s "$POD_CIDR" -m comment --comment "crossover: no pod egress" -j REJECT --reject-with icmp-net-prohibited
iptables -w -C FORWARD -j "$EGRESS_CHAIN" 2>/dev/null || iptables -w -I FORWARD 1 -j "$EGRESS_CHAIN"

# ---------------------------------------------------------------- certificates and kubeconfigs
gen_key() { [ -s "$1" ] || openssl genrsa -traditional -out "$1" 2048 2>/dev/null; }
# sign NAME SUBJECT EKU [SANS]
sign() {
  local name="$1" subj="$2" eku="$3" sans="${4:-}"
  [ -s "$PKI/$name.crt" ] && return 0
  gen_key "$PKI/$name.key"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$eku"
    [ -z "$sans" ] || echo "subjectAltName=$sans"
  } >"$PKI/$name.ext"
  openssl req -new -key "$PKI/$name.key" -subj "$subj" 2>/dev/null \
    | openssl x509 -req -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial -days 825 \
        -extfile "$PKI/$name.ext" -out "$PKI/$name.crt" 2>/dev/null
}
write_kubeconfig() { # file cert-name
  put "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: crossover
  cluster:
    server: https://$NODE_IP:$API_PORT
    certificate-authority-data: $(base64 -w0 "$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $(base64 -w0 "$PKI/$2.crt")
    client-key-data: $(base64 -w0 "$PKI/$2.key")
contexts:
- name: crossover
  context:
    cluster: crossover
    user: $2
current-context: crossover
EOF
  chmod 600 "$1"
}
# Certificates name the node address: regenerate them all if it changed.
if [ -f "$PKI/node-ip" ] && [ "$(cat "$PKI/node-ip")" != "$NODE_IP" ]; then rm -f "$PKI"/*; fi
echo "$NODE_IP" >"$PKI/node-ip"
if [ ! -s "$PKI/ca.crt" ]; then
  gen_key "$PKI/ca.key"
  openssl req -x509 -new -key "$PKI/ca.key" -subj "/CN=crossover-local-ca" -days 3650 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -out "$PKI/ca.crt" 2>/dev/null
fi
sign apiserver "/CN=kube-apiserver" serverAuth \
  "IP:$NODE_IP,IP:$API_SERVICE_IP,IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.$CLUSTER_DOMAIN"
sign apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
sign admin "/O=system:masters/CN=crossover-admin" clientAuth
sign controller-manager "/CN=system:kube-controller-manager" clientAuth
sign scheduler "/CN=system:kube-scheduler" clientAuth
sign kube-proxy "/CN=system:kube-proxy" clientAuth
sign kubelet "/O=system:nodes/CN=system:node:$NODE_NAME" serverAuth,clientAuth "IP:$NODE_IP,DNS:$NODE_NAME"
gen_key "$PKI/sa.key"
[ -s "$PKI/sa.pub" ] || openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
chmod 600 "$PKI"/*.key
write_kubeconfig "$ADMIN_KUBECONFIG" admin
for c in controller-manager scheduler kube-proxy kubelet; do write_kubeconfig "$CLUSTER_DIR/$c.kubeconfig" "$c"; done

# ---------------------------------------------------------------- etcd, control plane
# (etcd reads ETCD_* variables as its own settings: ours is a build pin, not one of them.)
( unset ETCD_VERSION
start_component etcd "$KUBE_BIN_DIR/etcd" --name crossover --data-dir "$CLUSTER_DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "crossover=http://127.0.0.1:$ETCD_PEER_PORT" --unsafe-no-fsync --log-level warn )
wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_CLIENT_PORT/health"

start_component kube-apiserver "$KUBE_BIN_DIR/kube-apiserver" \
  --advertise-address="$NODE_IP" --bind-address="$NODE_IP" --secure-port="$API_PORT" \
  --etcd-servers="http://127.0.0.1:$ETCD_CLIENT_PORT" \
  --service-cluster-ip-range="$SERVICE_CIDR" \
  --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
  --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
  --kubelet-certificate-authority="$PKI/ca.crt" --kubelet-preferred-address-types=InternalIP \
  --service-account-issuer="https://kubernetes.default.svc.$CLUSTER_DOMAIN" \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction \
  --allow-privileged=true --profiling=false --v=1
wait_for kube-apiserver 90 curl -sf --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
  "https://$NODE_IP:$API_PORT/readyz"

start_component kube-controller-manager "$KUBE_BIN_DIR/kube-controller-manager" \
  --kubeconfig="$CLUSTER_DIR/controller-manager.kubeconfig" \
  --authentication-kubeconfig="$CLUSTER_DIR/controller-manager.kubeconfig" \
  --authorization-kubeconfig="$CLUSTER_DIR/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false \
  --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
  --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
  --use-service-account-credentials=true \
  --allocate-node-cidrs=true --cluster-cidr="$POD_CIDR" --node-cidr-mask-size=24 \
  --service-cluster-ip-range="$SERVICE_CIDR" --profiling=false --v=1
start_component kube-scheduler "$KUBE_BIN_DIR/kube-scheduler" \
  --kubeconfig="$CLUSTER_DIR/scheduler.kubeconfig" \
  --authentication-kubeconfig="$CLUSTER_DIR/scheduler.kubeconfig" \
  --authorization-kubeconfig="$CLUSTER_DIR/scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false --profiling=false --v=1

# ---------------------------------------------------------------- containerd, CNI, images
mkdir -p "$CONTAINERD_DIR/root" "$CONTAINERD_STATE"
put "$CONTAINERD_DIR/config.toml" <<EOF
version = 2
root = "$CONTAINERD_DIR/root"
state = "$CONTAINERD_STATE"
[grpc]
  address = "$CONTAINERD_SOCK"
[ttrpc]
  address = "$CONTAINERD_DIR/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$CONTAINERD_DIR/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  netns_mounts_under_state_dir = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  tolerate_missing_hugetlb_controller = true
  # This VM withholds CAP_SYS_RESOURCE, so negative oom_score_adj (kubelet: -998 for sandboxes,
  # -997 for Guaranteed pods) is refused; clamp to containerd's own score instead.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$CNI_BIN_DIR"
    conf_dir = "$CNI_CONF_DIR"
EOF
# One bridge, host-local addresses from the node's pod range, no masquerade (ipMasq false).
put "$CNI_CONF_DIR/10-crossover.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "crossover",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$CNI_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$CNI_IPAM_DIR",
        "ranges": [[{"subnet": "$NODE_POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
start_component containerd "$(command -v containerd)" --config "$CONTAINERD_DIR/config.toml"
wait_for containerd 30 ctr --address "$CONTAINERD_SOCK" version
# Import each tarball once: a marker names the keyed tarball last imported for that image.
optional_images=()
# Optional images, imported when build-images.sh made them: litellm, bifrost, epp, envoy, loadgen, operator.
[ -e "$IMAGE_CACHE/litellm.tar" ] && optional_images+=("litellm:$LITELLM_IMAGE")
[ -e "$IMAGE_CACHE/bifrost.tar" ] && optional_images+=("bifrost:$BIFROST_IMAGE")
[ -e "$IMAGE_CACHE/epp.tar" ] && optional_images+=("epp:$EPP_IMAGE")
[ -e "$IMAGE_CACHE/envoy.tar" ] && optional_images+=("envoy:$ENVOY_IMAGE")
[ -e "$IMAGE_CACHE/loadgen.tar" ] && optional_images+=("loadgen:$LOADGEN_IMAGE")
[ -e "$IMAGE_CACHE/operator.tar" ] && optional_images+=("operator:$OPERATOR_IMAGE")
for img in pause:$PAUSE_IMAGE testbox:$TESTBOX_IMAGE coredns:$COREDNS_IMAGE sim:$SIM_IMAGE jre:$JRE_IMAGE ${optional_images[@]+"${optional_images[@]}"}; do
  name="${img%%:*}" tag="${img#*:}" tar="$(readlink -f "$IMAGE_CACHE/${img%%:*}.tar")"
  if [ "$(cat "$CONTAINERD_DIR/imported-$name" 2>/dev/null)" = "$tar" ] && [ -n "$(ctr_ images ls -q "name==$tag" 2>/dev/null)" ]; then
    continue
  fi
  ctr_ images import "$tar" >>"$LOGS/images.log" 2>&1 || fail images "ctr import $tar (see $LOGS/images.log)"
  echo "$tar" >"$CONTAINERD_DIR/imported-$name"
done
log "images in containerd: $PAUSE_IMAGE $TESTBOX_IMAGE $COREDNS_IMAGE $SIM_IMAGE $JRE_IMAGE ${optional_images[*]+${optional_images[*]#*:}}"

# ---------------------------------------------------------------- kube-proxy, kubelet
put "$CLUSTER_DIR/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $CLUSTER_DIR/kube-proxy.kubeconfig
mode: iptables
clusterCIDR: $POD_CIDR
hostnameOverride: $NODE_NAME
bindAddress: $NODE_IP
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
nodePortAddresses: ["$NODE_IP/32"]
iptables:
  localhostNodePorts: false
conntrack:
  maxPerCore: 0
  min: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
EOF
start_component kube-proxy "$KUBE_BIN_DIR/kube-proxy" --config="$CLUSTER_DIR/kube-proxy.yaml" --v=1

# Pods get cluster DNS only; the host's resolvers are never handed to them.
echo "# crossover: no upstream resolvers" | put "$CLUSTER_DIR/resolv.conf"
put "$CLUSTER_DIR/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $PKI/ca.crt}
authorization:
  mode: Webhook
tlsCertFile: $PKI/kubelet.crt
tlsPrivateKeyFile: $PKI/kubelet.key
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
cgroupDriver: cgroupfs
clusterDNS: [$DNS_SERVICE_IP]
clusterDomain: $CLUSTER_DOMAIN
resolvConf: $CLUSTER_DIR/resolv.conf
podCIDR: $NODE_POD_CIDR
failSwapOn: false
serializeImagePulls: false
rotateCertificates: false
imageGCHighThresholdPercent: 99
imageGCLowThresholdPercent: 98
evictionHard:
  memory.available: 100Mi
  nodefs.available: 2%
  imagefs.available: 2%
  nodefs.inodesFree: 2%
nodeStatusUpdateFrequency: 10s
EOF
labels="node.kubernetes.io/instance-type=$NODE_INSTANCE_TYPE,beta.kubernetes.io/instance-type=$NODE_INSTANCE_TYPE"
labels+=",topology.kubernetes.io/region=us-east-1,topology.kubernetes.io/zone=us-east-1a"
labels+=",karpenter.sh/capacity-type=on-demand,karpenter.k8s.aws/instance-family=${NODE_INSTANCE_TYPE%%.*}"
labels+=",karpenter.k8s.aws/instance-size=${NODE_INSTANCE_TYPE#*.},karpenter.k8s.aws/instance-gpu-name=a10g"
labels+=",karpenter.k8s.aws/instance-gpu-manufacturer=nvidia,karpenter.k8s.aws/instance-gpu-count=$NODE_GPUS"
labels+=",karpenter.k8s.aws/instance-gpu-memory=24576,nvidia.com/gpu.present=true,nvidia.com/gpu.product=NVIDIA-A10G"
labels+=",nvidia.com/gpu.count=$NODE_GPUS,crossover.dev/local-cluster=true"
start_component kubelet "$KUBE_BIN_DIR/kubelet" --config="$CLUSTER_DIR/kubelet.yaml" \
  --kubeconfig="$CLUSTER_DIR/kubelet.kubeconfig" --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" \
  --root-dir="$KUBELET_DIR" --cert-dir="$KUBELET_DIR/pki" --node-labels="$labels" --v=1
wait_for kubelet 60 curl -sf http://127.0.0.1:10248/healthz
wait_for kubelet 60 kubectl_ get node "$NODE_NAME"
wait_for kube-proxy 30 curl -sf http://127.0.0.1:10256/healthz
wait_for kube-controller-manager 30 curl -skf https://127.0.0.1:10257/healthz
wait_for kube-scheduler 30 curl -skf https://127.0.0.1:10259/healthz

# ---------------------------------------------------------------- GPU capacity and labels
# An extended resource patched into node status: the kubelet keeps extended resources it does not
# manage (it only adds/removes device-plugin ones), and computes allocatable from capacity.
kubectl_ label node "$NODE_NAME" --overwrite ${labels//,/ } >/dev/null
kubectl_ patch node "$NODE_NAME" --subresource=status --type=merge \
  -p "{\"status\":{\"capacity\":{\"nvidia.com/gpu\":\"$NODE_GPUS\"},\"allocatable\":{\"nvidia.com/gpu\":\"$NODE_GPUS\"}}}" >/dev/null \
  || fail gpu-capacity "patching nvidia.com/gpu into node status"
kubectl_ wait --for=condition=Ready "node/$NODE_NAME" --timeout=60s >/dev/null \
  || { kubectl_ describe node "$NODE_NAME" >"$LOGS/node.txt" 2>&1; fail kubelet "node $NODE_NAME not Ready (see also $LOGS/node.txt)"; }

# ---------------------------------------------------------------- CoreDNS
put "$CLUSTER_DIR/coredns.yaml" <<EOF
apiVersion: v1
kind: ServiceAccount
metadata: {name: coredns, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:coredns"}
rules:
- apiGroups: [""]
  resources: [endpoints, services, pods, namespaces]
  verbs: [list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "system:coredns"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:coredns"}
subjects: [{kind: ServiceAccount, name: coredns, namespace: kube-system}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  # cluster.local (and reverse zones) only: no forward plugin, nothing leaves the cluster.
  Corefile: |
    .:53 {
        errors
        health :8080
        ready :8181
        kubernetes $CLUSTER_DOMAIN in-addr.arpa ip6.arpa {
            pods insecure
            fallthrough in-addr.arpa ip6.arpa
        }
        prometheus :9153
        cache 30
        reload
    }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
  labels: {k8s-app: kube-dns}
spec:
  replicas: 1
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata:
      labels: {k8s-app: kube-dns}
    spec:
      serviceAccountName: coredns
      priorityClassName: system-cluster-critical
      dnsPolicy: Default
      tolerations:
      - {operator: Exists}
      containers:
      - name: coredns
        image: $COREDNS_IMAGE
        imagePullPolicy: Never
        args: ["-conf", "/etc/coredns/Corefile"]
        ports:
        - {name: dns, containerPort: 53, protocol: UDP}
        - {name: dns-tcp, containerPort: 53, protocol: TCP}
        - {name: metrics, containerPort: 9153, protocol: TCP}
        readinessProbe:
          httpGet: {path: /ready, port: 8181}
          periodSeconds: 2
        livenessProbe:
          httpGet: {path: /health, port: 8080}
          initialDelaySeconds: 30
        resources:
          requests: {cpu: 50m, memory: 50Mi}
        volumeMounts:
        - {name: config, mountPath: /etc/coredns, readOnly: true}
      volumes:
      - name: config
        configMap: {name: coredns}
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels: {k8s-app: kube-dns, kubernetes.io/name: CoreDNS}
spec:
  clusterIP: $DNS_SERVICE_IP
  selector: {k8s-app: kube-dns}
  ports:
  - {name: dns, port: 53, protocol: UDP}
  - {name: dns-tcp, port: 53, protocol: TCP}
  - {name: metrics, port: 9153, protocol: TCP}
EOF
kubectl_ apply -f "$CLUSTER_DIR/coredns.yaml" >"$LOGS/coredns-apply.log" 2>&1 || fail coredns-apply "kubectl apply coredns.yaml"
if ! kubectl_ -n kube-system rollout status deployment/coredns --timeout=90s >>"$LOGS/coredns-apply.log" 2>&1; then
  kubectl_ -n kube-system describe pods -l k8s-app=kube-dns >"$LOGS/coredns.log" 2>&1 || true
  kubectl_ -n kube-system logs -l k8s-app=kube-dns --tail=50 >>"$LOGS/coredns.log" 2>&1 || true
  fail coredns "CoreDNS Deployment not ready in 90s"
fi

# kube-proxy prepends its own FORWARD rules; keep the egress guard first.
iptables -w -D FORWARD -j "$EGRESS_CHAIN" 2>/dev/null || true
iptables -w -I FORWARD 1 -j "$EGRESS_CHAIN"

cat >"$CLUSTER_DIR/cluster.env" <<EOF
CROSSOVER_KUBECONFIG=$ADMIN_KUBECONFIG
CROSSOVER_NODE_NAME=$NODE_NAME
CROSSOVER_TESTBOX_IMAGE=$TESTBOX_IMAGE
CROSSOVER_PAUSE_IMAGE=$PAUSE_IMAGE
CROSSOVER_SIM_IMAGE=$SIM_IMAGE
CROSSOVER_JRE_IMAGE=$JRE_IMAGE
CROSSOVER_NODE_GPUS=$NODE_GPUS
EOF
for img in ${optional_images[@]+"${optional_images[@]}"}; do
  n="${img%%:*}"; echo "CROSSOVER_${n^^}_IMAGE=${img#*:}" >>"$CLUSTER_DIR/cluster.env"
done
log "cluster up in $(( $(date +%s) - t0 ))s: node $NODE_NAME Ready, ${NODE_GPUS}x nvidia.com/gpu, $NODE_INSTANCE_TYPE labels"
echo "KUBECONFIG=$ADMIN_KUBECONFIG"
