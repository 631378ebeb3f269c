#!/usr/bin/env bash
# Reads Maven's output (run without -q) and shows it as one short line per module: which one, k of n, and the
# seconds since the build began; when a module takes long, a line now and then says it is still going. A build
# that fails shows every error line whole (a successful one logs errors about others' invalid POMs, which are held
# back). Every line of Maven's also goes to the log file named by the only argument.
set -uo pipefail

log="${1:?usage: maven-progress.sh LOG_FILE}"
quiet_seconds="${ATOLL_PROGRESS_QUIET_SECONDS:-15}"
: > "$log"

started=$SECONDS
module=""
position=""
downloading=0
in_error=0
pending=""
outcome=""
held=()

say() { printf 'atoll: %s (%d s)\n' "$1" $((SECONDS - started)); }

# Errors are shown once the build has failed, and held until then.
error() {
  if [ "$outcome" = failed ]; then
    printf '%s\n' "$1"
  else
    held+=("$1")
  fi
}

while true; do
  IFS= read -r -t "$quiet_seconds" chunk
  status=$?
  if [ $status -gt 128 ]; then
    # Nothing for a while: keep any half line for later, and say what is still building.
    pending+="$chunk"
    [ -n "$module" ] && say "still building ${position}${module}"
    continue
  fi
  if [ $status -ne 0 ] && [ -z "$chunk" ] && [ -z "$pending" ]; then
    break
  fi
  line="$pending$chunk"
  pending=""
  printf '%s\n' "$line" >> "$log"
  if [[ $line =~ ^\[INFO\]\ Building\ (.+)\ [^\ ]+\ +\[([0-9]+)/([0-9]+)\]$ ]]; then
    module="${BASH_REMATCH[1]}" position="[${BASH_REMATCH[2]}/${BASH_REMATCH[3]}] " downloading=0 in_error=0
    say "building ${position}${module}"
  elif [[ $line =~ ^\[INFO\]\ Building\ ([^:]+)\ [^\ :]+$ ]]; then
    # A build of one module has no k/n.
    module="${BASH_REMATCH[1]}" position="" downloading=0 in_error=0
    say "building ${module}"
  elif [[ $line == "[INFO] Downloading from "* ]] && [ $downloading -eq 0 ]; then
    downloading=1
    say "downloading dependencies${module:+ of $module}"
  elif [[ $line == "[INFO] BUILD SUCCESS"* ]]; then
    outcome=built held=()
    say "built"
  elif [[ $line == "[INFO] BUILD FAILURE"* ]]; then
    outcome=failed
    [ ${#held[@]} -gt 0 ] && printf '%s\n' "${held[@]}"
    held=()
  elif [[ $line == "[ERROR]"* ]]; then
    in_error=1
    error "$line"
  elif [[ $line == "[INFO]"* || $line == "[WARNING]"* ]]; then
    in_error=0
  elif [ $in_error -eq 1 ]; then
    # The lines that continue an error (a compiler's symbol and location, a stack) belong to it.
    error "$line"
  fi
  [ $status -ne 0 ] && break
done
# Maven stopped before its verdict: what it said wrong is all there is to show.
[ -z "$outcome" ] && [ ${#held[@]} -gt 0 ] && printf '%s\n' "${held[@]}"
exit 0
