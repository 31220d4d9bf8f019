# Sourced by ./phonectl and ./build: finds a JDK >= 21 and exports JAVA_HOME and PHONECTL_JAVA.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).
# A JDK means a java *and* a javac, because ./build compiles.

phonectl_java_major() {
  # prints the feature version of the java binary given, or nothing. A JDK's release file says it without starting
  # a JVM (two JVM starts were ~0.4 s of every ./phonectl command); a java without one is asked.
  local release major
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n1)
    if [ -n "$major" ]; then
      echo "$major"
      return
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

phonectl_find_jdk() {
  local need=21 candidates=() home java major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if java=$(command -v java 2>/dev/null); then
    java=$(readlink -f "$java")
    candidates+=("$(dirname "$(dirname "$java")")")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidates+=("${home%/}")
  done
  for home in "${candidates[@]}"; do
    java="$home/bin/java"
    [ -x "$java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(phonectl_java_major "$java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then
      export JAVA_HOME="$home" PHONECTL_JAVA="$java"
      return 0
    fi
  done
  {
    echo "phonectl: no JDK ${need} or newer found."
    echo "  looked at: JAVA_HOME=${JAVA_HOME:-(unset)}, the java on PATH, and /usr/lib/jvm/*"
    echo "  install one (for example: apt-get install openjdk-21-jdk, or Temurin 21+) or set JAVA_HOME to it."
  } >&2
  return 1
}
