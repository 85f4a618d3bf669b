#!/usr/bin/env bash
# The main job on an embedded default: bring up the local single-node cluster, install Crossover
# with its Helm chart, run a simulator-backed platform with LiteLLM and Bifrost in front of it,
# measure it directly and through both gateways with a BenchmarkRun, and print what Crossover
# reports: the results table, costs, the gateways' added latency, and where the full report is.
#
#   make demo            (as root: the local cluster runs containerd, kubelet and iptables)
#
# Everything is built locally on first use and cached under ~/.cache/crossover (Kubernetes from
# its Go modules, the simulator, Bifrost, LiteLLM from PyPI, the operator and load images).
# The cluster stays up afterwards so you can look around; `make cluster-down` removes it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$here/versions.sh"
CLUSTER_DIR="${CROSSOVER_CLUSTER_DIR:-/var/lib/crossover-cluster}"
NS="${CROSSOVER_DEMO_NAMESPACE:-crossover-demo}"
OPERATOR_NS="${CROSSOVER_OPERATOR_NAMESPACE:-crossover-system}"
RUN=sim-gateway-overhead
started=$SECONDS
step() { printf '\n==> [%3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }

step "Kubernetes ${KUBE_VERSION} binaries and helm (built once from their Go modules, then cached)"
bash "$here/build-kube.sh" kube-apiserver kubectl etcd >/dev/null
helm_bin="$(bash "$here/build-tools.sh" helm)"

# CROSSOVER_DEMO_PREBUILT=true (the e2e suite, which has built them): use the Maven outputs as they are.
if [ "${CROSSOVER_DEMO_PREBUILT:-false}" != true ]; then
  step "Building the operator and the load generator (Maven)"
  (cd "$repo" && ./mvnw -B -q -pl operator -am package -DskipTests)
fi

step "Images: simulator, LiteLLM, Bifrost, endpoint picker, load generator, operator (cached by version)"
bash "$here/build-images.sh" sim litellm bifrost epp loadgen operator | sed 's/^/    /'

step "Local cluster (log and state in $CLUSTER_DIR)"
bash "$here/cluster-up.sh"
export KUBECONFIG="$CLUSTER_DIR/admin.kubeconfig"
kubectl() { "$KUBE_BIN_DIR/kubectl" "$@"; }

step "Installing Crossover with its Helm chart into $OPERATOR_NS (watching $NS)"
kubectl create namespace "$NS" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
existed=false
"$helm_bin" status crossover -n "$OPERATOR_NS" >/dev/null 2>&1 && existed=true
# The cluster runs the images built above, never pulled; the picker is the Inference Extension's,
# which reads its own EndpointPickerConfig apiVersion.
"$helm_bin" upgrade --install crossover "$repo/helm/crossover" -n "$OPERATOR_NS" --create-namespace \
  --set image.repository="${OPERATOR_IMAGE%:*}" --set image.tag="${OPERATOR_IMAGE##*:}" --set image.pullPolicy=IfNotPresent \
  --set images.simulator="$SIM_IMAGE" --set images.loadgen="$LOADGEN_IMAGE" \
  --set images.litellm="$LITELLM_IMAGE" --set images.bifrost="$BIFROST_IMAGE" \
  --set images.endpointPicker="$EPP_IMAGE" \
  --set images.endpointPickerConfigApiVersion=inference.networking.x-k8s.io/v1alpha1 \
  --set "watchNamespaces={$NS}" >/dev/null
# Same tag, new build: restart so the pod runs the image just imported.
$existed && kubectl -n "$OPERATOR_NS" rollout restart deployment/crossover >/dev/null
kubectl -n "$OPERATOR_NS" rollout status deployment/crossover --timeout=180s \
  || { kubectl -n "$OPERATOR_NS" logs deployment/crossover --tail=30 >&2 || true; fail "the operator did not become ready"; }

step "Applying samples/local/simulator-platform.yaml and gateways.yaml to namespace $NS"
kubectl delete benchmarkrun "$RUN" -n "$NS" --ignore-not-found >/dev/null   # a run's spec is immutable: start afresh
kubectl apply -n "$NS" -f "$repo/samples/local/simulator-platform.yaml" -f "$repo/samples/local/gateways.yaml"

step "Waiting for the platform and both gateways to become Ready"
kubectl wait -n "$NS" --for=condition=Ready --timeout=240s infp/sim gatewayprofile/sim-litellm gatewayprofile/sim-bifrost \
  || { kubectl get infp,gatewayprofile -n "$NS" >&2; fail "not Ready; see kubectl describe above resources"; }
kubectl get infp,gatewayprofile -n "$NS"

step "Running BenchmarkRun $RUN: the platform directly and through LiteLLM and Bifrost"
last=""
for _ in $(seq 1 120); do
  phase="$(kubectl get br "$RUN" -n "$NS" -o jsonpath='{.status.phase} {.status.progress}' 2>/dev/null || true)"
  [ "$phase" != "$last" ] && printf '    [%3ds] %s\n' "$((SECONDS - started))" "${phase:-Pending}" && last="$phase"
  case "$phase" in Succeeded*|Failed*) break ;; esac
  sleep 5
