#!/usr/bin/env bash
# Tests `Scripts/regenerate --watch` against a temporary copy of one shipped spec: the initial generation, a
# spec edit, a broken spec (the diagnostic is printed and the watcher keeps running) and its fix. Runs in
# polling mode and, when inotifywait is installed, in inotify mode. Each mode takes a few seconds; every wait
# is bounded, and the watcher is always killed.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

swift build --product clientgen >/dev/null # outside the timed part: CI may not have built the tool yet

work=$(mktemp -d)
watcher=
cleanup() {
    if [ -n "$watcher" ] && kill -0 "$watcher" 2>/dev/null; then kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "watch-test: FAIL: $*" >&2
    echo "--- watcher output ---" >&2
    cat "$work/log" >&2 || true
    exit 1
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls the command every 0.2 s until it succeeds.
wait_for() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ $SECONDS -lt $deadline ] || fail "no $what within ${seconds}s"
        kill -0 "$watcher" 2>/dev/null || fail "the watcher exited while waiting for $what"
        sleep 0.2
    done
}

run_mode() {
    local mode=$1
    local started=$SECONDS
    rm -rf "$work/specs" "$work/out" "$work/log"
    mkdir -p "$work/specs"
    cp "$root/Specs/dune.yaml" "$work/specs/dune.yaml"
    printf 'clients:\n  - spec: dune.yaml\n    module: Dune\n    output: ../out/Dune\n' >"$work/specs/clientgen.yaml"
    local client="$work/out/Dune/Client.swift"

    if [ "$mode" = polling ]; then export CLIENTGEN_WATCH_POLL=1; else unset CLIENTGEN_WATCH_POLL; fi
    "$root/Scripts/regenerate" --watch --config "$work/specs/clientgen.yaml" >"$work/log" 2>&1 &
    watcher=$!

    wait_for 20 "initial generation" test -f "$client"
    local how="polling every second"
    [ "$mode" = inotify ] && how="(inotifywait)"
    grep -qF "$how" "$work/log" || fail "the watcher does not say it watches by $how"

    # An edit to the spec is picked up.
    sed -i 's/^  title: .*/  title: Watched Dune/' "$work/specs/dune.yaml"
    wait_for 10 "regeneration after an edit" grep -q "Watched Dune" "$client"
    grep -q "changed: .*dune.yaml" "$work/log" || fail "the watcher did not say what changed"

    # A broken spec prints a file:line:col diagnostic, writes nothing, and the watcher stays.
    cp "$work/specs/dune.yaml" "$work/good.yaml"
    # (A dangling reference would only be a warning: the break is YAML that does not parse, an unclosed quote.)
    sed -i '0,/\$ref: .#\/components\/schemas\/\([A-Za-z]*\)./s//$ref: "#\/components\/schemas\/Missing/' "$work/specs/dune.yaml"
    grep -q 'schemas/Missing$' "$work/specs/dune.yaml" || fail "could not break the spec"
    wait_for 10 "a diagnostic for the broken spec" grep -qE 'dune\.yaml:[0-9]+:[0-9]+: error: YAML' "$work/log"
    grep -q "Watched Dune" "$client" || fail "the broken spec changed the generated client"
    sleep 1.5
    kill -0 "$watcher" 2>/dev/null || fail "the watcher exited on a broken spec"

    # Fixing it regenerates again.
    sed 's/^  title: .*/  title: Fixed Dune/' "$work/good.yaml" >"$work/specs/dune.yaml"
    wait_for 10 "regeneration after the fix" grep -q "Fixed Dune" "$client"

    kill "$watcher"
    wait "$watcher" 2>/dev/null || true
    watcher=
    echo "watch-test: $mode mode passed in $((SECONDS - started))s"
}

run_mode polling
if command -v inotifywait >/dev/null; then
    run_mode inotify
else
    echo "watch-test: inotifywait is not installed (Debian: inotify-tools); inotify mode not tested"
fi
