#!/usr/bin/env bash
# Runs every check and test warta has, on a fresh machine or a dev one, and
# the quality gates over the built example site. Installs what it needs first
# (Debian's chromium and a Java runtime, npm packages from
# scripts/gates/package-lock.json); safe to run again. CI (.ci/run) runs it.
#
#   0. setup (apt, npm ci)       4. build the example site (+ a synthetic one)
#   1. cargo fmt --check         5. Nu HTML Checker over every page: 0 errors
#   2. cargo clippy -D warnings  6. axe-core in headless Chromium (light and
#                                   dark): 0 serious
#   3. cargo test                7. internal links, feeds, sitemap (tests/it/links.rs)
#                                8. warta check: 0 errors, 0 warnings
#
# Steps 0-4 stop the run at the first failure; 5-8 all run and are counted.
# The last line says `gates: N passed, M failed`; the exit status is 0 only
# when nothing failed.
set -euo pipefail
cd "$(dirname "$0")/.."

GATES=scripts/gates
VNU_JAR=$GATES/node_modules/vnu-jar/build/dist/vnu.jar
CHROMIUM=/usr/bin/chromium
export CHROMIUM

if [[ "${CI:-}" == true ]]; then
    # CI clones afresh each run: keep compiled dependencies outside the clone
    # so the next run on this machine starts warm, and no incremental state
    # for one-off builds. (Cargo.toml keeps debug info to line tables: the
    # test binaries stay small on a small disk.)
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/warta/target}"
    export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
fi
BIN="${CARGO_TARGET_DIR:-target}/debug/warta"

passed=0
failed=0
times=()
run_start=$(date +%s%N)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/warta-gates.XXXXXX")
SERVER_PID=

