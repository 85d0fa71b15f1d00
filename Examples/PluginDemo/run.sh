#!/usr/bin/env bash
# Builds the plugin demo from a clean state and runs it: the build generates the client from
# Sources/PluginDemo/openapi.yaml (ClientGenPlugin), the run calls a local server with it and exits 0 on success.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf .build
swift build
swift run PluginDemo
