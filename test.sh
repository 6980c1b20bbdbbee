#!/usr/bin/env bash
# Varta's test command: installs (as root, with apt) and starts what the tests need — Chromium, redis-server,
# a throwaway PostgreSQL cluster on 127.0.0.1 — builds once, runs every test on SQLite and on PostgreSQL,
# and prints the closing line "N passed, N failed[, N skipped]". Exit code 0 only when every test passed.
#
# Usage: ./test.sh [--db both|sqlite|postgres] [--configuration Debug|Release] [-- extra dotnet test arguments]
#   e.g. ./test.sh --db sqlite -- --filter "FullyQualifiedName~Custody"
# Not root: it says exactly what to install and stops. .ci/run calls this script.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

databases="both"
configuration="${VARTA_TEST_CONFIGURATION:-Debug}"
test_timeout="${VARTA_TEST_TIMEOUT:-40m}"
results="${VARTA_TEST_RESULTS:-$repo/TestResults/run}"
extra=()
while (($# > 0)); do
    case "$1" in
        --db) databases="${2:?--db needs both, sqlite or postgres}"; shift 2 ;;
        --configuration|-c) configuration="${2:?--configuration needs a value}"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "test.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case "$databases" in both|sqlite|postgres) ;; *) echo "test.sh: --db takes both, sqlite or postgres" >&2; exit 2 ;; esac

if [[ -z "${HOME:-}" ]]; then
    HOME="$(getent passwd "$(id -u)" | cut -d: -f6)"
    export HOME="${HOME:-/root}"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false NUGET_XMLDOC_MODE=skip
export MSBUILDTERMINALLOGGER=off MSBUILDDISABLENODEREUSE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DEBIAN_FRONTEND=noninteractive

