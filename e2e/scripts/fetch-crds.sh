#!/usr/bin/env bash
# Obtains the real upstream CRDs InferencePlatform renders against — Karpenter (NodePool,
# KWOKNodeClass), Karpenter's AWS provider (EC2NodeClass), Gateway API (Gateway, HTTPRoute) and
# the Gateway API Inference Extension (InferencePool; InferenceObjective, which its endpoint picker
# watches) — from their Go modules, at pinned
# versions, into a cache directory. Tests install them on the test API server; nothing of them
# is committed.
#
#   e2e/scripts/fetch-crds.sh        prints the directory holding the CRD files
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

KARPENTER_CRD_VERSION="${KARPENTER_CRD_VERSION:-1.8.2}"
KARPENTER_AWS_CRD_VERSION="${KARPENTER_AWS_CRD_VERSION:-1.9.3}"
GATEWAY_API_VERSION="${GATEWAY_API_VERSION:-1.4.1}"
INFERENCE_EXTENSION_VERSION="${INFERENCE_EXTENSION_VERSION:-1.2.0}"

out="$CROSSOVER_CACHE/upstream-crds/karpenter-${KARPENTER_CRD_VERSION}_aws-${KARPENTER_AWS_CRD_VERSION}_gwapi-${GATEWAY_API_VERSION}_gie-${INFERENCE_EXTENSION_VERSION}"
# The files taken, one per CRD; a cached directory missing one of them (an older list) is refetched.
files="karpenter.sh_nodepools.yaml karpenter.sh_nodeclaims.yaml karpenter.kwok.sh_kwoknodeclasses.yaml
karpenter.k8s.aws_ec2nodeclasses.yaml gateway.networking.k8s.io_gateways.yaml
gateway.networking.k8s.io_gatewayclasses.yaml gateway.networking.k8s.io_httproutes.yaml
inference.networking.k8s.io_inferencepools.yaml inference.networking.x-k8s.io_inferenceobjectives.yaml"
complete() { [ -f "$out/.complete" ] || return 1; local f; for f in $files; do [ -f "$out/$f" ] || return 1; done; }
if complete; then
  echo "$out"
  exit 0
fi
command -v go >/dev/null || { echo "fetch-crds: Go toolchain not found" >&2; exit 1; }
# Module zips only: no build, nothing of them runs. GOFLAGS=-mod=mod keeps a go.work or vendor
# folder of the caller out of it.
export GOFLAGS=-mod=mod
# The AWS provider's go.mod names a newer Go patch release than the machine's; "auto" lets the
# go command accept that for a download (nothing is compiled).
export GOTOOLCHAIN=auto
moddir() {
  local dir
  dir="$(cd "${TMPDIR:-/tmp}" && go mod download -json "$1" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [ -d "$dir" ] || { echo "fetch-crds: could not download $1" >&2; exit 1; }
  echo "$dir"
}
tmp="$out.tmp"
rm -rf "$tmp" && mkdir -p "$tmp"
karpenter="$(moddir "sigs.k8s.io/karpenter@v${KARPENTER_CRD_VERSION}")"
aws="$(moddir "github.com/aws/karpenter-provider-aws@v${KARPENTER_AWS_CRD_VERSION}")"
gwapi="$(moddir "sigs.k8s.io/gateway-api@v${GATEWAY_API_VERSION}")"
gie="$(moddir "sigs.k8s.io/gateway-api-inference-extension@v${INFERENCE_EXTENSION_VERSION}")"
cp "$karpenter/pkg/apis/crds/karpenter.sh_nodepools.yaml" \
   "$karpenter/pkg/apis/crds/karpenter.sh_nodeclaims.yaml" \
   "$karpenter/kwok/apis/crds/karpenter.kwok.sh_kwoknodeclasses.yaml" \
   "$aws/pkg/apis/crds/karpenter.k8s.aws_ec2nodeclasses.yaml" \
   "$gwapi/config/crd/standard/gateway.networking.k8s.io_gateways.yaml" \
   "$gwapi/config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml" \
   "$gwapi/config/crd/standard/gateway.networking.k8s.io_httproutes.yaml" \
   "$gie/config/crd/bases/inference.networking.k8s.io_inferencepools.yaml" \
   "$gie/config/crd/bases/inference.networking.x-k8s.io_inferenceobjectives.yaml" \
   "$tmp/"
chmod -R u+w "$tmp"
touch "$tmp/.complete"
rm -rf "$out" && mv "$tmp" "$out"
echo "$out"