finish() {
    local rc=$?
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
    printf '\n== times\n'
    local t
    for t in "${times[@]}"; do printf '%s\n' "$t"; done
    printf '%-44s %7.1fs\n' "whole run" "$(elapsed "$run_start")"
    if ((rc != 0 && failed == 0)); then failed=1; fi
    printf '\ngates: %d passed, %d failed\n' "$passed" "$failed"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# gate NAME FUNCTION: runs one gate, times and counts it. Gate functions
# return non-zero on any finding (they run without `set -e`: say `|| return`).
gate() {
    local name=$1 t0 result
    shift
    step "$name"
    t0=$(date +%s%N)
    if "$@"; then
        passed=$((passed + 1))
        result=ok
    else
        failed=$((failed + 1))
        result=FAILED
    fi
    times+=("$(printf '%-44s %7.1fs  %s' "$name" "$(elapsed "$t0")" "$result")")
    [[ $result == ok ]]
}

# --- setup: what the gates need ------------------------------------------

# rust-toolchain.toml pins the Rust release. On a machine whose rustup has
# that very release installed only as `stable` (and cannot download), name
# it as pinned rather than let the first `cargo` try to fetch it. Runs
# before any `cargo`, with the toolchain file bypassed.
pin_toolchain() {
    local want have host home
    want=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
    command -v rustup >/dev/null && [[ -n $want ]] || return 0
    have=$(RUSTUP_TOOLCHAIN=stable rustc -V 2>/dev/null | awk '{print $2}')
    host=$(RUSTUP_TOOLCHAIN=stable rustc -vV 2>/dev/null | sed -n 's/^host: //p')
    home=$(RUSTUP_TOOLCHAIN=stable rustup show home 2>/dev/null)
    [[ -n $host && -n $home ]] || return 0
    local dir=$home/toolchains
    if [[ ! -e $dir/$want-$host && $have == "$want" && -d $dir/stable-$host ]]; then
        echo "rust-toolchain.toml asks for $want: using the installed stable ($have)"
        ln -s "$dir/stable-$host" "$dir/$want-$host"
    fi
}

setup() {
    local sudo=() apt=()
    pin_toolchain || return
    if ((EUID != 0)) && command -v sudo >/dev/null; then sudo=(sudo); fi
    [[ -x $CHROMIUM ]] || apt+=(chromium)
    command -v java >/dev/null || apt+=(default-jre-headless)
    command -v python3 >/dev/null || apt+=(python3)
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt+=(nodejs npm); fi
    if ((${#apt[@]})); then
        echo "installing Debian packages: ${apt[*]}"
        "${sudo[@]}" apt-get update -qq || return
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${apt[@]}" >/dev/null || return
    fi
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt || return
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy || return

    # npm packages exactly as locked; install scripts off (vnu-jar's would
    # fetch a Java runtime; Debian's is used). Also Decap CMS, decap-server
    # and js-yaml: tests/it/browser_cms.rs loads the editor from this copy, as
    # pinned in src/cms (no CDN at test time). Skipped when already installed
    # from this very lock file. The npm cache (~/.npm) makes reinstalls offline.
    local want stamp=$GATES/node_modules/.installed-from-lock
    want=$(sha256sum "$GATES/package-lock.json" | cut -d' ' -f1) || return
    if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        (cd "$GATES" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline) || return
        echo "$want" >"$stamp"
    fi
    java -version 2>&1 | head -n1
    "$CHROMIUM" --version 2>/dev/null
    echo "node $(node --version), vnu $(java -jar "$VNU_JAR" --version)"
}

# Every step before the site gates stops the run when it fails.
must() { gate "$@" || exit 1; }

# The example site and a synthetic one with paginated lists, built by the
# debug binary that `cargo test` has just built (a separate `cargo build`
# would compile the dependencies again without the dev-dependencies' features).
build_sites() {
    [[ -x $BIN ]] || { echo "no $BIN: cargo test should have built it"; return 1; }
    "$BIN" --messages plain build --out "$WORK/site" || return
    "$BIN" --messages plain dev synth "$WORK/synth-src" \
        --libraries 40 --posts 60 --stories 15 >/dev/null || return
    "$BIN" --messages plain --root "$WORK/synth-src" build --out "$WORK/synth" || return
}

# Nu HTML Checker over every page (and the stylesheets) of both sites.
vnu() {
    local checked expected
    # Not admin/email/: Netlify Identity's e-mail templates, whose links hold
    # `{{ .Token }}` placeholders (docs/cms.md), are not pages.
    find "$WORK/site" "$WORK/synth" -type f \( -name '*.html' -o -name '*.css' \) \
        -not -path '*/admin/email/*' | sort >"$WORK/vnu.list"
    xargs -d '\n' java -jar "$VNU_JAR" --errors-only --also-check-css --verbose \
        <"$WORK/vnu.list" >"$WORK/vnu.files" 2>"$WORK/vnu.errors"
    local rc=$?
    sed -e "s|file:$WORK/||" "$WORK/vnu.errors"
    checked=$(wc -l <"$WORK/vnu.files")
    expected=$(wc -l <"$WORK/vnu.list")
    echo "Nu HTML Checker: $checked files checked, $(grep -c ': error:' "$WORK/vnu.errors") errors"
    if ((checked != expected)); then
        echo "expected $expected HTML and CSS files to be checked"
        return 1
    fi
    return "$rc"
}

# axe-core in headless Chromium, pages served over 127.0.0.1.
axe() {
    local port=
    python3 -u -m http.server --bind 127.0.0.1 --directory "$WORK/site" 0 \
        >"$WORK/http.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        port=$(grep -om1 'port [0-9]*' "$WORK/http.log" | cut -d' ' -f2) && [[ -n $port ]] && break
        sleep 0.1
    done
    if [[ -z $port ]]; then
        echo "the HTTP server did not start:" && cat "$WORK/http.log"
        return 1
    fi
    # Chromium's profile goes under $WORK, removed on exit whatever happens.
    TMPDIR="$WORK" node "$GATES/axe.mjs" "$WORK/site" "http://127.0.0.1:$port"
    local rc=$?
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
    return "$rc"
}

links() { cargo test --quiet --test it links::; }

# warta check: exit 0, and not a single warning.
check() {
    local out rc=0
    out=$("$BIN" --messages plain check 2>&1) || rc=$?
    printf '%s\n' "$out"
    if ((rc != 0)); then return "$rc"; fi
    if grep -Eq '(^|: )warning:|\b[1-9][0-9]* warnings?\b' <<<"$out"; then
        echo "warta check reported warnings: the example site must have none"
        return 1
    fi
}

must "setup (Debian packages, npm ci)" setup
must "cargo fmt --check" cargo fmt --all -- --check
must "cargo clippy" cargo clippy --all-targets -- -D warnings
must "cargo test" cargo test
must "build the example and a synthetic site" build_sites
gate "Nu HTML Checker: every page, 0 errors" vnu || true
gate "axe-core: 0 serious/critical violations" axe || true
gate "internal links, feeds, sitemap" links || true
gate "warta check: 0 errors, 0 warnings" check || true
((failed == 0))
