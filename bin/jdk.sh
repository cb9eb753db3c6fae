# Sourced by the scripts in bin/ and by .ci/run: exports JAVA_HOME pointing at a JDK of at least 21.
# Order: $JAVA_HOME, every JDK under /usr/lib/jvm (newest first), the javac on the PATH.
_ops_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1 | cut -d. -f1
}
_ops_pick_jdk() {
  local candidates=() c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    m=$(_ops_java_major "$c" 2>/dev/null || echo 0)
    if [ "${m:-0}" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(_ops_pick_jdk) || { echo "ops: no JDK 21 or newer found (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own Guice calls sun.misc.Unsafe, which JDK 24 and newer warn about on every build; this lets it, in
# Maven's JVM only (tests run in forked JVMs of their own). The option exists from JDK 23 on.
if [ "$(_ops_java_major "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
