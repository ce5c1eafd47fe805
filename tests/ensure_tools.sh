#!/usr/bin/env bash
# Make sure the system tools the tests drive are present: Debian's Chromium
# (Playwright launches it by path; no browser is downloaded) and Node.js (the
# JS search client's tests). Installs them with apt-get when running as root.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
# accented word lists for the search's fold tests (tests/test_search_export.py)
[ -f /usr/share/dict/french ] || need+=(wfrench)
[ -f /usr/share/dict/spanish ] || need+=(wspanish)
# make rsync_upload to a local folder (tests/test_deploy.py)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs: ${need[*]}. Install them (Debian: sudo apt-get install ${need[*]}) and run make test again." >&2
  exit 1
fi
echo "installing ${need[*]} with apt-get (once)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
