#!/usr/bin/env bash
# Builds the single-page app into frontend/dist (or $DIST_DIR), ready to be
# served by `cecop-api serve` with CECOP_STATIC_DIR pointing there:
#   cargo (wasm32) -> wasm-bindgen (--target web) -> wasm-opt -Oz
#   -> content-hashed file names -> index.html with those names filled in.
#
# Usage: frontend/build.sh [PROFILE]
# Environment (all optional):
#   PROFILE           cargo profile (default wasm-release: opt-level z, LTO, panic=abort);
#                     the first argument wins over it
#   CARGO_TARGET_DIR  cargo's target directory (default <repo>/target)
#   WASM_BINDGEN      wasm-bindgen CLI, same version as in Cargo.lock (default: on PATH)
#   WASM_OPT          binaryen wasm-opt >= 117 (default <repo>/.tools/node_modules/.bin/wasm-opt,
#                     from `npm install --prefix .tools binaryen@132.0.0`); "skip" to skip it
#   DIST_DIR          output directory (default <repo>/frontend/dist)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROFILE="${1:-${PROFILE:-wasm-release}}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
WASM_OPT="${WASM_OPT:-$ROOT/.tools/node_modules/.bin/wasm-opt}"
DIST_DIR="${DIST_DIR:-$ROOT/frontend/dist}"
STAGE="$DIST_DIR/.stage"
TARGET=wasm32-unknown-unknown

die() { echo "build.sh: $*" >&2; exit 1; }

# The CLI must match the wasm-bindgen crate exactly, or the generated JS and
# the module disagree at run time.
want_bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
have_bindgen="$("$WASM_BINDGEN" --version 2>/dev/null | awk '{ print $2 }')" \
  || die "$WASM_BINDGEN not found: cargo install wasm-bindgen-cli --version $want_bindgen"
[ "$have_bindgen" = "$want_bindgen" ] \
  || die "$WASM_BINDGEN is $have_bindgen but Cargo.lock has wasm-bindgen $want_bindgen"

# Debian's wasm-opt (108) silently corrupts wasm-bindgen's externref table:
# the page stays blank. Only accept a recent binaryen.
if [ "$WASM_OPT" != skip ]; then
  opt_version="$("$WASM_OPT" --version 2>/dev/null | sed -n 's/.*version \([0-9][0-9]*\).*/\1/p')" \
    || true
  [ -n "$opt_version" ] || die "$WASM_OPT not found: npm install --prefix .tools binaryen@132.0.0"
  [ "$opt_version" -ge 117 ] || die "$WASM_OPT is binaryen $opt_version; it breaks the module, use >= 117"
fi

rustup target add "$TARGET" >/dev/null 2>&1 || true
echo "==> cargo build ($PROFILE)"
(cd "$ROOT" && CARGO_TARGET_DIR="$TARGET_DIR" cargo build -p cecop-frontend --profile "$PROFILE" --target "$TARGET")
profile_dir="$PROFILE"
[ "$PROFILE" = dev ] && profile_dir=debug
# A binary target keeps the package's hyphen; --out-name below gives the
# generated files the underscored names the rest of the build expects.
wasm_in="$TARGET_DIR/$TARGET/$profile_dir/cecop-frontend.wasm"
[ -f "$wasm_in" ] || die "no $wasm_in after cargo build"

echo "==> wasm-bindgen"
rm -rf "$STAGE"
mkdir -p "$STAGE"
"$WASM_BINDGEN" --target web --no-typescript --out-name cecop_frontend --out-dir "$STAGE" "$wasm_in"

if [ "$WASM_OPT" != skip ]; then
  echo "==> wasm-opt -Oz"
  # The features rustc 1.95's wasm32 target emits (what `wasm-opt
  # --print-features` reports for this module). wasm-opt also reads them from
  # the module's target_features section; naming them keeps the build working
  # if that section is ever stripped, instead of failing validation.
  "$WASM_OPT" -Oz \
    --enable-mutable-globals --enable-nontrapping-float-to-int --enable-bulk-memory \
    --enable-bulk-memory-opt --enable-sign-ext --enable-reference-types \
    --enable-multivalue --enable-call-indirect-overlong \
    "$STAGE/cecop_frontend_bg.wasm" -o "$STAGE/cecop_frontend_bg.opt.wasm"
  mv "$STAGE/cecop_frontend_bg.opt.wasm" "$STAGE/cecop_frontend_bg.wasm"
fi

hash16() { sha256sum "$1" | cut -c1-16; }
wasm_name="cecop_frontend_bg-$(hash16 "$STAGE/cecop_frontend_bg.wasm").wasm"
js_name="cecop_frontend-$(hash16 "$STAGE/cecop_frontend.js").js"
style_name="style-$(hash16 "$ROOT/frontend/style.css").css"

# The module that starts the app: a file, not an inline script, so the
# Content-Security-Policy can forbid inline script altogether.
printf "import init from '/%s';\ninit({ module_or_path: '/%s' });\n" "$js_name" "$wasm_name" \
  >"$STAGE/boot.js"
boot_name="boot-$(hash16 "$STAGE/boot.js").js"

# Assets first, index.html last and atomically: a server running from
# $DIST_DIR never sends an index.html naming files that are not there yet.
cp "$STAGE/cecop_frontend_bg.wasm" "$DIST_DIR/$wasm_name"
cp "$STAGE/cecop_frontend.js" "$DIST_DIR/$js_name"
cp "$STAGE/boot.js" "$DIST_DIR/$boot_name"
cp "$ROOT/frontend/style.css" "$DIST_DIR/$style_name"
sed -e "s|__WASM__|$wasm_name|g" -e "s|__JS__|$js_name|g" -e "s|__STYLE__|$style_name|g" \
  -e "s|__BOOT__|$boot_name|g" \
  "$ROOT/frontend/index.html" >"$DIST_DIR/.index.html.tmp"
if grep -q '__[A-Z]*__' "$DIST_DIR/.index.html.tmp"; then
  die "a placeholder is left in index.html"
fi
mv "$DIST_DIR/.index.html.tmp" "$DIST_DIR/index.html"
rm -rf "$STAGE"

# Older builds' hashed files.
for f in "$DIST_DIR"/cecop_frontend_bg-*.wasm "$DIST_DIR"/cecop_frontend-*.js "$DIST_DIR"/style-*.css \
  "$DIST_DIR"/boot-*.js; do
  [ -e "$f" ] || continue
  case "$(basename "$f")" in
    "$wasm_name" | "$js_name" | "$style_name" | "$boot_name") ;;
    *) rm -f "$f" ;;
  esac
done

echo "==> $DIST_DIR"
for f in index.html "$boot_name" "$js_name" "$wasm_name" "$style_name"; do
  raw=$(stat -c %s "$DIST_DIR/$f")
  gz=$(gzip -9c "$DIST_DIR/$f" | wc -c)
  printf '  %-40s %8d bytes  %8d gzip\n' "$f" "$raw" "$gz"
done
