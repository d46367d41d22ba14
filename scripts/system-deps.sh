#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: Chromium for the browser tests,
# gettext to check that no translatable string is missing from the catalogues.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v xgettext >/dev/null 2>&1 || need+=(gettext)
# WeasyPrint (the site dossier PDF) loads Pango and HarfBuzz's subsetter at run time.
libs="$(/sbin/ldconfig -p 2>/dev/null || true)"
grep -q 'libpango-1.0.so.0' <<<"$libs" || need+=(libpango-1.0-0)
grep -q 'libpangoft2-1.0.so.0' <<<"$libs" || need+=(libpangoft2-1.0-0)
grep -q 'libharfbuzz-subset.so.0' <<<"$libs" || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Please install these Debian packages (as root): ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
