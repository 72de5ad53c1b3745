#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, typecheck, build, dist freshness, unit and
# end-to-end tests. Ends with one line of totals from Jest: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
bash scripts/ensure-lab.sh || exit 1
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p .tmp

failed=()
# Log groups where a runner folds them; a plain heading in a terminal.
if [ "${GITHUB_ACTIONS:-}" = "true" ]; then
  begin() { echo "::group::$1"; }
  end() { echo "::endgroup::"; }
else
  begin() { echo "== $1"; }
  end() { :; }
fi
step() {
  local name=$1
  shift
  begin "$name"
  if "$@"; then end; else end; echo "FAILED: $name"; failed+=("$name"); fi
}

step "lint (eslint)" eslint .
step "format (prettier)" prettier --check .
step "typecheck (tsc)" tsc --noEmit -p tsconfig.json
step "policy validator (ajv standalone)" tsx scripts/policy-validator.ts
step "build (esbuild)" tsx scripts/build.ts
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  # In CI the checkout is clean, so any difference means the committed dist/ is stale. On a
  # developer's machine it only means "not committed yet", so it is a reminder there.
  stale=$(git status --porcelain -- dist/ src/policy/schema-validator.js)
  if [ -n "$stale" ]; then
    echo "the build differs from the committed one; commit the rebuilt files with the source change:"
    echo "$stale"
    if [ "${CI:-}" = "true" ]; then failed+=("dist is stale"); fi
  fi
fi

results=.tmp/jest-results.json
rm -f "$results"
# A full run writes the reliability suite's record afresh (see scripts/reliability-docs.ts).
[ $# -eq 0 ] && rm -rf .tmp/reliability
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --json --outputFile="$results" "$@"
jest_status=$?
[ $jest_status -eq 0 ] || failed+=("jest")

# docs/reliability.md says what the reliability suite proved: rewritten after a full, passing
# run; in CI a difference from the committed file fails, as a stale dist/ does.
if [ $# -eq 0 ] && [ $jest_status -eq 0 ]; then
  step "reliability report (docs/reliability.md)" tsx scripts/reliability-docs.ts
  if [ -n "$(git status --porcelain -- docs/reliability.md 2>/dev/null)" ]; then
    echo "docs/reliability.md differs from the suite's results; commit the regenerated file"
    if [ "${CI:-}" = "true" ]; then failed+=("docs/reliability.md is stale"); fi
  fi
fi

if [ ${#failed[@]} -gt 0 ]; then echo "Failed steps: ${failed[*]}"; fi
if [ -f "$results" ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$results"
else
  echo "0 passed, 1 failed"
fi
[ ${#failed[@]} -eq 0 ]
