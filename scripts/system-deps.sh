#!/usr/bin/env bash
# Install the Debian packages the platform needs when they are missing. With --runtime: only what
# the running site needs (Pango and fonts for the PDF dossier). Otherwise also what the tests need: Chromium
# for the browser tests, gettext to check that no translatable string is missing from the catalogues.
# With --bench: the runtime packages plus wrk, the load generator of `make bench-http`.
# With --bootstrap: only python3-venv, which Debian and Ubuntu split out of python3 and without which
# `python3 -m venv` cannot make the small environment that `make` installs uv into (when uv is not on
# PATH); pip may not install into the system Python there (PEP 668).
set -euo pipefail
mode="${1:-}"
if [ "$mode" = "--bootstrap" ]; then
  # Debian's python3 has the venv module but not ensurepip, which a venv needs to get its pip.
  python3 -c 'import ensurepip' >/dev/null 2>&1 && exit 0
  if [ "$(id -u)" != "0" ]; then
    echo "Please install this Debian package (as root), or put uv on PATH: python3-venv" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3-venv >/dev/null
  exit 0
fi
runtime_only=0
[ "$mode" = "--runtime" ] && runtime_only=1
[ "$mode" = "--bench" ] && runtime_only=1
need=()
if [ "$mode" = "--bench" ]; then
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
fi
if [ "$runtime_only" = 0 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v xgettext >/dev/null 2>&1 || need+=(gettext)
  # The two-node test (tests/multinode) runs a real Redis and nginx in front of two app nodes.
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
fi
# WeasyPrint (the site dossier PDF) loads Pango and HarfBuzz's subsetter at run time.
libs="$(/sbin/ldconfig -p 2>/dev/null || true)"
grep -q 'libpango-1.0.so.0' <<<"$libs" || need+=(libpango-1.0-0)
grep -q 'libpangoft2-1.0.so.0' <<<"$libs" || need+=(libpangoft2-1.0-0)
grep -q 'libharfbuzz-subset.so.0' <<<"$libs" || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Chinese names and texts in the dossier: DejaVu has no CJK glyphs, and without a CJK font they
# print as empty boxes (the dossier's CSS names Noto Sans CJK SC after DejaVu Sans).
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
# Official reports (geopark/reporting): Liberation Serif 2, metric-compatible with Times New Roman
# and, unlike fonts-liberation 1.07, with every Vietnamese letter; the PDF embeds it.
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Please install these Debian packages (as root): ${need[*]}" >&2
  # The site runs without them (only the PDF dossier needs Pango); the tests do not.
  [ "$mode" = "--runtime" ] && exit 0
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
