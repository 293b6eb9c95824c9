#!/usr/bin/env bash
# Browser-level tests: the real `samad` binary driven by Selenium in Debian's headless Chromium,
# with axe checking accessibility. Screenshots land in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check selenium selenium-axe-python pytest 2>&1 | grep -v "Running pip as the 'root' user" || true
swift build --product samad
python3 -m pytest -q -p no:cacheprovider Tests/Browser
