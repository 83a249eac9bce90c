#!/usr/bin/env bash
# HumasDesk set-up on Debian 12: install the missing Debian packages, build, then run or test.
#
#   bash tools/setup.sh run [ARGS...]  build, then start build/app/gui/humasdesk ARGS...
#   bash tools/setup.sh test           build, then run the whole test suite with ctest
#   bash tools/setup.sh build          install and build only
#
# Safe to run again: it installs only packages that are missing and rebuilds incrementally.
# Environment: BUILD_DIR (default: build), BUILD_TYPE (default: RelWithDebInfo).
set -euo pipefail

# Every package, and why, is in README.md ("Dependencies"); keep the two lists in step.
PACKAGES=(
    cmake               # build system (3.25)
    ninja-build         # build tool used by the CMake configuration
    g++                 # C++17 compiler
    qt6-base-dev        # Qt Core, Gui, Widgets, Sql, Network, PrintSupport, Test (headers, CMake)
    qt6-base-dev-tools  # moc, rcc, uic run by the build
    qt6-tools-dev       # Qt6LinguistTools CMake package (qt_add_translations)
    qt6-l10n-tools      # lupdate and lrelease: translations/humasdesk_id.ts -> .qm
    libqt6sql6-sqlite   # Qt's SQLite driver plugin: the database (a plugin, only a Recommends)
    libqt6svg6          # SVG icon engine plugin: the window and sidebar icons are SVG
    libssl-dev          # OpenSSL libcrypto: PBKDF2-SHA256 password hashing in models/auth
    libbenchmark-dev    # Google Benchmark for bench/
    libical-dev         # libical: bench/bench_ical compares our iCalendar reader/writer with it
    pkg-config          # finds libical for bench/ (pkg_check_modules); without it, no comparison
    poppler-utils       # pdftotext: tests/agenda/tst_agendareport reads the text of the exported PDF
    file                # used by cpack -G DEB to find the binaries for dpkg-shlibdeps
    dpkg-dev            # dpkg-shlibdeps: the .deb's library dependencies
    faketime            # libfaketime: 'test' runs the date-sensitive labels again at far dates
    libmicrohttpd-dev   # libmicrohttpd: HTTP of humasdesk-server (limits before a body is read, timeouts, thread pool)
    libqt6sql6-psql     # Qt's PostgreSQL driver (QPSQL): humasdesk-server --database postgresql://...
    postgresql          # initdb/pg_ctl: tests/sync/tst_hubstore_pg starts a throw-away cluster (no service needed)
)

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<EOF
Usage: bash tools/setup.sh run [humasdesk arguments...]
       bash tools/setup.sh test
       bash tools/setup.sh build
EOF
}

missing_packages() {
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != installed ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

install_packages() {
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script is for Debian 12."
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all ${#PACKAGES[@]} present"
        return
    fi

    local -a as_root=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 ||
            die "missing packages (${missing[*]}) and not root; run as root or install sudo."
        as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
    fi

    say "Installing ${#missing[@]} Debian package(s): ${missing[*]}"
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/humasdesk-apt.XXXXXX.log")"
    # An unreachable extra repository makes 'update' fail although Debian's lists are fresh:
    # go on, and let 'install' decide.
    if ! "${as_root[@]}" apt-get -q -o DPkg::Lock::Timeout=300 update >"$log" 2>&1; then
        grep -E '^(E|W):' "$log" >&2 || true
        printf 'setup.sh: apt-get update reported errors; trying the install anyway\n' >&2
    fi
    if ! "${as_root[@]}" apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends \
        "${missing[@]}" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "apt-get install failed (full log: $log)"
    fi
    rm -f "$log"
    local still
    still="$(missing_packages | tr '\n' ' ')"
    [[ -z "$still" ]] || die "still missing after apt-get install: $still"
}

# build [TARGET...]: configure, then build the given targets (default: everything).
build() {
    cd "$SOURCE_DIR"
    local -a configure=(cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE")
    # Keep the generator of an existing build directory; a new one uses Ninja.
    [[ -f "$BUILD_DIR/CMakeCache.txt" ]] || configure+=(-G Ninja)
    say "Configuring ($BUILD_TYPE) in $BUILD_DIR"
    "${configure[@]}"
    local -a targets=()
    (($# == 0)) || targets=(--target "$@")
    say "Building ${*:-everything} with $(nproc) jobs"
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${targets[@]}"
}

mode="${1:-}"
case "$mode" in
    run | test | build) shift ;;
    -h | --help | help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
if [[ "$mode" == test && $# -gt 0 ]]; then
    usage >&2
    exit 2
fi

install_packages
if [[ "$mode" == run ]]; then
    build humasdesk humasdesk-cli  # the tests and benchmarks are not needed to start the program
else
    build
fi

case "$mode" in
    build)
        say "Built: $BUILD_DIR/app/gui/humasdesk and $BUILD_DIR/app/cli/humasdesk-cli"
        ;;
    test)
        export QT_QPA_PLATFORM=offscreen
        say "Running the test suite"
        status=0
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 || status=$?
        # Nothing may depend on today's date or the machine's zone: the labels that compute
        # dates run again at two far dates (the clock keeps ticking from there; the monotonic
        # clock stays real so timeouts and timers behave) and in a zone with daylight saving.
        labels='^(models|agenda|ppid|cli)$'
        for fake in '2029-02-28 12:00:00' '2035-12-31 23:30:00'; do
            say "Running the $labels labels at $fake (faketime)"
            FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$fake" \
                ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 -L "$labels" || status=$?
        done
        say "Running the $labels labels with TZ=America/New_York"
        TZ=America/New_York ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 -L "$labels" || status=$?
        exit "$status"
        ;;
    run)
        if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
            die "no display (DISPLAY and WAYLAND_DISPLAY are unset). Start it from a desktop session,
or take a screenshot without one:
  QT_QPA_PLATFORM=offscreen bash tools/setup.sh run --screenshot agenda.png --page agenda"
        fi
        say "Starting humasdesk $*"
        exec "$BUILD_DIR/app/gui/humasdesk" "$@"
        ;;
esac
