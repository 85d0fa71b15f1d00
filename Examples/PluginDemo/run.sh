#!/usr/bin/env bash
# Builds the plugin demo from a clean state and runs it, checking the build plugin as a user meets it:
#   - a clean build generates the client from Sources/PluginDemo/openapi.yaml (ClientGenPlugin);
#   - once built, a build with nothing changed neither runs clientgen nor recompiles the app;
#   - an edited spec does;
#   - a broken spec (a dangling reference, with `strict: true`) fails the build with `openapi.yaml:line:col: error:`
#     in `swift build` output;
#   - the app then calls a local server with the generated client and exits 0.
set -euo pipefail
cd "$(dirname "$0")"
spec=Sources/PluginDemo/openapi.yaml
config=Sources/PluginDemo/clientgen.yaml
backup=$(mktemp)
config_backup=$(mktemp)
cp "$spec" "$backup"
cp "$config" "$config_backup"
trap 'cp "$backup" "$spec"; cp "$config_backup" "$config"; rm -f "$backup" "$config_backup"' EXIT

fail() { echo "PluginDemo: FAILED: $*" >&2; exit 1; }
# Shows the build output and returns it; writing to /dev/stderr by path would reopen (and truncate) a log file.
build() {
    local out status
    out=$(swift build 2>&1)
    status=$?
    printf '%s\n' "$out" >&2
    printf '%s\n' "$out"
    return $status
}
generations() { grep -c "Generating client" <<<"$1" || true; }

rm -rf .build
out=$(build) || fail "the clean build failed"
[ "$(generations "$out")" -ge 1 ] || fail "the clean build did not generate the client"

# SwiftPM links a plugin's tool twice in the first build and relinks it once in the next, which reruns the
# command (swiftlang/swift-package-manager#8273). clientgen then rewrites nothing, so the app is not recompiled;
# from there on a build with nothing changed runs nothing.
out=$(build) || fail "the second build failed"
! grep -q "Compiling PluginDemo" <<<"$out" || fail "a build with nothing changed recompiled the app"
out=$(build) || fail "the third build failed"
[ "$(generations "$out")" -eq 0 ] || fail "a build with nothing changed ran clientgen again"

printf '\n# edited\n' >> "$spec"
out=$(build) || fail "the build after editing the spec failed"
[ "$(generations "$out")" -ge 1 ] || fail "editing the spec did not regenerate the client"

# A dangling reference is a local defect, a warning by default; `strict: true` in the target's config makes it an error.
sed -i "s|'#/components/schemas/NewNote'|'#/components/schemas/Missing'|" "$spec"
printf 'strict: true\n' >> "$config"
if out=$(build); then fail "a broken spec built"; fi
line=$(grep -n "#/components/schemas/Missing" "$spec" | head -1 | cut -d: -f1)
grep -qE "openapi\.yaml:$line:[0-9]+: error: " <<<"$out" || fail "the broken spec's diagnostic is not in the build output"

cp "$backup" "$spec"
cp "$config_backup" "$config"
build >/dev/null || fail "the build after fixing the spec failed"
swift run PluginDemo
