#!/usr/bin/env bash
# Builds the images the local cluster needs, without Docker: static Go programs of our own
# (e2e/scripts/images: pause, testbox) and the CoreDNS binary (build-kube.sh coredns), each packed
# by mkimage.py into a Docker-archive tarball that `ctr images import` reads.
#
#   e2e/scripts/build-images.sh [image...]   default: pause testbox coredns sim jre
#                                            -> $IMAGE_CACHE/<image>.tar
#   e2e/scripts/build-images.sh litellm      LiteLLM proxy (PyPI) on a Python copied from this
#                                            machine; opt-in: slow, needs the package index
#   e2e/scripts/build-images.sh bifrost      Bifrost (Go module, build-gateways.sh) with its glibc
#   e2e/scripts/build-images.sh epp          the Inference Extension's endpoint picker (Go module)
#   e2e/scripts/build-images.sh envoy        Envoy's release binary (build-gateways.sh envoy), the
#                                            data plane in front of the picker
#   e2e/scripts/build-images.sh loadgen operator
#                                            the project's images on the jre base, from
#                                            loadgen/target/*-all.jar and operator/target/quarkus-app
#
# sim is llm-d-inference-sim (build-sim.sh), the GPU-less stand-in for vLLM. jre is a Java runtime
# (jlink of the local JDK >= 21 plus the shared libraries it links), the base image Jib builds the
# operator and loadgen images on: <from><image>tar://$IMAGE_CACHE/jre.tar</image></from>.
#
# Tarballs are cached under a key of their inputs (sources, Go version, binary checksum).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"
mkdir -p "$IMAGE_CACHE"

# cached NAME KEY: true if the keyed tarball exists (and then points $IMAGE_CACHE/NAME.tar at it).
cached() { [ -s "$IMAGE_CACHE/$1-$2.tar" ] && publish "$1" "$2" >/dev/null; }
publish() {
  ln -sfn "$1-$2.tar" "$IMAGE_CACHE/$1.tar"
  find "$IMAGE_CACHE" -maxdepth 1 -name "$1-*.tar" ! -name "$1-$2.tar" -delete   # older builds
  echo "build-images: $1 -> $IMAGE_CACHE/$1-$2.tar"
}

# copy_libs ROOT DIR: the host's shared libraries that the executables and .so files under DIR
# link (glibc and friends), copied into ROOT at the paths they are looked up at. Libraries that
# DIR itself provides (found through $ORIGIN / LD_LIBRARY_PATH) are left alone.
copy_libs() {
  local root="$1" dir="$2" lib
  for lib in $(find "$dir" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
      | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | grep -v "^$root" | grep -v "^$dir" | sort -u); do
    [ -e "$root$lib" ] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
}

go_image() { # name tag entrypoint-args...
  local name="$1" tag="$2"; shift 2
  local key
  key="$( (cd "$here/images" && cat go.mod "$name"/*.go; cat "$here/mkimage.py"; go version; echo "$tag") | sha256sum | cut -c1-16)"
  if cached "$name" "$key"; then echo "build-images: $name cached"; return; fi
  local work; work="$(mktemp -d)"
  (cd "$here/images" && CGO_ENABLED=0 GOFLAGS=-trimpath go build -ldflags "-s -w" -o "$work/$name" "./$name")
  python3 "$here/mkimage.py" --tag "$tag" --out "$IMAGE_CACHE/$name-$key.tar" \
    --add "$work/$name:/bin/$name" --entrypoint "/bin/$name" "$@"
  rm -rf "$work"
  publish "$name" "$key"
}

image_pause() { go_image pause "$PAUSE_IMAGE"; }
image_testbox() { go_image testbox "$TESTBOX_IMAGE" --cmd sleep 0; }

image_coredns() {
bash "$here/build-kube.sh" coredns >/dev/null
key="$( (sha256sum "$COREDNS_BIN_DIR/coredns"; cat "$here/mkimage.py"; echo "$COREDNS_IMAGE") | sha256sum | cut -c1-16)"
if cached coredns "$key"; then
  echo "build-images: coredns cached"
else
  python3 "$here/mkimage.py" --tag "$COREDNS_IMAGE" --out "$IMAGE_CACHE/coredns-$key.tar" \
    --add "$COREDNS_BIN_DIR/coredns:/coredns" --entrypoint /coredns --expose 53/udp --expose 53/tcp
  publish coredns "$key"
fi
}

image_sim() {
sim_bin="$(bash "$here/build-sim.sh")"
key="$( (sha256sum "$sim_bin"; cat "$here/mkimage.py"; echo "$SIM_IMAGE") | sha256sum | cut -c1-16)"
if cached sim "$key"; then
  echo "build-images: sim cached"
else
  python3 "$here/mkimage.py" --tag "$SIM_IMAGE" --out "$IMAGE_CACHE/sim-$key.tar" \
    --add "$sim_bin:/app/llm-d-inference-sim" --entrypoint /app/llm-d-inference-sim \
    --env HOME=/tmp --expose 8000/tcp
  publish sim "$key"
fi
}

