#!/bin/sh
# The system libraries WeasyPrint loads (GObject, Pango, PangoFT2, HarfBuzz, HarfBuzz-Subset,
# fontconfig) and the fonts the PDFs are set in (DejaVu Sans/Serif, incl. Serif Italic).
# Present: returns at once (one `ldconfig -p`, one `find` in the font folders).
# Missing, as root with apt-get: installs the Debian packages. Otherwise: stops with one line
# naming the packages to install.
set -eu

# Debian package, then what it provides: a shared library (soname) or a font file.
KEBUTUHAN="
libpango-1.0-0 lib libgobject-2.0.so.0
libpango-1.0-0 lib libpango-1.0.so.0
libpangoft2-1.0-0 lib libpangoft2-1.0.so.0
libharfbuzz0b lib libharfbuzz.so.0
libharfbuzz-subset0 lib libharfbuzz-subset.so.0
libfontconfig1 lib libfontconfig.so.1
fonts-dejavu-core font DejaVuSans.ttf
fonts-dejavu-core font DejaVuSerif.ttf
fonts-dejavu-extra font DejaVuSerif-Italic.ttf
"

daftar_lib() {
    for ldconfig in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$ldconfig" >/dev/null 2>&1; then
            "$ldconfig" -p 2>/dev/null && return 0
        fi
    done
    return 0
}

ada_lib() {
    if [ -n "$libs" ]; then
        echo "$libs" | awk -v n="$1" '$1 == n { f = 1 } END { exit !f }'
    else
        # No ldconfig (not Linux): ask the C library loader through Python.
        nama=${1#lib}
        "${PYTHON:-python3}" -c 'import ctypes.util, sys; sys.exit(not ctypes.util.find_library(sys.argv[1]))' "${nama%%.so*}"
    fi
}

kurang() {
    libs=$(daftar_lib)
    fonts=$(find /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts" \
        "${HOME:-/nonexistent}/.fonts" -name 'DejaVu*.ttf' 2>/dev/null || true)
    echo "$KEBUTUHAN" | while read -r paket jenis nama; do
        [ -n "${paket:-}" ] || continue
        case $jenis in
            lib) ada_lib "$nama" || echo "$paket" ;;
            font) echo "$fonts" | grep -q "/$nama\$" || echo "$paket" ;;
        esac
    done | sort -u | tr '\n' ' ' | sed 's/ $//'
}

paket=$(kurang)
[ -z "$paket" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang pustaka sistem untuk WeasyPrint (installing WeasyPrint's system libraries): $paket"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $paket >/dev/null
    paket=$(kurang)
    [ -z "$paket" ] && exit 0
fi

echo "Pustaka sistem belum terpasang; jalankan dulu (system libraries missing; run first): sudo apt-get install -y $paket" >&2
exit 1
