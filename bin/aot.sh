# Sourced by ./phonectl: the JVM's ahead-of-time cache for one-shot commands ({aot} in bin/jvm.options).
#
# A JDK 25 or newer records, in a training run, the classes a command loads and links (and their profiles) into a
# cache file; a later JVM started with -XX:AOTCache maps them instead of reading, verifying and linking them again.
# The cache belongs to one build of the jar and one JDK: it is named with the jar's modification time and a checksum
# of the java binary's path, trained once (phonectl aot-training, the usual commands against simulated phones) the
# first time a one-shot command runs after a build, and the caches of other builds are deleted. Training writes to a
# file of its own and renames it, under a lock, so commands started at the same moment neither train twice nor read a
# half-written cache; a command that finds the lock taken starts without the cache (a lock older than five minutes was
# left by a training that was killed, and is taken over). When training fails, the reason is in .aot.log and the build
# is not trained again (delete cli/target/*.aot.failed to retry). PHONECTL_AOT=off leaves the cache out. Older JDKs
# have no such cache: nothing is trained or added for them.

# prints the JVM options that use the cache of this jar and JDK, training it first when there is none; or nothing
phonectl_aot_cache() {
  local root="$1" jar="$2" stamp="$3" major jdk dir file lock rc
  [ "${PHONECTL_AOT:-on}" = off ] && return 0
  major=$(phonectl_java_major "$PHONECTL_JAVA")
  [ -n "$major" ] && [ "$major" -ge 25 ] || return 0
  jdk=$(printf %s "$PHONECTL_JAVA" | cksum | cut -d' ' -f1)
  dir="$(dirname "$jar")"
  file="$dir/cli-$stamp-$jdk.aot"
  # what earlier builds of the jar left (a running command keeps its mapped copy)
  find "$dir" -maxdepth 1 -name 'cli-[0-9]*.aot*' ! -name "cli-$stamp-*" -exec rm -rf {} + 2>/dev/null || true
  # a lock older than any training is one that a killed training left
  find "$dir" -maxdepth 1 -name "cli-$stamp-$jdk.aot.lock" -mmin +5 -exec rmdir {} + 2>/dev/null || true
  if [ ! -f "$file" ] && [ ! -f "$file.failed" ] && mkdir "$file.lock" 2>/dev/null; then
    lock="$file.lock"
    trap 'rm -f "$file.$$"; rmdir "$lock" 2>/dev/null' EXIT
    echo "phonectl: training the start-up cache of one-shot commands (once per build, about 10 s)..." >&2
    rc=0
    "$PHONECTL_JAVA" -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="$file.$$" -Xlog:aot=off -Xlog:cds=off \
      -jar "$jar" aot-training >"$root/.aot.log" 2>&1 </dev/null || rc=$?
    if [ "$rc" = 0 ] && [ -s "$file.$$" ]; then
      mv -f "$file.$$" "$file"
    elif [ "$rc" -lt 128 ]; then
      # not interrupted: a failure that would repeat, so it is not tried again for this build
      touch "$file.failed"
      echo "phonectl: the start-up cache could not be trained (see $root/.aot.log); commands start without it" >&2
    fi
    rm -f "$file.$$"
    rmdir "$lock" 2>/dev/null
    trap - EXIT
  fi
  [ -f "$file" ] && printf '%s' "-XX:AOTCache=$file -Xlog:aot=off -Xlog:cds=off"
  return 0
}
