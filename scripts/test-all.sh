#!/usr/bin/env bash
# `npm test`: every test of the project — type check, unit + integration (real PostgreSQL),
# production build, end-to-end (real Chromium). Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

stage() { printf '\n\033[1m[test] %s\033[0m\n' "$1"; }

stage "Chromium"
bash scripts/ensure-chromium.sh
stage "Type check (tsc --noEmit)"
npx tsc --noEmit -p .
stage "Unit and integration tests (vitest, real PostgreSQL)"
npx vitest run
stage "Production build (next build)"
npx next build
stage "End-to-end tests (Playwright, Chromium)"
npx playwright test