# A server of your own may be given in VARTA_TEST_POSTGRES (it must let the tests create databases);
# otherwise a throwaway cluster is started. The SQLite run must not see it.
external_pg="${VARTA_TEST_POSTGRES:-}"
unset VARTA_TEST_POSTGRES
script_start=$SECONDS
log() { printf '[test %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { log "ERROR: $*" >&2; exit 1; }
took() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# ---------------------------------------------------------------------------------------------
# What the tests need, installed when we may
# ---------------------------------------------------------------------------------------------
find_pg_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; fi
}
find_redis() { command -v redis-server 2>/dev/null || { [[ -x /usr/bin/redis-server ]] && echo /usr/bin/redis-server; } || true; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH"
need_pg=0; [[ "$databases" != sqlite ]] && need_pg=1
missing=()
if ((need_pg)) && [[ -z "$external_pg" ]] && { [[ -z "$(find_pg_bin)" ]] || { [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; }; }; then missing+=(postgresql); fi
# Fonts with Cyrillic glyphs, so pages and screenshots render Ukrainian text.
if ! command -v chromium >/dev/null 2>&1 && [[ -z "${VARTA_CHROMIUM:-}" ]]; then missing+=(chromium fonts-dejavu-core fonts-liberation); fi
# The oversight report charts are drawn with DejaVu Sans (Oversight:ChartFont), whatever browser is used.
if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] && [[ " ${missing[*]} " != *" fonts-dejavu-core "* ]]; then missing+=(fonts-dejavu-core); fi
if [[ -z "$(find_redis)" ]]; then missing+=(redis-server); fi
if ! command -v python3 >/dev/null 2>&1; then missing+=(python3); fi
# The FSRS oracle test runs the reference scheduler (ts-fsrs, installed with npm into a temporary folder) in Node.js.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [[ $EUID -eq 0 ]] && ! command -v runuser >/dev/null 2>&1; then missing+=(util-linux); fi

policy_rc_d_added=0
remove_policy_rc_d() { if [[ "$policy_rc_d_added" == 1 ]]; then rm -f /usr/sbin/policy-rc.d; policy_rc_d_added=0; fi; }

if ((${#missing[@]} > 0)); then
    if [[ $EUID -ne 0 ]]; then
        log "The tests need: ${missing[*]}. Install them, then run ./test.sh again:"
        log "    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        log "(redis-server and PostgreSQL are started by the tests on 127.0.0.1 only; stop the system services if you like:"
        log "    sudo systemctl disable --now redis-server postgresql)"
        exit 2
    fi
    phase_start=$SECONDS
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        # The package would create and start a "main" cluster on port 5432; the tests run their own.
        mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/varta-tests.conf
    fi
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        # Keep the packages from starting system services (PostgreSQL, Redis): the tests start their own.
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_rc_d_added=1
    fi
    trap remove_policy_rc_d EXIT
    log "installing with apt: ${missing[*]}"
    for attempt in 1 2 3; do
        apt-get -q -o DPkg::Lock::Timeout=600 update && break
        [[ $attempt -lt 3 ]] || fail "apt-get update failed three times"
        log "apt-get update failed; retrying in 10s"; sleep 10
    done
    for attempt in 1 2 3; do
        apt-get -q -y -o DPkg::Lock::Timeout=600 install "${missing[@]}" && break
        [[ $attempt -lt 3 ]] || fail "apt-get install failed three times"
        log "apt-get install failed; retrying in 10s"; sleep 10
    done
    remove_policy_rc_d
    trap - EXIT
    log "installed in $(took "$phase_start")"
fi

export VARTA_CHROMIUM="${VARTA_CHROMIUM:-$(command -v chromium)}"
[[ -x "$VARTA_CHROMIUM" ]] || fail "Chromium not found at '$VARTA_CHROMIUM'"
log "dotnet $(dotnet --version); $("$VARTA_CHROMIUM" --version 2>/dev/null | head -n 1); $("$(find_redis)" --version | cut -d' ' -f1-3)"

# ---------------------------------------------------------------------------------------------
# A throwaway PostgreSQL cluster on 127.0.0.1 (stopped and removed on any exit)
# ---------------------------------------------------------------------------------------------
pg_bin=""; pg_dir=""; pg_started=0; test_pid=""
as_pg() { if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

stop_postgres() {
    if [[ "$pg_started" == 1 ]]; then
        as_pg "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m fast -w -t 60 >/dev/null \
            || as_pg "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate -w -t 30 >/dev/null || log "WARNING: pg_ctl stop failed"
        pg_started=0
    fi
    if [[ -n "$pg_dir" && -d "$pg_dir" ]]; then rm -rf -- "$pg_dir"; pg_dir=""; fi
}

on_exit() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$test_pid" ]] && kill -0 "$test_pid" 2>/dev/null; then
        kill -TERM "$test_pid" 2>/dev/null || true
        wait "$test_pid" 2>/dev/null || true
    fi
    if [[ $rc -ne 0 && -n "$pg_dir" && -f "$pg_dir/postgres.log" ]]; then
        log "last lines of the PostgreSQL log:"; tail -n 30 "$pg_dir/postgres.log" || true
    fi
    stop_postgres
    exit "$rc"
}
trap on_exit EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    pg_bin="$(find_pg_bin)"
    [[ -n "$pg_bin" ]] || fail "no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
    pg_dir="$(mktemp -d /tmp/varta-test-pg.XXXXXX)"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$pg_dir"
    chmod 700 "$pg_dir"
    local password
    password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    printf '%s\n' "$password" > "$pg_dir/pwfile"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$pg_dir/pwfile"
    chmod 600 "$pg_dir/pwfile"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" --username=postgres --pwfile="$pg_dir/pwfile" --auth-local=peer \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log"; fail "initdb failed"; }
    rm -f "$pg_dir/pwfile"
    cat >>"$pg_dir/data/postgresql.conf" <<CONF

# Varta tests: throwaway cluster, loopback only, durability off for speed
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_min_messages = warning
CONF
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        port_is_free "$port" || continue
        if as_pg "$pg_bin/pg_ctl" start -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 -o "-p $port" >/dev/null; then
            pg_started=1
            break
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt)"
    done
    [[ "$pg_started" == 1 ]] || fail "PostgreSQL did not start"
    export VARTA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_dir)"
}

# ---------------------------------------------------------------------------------------------
# Build once, test on each database
# ---------------------------------------------------------------------------------------------
phase_start=$SECONDS
log "restore and build ($configuration)"
dotnet restore Varta.slnx
dotnet build Varta.slnx --configuration "$configuration" --no-restore
log "built in $(took "$phase_start")"

rm -rf -- "$results"
mkdir -p "$results"
overall=0
run_tests() {
    local db="$1" phase_start=$SECONDS rc=0
    log "dotnet test on $db"
    timeout --kill-after=2m "$test_timeout" dotnet test Varta.slnx --configuration "$configuration" --no-build \
        --logger "console;verbosity=normal" --logger trx --results-directory "$results/$db" \
        --blame-hang-timeout 15m --blame-hang-dump-type none "${extra[@]}" </dev/null &
    test_pid=$!
    wait "$test_pid" || rc=$?
    test_pid=""
    [[ $rc -eq 124 || $rc -eq 137 ]] && log "ERROR: the tests on $db exceeded $test_timeout and were stopped"
    log "tests on $db: exit code $rc, $(took "$phase_start")"
    [[ $rc -eq 0 ]] || overall=1
}

if [[ "$databases" != postgres ]]; then
    run_tests sqlite
fi
if [[ "$databases" != sqlite ]]; then
    if [[ -n "$external_pg" ]]; then
        export VARTA_TEST_POSTGRES="$external_pg"
        log "PostgreSQL: the server in VARTA_TEST_POSTGRES"
    else
        start_postgres
    fi
    run_tests postgres
    stop_postgres
fi

log "total $(took "$script_start"); results in $results"
summary_rc=0
python3 "$repo/tools/trx-summary.py" "$results" || summary_rc=$?
[[ $overall -eq 0 && $summary_rc -eq 0 ]]
