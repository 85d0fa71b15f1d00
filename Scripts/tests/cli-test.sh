#!/usr/bin/env bash
# The generate command as users run it: --check catches a stale file without rewriting it, --templates
# replaces a built-in template by name, and a spec with errors leaves existing output untouched.
set -uo pipefail
cd "$(dirname "$0")/../.."
swift build --product clientgen >/dev/null || exit 1
clientgen="$PWD/.build/debug/clientgen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "cli-test: FAILED: $*" >&2; exit 1; }
checksum() { (cd "$1" && find . -type f | sort | xargs sha256sum); }

"$clientgen" generate Specs/allium.yaml --output "$work/out" --module Allium >/dev/null || fail "generate failed"
[ "$(ls "$work/out" | wc -l)" -eq 9 ] || fail "expected the 9 fixed files"
"$clientgen" generate Specs/allium.yaml --output "$work/out" --module Allium --check >/dev/null || fail "--check fails on fresh output"

echo "// edited by hand" >> "$work/out/Part2.Types.swift"
before=$(checksum "$work/out")
if out=$("$clientgen" generate Specs/allium.yaml --output "$work/out" --module Allium --check 2>&1); then
    fail "--check passed with a stale file"
fi
grep -q "stale: $work/out/Part2.Types.swift" <<<"$out" || fail "--check did not name the stale file: $out"
[ "$(checksum "$work/out")" = "$before" ] || fail "--check rewrote files"

mkdir "$work/templates"
printf '{{%% CONTENT_TYPE: TEXT }}\n// Custom header for {{specName}}.\n' > "$work/templates/header.mustache"
"$clientgen" generate Specs/allium.yaml --output "$work/custom" --module Allium --templates "$work/templates" >/dev/null || fail "--templates failed"
[ "$(head -1 "$work/custom/Client.swift")" = "// Custom header for allium.yaml." ] || fail "the header template was not overridden"

printf 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n' > "$work/broken.yaml"
before=$(checksum "$work/out")
# A dangling reference is local to one response: a warning by default, an error with --strict.
if out=$("$clientgen" generate "$work/broken.yaml" --output "$work/out" --module Allium --strict 2>&1); then fail "--strict generated a spec with a dangling reference"; fi
grep -q "broken.yaml:7:.*error" <<<"$out" || fail "no error with the location: $out"
[ "$(checksum "$work/out")" = "$before" ] || fail "a failed run changed the output folder"
# YAML that does not parse is an error for every run.
printf 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: [\n' > "$work/unreadable.yaml"
if out=$("$clientgen" generate "$work/unreadable.yaml" --output "$work/out" --module Allium 2>&1); then fail "unreadable YAML generated"; fi
grep -q "unreadable.yaml:[0-9]*:[0-9]*: error" <<<"$out" || fail "no YAML error with the location: $out"
[ "$(checksum "$work/out")" = "$before" ] || fail "a failed run changed the output folder"
echo "cli-test: passed"
