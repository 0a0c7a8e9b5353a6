#!/bin/sh
# Chromium for puppeteer (Ace by DAISY) in tests and CI: Debian's binary, run as root (needs
# --no-sandbox) on a closed network (no background fetches, no component updates, no first-run UI).
exec /usr/lib/chromium/chromium --no-sandbox --disable-setuid-sandbox --disable-background-networking \
  --disable-component-update --no-first-run --disable-gpu "$@"
