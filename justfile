# CECOP platform — every build, run and test step. `just` lists the recipes.

set shell := ["bash", "-euo", "pipefail", "-c"]

# Builds live outside the clone by default so CI and fresh clones reuse them.
export CARGO_TARGET_DIR := env_var_or_default("CARGO_TARGET_DIR", justfile_directory() / "target")

wasm_bindgen_version := "0.2.130"
binaryen_version := "132.0.0"
axe_version := "4.14.1"
garage_version := "2.5.0"
tools := justfile_directory() / ".tools"
api_bin := CARGO_TARGET_DIR / "debug/cecop-api"

# List the recipes
default:
    @just --list

# Install the pinned build and test tools that are missing (no-op when present)
tools:
    rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target list --installed | grep -q wasm32-unknown-unknown
    if ! wasm-bindgen --version 2>/dev/null | grep -q "{{wasm_bindgen_version}}"; then \
        cargo install wasm-bindgen-cli --version {{wasm_bindgen_version}} --force; fi
    if [ ! -x "{{tools}}/node_modules/.bin/wasm-opt" ] || [ ! -f "{{tools}}/node_modules/axe-core/axe.min.js" ] \
        || ! grep -q '"version": "{{binaryen_version}}"' "{{tools}}/node_modules/binaryen/package.json" \
        || ! grep -q '"version": "{{axe_version}}"' "{{tools}}/node_modules/axe-core/package.json"; then \
        npm install --no-audit --no-fund --prefix "{{tools}}" binaryen@{{binaryen_version}} axe-core@{{axe_version}} >/dev/null; fi

# Install Garage, the S3-compatible server the media tests run against (pinned, from crates.io; about 7 minutes cold)
s3-tools:
    command -v garage >/dev/null || [ -x "$HOME/.cargo/bin/garage" ] || \
        cargo install garage --version {{garage_version}} --no-default-features --features bundled-libs,sqlite

# Install the Python test tools (schemathesis, openapi-spec-validator) when missing
py-tools:
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt

# Build the single-page app (release WASM, content-hashed files in frontend/dist)
spa: tools
    WASM_OPT="{{tools}}/node_modules/.bin/wasm-opt" bash frontend/build.sh

# Build the release SPA and the release API binary
build: spa
    cargo build --release -p cecop-api
    @echo "API binary: $CARGO_TARGET_DIR/release/cecop-api  SPA: frontend/dist"

# Build and serve everything with demo data on SQLite at http://127.0.0.1:8080
run: spa
    cargo build -p cecop-api
    CECOP_STATIC_DIR="${CECOP_STATIC_DIR:-frontend/dist}" "{{api_bin}}" serve

# Load-test the publishing API on N synthetic articles (default 10,000; `N=1000000 just bench` works)
bench n=env_var_or_default("N", "10000"):
    cargo build --release -p cecop-api
    command -v oha >/dev/null || cargo install oha --version 1.16.0 --locked
    python3 bench/publishing.py --api-bin "$CARGO_TARGET_DIR/release/cecop-api" -n {{n}}

# Time the full-breakdown statistics query on the demo data and on SCALE times the data (default 100)
bench-stats scale=env_var_or_default("SCALE", "100"):
    cargo build --release -p cecop-api
    command -v oha >/dev/null || cargo install oha --version 1.16.0 --locked
    python3 bench/statistics_query.py --api-bin "$CARGO_TARGET_DIR/release/cecop-api" --scale {{scale}}

# Rewrite openapi/openapi.json from the code
openapi:
    cargo build -p cecop-api
    "{{api_bin}}" openapi > openapi/openapi.json
    @echo "openapi/openapi.json rewritten"

# Formatting and lints (clippy -D warnings on the server crates and on the WASM app)
lint: tools
    cargo fmt --all --check
    cargo clippy --all-targets -- -D warnings
    cargo clippy -p cecop-frontend --target wasm32-unknown-unknown -- -D warnings

# Prove cecop-shared builds for the browser with no server crates in its default tree
check-shared: tools
    if cargo tree -p cecop-shared -e normal --prefix none | grep -E '^(diesel|utoipa|actix|pq-sys|libsqlite3-sys) '; then \
        echo "cecop-shared pulls server crates into its default dependency tree" >&2; exit 1; fi
    cargo check -p cecop-shared --target wasm32-unknown-unknown

