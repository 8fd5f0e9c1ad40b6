#!/usr/bin/env bash
# Every check, in order, with a summary. Called by `make test` once the tools are installed.
# Runs every step (the end-to-end tests only if the release build succeeded), then
# exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

declare -a names=() results=() times=()
failed=0

step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local start=$SECONDS
  if "$@"; then
    results+=("pass")
  else
    results+=("FAIL")
    failed=$((failed + 1))
  fi
  names+=("$name")
  times+=("$((SECONDS - start))s")
}

skip() {
  names+=("$1")
  results+=("skipped ($2)")
  times+=("-")
  failed=$((failed + 1))
}

step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
step "unit tests (native)" cargo test
step "component tests (wasm, headless Chromium)" cargo test --target wasm32-unknown-unknown
step "release build (trunk)" trunk build --release --offline
if [ "${results[-1]}" = "pass" ]; then
  step "HTML validation (Nu Html Checker)" node tools/html-check/check.js
  step "end-to-end tests (Playwright, Chromium)" bash -c 'cd tests/e2e && npx playwright test'
  step "smoke in Firefox ESR and WebKitGTK" node tests/engines/smoke.js
else
  skip "HTML validation (Nu Html Checker)" "no release build"
  skip "end-to-end tests (Playwright, Chromium)" "no release build"
  skip "smoke in Firefox ESR and WebKitGTK" "no release build"
fi

echo
echo "Summary"
for i in "${!names[@]}"; do
  printf '  %-45s %-8s %s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
done
total=${#names[@]}
if [ "$failed" -eq 0 ]; then
  echo "make test: PASSED, all $total steps"
else
  echo "make test: FAILED, $failed of $total steps did not pass"
  exit 1
fi
