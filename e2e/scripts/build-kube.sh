#!/usr/bin/env bash
# Builds the Kubernetes control-plane binaries and etcd from their Go modules (no prebuilt
# downloads are reachable here) into a cache directory keyed by version.
#
#   e2e/scripts/build-kube.sh [component ...]   default: kube-apiserver kubectl etcd
#
# Components: any k8s.io/kubernetes cmd (kube-apiserver, kubectl, kube-controller-manager,
# kube-scheduler, kubelet, kube-proxy, ...), etcd, coredns (-> $COREDNS_BIN_DIR), kwok
# (-> $KWOK_BIN_DIR) and karpenter-kwok, Karpenter's KWOK provider (-> $KARPENTER_BIN_DIR).
#
# k8s.io/kubernetes cannot be required as a plain module: its go.mod replaces every staging
# module (k8s.io/api, k8s.io/apimachinery, ...) with ./staging/src/... paths. A wrapper module
# requires it and replaces each staging module with its published v0.X.Y tag instead; the list
# is generated from kubernetes' own go.mod so it never drifts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

components=("$@")
[ ${#components[@]} -gt 0 ] || components=(kube-apiserver kubectl etcd)

mkdir -p "$KUBE_BIN_DIR"
need=()
bin_path() {
  case "$1" in
    coredns) echo "$COREDNS_BIN_DIR/coredns" ;;
    kwok) echo "$KWOK_BIN_DIR/kwok" ;;
    karpenter-kwok) echo "$KARPENTER_BIN_DIR/karpenter-kwok" ;;
    *) echo "$KUBE_BIN_DIR/$1" ;;
  esac
}
for c in "${components[@]}"; do
  [ -x "$(bin_path "$c")" ] || need+=("$c")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "build-kube: cached in $KUBE_BIN_DIR (${components[*]})"
  exit 0
fi

command -v go >/dev/null || { echo "build-kube: Go toolchain not found; install Go >= 1.24" >&2; exit 1; }
export GOFLAGS="${GOFLAGS:--buildvcs=false} -trimpath"
export CGO_ENABLED=0
staging_minor="0.${KUBE_VERSION#1.}"   # 1.34.4 -> 0.34.4

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build_kube() {
  local mod="$work/kube"
  mkdir -p "$mod"
  (
    cd "$mod"
    go mod init crossover.local/kubebuild >/dev/null 2>&1
    go mod download -json "k8s.io/kubernetes@v${KUBE_VERSION}" >"$work/kube.json"
    local gomod
    gomod="$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' "$work/kube.json")"
    # Every "k8s.io/x => ./staging/src/k8s.io/x" line becomes "k8s.io/x => k8s.io/x v0.Y.Z".
    {
      echo "require k8s.io/kubernetes v${KUBE_VERSION}"
      echo "replace ("
      grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$gomod" \
        | awk -v v="v${staging_minor}" '{print "\t" $1 " => " $1 " " v}'
      echo ")"
    } >>go.mod
    cat >tools.go <<'GO'
//go:build tools

package tools
GO
    echo "build-kube: resolving k8s.io/kubernetes v${KUBE_VERSION} module graph"
    # Pull the command packages into the module graph, then build them.
    for c in "$@"; do
      go get "k8s.io/kubernetes/cmd/$c@v${KUBE_VERSION}" >/dev/null
    done
    for c in "$@"; do
      echo "build-kube: building $c ${KUBE_VERSION} (cold: tens of minutes on 2 cores)"
      go build -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=v${KUBE_VERSION} -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${KUBE_VERSION#1.}" \
        -o "$KUBE_BIN_DIR/$c.tmp" "k8s.io/kubernetes/cmd/$c"
      mv "$KUBE_BIN_DIR/$c.tmp" "$KUBE_BIN_DIR/$c"
    done
  )
}

build_etcd() {
  local mod="$work/etcd"
  mkdir -p "$mod"
  (
    cd "$mod"
    go mod init crossover.local/etcdbuild >/dev/null 2>&1
    echo "build-kube: building etcd ${ETCD_VERSION}"
    go get "go.etcd.io/etcd/server/v3@v${ETCD_VERSION}" >/dev/null
    go build -ldflags "-s -w" -o "$KUBE_BIN_DIR/etcd.tmp" go.etcd.io/etcd/server/v3
    mv "$KUBE_BIN_DIR/etcd.tmp" "$KUBE_BIN_DIR/etcd"
  )
}

build_coredns() {
  local mod="$work/coredns"
  mkdir -p "$mod" "$COREDNS_BIN_DIR"
  (
    cd "$mod"
    go mod init crossover.local/corednsbuild >/dev/null 2>&1
    echo "build-kube: building coredns ${COREDNS_VERSION}"
    go get "github.com/coredns/coredns@v${COREDNS_VERSION}" >/dev/null
    go build -ldflags "-s -w" -o "$COREDNS_BIN_DIR/coredns.tmp" github.com/coredns/coredns
    mv "$COREDNS_BIN_DIR/coredns.tmp" "$COREDNS_BIN_DIR/coredns"
  )
}

# build_module NAME MODULE VERSION PACKAGE OUT: a main package of a plain Go module, through a
# wrapper module (works whether or not the module's go.mod has replace directives for tools).
build_module() {
  local name="$1" version="$3" pkg="$4" out="$5"  # $2: the module, for the reader
  local mod="$work/$name"
  mkdir -p "$mod" "$(dirname "$out")"
  (
    cd "$mod"
    go mod init "crossover.local/${name}build" >/dev/null 2>&1
    echo "build-kube: building $name $version"
    go get "$pkg@v$version" >/dev/null 2>&1 || go get "$pkg@v$version"
    go build -ldflags "-s -w" -o "$out.tmp" "$pkg"
    mv "$out.tmp" "$out"
  )
}

kube_cmds=()
for c in "${need[@]}"; do
  case "$c" in
    etcd) build_etcd ;;
    coredns) build_coredns ;;
    kwok) build_module kwok sigs.k8s.io/kwok "$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok "$KWOK_BIN_DIR/kwok" ;;
    karpenter-kwok) build_module karpenter-kwok sigs.k8s.io/karpenter "$KARPENTER_VERSION" sigs.k8s.io/karpenter/kwok "$KARPENTER_BIN_DIR/karpenter-kwok" ;;
    *) kube_cmds+=("$c") ;;
  esac
done
[ ${#kube_cmds[@]} -eq 0 ] || build_kube "${kube_cmds[@]}"
echo "build-kube: done -> $KUBE_BIN_DIR"
ls -la "$KUBE_BIN_DIR"
