#!/usr/bin/env bash
# Install the Debian packages the platform needs when they are missing. With --runtime: only what
# the running site needs (Pango for the PDF dossier). Otherwise also what the tests need: Chromium
# for the browser tests, gettext to check that no translatable string is missing from the catalogues.
set -euo pipefail
runtime_only=0
[ "${1:-}" = "--runtime" ] && runtime_only=1
need=()
if [ "$runtime_only" = 0 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v xgettext >/dev/null 2>&1 || need+=(gettext)
fi
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
  # The site runs without them (only the PDF dossier needs Pango); the tests do not.
  [ "$runtime_only" = 1 ] && exit 0
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
