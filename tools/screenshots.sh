#!/bin/bash
# Renders the README screenshots (docs/screenshots/*.png) offscreen from a small agenda of
# November 2026 with a few clashes. Run after `bash tools/setup.sh build`.
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$SOURCE_DIR/build}"
CLI="$BUILD_DIR/app/cli/humasdesk-cli"
GUI="$BUILD_DIR/app/gui/humasdesk"
OUT="$SOURCE_DIR/docs/screenshots"
DB="$(mktemp -d)/screenshots.sqlite"
export QT_QPA_PLATFORM=offscreen

"$CLI" --db "$DB" init --preset parigi-moutong >/dev/null
# Screenshot mode signs in like a person does: a user of the temporary database, the password
# on standard input (never on the command line). The administrator sees every page.
SHOT_USER=dokumentasi
SHOT_PASSWORD="$(head -c 18 /dev/urandom | base64)"
printf '%s\n' "$SHOT_PASSWORD" | "$CLI" --db "$DB" user add --username "$SHOT_USER" --role admin \
    --name "Dokumentasi" --password-stdin >/dev/null
gui() { printf '%s\n' "$SHOT_PASSWORD" | "$GUI" --db "$DB" --lang id --user "$SHOT_USER" "$@"; }
add() { "$CLI" --db "$DB" events add "$@" --status terjadwal >/dev/null; }
add --title "Rapat koordinasi penanganan stunting" --start 2026-11-23T08:00 --end 2026-11-23T10:00 \
    --official BUPATI,SEKDA --venue "Aula Kantor Bupati" --kecamatan Parigi --opd DINKES
add --title "Peresmian Puskesmas Ampibabo" --start 2026-11-23T09:30 --end 2026-11-23T11:30 \
    --official BUPATI --venue "Puskesmas Ampibabo" --kecamatan Ampibabo --opd DINKES
add --title "Penerimaan tamu BPK" --start 2026-11-23T13:00 --end 2026-11-23T14:00 \
    --official WABUP --venue "Ruang Rapat Bupati" --kecamatan Parigi
add --title "Rapat evaluasi APBD" --start 2026-11-23T14:00 --end 2026-11-23T15:30 \
    --official SEKDA,ASISTEN3 --venue "Ruang Rapat Sekda" --kecamatan Parigi --opd BPKAD
add --title "Apel Hari Guru Nasional" --start 2026-11-25T07:30 --end 2026-11-25T09:00 \
    --official BUPATI,WABUP --venue "Lapangan Kantor Bupati" --kecamatan Parigi --opd DISDIKBUD
add --title "Sosialisasi PPID Desa" --start 2026-11-25T09:00 --end 2026-11-25T12:00 \
    --official SEKDA --venue "Aula Kantor Bupati" --kecamatan Parigi --opd DISKOMINFO
add --title "Musrenbang Kecamatan Tinombo" --start 2026-11-25T09:30 --end 2026-11-25T12:00 \
    --official WABUP --venue "Aula Kecamatan Tinombo" --kecamatan Tinombo --opd BAPPELITBANGDA
add --title "Rapat paripurna DPRD" --start 2026-11-26T09:00 --end 2026-11-26T12:00 \
    --official BUPATI,SEKDA --venue "Gedung DPRD" --kecamatan Parigi
add --title "Kunjungan kerja ke Sausu" --start 2026-11-26T13:00 --end 2026-11-26T15:00 \
    --official BUPATI --venue "Kantor Camat Sausu" --kecamatan Sausu
add --title "Festival Teluk Tomini" --start 2026-11-27 --end 2026-11-29 --all-day \
    --official WABUP --venue "Pantai Lolaro" --kecamatan Parigi --opd DISPAR
add --title "Pelantikan pejabat eselon III" --start 2026-11-27T10:00 --end 2026-11-27T11:30 \
    --official BUPATI,WABUP,SEKDA --venue "Aula Kantor Bupati" --kecamatan Parigi --opd BKPSDM
add --title "Safari Jumat" --start 2026-11-20T11:30 --end 2026-11-20T13:00 \
    --official BUPATI --venue "Masjid Agung Parigi" --kecamatan Parigi
add --title "Penanaman mangrove" --start 2026-11-18T08:00 --end 2026-11-18T10:00 \
    --official WABUP --venue "Pantai Toboli" --kecamatan "Parigi Utara" --opd DLH