done
case "$phase" in
  Succeeded*) ;;
  *) kubectl get br "$RUN" -n "$NS" -o yaml | sed -n '/^status:/,$p' >&2; fail "BenchmarkRun $RUN did not succeed" ;;
esac

step "Results"
kubectl get br -n "$NS"
echo
{
  printf 'TARGET\tLEVEL\tREQUESTS\tTTFT p50 ms\tTTFT p95 ms\tE2E p95 ms\treq/s\tMEETS SLO\n'
  kubectl get br "$RUN" -n "$NS" -o jsonpath='{range .status.results[*]}{.target}{"\t"}{.level}{"\t"}{.requests}{"\t"}{.ttftMs.p50}{"\t"}{.ttftMs.p95}{"\t"}{.e2eMs.p95}{"\t"}{.requestsPerSecond}{"\t"}{.meetsSlo}{"\n"}{end}'
} | awk -F'\t' 'NR == 1 {print; next} {printf "%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%s\n", $1, $2, $3, $4, $5, $6, $7, $8}' | column -t -s "$(printf '\t')"
echo
kubectl get br "$RUN" -n "$NS" -o jsonpath='{range .status.targets[*]}{.name}: capacity under the SLO {.maxLoadMeetingSlo}; USD {.costPerMillionTokensUSD} per 1M tokens ({.costNote}){"\n"}{end}'
# Each gateway's added TTFT against the direct path, with its 95 % confidence interval.
kubectl get br "$RUN" -n "$NS" -o jsonpath='{range .status.targets[?(@.gatewayAddedLatency)]}{.name}{"\t"}{.gatewayAddedLatency.comparedWith}{"\t"}{.gatewayAddedLatency.addedMs.p50}{"\t"}{.gatewayAddedLatency.ciLowMs}{"\t"}{.gatewayAddedLatency.ciHighMs}{"\n"}{end}' \
  | awk -F'\t' 'NF >= 5 {printf "%s adds %.1f ms TTFT p50 over %s (95%% CI %.1f .. %.1f ms)\n", $1, $3, $2, $4, $5}'
recommendation="$(kubectl get br "$RUN" -n "$NS" -o jsonpath='{.status.recommendation}')"
[ -n "$recommendation" ] && printf '\nRecommendation: %s\n' "$recommendation"
report="$(kubectl get br "$RUN" -n "$NS" -o jsonpath='{.status.reportConfigMap}')"
echo
if [ -n "$report" ]; then
  echo "Full report: ConfigMap $NS/$report (report.json, report.md, SVG charts)"
  echo "  kubectl get configmap $report -n $NS -o jsonpath='{.data.report\\.md}'"
else
  echo "Full status: kubectl get br $RUN -n $NS -o yaml"
fi
cat <<MSG

Done in $((SECONDS - started)) s. The cluster is still running: export KUBECONFIG=$KUBECONFIG
Operator log: kubectl -n $OPERATOR_NS logs deployment/crossover
Remove it all with: make cluster-down
MSG