image_jre() {
jdk="$(bash "$here/jdk.sh")"
jre_modules="java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.crypto.cryptoki,jdk.localedata,jdk.net,jdk.httpserver,jdk.charsets"
key="$( (cat "$jdk/release"; echo "$jre_modules"; cat "$here/mkimage.py"; echo "$JRE_IMAGE") | sha256sum | cut -c1-16)"
if cached jre "$key"; then
  echo "build-images: jre cached"
else
  work="$(mktemp -d)"
  "$jdk/bin/jlink" --add-modules "$jre_modules" --strip-debug --no-man-pages --no-header-files \
    --output "$work/root/opt/java"
  copy_libs "$work/root" "$work/root/opt/java"
  python3 "$here/mkimage.py" --tag "$JRE_IMAGE" --out "$IMAGE_CACHE/jre-$key.tar" --add-tree "$work/root:/" \
    --env JAVA_HOME=/opt/java --env PATH=/opt/java/bin:/bin:/usr/bin --entrypoint /opt/java/bin/java
  rm -rf "$work"
  publish jre "$key"
fi
}

image_litellm() {
  local py pyver key work
  py="$(python3 -c 'import sys; print(sys.base_prefix)')"
  pyver="$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  # prometheus_client: the prometheus callback the operator renders; prisma: LiteLLM's auth error
  # path imports it; redis pinned for the valkey-semantic cache (LITELLM_REDIS_PY_VERSION). The
  # same extras build-gateways.sh puts in the loopback tests' venv.
  local extras="prometheus_client prisma redis==$LITELLM_REDIS_PY_VERSION"
  key="$( (echo "$LITELLM_VERSION $pyver $py $extras"; cat "$here/mkimage.py"; echo "$LITELLM_IMAGE") | sha256sum | cut -c1-16)"
  if cached litellm "$key"; then echo "build-images: litellm cached"; return; fi
  work="$(mktemp -d)"
  mkdir -p "$work/root/opt/python/bin" "$work/root/opt/python/lib"
  cp -L "$py/bin/python$pyver" "$work/root/opt/python/bin/"
  cp -a "$py"/lib/libpython3* "$work/root/opt/python/lib/" 2>/dev/null || true
  # The standard library without the machine's own site-packages and the parts a server never uses.
  (cd "$py/lib" && tar cf - --exclude="python$pyver/site-packages" --exclude="python$pyver/test" \
      --exclude="python$pyver/idlelib" --exclude="python$pyver/tkinter" --exclude="python$pyver/turtledemo" \
      --exclude="python$pyver/ensurepip" --exclude="python$pyver/lib2to3" "python$pyver") | tar xf - -C "$work/root/opt/python/lib"
  mkdir -p "$work/root/opt/python/lib/python$pyver/site-packages"
  python3 -m pip install --no-cache-dir --disable-pip-version-check --target "$work/root/opt/litellm" \
    "litellm[proxy]==$LITELLM_VERSION" $extras >"$IMAGE_CACHE/litellm-pip.log" 2>&1 \
    || { echo "build-images: pip install litellm[proxy]==$LITELLM_VERSION failed, see $IMAGE_CACHE/litellm-pip.log" >&2; rm -rf "$work"; return 1; }
  LD_LIBRARY_PATH="$work/root/opt/python/lib" copy_libs "$work/root" "$work/root/opt"
  python3 "$here/mkimage.py" --tag "$LITELLM_IMAGE" --out "$IMAGE_CACHE/litellm-$key.tar" --add-tree "$work/root:/" \
    --env PATH=/opt/litellm/bin:/opt/python/bin:/bin --env PYTHONHOME=/opt/python --env PYTHONPATH=/opt/litellm \
    --env LD_LIBRARY_PATH=/opt/python/lib --env LITELLM_LOCAL_MODEL_COST_MAP=True --env HOME=/tmp \
    --entrypoint-json "[\"/opt/python/bin/python$pyver\", \"-m\", \"litellm.proxy.proxy_cli\"]" --expose 4000/tcp
  rm -rf "$work"
  publish litellm "$key"
}

# Bifrost's HTTP gateway (build-gateways.sh bifrost: the Go module, cgo for sqlite) with the glibc
# it links. The operator's Deployment passes -app-dir/-host/-port and mounts config.json.
image_bifrost() {
  local bin key work
  bin="$(bash "$here/build-gateways.sh" bifrost)"
  key="$( (sha256sum "$bin"; cat "$here/mkimage.py"; echo "$BIFROST_IMAGE") | sha256sum | cut -c1-16)"
  if cached bifrost "$key"; then echo "build-images: bifrost cached"; return; fi
  work="$(mktemp -d)"
  mkdir -p "$work/root/app" "$work/root/tmp"
  cp "$bin" "$work/root/app/bifrost-http"
  copy_libs "$work/root" "$work/root/app"
  python3 "$here/mkimage.py" --tag "$BIFROST_IMAGE" --out "$IMAGE_CACHE/bifrost-$key.tar" --add-tree "$work/root:/" \
    --env HOME=/tmp --entrypoint /app/bifrost-http --expose 8080/tcp
  rm -rf "$work"
  publish bifrost "$key"
}