add --title "Rakor Forkopimda" --start 2026-11-18T09:00 --end 2026-11-18T11:00 \
    --official BUPATI,WABUP --venue "Aula Polres" --kecamatan Parigi
add --title "Launching aplikasi SP4N-LAPOR" --start 2026-11-12T10:00 --end 2026-11-12T11:00 \
    --official ASISTEN1 --venue "Aula Kantor Bupati" --kecamatan Parigi --opd DISKOMINFO
add --title "Pasar murah" --start 2026-11-12T10:00 --end 2026-11-12T12:00 \
    --official ASISTEN2 --venue "Aula Kantor Bupati" --kecamatan Parigi --opd DISPERINDAG
add --title "Upacara Hari Pahlawan" --start 2026-11-10T07:30 --end 2026-11-10T09:00 \
    --official BUPATI,WABUP,SEKDA --venue "Lapangan Kantor Bupati" --kecamatan Parigi
add --title "Dialog interaktif RRI" --start 2026-11-30T09:00 --end 2026-11-30T10:00 \
    --official BUPATI --venue "Studio RRI Parigi" --kecamatan Parigi
for day in 02 03 04 09 16 17 19 24 30; do
    add --title "Rapat staf" --start 2026-11-${day}T08:00 --end 2026-11-${day}T09:00 \
        --official SEKDA --venue "Ruang Rapat Sekda" --kecamatan Parigi
done

# The information service: a few requests at the desk in October and November 2026, some
# overdue by now, one granted.
ppid() { "$CLI" --db "$DB" ppid add --channel "$1" --received "$2" --name "$3" --information "$4" \
    --nik "$5" --address "$6" --phone 081234567789 --opd "$7" --obtain salinan_softcopy --delivery email | tail -n 1; }
ppid langsung 2026-10-19T09:30 "Yusuf Batalipu" "Data jalan rusak Kecamatan Tinombo" 7208011207850002 \
    "Desa Tinombo, Tinombo" PUPR >/dev/null
ppid surat 2026-11-06T10:00 "Siti Rahmawati" "Dokumen RKPD Kabupaten 2026" 7208015203900003 \
    "Jl. Trans Sulawesi No. 12, Parigi" BAPPELITBANGDA >/dev/null
ppid email 2026-11-09T08:15 "Budi Santoso" "Data penerima bantuan sosial Desa Toboli" 7208020101800001 \
    "Desa Toboli, Parigi Utara" DINSOS >/dev/null
RECEIPT=$(ppid langsung 2026-11-13T13:45 "Nurhayati" "Laporan keuangan BPKAD 2025" 7208034405920004 \
    "Kelurahan Kampal, Parigi" BPKAD)
ppid website 2026-11-20T09:30 "Sri Wahyuni" "Salinan SK pengangkatan kepala desa" 7208016706880005 \
    "Desa Olaya, Parigi" DPMD >/dev/null

mkdir -p "$OUT"
gui --screenshot "$OUT/ppid-register.png" --page ppid
RECEIPT_PDF="$(dirname "$DB")/receipt.pdf"
"$CLI" --db "$DB" --lang id ppid receipt "$RECEIPT" "$RECEIPT_PDF" >/dev/null 2>&1
pdftoppm -png -r 70 -singlefile "$RECEIPT_PDF" "$OUT/ppid-receipt"
shot() { gui --screenshot "$OUT/$1.png" --page agenda --date 2026-11-23 --view "$2"; }
shot agenda-month month
shot agenda-week week
shot agenda-officials officials
gui --screenshot "$OUT/master.png" --page master
# The Sinkronisasi page with a conflict: tst_syncpage lets two PCs rename the same OPD through one
# shared file and leaves PC A's database behind (user admin1, the test password).
SYNC_DB="$(dirname "$DB")/sync-conflict.sqlite"
(cd "$BUILD_DIR/tests/ui" && HUMAS_SYNC_SCREENSHOT_DB="$SYNC_DB" HUMAS_SOURCE_DIR="$SOURCE_DIR" LC_ALL=C.UTF-8 \
    ./tst_syncpage aConflictIsListedAndTakingTheirsResolvesIt >/dev/null)
printf '%s\n' rahasia123 | "$GUI" --db "$SYNC_DB" --lang id --user admin1 --screenshot "$OUT/sync-conflict.png" \
    --page sync
rm -rf "$(dirname "$DB")"
echo "Screenshots written to $OUT"
