#!/usr/bin/env bash
# Builds the images the local cluster needs, without Docker: static Go programs of our own
# (e2e/scripts/images: pause, testbox) and the CoreDNS binary (build-kube.sh coredns), each packed
# by mkimage.py into a Docker-archive tarball that `ctr images import` reads.
#
#   e2e/scripts/build-images.sh      -> $IMAGE_CACHE/{pause,testbox,coredns,sim}.tar
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

go_image pause "$PAUSE_IMAGE"
go_image testbox "$TESTBOX_IMAGE" --cmd sleep 0

bash "$here/build-kube.sh" coredns >/dev/null
key="$( (sha256sum "$COREDNS_BIN_DIR/coredns"; cat "$here/mkimage.py"; echo "$COREDNS_IMAGE") | sha256sum | cut -c1-16)"
if cached coredns "$key"; then
  echo "build-images: coredns cached"
else
  python3 "$here/mkimage.py" --tag "$COREDNS_IMAGE" --out "$IMAGE_CACHE/coredns-$key.tar" \
    --add "$COREDNS_BIN_DIR/coredns:/coredns" --entrypoint /coredns --expose 53/udp --expose 53/tcp
  publish coredns "$key"
fi

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

jdk="$(bash "$here/jdk.sh")"
jre_modules="java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.crypto.cryptoki,jdk.localedata,jdk.net,jdk.httpserver,jdk.charsets"
key="$( (cat "$jdk/release"; echo "$jre_modules"; cat "$here/mkimage.py"; echo "$JRE_IMAGE") | sha256sum | cut -c1-16)"
if cached jre "$key"; then
  echo "build-images: jre cached"
else
  work="$(mktemp -d)"
  "$jdk/bin/jlink" --add-modules "$jre_modules" --strip-debug --no-man-pages --no-header-files \
    --output "$work/root/opt/java"
  # The shared libraries the runtime links (glibc and friends), at the paths it looks them up.
  for lib in $(find "$work/root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
      | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u); do
    mkdir -p "$work/root$(dirname "$lib")"
    cp -L "$lib" "$work/root$lib"
  done
  python3 "$here/mkimage.py" --tag "$JRE_IMAGE" --out "$IMAGE_CACHE/jre-$key.tar" --add-tree "$work/root:/" \
    --env JAVA_HOME=/opt/java --env PATH=/opt/java/bin:/bin:/usr/bin --entrypoint /opt/java/bin/java
  rm -rf "$work"
  publish jre "$key"
fi