# Unit tests of the shared types and the API
test-unit:
    cargo test -p cecop-shared -p cecop-api -p cecop-frontend

# Black-box suite against a fresh SQLite file per test
test-sqlite:
    cargo build -p cecop-api
    CECOP_TEST_BACKEND=sqlite cargo test -p cecop-tests --test suite

# Black-box suite against a throwaway PostgreSQL cluster (started and stopped here)
test-postgres:
    #!/usr/bin/env bash
    set -euo pipefail
    cargo build -p cecop-api
    dir=$(mktemp -d /tmp/cecop-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    trap 'bash tests/scripts/pg.sh stop "$dir/pg"; rm -rf "$dir"' EXIT
    url=$(bash tests/scripts/pg.sh start "$dir/pg" "$port")
    CECOP_TEST_BACKEND=postgres CECOP_TEST_PG_URL="$url" cargo test -p cecop-tests --test suite

# The media library's tests again, against a throwaway Garage (real S3 with SigV4 checks)
test-media-s3: s3-tools
    #!/usr/bin/env bash
    set -euo pipefail
    cargo build -p cecop-api
    dir=$(mktemp -d /tmp/cecop-garage.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    trap 'bash tests/scripts/garage.sh stop "$dir"; rm -rf "$dir"' EXIT
    read -r endpoint bucket key_id secret < <(bash tests/scripts/garage.sh start "$dir" "$port")
    CECOP_TEST_BACKEND=sqlite CECOP_TEST_S3_ENDPOINT="$endpoint" CECOP_TEST_S3_BUCKET="$bucket" \
        CECOP_TEST_S3_KEY_ID="$key_id" CECOP_TEST_S3_SECRET="$secret" \
        cargo test -p cecop-tests --test suite media

# The committed OpenAPI document is valid OpenAPI 3.1 (drift is checked by the suite)
test-openapi: py-tools
    openapi-spec-validator openapi/openapi.json

# End-to-end in headless Chromium, with axe-core WCAG 2.1 A/AA checks on every page
test-browser: spa
    cargo build -p cecop-api
    CECOP_TEST_STATIC_DIR="{{justfile_directory()}}/frontend/dist" cargo test -p cecop-tests --test browser

# Property-based API tests with schemathesis against the served OpenAPI document
test-schemathesis: py-tools
    #!/usr/bin/env bash
    set -euo pipefail
    cargo build -p cecop-api
    dir=$(mktemp -d)
    read -r pid url < <(bash tests/scripts/serve-bg.sh "{{api_bin}}" "$dir")
    trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
    # A signed-in admin, so protected operations are exercised past their 401s.
    pass="schemathesis passphrase 2026"
    echo "$pass" | CECOP_DATA_DIR="$dir" RUST_LOG=warn "{{api_bin}}" create-admin --email fuzz@cecop.coop --password-stdin >/dev/null
    token=$(curl -sf -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
        -d "{\"email\":\"fuzz@cecop.coop\",\"password\":\"$pass\"}" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
    # The editorial back office first as an editor, the people who use it
    # (before the admin's run, which may disable or sign out any account).
    curl -sS --fail-with-body -X POST "$url/api/v1/users" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
        -d "{\"email\":\"editor@cecop.coop\",\"display_name\":\"Fuzz editor\",\"role\":\"editor\",\"password\":\"$pass\"}" >/dev/null
    editor=$(curl -sf -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
        -d "{\"email\":\"editor@cecop.coop\",\"password\":\"$pass\"}" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
    schemathesis --config-file tests/schemathesis.toml run "$url/api/v1/openapi.json" --url "$url" --checks all \
        --include-tag editorial -H "Authorization: Bearer $editor" --max-examples 60 --seed 1 --workers 1 --no-color
    schemathesis --config-file tests/schemathesis.toml run "$url/api/v1/openapi.json" --url "$url" --checks all \
        -H "Authorization: Bearer $token" --max-examples 60 --seed 1 --workers 2 --no-color

# Everything CI runs: lints, unit, SQLite, PostgreSQL, OpenAPI, Chromium, schemathesis
test: lint check-shared test-unit test-sqlite test-postgres test-media-s3 test-openapi test-browser test-schemathesis
    @echo "all test stages passed"
