#!/usr/bin/env bash
# `Scripts/regenerate --check` passes on the committed tree, fails (listing the stale file) after a spec edit,
# and writes nothing either way.
set -uo pipefail
cd "$(dirname "$0")/../.."
spec=Specs/dune.yaml
backup=$(mktemp)
cp "$spec" "$backup"
trap 'cp "$backup" "$spec"; rm -f "$backup"' EXIT
fail() { echo "regenerate-check-test: FAILED: $*" >&2; exit 1; }

Scripts/regenerate --check >/dev/null 2>&1 || fail "--check fails on the committed tree"

sed -i 's|description: The execution ID for which this API was called.|description: The execution ID (edited).|' "$spec"
grep -q "(edited)" "$spec" || fail "the test could not edit $spec"
before=$(git status --porcelain Sources)
if out=$(Scripts/regenerate --check 2>&1); then fail "--check passed after a spec edit"; fi
grep -q "stale: .*Sources/Dune/" <<<"$out" || fail "--check did not list the stale Dune file: $out"
[ "$(git status --porcelain Sources)" = "$before" ] || fail "--check wrote files"
echo "regenerate-check-test: passed"
