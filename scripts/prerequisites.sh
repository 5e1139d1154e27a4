# shellcheck shell=bash
# Shared by scripts/run and scripts/test (sourced, not run): installs what is missing and
# nothing else, so that both scripts are quick on a machine that is already set up.

# The libraries the Tauri window links against, and the tools its build needs.
# shellcheck disable=SC2034 # Used by the scripts that source this file.
APP_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev file)

step() { printf '\n==> %s\n' "$*"; }

# Installs the given Debian packages, but only runs apt when one of them is missing: apt-get
# update alone takes longer than everything else on a machine that is already set up.
ensure_system_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]]; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    step "System packages already installed"
    return
  fi
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
  step "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Installs Rust through rustup when there is no cargo; rustup lands in ~/.cargo/bin, which a
# fresh shell may not have on its PATH yet.
ensure_rust() {
  if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v cargo >/dev/null; then
    return
  fi
  ensure_system_packages curl ca-certificates
  step "Installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  export PATH="$HOME/.cargo/bin:$PATH"
}

# Installs the npm packages that `folder`'s package-lock.json pins (the end-to-end tests' axe-core)
# with `npm ci`, only when they are missing or the lock file has changed since: npm ci empties
# node_modules and downloads everything again, which a machine already set up need not wait for.
ensure_npm_packages() {
  local folder=$1
  local stamp="$folder/node_modules/.installed-from-lock"
  if cmp -s "$folder/package-lock.json" "$stamp"; then
    step "npm packages in $folder already installed"
    return
  fi
  if ! command -v npm >/dev/null; then
    ensure_system_packages nodejs npm
  fi
  step "Installing the npm packages in $folder"
  (cd "$folder" && npm ci --no-audit --no-fund)
  cp "$folder/package-lock.json" "$stamp"
}
