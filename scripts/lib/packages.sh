# Debian packages the demo and the tests start as real processes.
DEMO_PACKAGES=(docker-registry buildah runc uidmap containernetworking-plugins skopeo git curl jq python3 python3-cryptography)
TEST_PACKAGES=("${DEMO_PACKAGES[@]}" chromium chromium-driver busybox-static gcc libc6-dev)

# ensure_packages PKG...: installs whichever of them is missing (apt-get, as root or with sudo).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
