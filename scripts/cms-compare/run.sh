#!/usr/bin/env bash
# Decap CMS against Sveltia CMS on what an officer waits for (docs/cms.md,
# "Decap CMS or Sveltia CMS"): this repository's site is built into a
# temporary folder, served gzipped with both editors, and each opens the
# Jawa Tengah libraries file in headless Chromium (Playwright from
# scripts/gates), with and without a slow-phone throttle. Prints one JSON
# line per run. Needs `warta` on PATH (or WARTA=...), /usr/bin/chromium,
# scripts/gates/node_modules, and Sveltia installed apart (not a gate):
#   npm install --prefix /tmp/sveltia @sveltia/cms
#   SVELTIA=/tmp/sveltia/node_modules/@sveltia/cms scripts/cms-compare/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export GATES=${GATES:-$repo/scripts/gates/node_modules}
: "${SVELTIA:?set SVELTIA to the installed @sveltia/cms folder}"
export SVELTIA
work=$(mktemp -d)
export SITE=$work/site
mkdir -p "$SITE"
cp -r "$repo"/{content,data,static,themes,assets} "$SITE"/ 2>/dev/null || true
printf 'cms:\n  repo: perpusnas/situs-tpbis\n  cdn: /vendor/\n' >>"$SITE/data/site.yaml"
"${WARTA:-warta}" --root "$SITE" build --out "$work/out" >/dev/null
sed -i 's#"local_backend": true,#"local_backend": {"url": "http://127.0.0.1:8082/api/v1"},#' "$work/out/admin/config.yml"
node "$here/sveltia-page.mjs" "$work/out" "$(node -p "require('$SVELTIA/package.json').version")"
node "$here/serve.mjs" "$work/out" "$SITE" 8790 & server=$!
PORT=8082 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY=$SITE LOG_LEVEL=warn \
    node "$GATES/decap-server/dist/index.js" >/dev/null & decap=$!
trap 'kill $server $decap; rm -rf "$work"' EXIT
sleep 2
for run in "0 cold" "1 cold" "1 cold" "1 cold" "1 warm" "1 warm"; do
    for cms in decap sveltia; do
        node "$here/measure.mjs" "$cms" $run
    done
done
