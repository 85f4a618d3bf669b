#!/usr/bin/env bash
# Obtains the Prometheus Operator's ServiceMonitor and PrometheusRule CRDs (monitoring.coreos.com/v1)
# from its Go module at a pinned version into a cache directory, so the chart tests can validate
# the chart's ServiceMonitor and config/prometheus's PrometheusRule against the real schemas.
# Nothing of them is committed.
#
#   e2e/scripts/fetch-monitoring-crds.sh     prints the directory holding the CRD files
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

out="$CROSSOVER_CACHE/upstream-crds/prometheus-operator-${PROMETHEUS_OPERATOR_VERSION}"
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
command -v go >/dev/null || { echo "fetch-monitoring-crds: Go toolchain not found" >&2; exit 1; }
# The module zip only: nothing is built or run.
dir="$(cd "${TMPDIR:-/tmp}" && GOFLAGS=-mod=mod GOTOOLCHAIN=auto \
  go mod download -json "github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}" \
  | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[ -d "$dir" ] || { echo "fetch-monitoring-crds: could not download prometheus-operator ${PROMETHEUS_OPERATOR_VERSION}" >&2; exit 1; }
tmp="$out.tmp"
rm -rf "$tmp" && mkdir -p "$tmp"
cp "$dir/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
   "$dir/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" "$tmp/"
chmod -R u+w "$tmp"
touch "$tmp/.complete"
rm -rf "$out" && mv "$tmp" "$out"
echo "$out"
