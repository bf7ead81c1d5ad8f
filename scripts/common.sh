# Shared set-up for ./run, ./test and the benchmarks. Sourced, not executed.
# Every step says what it does and is skipped when already done, so a second run is fast.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_LEPTOS_VERSION="0.3.10"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${ROAMDESK_PG_PORT:-54329}"
PG_DIR="$ROOT/target/pg"
# Builds are cached outside the checkout so a fresh clone (and CI) reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/roamdesk/target}"
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback
# sqlx checks queries against the committed .sqlx/ cache, so a build needs no database.
export SQLX_OFFLINE=true
# cargo-leptos builds the debug server with this flag; plain cargo commands (test, clippy) use
# the same so they share one build cache instead of compiling everything twice.
HOST_RUSTFLAGS="--cfg erase_components"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
fail() { printf '\033[1;31merror: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root to run: $*"; fi
}

# Debian packages the project needs: PostgreSQL, Chromium for the browser tests, wrk for benchmarks.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_rust_tools() {
  command -v cargo >/dev/null || fail "Rust is not installed (cargo missing)"
  if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    step "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "Installing wasm-bindgen-cli $want (matches Cargo.lock)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_node_tools() {
  command -v npm >/dev/null || fail "Node.js and npm are needed for Tailwind, wasm-opt and Playwright"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm tools (Tailwind CSS, binaryen, Playwright)"
    # Not `npm ci`: npm 11 rejects this lockfile for lacking other platforms' optional packages.
    # Versions are pinned exactly in package.json and the lockfile is read, never rewritten.
    npm install --no-save --no-audit --no-fund --loglevel=error
  fi
}

# Python test tools (aiosmtpd, localstripe) in a project-local virtualenv, pinned in scripts/requirements-test.txt.
VENV="$ROOT/target/venv"
ensure_python_tools() {
  ensure_debian_packages python3-venv
  if [ ! -x "$VENV/bin/python" ] || [ scripts/requirements-test.txt -nt "$VENV/.installed" ]; then
    step "Installing Python test tools (aiosmtpd, localstripe) into target/venv"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/requirements-test.txt
    touch "$VENV/.installed"
  fi
  export ROAMDESK_AIOSMTPD="$VENV/bin/aiosmtpd"
}

# Starts an SMTP server on 127.0.0.1:$1 that stores every message in the Maildir $2.
start_smtp_sink() {
  local port="$1" maildir="$2"
  mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
  "$VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" &
  SMTP_PID=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the SMTP server did not start on port $port"
}

# Starts the Stripe emulator (localstripe plus scripts/stripe_emulator.py) on a free port of
# 127.0.0.1 and sends its webhooks to $1, signed with $2. Sets STRIPE_EMULATOR_URL and _PID.
start_stripe_emulator() {
  local webhook_url="$1" webhook_secret="$2" out="$ROOT/target/stripe-emulator.out"
  : > "$out"
  "$VENV/bin/python" scripts/stripe_emulator.py --port 0 --quiet >"$out" &
  STRIPE_EMULATOR_PID=$!
  STRIPE_EMULATOR_URL=""
  for _ in $(seq 100); do
    STRIPE_EMULATOR_URL="$(awk '/^stripe-emulator ready/ {print $3; exit}' "$out")"
    [ -n "$STRIPE_EMULATOR_URL" ] && break
    sleep 0.1
  done
  [ -n "$STRIPE_EMULATOR_URL" ] || fail "the Stripe emulator did not start (see $out)"
  curl -fsS -o /dev/null -X POST "${STRIPE_EMULATOR_URL}_config/webhooks/roamdesk" \
    --data-urlencode "url=$webhook_url" --data-urlencode "secret=$webhook_secret" \
    || fail "could not register the webhook with the Stripe emulator"
}

# A project-local PostgreSQL cluster under target/pg, on its own port, reachable on loopback only.
pg_ctl_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; else "$PG_BIN/$1" "${@:2}"; fi
}

start_local_postgres() {
  [ -x "$PG_BIN/initdb" ] || fail "PostgreSQL server binaries not found in $PG_BIN"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    step "Creating a project-local PostgreSQL cluster in target/pg"
    mkdir -p "$PG_DIR"
    # initdb refuses to run as root: the cluster belongs to the unprivileged postgres user.
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    pg_ctl_as_owner initdb -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pg_ctl_as_owner pg_ctl -D "$PG_DIR/data" status >/dev/null 2>&1; then
    step "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_ctl_as_owner pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  fi
}

stop_local_postgres() {
  pg_ctl_as_owner pg_ctl -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}

local_database_url() { echo "postgres://postgres@127.0.0.1:$PG_PORT/$1"; }

# Creates database $1 on the local cluster; with "fresh", drops it first.
create_database() {
  local name="$1" mode="${2:-}"
  if [ "$mode" = fresh ]; then
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
  fi
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
    || psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null
}

# The environment the server binary needs when started outside cargo-leptos.
export_leptos_env() {
  export LEPTOS_OUTPUT_NAME=roamdesk
  export LEPTOS_SITE_ROOT="$ROOT/target/site"
  export LEPTOS_SITE_PKG_DIR=pkg
  export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
  export LEPTOS_RELOAD_PORT="${LEPTOS_RELOAD_PORT:-3001}"
}

wait_for_http() {
  local url="$1" tries="${2:-120}"
  for _ in $(seq "$tries"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  fail "$url did not answer"
}
