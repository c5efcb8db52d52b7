#!/usr/bin/env bash
# Sourced by ./openclaw, ./test.sh and the benchmark: sets JDK to a JDK 21+ home, or explains and exits.
java_major() { # prints the major version of the java binary $1, or 0
  local v home
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  # the JDK's release file says it without starting a JVM (~0.1 s each, more on a loaded machine)
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$home/release" | head -1)
    [[ "$v" == 1 ]] && v=8
  fi
  if ! [[ "${v:-}" =~ ^[0-9]+$ ]]; then
    v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}') || true
    v=${v%%.*}
  fi
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

find_jdk() { # prints a JAVA_HOME with java >= 21 and javac, preferring $JAVA_HOME, then PATH, then the newest installed
  local cand best="" best_v=0 v
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && $(java_major "$JAVA_HOME/bin/java") -ge 21 ]]; then
    echo "$JAVA_HOME"; return 0
  fi
  if command -v java >/dev/null 2>&1; then
    cand="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if [[ $(java_major "$cand/bin/java") -ge 21 ]]; then echo "$cand"; return 0; fi
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
              "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -x "$cand/bin/java" ]] || continue
    v=$(java_major "$cand/bin/java")
    if [[ $v -ge 21 && $v -gt $best_v ]]; then best="$cand"; best_v=$v; fi
  done
  [[ -n "$best" ]] && echo "$best" && return 0
  return 1
}

if ! JDK="$(find_jdk)"; then
  cat >&2 <<'MSG'
openclaw needs a JDK 21 or newer, and none was found (checked $JAVA_HOME, `java` on PATH, /usr/lib/jvm,
/usr/java, /opt, ~/.sdkman, ~/.jdks). Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk     (or any Temurin 21+ build)
  macOS:          brew install openjdk@21
then run ./openclaw again, or point JAVA_HOME at it: JAVA_HOME=/path/to/jdk ./openclaw gateway
MSG
  exit 1
fi
