#!/usr/bin/env bash
# Runs every test of the reactor. Installs the Debian packages the tests start if any is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
ensure_packages "${TEST_PACKAGES[@]}"
mvn -B clean verify "$@"
