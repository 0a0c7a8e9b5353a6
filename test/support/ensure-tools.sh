#!/usr/bin/env bash
# Makes sure the validators the test suite drives are on this machine, before any test runs, so that
# no suite is ever skipped for want of a tool (README: "Tests and benchmark").
#
# - Everything present: says nothing and exits 0.
# - Something missing, running as root on Debian/Ubuntu (a fresh machine, CI): installs it with apt-get.
# - Something missing where nothing can be installed: exits 1 with one line naming the missing tools
#   and the command that installs them.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)          # EPUBCheck 5
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)                    # Ace by DAISY
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)            # text, fonts, structure
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)                          # PDF object checks
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)                 # a second PDF reader
command -v ebook-meta >/dev/null 2>&1 || missing+=(calibre)                 # metadata as a reading system reads it
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)              # XML Schema validation
# Fonts for Chromium's rendering in Ace (--no-install-recommends leaves it with almost none).
for pkg in fonts-dejavu-core fonts-liberation; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

[ "${#missing[@]}" -eq 0 ] && exit 0

install="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "tests: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends "${missing[@]}" >&2
  exit 0
fi
echo "tests: missing ${missing[*]} — install them first: sudo sh -c '$install'" >&2
exit 1
