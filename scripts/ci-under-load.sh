#!/usr/bin/env bash
# A test of the tests: runs .ci/run on a fresh clone while busy loops keep every core loaded, as a
# teller's old laptop or a shared build machine would be. Not part of CI itself.
#
#   scripts/ci-under-load.sh [ref]        (ref: what to clone, HEAD by default)
#
# Environment: SHARED (default /work/shared) is linked beside the clone as ../shared, as the
# project's own checkout has it; BUSY (default: the number of cores) is how many busy loops run.
# Prints the wall time and the exit code of .ci/run, and exits with that code.
set -uo pipefail

source_repo="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:-HEAD}"
shared="${SHARED:-/work/shared}"
busy="${BUSY:-$(nproc)}"

work="$(mktemp -d "${TMPDIR:-/tmp}/ct-ci-under-load-XXXXXX")"
loops=()
stop_loops() {
  for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${loops[@]}"; do wait "$pid" 2>/dev/null; done
  loops=()
}
trap 'stop_loops; rm -rf "$work"' EXIT

commit="$(git -C "$source_repo" rev-parse "$ref")" || exit 2
git clone --quiet --no-local "$source_repo" "$work/repo" || exit 2
git -C "$work/repo" checkout --quiet --detach "$commit" || exit 2
[ -e "$shared" ] && ln -s "$shared" "$work/shared"

for _ in $(seq "$busy"); do
  ( while :; do :; done ) &
  loops+=("$!")
done
echo "ci-under-load: ${commit:0:12} in $work/repo, ${busy} busy loops, load $(cut -d' ' -f1-3 /proc/loadavg)"

started=$(date +%s)
( cd "$work/repo" && CI=true bash .ci/run ) >"$work/ci.log" 2>&1
rc=$?
took=$(( $(date +%s) - started ))
stop_loops

tail -n 40 "$work/ci.log"
cp "$work/ci.log" "${TMPDIR:-/tmp}/ct-ci-under-load.log"
printf 'ci-under-load: rc=%d, %dm%02ds under %d busy loops (log: %s)\n' \
  "$rc" $((took / 60)) $((took % 60)) "$busy" "${TMPDIR:-/tmp}/ct-ci-under-load.log"
exit "$rc"