# The Inference Extension's endpoint picker (cmd/epp of its Go module, pure Go), cached by version:
# build-gateways.sh epp builds the binary (the loopback data-path test runs the same one).
image_epp() {
  local bin dest key
  bin="$(bash "$here/build-gateways.sh" epp)"
  dest="$(dirname "$bin")"
  key="$( (sha256sum "$dest/epp"; cat "$here/mkimage.py"; echo "$EPP_IMAGE") | sha256sum | cut -c1-16)"
  if cached epp "$key"; then echo "build-images: epp cached"; return; fi
  python3 "$here/mkimage.py" --tag "$EPP_IMAGE" --out "$IMAGE_CACHE/epp-$key.tar" \
    --add "$dest/epp:/epp" --entrypoint /epp --env HOME=/tmp --expose 9002/tcp --expose 9003/tcp --expose 9090/tcp
  publish epp "$key"
}

# Envoy's release binary (build-gateways.sh envoy) with the glibc it links: the data plane in front
# of the endpoint picker on the local cluster (see README.md, "The inference data path").
image_envoy() {
  local bin key work
  bin="$(bash "$here/build-gateways.sh" envoy)"
  key="$( (sha256sum "$bin"; cat "$here/mkimage.py"; echo "$ENVOY_IMAGE") | sha256sum | cut -c1-16)"
  if cached envoy "$key"; then echo "build-images: envoy cached"; return; fi
  work="$(mktemp -d)"
  mkdir -p "$work/root/usr/local/bin" "$work/root/tmp" "$work/root/etc/envoy"
  cp "$bin" "$work/root/usr/local/bin/envoy"
  copy_libs "$work/root" "$work/root/usr/local/bin"
  python3 "$here/mkimage.py" --tag "$ENVOY_IMAGE" --out "$IMAGE_CACHE/envoy-$key.tar" --add-tree "$work/root:/" \
    --env HOME=/tmp --entrypoint /usr/local/bin/envoy --expose 8081/tcp --expose 19000/tcp
  rm -rf "$work"
  publish envoy "$key"
}

repo="$(cd "$here/../.." && pwd)"

# java_app_image NAME TAG KEY-INPUT APP-DIR ENTRYPOINT-JSON: the jre image's tree plus APP-DIR at /app.
java_app_image() {
  local name="$1" tag="$2" input="$3" app="$4" entry="$5" key work
  image_jre >/dev/null
  key="$( (echo "$input"; readlink -f "$IMAGE_CACHE/jre.tar"; cat "$here/mkimage.py"; echo "$tag") | sha256sum | cut -c1-16)"
  if cached "$name" "$key"; then echo "build-images: $name cached"; return; fi
  work="$(mktemp -d)"
  mkdir -p "$work/root"
  tar xOf "$IMAGE_CACHE/jre.tar" --wildcards '*/layer.tar' | tar xf - -C "$work/root"
  cp -a "$app" "$work/root/app"
  python3 "$here/mkimage.py" --tag "$tag" --out "$IMAGE_CACHE/$name-$key.tar" --add-tree "$work/root:/" \
    --env JAVA_HOME=/opt/java --env PATH=/opt/java/bin:/bin:/usr/bin --entrypoint-json "$entry"
  rm -rf "$work"
  publish "$name" "$key"
}

image_loadgen() {
  local jar
  jar="$(ls "$repo"/loadgen/target/crossover-loadgen-*-all.jar 2>/dev/null | head -1)"
  if [ -z "$jar" ]; then
    (cd "$repo" && ./mvnw -B -q -pl loadgen -am package -DskipTests) >&2
    jar="$(ls "$repo"/loadgen/target/crossover-loadgen-*-all.jar | head -1)"
  fi
  local app; app="$(mktemp -d)"
  cp "$jar" "$app/loadgen.jar"
  java_app_image loadgen "$LOADGEN_IMAGE" "$(sha256sum "$jar")" "$app" '["/opt/java/bin/java", "-XX:+UseSerialGC", "-jar", "/app/loadgen.jar"]'
  rm -rf "$app"
}

image_operator() {
  local app="$repo/operator/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || (cd "$repo" && ./mvnw -B -q -pl operator -am package -DskipTests) >&2
  java_app_image operator "$OPERATOR_IMAGE" "$(find "$app" -type f -exec sha256sum {} + | sort | sha256sum)" "$app" \
    '["/opt/java/bin/java", "-jar", "/app/quarkus-run.jar"]'
}

images=("$@")
[ ${#images[@]} -gt 0 ] || images=(pause testbox coredns sim jre)
for i in "${images[@]}"; do
  declare -F "image_$i" >/dev/null || { echo "build-images: unknown image $i" >&2; exit 2; }
  "image_$i"
done
