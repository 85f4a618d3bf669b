#!/usr/bin/env bash
# Prints the home of the newest JDK >= 21 (JAVA_HOME if it qualifies, else under /usr/lib/jvm).
# The operator and loadgen need Java 21; Debian's default java here is 17. (mvnw carries the
# same search so that it stays a single self-contained file.)
set -euo pipefail
major() { [ -r "$1/release" ] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; }
if [ -n "${JAVA_HOME:-}" ] && [ "$(major "$JAVA_HOME" || echo 0)" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"; exit 0
fi
best="" best_major=0
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -x "$d/bin/java" ] || continue
  m="$(major "$d" || true)"
  [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ] && { best="$d"; best_major="$m"; }
done
[ -n "$best" ] || { echo "no JDK >= 21 found under /usr/lib/jvm; install one or set JAVA_HOME" >&2; exit 1; }
echo "$best"
