#!/usr/bin/env bash
# Builds the packaging tools the chart tests run, at the versions pinned in versions.sh, from their
# Go modules (no prebuilt downloads are reachable here) into cache directories keyed by version:
#   $CROSSOVER_CACHE/tools/helm/<HELM_VERSION>/helm
#   $CROSSOVER_CACHE/tools/kubeconform/<KUBECONFORM_VERSION>/kubeconform
# Idempotent: a cached binary is kept. Prints the paths on stdout.
#
# Usage: build-tools.sh [helm|kubeconform|all]   (default all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"
what="${1:-all}"

# go_install <package> <version> <binary path> [ldflags]
go_install() {
  local pkg="$1" version="$2" bin="$3" ldflags="${4:-}"
  if [[ -x "$bin" ]]; then echo "$bin"; return; fi
  command -v go >/dev/null || { echo "build-tools.sh: go is not on PATH" >&2; exit 1; }
  local dest_dir tmp_bin
  dest_dir="$(dirname "$bin")"
  mkdir -p "$dest_dir"
  tmp_bin="$(mktemp -d "$dest_dir/.build.XXXXXX")"
  echo "build-tools.sh: building $pkg@$version (cold: a few minutes on 2 cores)" >&2
  # GOBIN into a temp dir, then a rename: an interrupted build never leaves a half-written binary
  # at the cached path. GOTOOLCHAIN=auto: a module may name a newer Go than the machine's.
  if ! CGO_ENABLED=0 GOBIN="$tmp_bin" GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" \
      GOFLAGS="${GOFLAGS:--buildvcs=false} -trimpath" \
      go install -ldflags "-s -w $ldflags" "$pkg@$version" >&2; then
    rm -rf "$tmp_bin"
    echo "build-tools.sh: building $pkg@$version failed" >&2
    exit 1
  fi
  mv "$tmp_bin/$(basename "$pkg")" "$bin"
  rm -rf "$tmp_bin"
  echo "$bin"
}

build_helm() {
  if [[ -x "$HELM_BIN" ]]; then echo "$HELM_BIN"; return; fi
  # Stamped as Helm's own release build does (its Makefile's LDFLAGS): the version, and the
  # Kubernetes version `helm template` and `helm lint` assume, derived from the client-go it is
  # built with (v0.X.Y -> 1.X). Without them helm reports a placeholder and assumes Kubernetes 1.20.
  local gomod client_go major minor
  gomod="$(cd "${TMPDIR:-/tmp}" && GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" go mod download -json "helm.sh/helm/v3@$HELM_VERSION" \
    | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  client_go="$(sed -n 's#^[[:space:]]*k8s.io/client-go v\([0-9.]*\).*#\1#p' "$gomod" | head -1)"
  [[ -n "$client_go" ]] || { echo "build-tools.sh: no k8s.io/client-go in helm's go.mod ($gomod)" >&2; exit 1; }
  major=$(( ${client_go%%.*} + 1 ))
  minor="$(echo "$client_go" | cut -d. -f2)"
  go_install helm.sh/helm/v3/cmd/helm "$HELM_VERSION" "$HELM_BIN" \
    "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION \
     -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=$major -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$minor \
     -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=$major -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor"
}

build_kubeconform() {
  go_install github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION" "$KUBECONFORM_BIN"
}

case "$what" in
  helm) build_helm ;;
  kubeconform) build_kubeconform ;;
  all) build_helm; build_kubeconform ;;
  *) echo "usage: build-tools.sh [helm|kubeconform|all]" >&2; exit 2 ;;
esac
