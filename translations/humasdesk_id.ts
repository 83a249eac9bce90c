<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>HumasUi::AgendaFilterBar</name>
    <message>
        <source>All officials</source>
        <translation>Semua pejabat</translation>
    </message>
    <message>
        <source>All OPDs</source>
        <translation>Semua OPD</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Saring:</translation>
    </message>
    <message>
        <source>Search title or place…</source>
        <translation>Cari judul atau tempat…</translation>
    </message>
    <message>
        <source>Only clashes</source>
        <translation>Hanya yang bentrok</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Organising OPD</source>
        <translation>OPD penyelenggara</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
</context>
<context>
    <name>HumasUi::AgendaPage</name>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n acara</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is &quot;12 events&quot;, %2 &quot;3 events clash&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n clashing</source>
        <translation>
            <numerusform>%n bentrok</numerusform>
        </translation>
    </message>
    <message>
        <source>Move into a clash?</source>
        <translation>Pindahkan ke waktu yang bentrok?</translation>
    </message>
    <message>
        <source>At the new time &quot;%1&quot; clashes with:
%2

Move it anyway?</source>
        <translation>Pada waktu baru, &quot;%1&quot; bentrok dengan:
%2

Tetap pindahkan?</translation>
    </message>
    <message>
        <source>Event not moved</source>
        <translation>Acara tidak dipindahkan</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Hapus acara</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? You can undo this with Ctrl+Z.</source>
        <translation>Hapus &quot;%1&quot;? Dapat dibatalkan dengan Ctrl+Z.</translation>
    </message>
    <message>
        <source>Event not deleted</source>
        <translation>Acara tidak dihapus</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>Impor kalender</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Berkas iCalendar (*.ics);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Calendar not imported</source>
        <translation>Kalender tidak diimpor</translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation>Tidak ada yang diimpor.

%1</translation>
    </message>
    <message>
        <source>Calendar imported</source>
        <translation>Kalender diimpor</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) imported.</source>
        <translation>
            <numerusform>%n acara diimpor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already present, skipped.</source>
        <translation>
            <numerusform>%n sudah ada, dilewati.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Ekspor kalender</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Berkas iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export only public events, for the regency&apos;s public agenda?</source>
        <translation>Ekspor hanya acara publik, untuk agenda publik kabupaten?</translation>
    </message>
    <message>
        <source>Calendar not exported</source>
        <translation>Kalender tidak diekspor</translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation>Kalender diekspor</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1.</source>
        <translation>
            <numerusform>%n acara ditulis ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Go to today (Alt+Home)</source>
        <translation>Ke hari ini (Alt+Home)</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>Sebelumnya (Alt+Kiri)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Berikutnya (Alt+Kanan)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Per official</source>
        <translation>Per pejabat</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Acara baru</translation>
    </message>
    <message>
        <source>New event (Ctrl+N)</source>
        <translation>Acara baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Buka acara</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Print the daily or weekly agenda (Ctrl+P)</source>
        <translation>Cetak agenda harian atau mingguan (Ctrl+P)</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Impor .ics…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Ekspor .ics…</translation>
    </message>
</context>
<context>
    <name>HumasUi::AgendaPrintDialog</name>
    <message>
        <source>Print agenda</source>
        <translation>Cetak agenda</translation>
    </message>
    <message>
        <source>&amp;Daily agenda</source>
        <translation>Agenda &amp;harian</translation>
    </message>
    <message>
        <source>&amp;Weekly agenda</source>
        <translation>Agenda &amp;mingguan</translation>
    </message>
    <message>
        <source>e.g. Head of Protocol and Leadership Communication</source>
        <translation>mis. Kepala Bagian Protokol dan Komunikasi Pimpinan</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Laporan:</translation>
    </message>
    <message>
        <source>&amp;Official:</source>
        <translation>&amp;Pejabat:</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>Signed by (position):</source>
        <translation>Penanda tangan (jabatan):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>Pra&amp;tinjau…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Pratinjau cetak</translation>
    </message>
    <message>
        <source>Save agenda as PDF</source>
        <translation>Simpan agenda sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Agenda saved</source>
        <translation>Agenda disimpan</translation>
    </message>
    <message>
        <source>The agenda was saved to %1.</source>
        <translation>Agenda disimpan ke %1.</translation>
    </message>
</context>
<context>
    <name>HumasUi::ConflictListView</name>
    <message>
        <source>%1 · %2 · %3
%4 ↔ %5</source>
        <extracomment>One clash in the conflict list: day, kind, official or venue; then the two events</extracomment>
        <translation>%1 · %2 · %3
%4 ↔ %5</translation>
    </message>
    <message>
        <source>No clashes in this range</source>
        <translation>Tidak ada bentrok pada rentang ini</translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es) in this range</source>
        <translation>
            <numerusform>%n bentrok pada rentang ini</numerusform>
        </translation>
    </message>
    <message>
        <source>Clashes</source>
        <translation>Bentrok</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventCommand</name>
    <message>
        <source>Add &quot;%1&quot;</source>
        <translation>Tambah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Ubah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot;</source>
        <translation>Pindahkan &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;</source>
        <translation>Hapus &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Undo not possible</source>
        <translation>Tidak dapat dibatalkan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be undone: %2</source>
        <translation>&quot;%1&quot; tidak dapat dibatalkan: %2</translation>
    </message>
    <message>
        <source>Redo not possible</source>
        <translation>Tidak dapat diulang</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be redone: %2</source>
        <translation>&quot;%1&quot; tidak dapat diulang: %2</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventEditDialog</name>
    <message>
        <source>New event</source>
        <translation>Kegiatan baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Simpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Clashes</source>
        <translation>Bentrok</translation>
    </message>
    <message>
        <source>&amp;Find free time</source>
        <translation>Car&amp;i waktu kosong</translation>
    </message>
    <message>
        <source>The next free times of the chosen officials within working hours, skipping weekends and holidays</source>
        <translation>Waktu kosong berikutnya bagi pejabat yang dipilih dalam jam kerja, tanpa akhir pekan dan hari libur</translation>
    </message>
    <message>
        <source>Edit event: %1</source>
        <translation>Ubah kegiatan: %1</translation>
    </message>
    <message>
        <source>The end is not after the start.</source>
        <translation>Waktu selesai tidak setelah waktu mulai.</translation>
    </message>
    <message>
        <source>No clashes</source>
        <translation>Tidak ada bentrok</translation>
    </message>
    <message>
        <source>Attach invitation scan</source>
        <translation>Lampirkan pindaian undangan</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Pindaian (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>No program is set up to open this file.</source>
        <translation>Tidak ada program yang diatur untuk membuka berkas ini.</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <extracomment>A free time offered by &quot;Find free time&quot;: &quot;Senin, 23 November 2026, 09.00–10.00 WITA&quot;</extracomment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Choose at least one official first.</source>
        <translation>Pilih sekurang-kurangnya satu pejabat dahulu.</translation>
    </message>
    <message>
        <source>No free time in the %1 days from %2.</source>
        <translation>Tidak ada waktu kosong dalam %1 hari sejak %2.</translation>
    </message>
    <message>
        <source>Free times of %1 minutes:</source>
        <translation>Waktu kosong %1 menit:</translation>
    </message>
    <message>
        <source>This event clashes with:
%1

Save anyway?</source>
        <translation>Kegiatan ini bentrok dengan:
%1

Simpan tetap?</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventForm</name>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Kegiatan</translation>
    </message>
    <message>
        <source>&amp;Officials</source>
        <translation>&amp;Pejabat</translation>
    </message>
    <message>
        <source>&amp;Invitation</source>
        <translation>&amp;Undangan</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Rincian</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Judul *</translation>
    </message>
    <message>
        <source>Type to search the organising OPD</source>
        <translation>Ketik untuk mencari OPD penyelenggara</translation>
    </message>
    <message>
        <source>Organising &amp;OPD</source>
        <translation>&amp;OPD penyelenggara</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>&amp;Narahubung</translation>
    </message>
    <message>
        <source>&amp;When *</source>
        <translation>&amp;Waktu *</translation>
    </message>
    <message>
        <source>Pick a venue or type a new one</source>
        <translation>Pilih tempat atau ketik tempat baru</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Tempat</translation>
    </message>
    <message>
        <source>&amp;District (kecamatan)</source>
        <translation>Ke&amp;camatan</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Public: shown on the regency&apos;s public agenda</source>
        <translation>Pu&amp;blik: tampil di agenda publik kabupaten</translation>
    </message>
    <message>
        <source>Tick the officials the invitation asks for. When one is represented (diwakilkan), choose who goes instead; both stay on record.</source>
        <translation>Centang pejabat yang diundang. Bila seorang pejabat diwakilkan, pilih siapa yang hadir menggantikannya; keduanya tetap tercatat.</translation>
    </message>
    <message>
        <source>Letter &amp;number</source>
        <translation>&amp;Nomor surat</translation>
    </message>
    <message>
        <source>The letter is dated</source>
        <translation>Surat bertanggal</translation>
    </message>
    <message>
        <source>Letter &amp;date</source>
        <translation>&amp;Tanggal surat</translation>
    </message>
    <message>
        <source>Invitation scan</source>
        <translation>Pindaian undangan</translation>
    </message>
    <message>
        <source>Dress &amp;code</source>
        <translation>P&amp;akaian</translation>
    </message>
    <message>
        <source>A &amp;speech (sambutan) is needed</source>
        <translation>Perlu &amp;sambutan</translation>
    </message>
    <message>
        <source>Protocol and coverage staff</source>
        <translation>Staf protokol dan peliputan</translation>
    </message>
    <message>
        <source>S&amp;taff assigned</source>
        <translation>S&amp;taf bertugas</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a new venue: choose its district.</source>
        <translation>&quot;%1&quot; adalah tempat baru: pilih kecamatannya.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a new venue: it will be added to %2.</source>
        <translation>&quot;%1&quot; adalah tempat baru: akan ditambahkan ke Kecamatan %2.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;: pick one from the list.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal: pilih dari daftar.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a new venue: choose its district (kecamatan).</source>
        <translation>&quot;%1&quot; adalah tempat baru: pilih kecamatannya.</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventFormAttachment</name>
    <message>
        <source>Attach &amp;scan…</source>
        <translation>&amp;Lampirkan pindaian…</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>The file is too large (at most %1 MB).</source>
        <translation>Berkas terlalu besar (paling besar %1 MB).</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Tidak dapat membaca %1: %2</translation>
    </message>
    <message>
        <source>The invitation scan is not in the attachment store.</source>
        <translation>Pindaian undangan tidak ada di penyimpanan lampiran.</translation>
    </message>
    <message>
        <source>Could not write a temporary copy: %1</source>
        <translation>Tidak dapat menulis salinan sementara: %1</translation>
    </message>
    <message>
        <source>Scan %1</source>
        <translation>Pindaian %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <extracomment>%1 file name, %2 size (&quot;12.0 KB&quot;), %3 file type (&quot;PDF document&quot;)</extracomment>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>No scan attached.</source>
        <translation>Belum ada pindaian terlampir.</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventFormOfficials</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Diundang</translation>
    </message>
    <message>
        <source>Represented by</source>
        <translation>Diwakili oleh</translation>
    </message>
    <message>
        <source>— attends in person</source>
        <translation>— hadir sendiri</translation>
    </message>
</context>
<context>
    <name>HumasUi::EventFormTimes</name>
    <message>
        <source>&amp;All day (one or more whole days)</source>
        <translation>Se&amp;hari penuh (satu hari atau lebih)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>until</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Hari pertama</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Hari terakhir</translation>
    </message>
</context>
<context>
    <name>HumasUi::FileDialogs</name>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Type column of the file dialog for an unknown extension; %1 is the extension (&quot;XYZ&quot;)</extracomment>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Berkas %1</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>Ganti berkas</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 sudah ada. Ganti?</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Lihat di:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nama berkas:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Pilih</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>File not used</source>
        <translation>Berkas tidak dipakai</translation>
    </message>
</context>
<context>
    <name>HumasUi::FreeSlotPopup</name>
    <message>
        <source>Free times</source>
        <translation>Waktu kosong</translation>
    </message>
</context>
<context>
    <name>Humas::AgendaDayGroupModel</name>
    <message>
        <source>%1, %2</source>
        <comment>venue, kecamatan</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>Bentrok</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Sepanjang hari</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>time range</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>mulai %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>sampai %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Bentrok</translation>
    </message>
</context>
<context>
    <name>Humas::AgendaModel</name>
    <message>
        <source>All day</source>
        <translation>Sehari penuh</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Official clash</source>
        <translation>Bentrok pejabat</translation>
    </message>
    <message>
        <source>Venue clash</source>
        <translation>Bentrok tempat</translation>
    </message>
    <message>
        <source>Travel time</source>
        <translation>Waktu tempuh</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2: %3 (%4)</source>
        <extracomment>%1 kind of clash, %2 official or venue, %3 the other event&apos;s title, %4 its date and time</extracomment>
        <translation>%1 — %2: %3 (%4)</translation>
    </message>
</context>
<context>
    <name>Humas::AgendaReport</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Dress code</source>
        <translation>Pakaian</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Penyelenggara: %1</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <source>Represented by %1</source>
        <translation>Diwakili %1</translation>
    </message>
    <message>
        <source>Represented</source>
        <translation>Diwakilkan</translation>
    </message>
    <message>
        <source>Attending: %1</source>
        <translation>Hadir: %1</translation>
    </message>
    <message>
        <source>Speech required</source>
        <translation>Memberikan sambutan</translation>
    </message>
    <message>
        <source>Not yet confirmed</source>
        <translation>Belum dikonfirmasi</translation>
    </message>
    <message>
        <source>AGENDA OF ACTIVITIES</source>
        <translation>AGENDA KEGIATAN</translation>
    </message>
    <message>
        <source>AGENDA OF THE %1</source>
        <translation>AGENDA KEGIATAN %1</translation>
    </message>
    <message>
        <source>WEEKLY AGENDA OF ACTIVITIES</source>
        <translation>AGENDA KEGIATAN MINGGUAN</translation>
    </message>
    <message>
        <source>WEEKLY AGENDA OF THE %1</source>
        <translation>AGENDA KEGIATAN MINGGUAN %1</translation>
    </message>
    <message>
        <source>No activities are scheduled for this day.</source>
        <translation>Tidak ada kegiatan terjadwal pada hari ini.</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Sepanjang hari</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>a date range</comment>
        <translation>%1 s.d. %2</translation>
    </message>
</context>
<context>
    <name>Humas::AppSettings</name>
    <message>
        <source>The time zone must be WIB, WITA or WIT.</source>
        <translation>Zona waktu harus WIB, WITA, atau WIT.</translation>
    </message>
    <message>
        <source>The collective-leave setting must be 0 or 1.</source>
        <translation>Pengaturan cuti bersama harus bernilai 0 atau 1.</translation>
    </message>
    <message>
        <source>The regency name must not be empty.</source>
        <translation>Nama kabupaten wajib diisi.</translation>
    </message>
    <message>
        <source>Only an administrator may change the settings.</source>
        <translation>Hanya Administrator yang dapat mengubah pengaturan.</translation>
    </message>
    <message>
        <source>Example Regency</source>
        <translation>Kabupaten Contoh</translation>
    </message>
    <message>
        <source>GOVERNMENT OF %1</source>
        <translation>PEMERINTAH %1</translation>
    </message>
    <message>
        <source>REGIONAL SECRETARIAT</source>
        <translation>SEKRETARIAT DAERAH</translation>
    </message>
    <message>
        <source>The emblem image is too large (at most 2 MB).</source>
        <translation>Gambar lambang daerah terlalu besar (maksimal 2 MB).</translation>
    </message>
    <message>
        <source>The file is not an image that can be read (use PNG or JPEG).</source>
        <translation>Berkas bukan gambar yang dapat dibaca (gunakan PNG atau JPEG).</translation>
    </message>
    <message>
        <source>Working hours must be written as HH:MM, for example 07:30.</source>
        <translation>Jam kerja ditulis JJ:MM, misalnya 07:30.</translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot;</source>
        <translation>Pengaturan &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Humas::AutoBackup</name>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>Folder cadangan %1 tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Pencadangan harian gagal: %1</translation>
    </message>
    <message>
        <source>no temporary file can be created in %1</source>
        <translation>tidak dapat membuat berkas sementara di %1</translation>
    </message>
</context>
<context>
    <name>Humas::BlobStore</name>
    <message>
        <source>The file is too large (at most %1 MB).</source>
        <translation>Berkas terlalu besar (maksimal %1 MB).</translation>
    </message>
    <message>
        <source>Could not store the file: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>Humas::ChangeWriter</name>
    <message>
        <source>%1 is not a synced table.</source>
        <translation>%1 bukan tabel yang disinkronkan.</translation>
    </message>
    <message>
        <source>%1 has no writable field %2.</source>
        <translation>%1 tidak memiliki kolom %2 yang dapat diubah.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Tidak dapat menyimpan ke %1: %2</translation>
    </message>
    <message>
        <source>Simulated failure after the row write.</source>
        <translation>Simulasi kegagalan setelah penulisan baris.</translation>
    </message>
    <message>
        <source>Simulated failure before commit.</source>
        <translation>Simulasi kegagalan sebelum commit.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Data tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>Could not record the change for synchronisation: %1</source>
        <translation>Perubahan tidak dapat dicatat untuk sinkronisasi: %1</translation>
    </message>
    <message>
        <source>A new record needs an id.</source>
        <translation>Data baru memerlukan ID.</translation>
    </message>
    <message>
        <source>%1: you started from %2, a colleague has since saved %3 (yours: %4)</source>
        <translation>%1: Anda mulai dari %2, rekan Anda sejak itu menyimpan %3 (isian Anda: %4)</translation>
    </message>
    <message>
        <source>Not saved: the record was changed by someone else while you were editing it.
%1
Reopen it to see the current values, then make your change again.</source>
        <translation>Tidak disimpan: data ini diubah orang lain selama Anda menyuntingnya.
%1
Buka kembali untuk melihat isi terkini, lalu ulangi perubahan Anda.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
</context>
<context>
    <name>Humas::Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 adalah folder, bukan berkas basis data.</translation>
    </message>
    <message>
        <source>%1 is not a HumasDesk database (it is not an SQLite file). It was not changed.</source>
        <translation>%1 bukan basis data HumasDesk (bukan berkas SQLite). Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. It was not changed.</source>
        <translation>Tidak dapat membuka %1: %2. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). It was not changed; restore a backup.</source>
        <translation>%1 rusak (%2). Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>%1 failed the integrity check (%2). It was not changed; restore a backup.</source>
        <translation>%1 tidak lolos pemeriksaan integritas (%2). Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not HumasDesk. It was not changed.</source>
        <translation>%1 adalah basis data SQLite milik program lain, bukan HumasDesk. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). It was not changed; update HumasDesk to open it.</source>
        <translation>%1 dibuat oleh HumasDesk versi yang lebih baru (skema %2; versi ini hanya mengenal hingga skema %3). Berkas tidak diubah; perbarui HumasDesk untuk membukanya.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Folder %1 tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Tidak dapat membuka %1: %2</translation>
    </message>
    <message>
        <source>Cannot prepare %1: %2</source>
        <translation>Tidak dapat menyiapkan %1: %2</translation>
    </message>
    <message>
        <source>Cannot initialise the database: %1</source>
        <translation>Tidak dapat menginisialisasi basis data: %1</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Migrasi %1 tidak terdapat dalam versi program ini.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2. Nothing was changed.</source>
        <translation>Pemutakhiran basis data ke skema %1 gagal: %2. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Tidak dapat menyimpan %1: %2</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 sudah ada; pilih nama berkas lain.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Folder %1 tidak ada.</translation>
    </message>
    <message>
        <source>Backup to %1 failed: %2</source>
        <translation>Pencadangan ke %1 gagal: %2</translation>
    </message>
    <message>
        <source>Backup to %1 failed: the file could not be renamed.</source>
        <translation>Pencadangan ke %1 gagal: nama berkas tidak dapat diubah.</translation>
    </message>
    <message>
        <source>The database is busy or read-only: %1</source>
        <translation>Basis data sedang sibuk atau hanya dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Penyimpanan gagal: %1</translation>
    </message>
    <message>
        <source>A change in this transaction failed earlier; nothing was saved.</source>
        <translation>Salah satu perubahan dalam transaksi ini telah gagal sebelumnya; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>%1 is read-only (this user may not write the file or its folder). It was not changed. Make it writable, or copy it to a folder you may write to.</source>
        <translation>%1 hanya-baca (pengguna ini tidak boleh menulis berkas atau foldernya). Berkas tidak diubah. Jadikan dapat ditulis, atau salin ke folder yang boleh Anda tulisi.</translation>
    </message>
    <message>
        <source>%1 is not a regular file, so it cannot be a HumasDesk database. It was not changed.</source>
        <translation>%1 bukan berkas biasa, jadi tidak mungkin basis data HumasDesk. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied. It was not changed.</source>
        <translation>Tidak dapat membaca %1: izin ditolak. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>%1 has HumasDesk&apos;s mark but no schema version. It was not changed; restore a backup.</source>
        <translation>%1 bertanda HumasDesk tetapi tanpa versi skema. Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>%1 does not have the tables and columns of HumasDesk schema %2 (%3%4). It was not changed; restore a backup.</source>
        <translation>%1 tidak memiliki tabel dan kolom skema HumasDesk %2 (%3%4). Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message numerus="yes">
        <source>; %n more</source>
        <translation>
            <numerusform>; %n lagi</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an empty file, not a HumasDesk database. It was not changed; &quot;humasdesk-cli init&quot; sets up an empty file as a new database.</source>
        <translation>%1 adalah berkas kosong, bukan basis data HumasDesk. Berkas tidak diubah; &quot;humasdesk-cli init&quot; menyiapkan berkas kosong sebagai basis data baru.</translation>
    </message>
    <message>
        <source>%1 is read-only and has the older schema %2 (this version needs %3), so it cannot be upgraded. It was not changed. Make it writable once, or open it with the HumasDesk that made it.</source>
        <translation>%1 hanya-baca dan memakai skema lama %2 (versi ini memerlukan %3), jadi tidak dapat ditingkatkan. Berkas tidak diubah. Jadikan dapat ditulis sekali, atau buka dengan HumasDesk yang membuatnya.</translation>
    </message>
    <message>
        <source>Backup to %1 failed: no temporary file can be created in %2.</source>
        <translation>Pencadangan ke %1 gagal: tidak dapat membuat berkas sementara di %2.</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address of the form postgresql://user:password@host:port/database.</source>
        <translation>%1 bukan alamat PostgreSQL berbentuk postgresql://pengguna:katasandi@host:port/basisdata.</translation>
    </message>
    <message>
        <source>%1: the option &quot;%2&quot; is not known.</source>
        <translation>%1: opsi &quot;%2&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not installed.</source>
        <translation>Driver PostgreSQL milik Qt (QPSQL, paket Debian libqt6sql6-psql) belum terpasang.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Tidak dapat tersambung ke %1: %2</translation>
    </message>
    <message>
        <source>A hub in PostgreSQL is backed up with PostgreSQL&apos;s own tools (pg_dump), not by HumasDesk.</source>
        <translation>Hub di PostgreSQL dicadangkan dengan alat PostgreSQL sendiri (pg_dump), bukan oleh HumasDesk.</translation>
    </message>
    <message>
        <source>The database could not start a change: %1</source>
        <translation>Basis data tidak dapat memulai perubahan: %1</translation>
    </message>
</context>
<context>
    <name>Humas::DemoGenerator</name>
    <message>
        <source>The database has no officials or venues to build demo events from.</source>
        <translation>Basis data belum memiliki pejabat atau tempat untuk membuat kegiatan demo.</translation>
    </message>
    <message>
        <source>The counts must be between 0 and 10,000,000.</source>
        <translation>Jumlah harus antara 0 dan 10.000.000.</translation>
    </message>
    <message>
        <source>Demo data added: %1 events, %2 information requests.</source>
        <translation>Data demo ditambahkan: %1 kegiatan, %2 permohonan informasi.</translation>
    </message>
    <message>
        <source>News items were skipped: the news service has no tables yet.</source>
        <translation>Berita dilewati: tabel layanan berita belum tersedia.</translation>
    </message>
    <message>
        <source>Demo data made with this seed is already in the database; use another seed.</source>
        <translation>Data demo dengan benih acak (seed) ini sudah ada di basis data; gunakan benih acak lain.</translation>
    </message>
</context>
<context>
    <name>Humas::EventIcal</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Baris %1: %2</translation>
    </message>
    <message>
        <source>The event has no title (SUMMARY).</source>
        <translation>Kegiatan tidak memiliki judul (SUMMARY).</translation>
    </message>
    <message>
        <source>The start of the event is not a valid time.</source>
        <translation>Waktu mulai kegiatan tidak valid.</translation>
    </message>
    <message>
        <source>Unknown official &quot;%1&quot;.</source>
        <translation>Pejabat &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>The event names no official (X-HUMAS-OFFICIALS with official codes); every agenda event needs at least one.</source>
        <translation>Kegiatan tidak menyebut pejabat (X-HUMAS-OFFICIALS berisi kode pejabat); setiap kegiatan agenda memerlukan sedikitnya satu pejabat.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; in the description.</source>
        <translation>Status &quot;%1&quot; dalam deskripsi tidak dikenal.</translation>
    </message>
    <message>
        <source>The letter date &quot;%1&quot; is not a date YYYY-MM-DD.</source>
        <translation>Tanggal surat &quot;%1&quot; bukan tanggal berformat YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The venue &quot;%1&quot; is unknown. Write LOCATION as &quot;venue, kecamatan&quot; with a known kecamatan so that it can be added, or add the venue in Data Master first.</source>
        <translation>Tempat &quot;%1&quot; tidak dikenal. Tulis LOCATION sebagai &quot;tempat, kecamatan&quot; dengan kecamatan yang dikenal agar tempat itu dapat ditambahkan, atau tambahkan tempat itu lebih dulu di Data Master.</translation>
    </message>
    <message>
        <source>There are %1 venues named &quot;%2&quot;; write LOCATION as &quot;venue, kecamatan&quot;.</source>
        <translation>Ada %1 tempat bernama &quot;%2&quot;; tulis LOCATION sebagai &quot;tempat, kecamatan&quot;.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Berkas %1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <source>There is no checked calendar to import.</source>
        <translation>Tidak ada kalender yang sudah diperiksa untuk diimpor.</translation>
    </message>
</context>
<context>
    <name>Humas::EventRepository</name>
    <message>
        <source>Your role (%1) may not change the agenda.</source>
        <translation>Peran Anda (%1) tidak berwenang mengubah agenda.</translation>
    </message>
    <message>
        <source>An OPD account may only submit events of its own OPD.</source>
        <translation>Akun OPD hanya dapat mengajukan kegiatan OPD-nya sendiri.</translation>
    </message>
    <message>
        <source>An OPD account may only submit events; protokol schedules them.</source>
        <translation>Akun OPD hanya dapat mengajukan kegiatan; protokol yang menjadwalkannya.</translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation>Kegiatan wajib memiliki judul.</translation>
    </message>
    <message>
        <source>An all-day event needs its first day.</source>
        <translation>Kegiatan sepanjang hari wajib memiliki hari pertama.</translation>
    </message>
    <message>
        <source>The last day of an all-day event cannot be before its first day.</source>
        <translation>Hari terakhir kegiatan sepanjang hari tidak boleh sebelum hari pertamanya.</translation>
    </message>
    <message>
        <source>An event needs a start and an end.</source>
        <translation>Kegiatan wajib memiliki waktu mulai dan waktu selesai.</translation>
    </message>
    <message>
        <source>The end of an event must be after its start.</source>
        <translation>Waktu selesai kegiatan harus setelah waktu mulainya.</translation>
    </message>
    <message>
        <source>An event needs at least one official.</source>
        <translation>Kegiatan wajib melibatkan paling sedikit satu pejabat.</translation>
    </message>
    <message>
        <source>Unknown official &quot;%1&quot;.</source>
        <translation>Pejabat &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown venue &quot;%1&quot;.</source>
        <translation>Tempat &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>The invitation scan is not in the attachment store.</source>
        <translation>Pindaian surat undangan tidak terdapat di penyimpanan lampiran.</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>Kegiatan tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>Only protokol and admin may change the status of an event.</source>
        <translation>Hanya protokol dan admin yang dapat mengubah status kegiatan.</translation>
    </message>
    <message>
        <source>Only protokol and admin may delegate an event.</source>
        <translation>Hanya protokol dan admin yang dapat mewakilkan kehadiran pada kegiatan.</translation>
    </message>
    <message>
        <source>The official to be represented does not attend this event.</source>
        <translation>Pejabat yang akan diwakili tidak menghadiri kegiatan ini.</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>The PIC&apos;s name</source>
        <translation>Nama PIC</translation>
    </message>
    <message>
        <source>The PIC&apos;s phone</source>
        <translation>Telepon PIC</translation>
    </message>
    <message>
        <source>The invitation letter number</source>
        <translation>Nomor surat undangan</translation>
    </message>
    <message>
        <source>The dress code</source>
        <translation>Pakaian</translation>
    </message>
    <message>
        <source>The staff assigned</source>
        <translation>Petugas yang ditugaskan</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The events cannot be read: %1</source>
        <translation>Acara tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <source>PIC name</source>
        <translation>Nama PIC</translation>
    </message>
    <message>
        <source>PIC phone</source>
        <translation>Telepon PIC</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Tanggal surat</translation>
    </message>
    <message>
        <source>Invitation scan</source>
        <translation>Pindaian undangan</translation>
    </message>
    <message>
        <source>Officials requested</source>
        <translation>Pejabat yang diminta</translation>
    </message>
    <message>
        <source>Officials attending</source>
        <translation>Pejabat yang hadir</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Sepanjang hari</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dress code</source>
        <translation>Pakaian</translation>
    </message>
    <message>
        <source>Speech needed</source>
        <translation>Perlu sambutan</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Pendamping</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Publik</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>Humas::EventStatus</name>
    <message>
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>An event that is &quot;%1&quot; cannot become &quot;%2&quot;.</source>
        <translation>Kegiatan berstatus &quot;%1&quot; tidak dapat diubah menjadi &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>Humas::FileWrite</name>
    <message>
        <source>No file name was given.</source>
        <translation>Nama berkas tidak diberikan.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 adalah folder, bukan berkas.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Folder %1 tidak ada.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Berkas %1 tidak dapat ditulis: %2</translation>
    </message>
</context>
<context>
    <name>Humas::HolidayCsv</name>
    <message>
        <source>The holiday file is not UTF-8 text.</source>
        <translation>Berkas hari libur bukan teks UTF-8.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is not closed.</source>
        <translation>Baris %1: kolom bertanda kutip tidak ditutup.</translation>
    </message>
    <message>
        <source>The holiday file is empty.</source>
        <translation>Berkas hari libur kosong.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Baris %1: %2</translation>
    </message>
    <message>
        <source>expected 4 fields (date,kind,name,source), found %1.</source>
        <translation>seharusnya 4 kolom (date,kind,name,source), ditemukan %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>&quot;%1&quot; bukan tanggal (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (libur_nasional, cuti_bersama or lokal).</source>
        <translation>jenis &quot;%1&quot; tidak dikenal (libur_nasional, cuti_bersama, atau lokal).</translation>
    </message>
    <message>
        <source>the name is empty.</source>
        <translation>nama belum diisi.</translation>
    </message>
    <message>
        <source>%1 appears twice.</source>
        <translation>%1 muncul dua kali.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Tidak dapat membaca %1: %2</translation>
    </message>
    <message>
        <source>Your role (%1) may not change holidays.</source>
        <translation>Peran Anda (%1) tidak berwenang mengubah hari libur.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Line %1: the header must be &quot;date,kind,name,source&quot;.</source>
        <translation>Baris %1: judul kolom harus &quot;date,kind,name,source&quot;.</translation>
    </message>
    <message>
        <source>The holiday file is %1 MB; at most %2 MB can be imported. A holiday list is a few kilobytes: check that this is the right file.</source>
        <translation>Berkas hari libur berukuran %1 MB; paling banyak %2 MB dapat diimpor. Daftar hari libur hanya beberapa kilobita: periksa apakah ini berkas yang benar.</translation>
    </message>
    <message>
        <source>the holiday file has more than %L1 rows; at most %L1 can be imported at once.</source>
        <translation>berkas hari libur berisi lebih dari %L1 baris; paling banyak %L1 dapat diimpor sekaligus.</translation>
    </message>
    <message>
        <source>the name is longer than %1 characters.</source>
        <translation>nama lebih dari %1 karakter.</translation>
    </message>
    <message>
        <source>the source is longer than %1 characters.</source>
        <translation>sumber lebih dari %1 karakter.</translation>
    </message>
    <message>
        <source>Cannot read the holidays: %1</source>
        <translation>Hari libur tidak dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>Humas::HolidayRepository</name>
    <message>
        <source>%1 is already entered as a holiday (%2); one date holds one entry.</source>
        <translation>%1 sudah tercatat sebagai hari libur (%2); satu tanggal hanya untuk satu entri.</translation>
    </message>
</context>
<context>
    <name>Humas::HubStore</name>
    <message>
        <source>The hub could not be read or written: %1</source>
        <translation>Hub tidak dapat dibaca atau ditulis: %1</translation>
    </message>
    <message>
        <source>%1 is a HumasDesk database but not a sync hub.</source>
        <translation>%1 adalah basis data HumasDesk, tetapi bukan hub sinkronisasi.</translation>
    </message>
    <message>
        <source>A push may carry at most %1 changes.</source>
        <translation>Satu kiriman memuat paling banyak %1 perubahan.</translation>
    </message>
    <message>
        <source>The change was made at another site than the one sending it.</source>
        <translation>Perubahan ini dibuat di PC lain daripada PC yang mengirimnya.</translation>
    </message>
    <message>
        <source>The change is malformed (entity %1).</source>
        <translation>Perubahan ini rusak bentuknya (entitas %1).</translation>
    </message>
    <message>
        <source>The attachment %1 has not reached the hub.</source>
        <translation>Lampiran %1 belum sampai di hub.</translation>
    </message>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 tidak mempunyai isian %2.</translation>
    </message>
    <message>
        <source>The hub refused the change: %1</source>
        <translation>Hub menolak perubahan: %1</translation>
    </message>
    <message>
        <source>The attachment arrived damaged (its SHA-256 does not match); it was not stored.</source>
        <translation>Lampiran tiba dalam keadaan rusak (SHA-256 tidak cocok); tidak disimpan.</translation>
    </message>
    <message>
        <source>The hub has no attachment %1.</source>
        <translation>Hub tidak mempunyai lampiran %1.</translation>
    </message>
</context>
<context>
    <name>Humas::IcalReader</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Baris %1: %2</translation>
    </message>
    <message>
        <source>The text is not valid UTF-8.</source>
        <translation>teks bukan UTF-8 yang valid.</translation>
    </message>
    <message>
        <source>The line is not a property of the form NAME:value.</source>
        <translation>baris ini bukan properti berbentuk NAMA:nilai.</translation>
    </message>
    <message>
        <source>Only BEGIN:VCALENDAR may follow END:VCALENDAR.</source>
        <translation>setelah END:VCALENDAR hanya boleh ada BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The calendar does not begin with BEGIN:VCALENDAR.</source>
        <translation>kalender tidak diawali BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>END:%1 does not close %2 begun on line %3.</source>
        <translation>END:%1 tidak menutup %2 yang dimulai pada baris %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid UTC offset.</source>
        <translation>&quot;%1&quot; bukan selisih UTC yang valid.</translation>
    </message>
    <message>
        <source>%1 is never closed with END:%1.</source>
        <translation>%1 tidak pernah ditutup dengan END:%1.</translation>
    </message>
    <message>
        <source>The time zone &quot;%1&quot; is unknown and not defined in the file.</source>
        <translation>zona waktu &quot;%1&quot; tidak dikenal dan tidak didefinisikan dalam berkas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date or date-time.</source>
        <translation>&quot;%1&quot; bukan tanggal atau tanggal-waktu yang valid.</translation>
    </message>
    <message>
        <source>The event has no UID.</source>
        <translation>kegiatan tidak memiliki UID.</translation>
    </message>
    <message>
        <source>The event has no start (DTSTART).</source>
        <translation>kegiatan tidak memiliki waktu mulai (DTSTART).</translation>
    </message>
    <message>
        <source>DTSTART and DTEND must both be dates or both be date-times.</source>
        <translation>DTSTART dan DTEND harus sama-sama tanggal atau sama-sama tanggal-waktu.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>kegiatan berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid duration.</source>
        <translation>&quot;%1&quot; bukan durasi yang valid.</translation>
    </message>
    <message>
        <source>A repeating event needs a valid expansion window.</source>
        <translation>kegiatan berulang memerlukan rentang tanggal penjabaran yang valid.</translation>
    </message>
    <message>
        <source>The file gives more than %L1 events (a repeating event counts once per occurrence); at most %L1 can be imported at once. Split the file.</source>
        <translation>Berkas menghasilkan lebih dari %L1 acara (acara berulang dihitung per kejadian); paling banyak %L1 dapat diimpor sekaligus. Pecah berkasnya.</translation>
    </message>
    <message>
        <source>The repeating events of this file take too long to expand: this rule counts its occurrences (COUNT) from a start long before %1. Give it a start closer to the events it is meant for.</source>
        <translation>Acara berulang dalam berkas ini terlalu lama dijabarkan: aturan ini menghitung kejadiannya (COUNT) sejak awal yang jauh sebelum %1. Beri awal yang lebih dekat dengan acara yang dimaksud.</translation>
    </message>
    <message>
        <source>The repeating event gives more than %L1 occurrences between %2 and %3; at most %L1 are imported per rule. Give the rule an end (UNTIL or COUNT).</source>
        <translation>Acara berulang menghasilkan lebih dari %L1 kejadian antara %2 dan %3; paling banyak %L1 diimpor per aturan. Beri aturan itu akhir (UNTIL atau COUNT).</translation>
    </message>
    <message>
        <source>The file is %1 MB; at most %2 MB can be imported at once. Split it into smaller files.</source>
        <translation>Berkas berukuran %1 MB; paling banyak %2 MB dapat diimpor sekaligus. Pecah menjadi berkas yang lebih kecil.</translation>
    </message>
</context>
<context>
    <name>Humas::Letterhead</name>
    <message>
        <source>%1, %2</source>
        <comment>place, date above a signature</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>NIP. %1</source>
        <comment>civil-servant number under a signature</comment>
        <translation>NIP. %1</translation>
    </message>
</context>
<context>
    <name>Humas::MasterData</name>
    <message>
        <source>Agencies (OPD)</source>
        <translation>Perangkat Daerah (OPD)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Nama Singkat</translation>
    </message>
    <message>
        <source>PIC name</source>
        <translation>Nama PIC</translation>
    </message>
    <message>
        <source>PIC phone</source>
        <translation>Telepon PIC</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Districts (kecamatan)</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Travel times</source>
        <translation>Waktu Tempuh</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <source>From district</source>
        <translation>Dari Kecamatan</translation>
    </message>
    <message>
        <source>To district</source>
        <translation>Ke Kecamatan</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Hari Libur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata Sandi</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama Pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama Lengkap</translation>
    </message>
    <message>
        <source>Agency (OPD)</source>
        <translation>Perangkat Daerah (OPD)</translation>
    </message>
    <message>
        <source>National holiday</source>
        <translation>Libur Nasional</translation>
    </message>
    <message>
        <source>Collective leave</source>
        <translation>Cuti Bersama</translation>
    </message>
    <message>
        <source>Local holiday</source>
        <translation>Libur Lokal</translation>
    </message>
</context>
<context>
    <name>Humas::OpenDatabaseFiles</name>
    <message>
        <source>%1 belongs to the database HumasDesk has open (it is the database or one of its working files). It was not used; choose another file.</source>
        <translation>%1 adalah bagian dari basis data yang sedang dibuka HumasDesk (basis data itu sendiri atau salah satu berkas kerjanya). Berkas tidak dipakai; pilih berkas lain.</translation>
    </message>
</context>
<context>
    <name>Humas::PdfExport</name>
    <message>
        <source>There is nothing to export.</source>
        <translation>Tidak ada yang dapat diekspor.</translation>
    </message>
    <message>
        <source>No file name was given for the PDF.</source>
        <translation>Nama berkas PDF belum ditentukan.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written.</source>
        <translation>Berkas %1 tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Folder %1 tidak ada.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Berkas %1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>Berkas PDF tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>The file %1 cannot be replaced.</source>
        <translation>Berkas %1 tidak dapat ditimpa.</translation>
    </message>
</context>
<context>
    <name>Humas::PgSchema</name>
    <message>
        <source>Cannot read the HumasDesk schema of %1.</source>
        <translation>Tidak dapat membaca skema HumasDesk pada %1.</translation>
    </message>
    <message>
        <source>%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). It was not changed; update humasdesk-server.</source>
        <translation>%1 dibuat oleh HumasDesk yang lebih baru (skema %2; versi ini mengenal sampai %3). Tidak diubah; perbarui humasdesk-server.</translation>
    </message>
    <message>
        <source>%1 has the HumasDesk schema %2, which this version cannot upgrade to %3. It was not changed.</source>
        <translation>%1 memakai skema HumasDesk %2, yang tidak dapat ditingkatkan versi ini ke %3. Tidak diubah.</translation>
    </message>
    <message>
        <source>Cannot read the tables of %1: %2</source>
        <translation>Tidak dapat membaca tabel pada %1: %2</translation>
    </message>
    <message>
        <source>%1 holds tables of another program (no HumasDesk schema). It was not changed; give humasdesk-server an empty database.</source>
        <translation>%1 berisi tabel program lain (tanpa skema HumasDesk). Tidak diubah; berikan basis data kosong kepada humasdesk-server.</translation>
    </message>
    <message>
        <source>The PostgreSQL schema is missing from this build.</source>
        <translation>Skema PostgreSQL tidak ada dalam build ini.</translation>
    </message>
    <message>
        <source>Setting up %1 failed: %2. Nothing was changed.</source>
        <translation>Penyiapan %1 gagal: %2. Tidak ada yang diubah.</translation>
    </message>
</context>
<context>
    <name>Humas::Ppid</name>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Being processed</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Diperpanjang</translation>
    </message>
    <message>
        <source>Granted in full</source>
        <translation>Dikabulkan seluruhnya</translation>
    </message>
    <message>
        <source>Granted in part</source>
        <translation>Dikabulkan sebagian</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Langsung</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Perorangan</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Badan hukum</translation>
    </message>
    <message>
        <source>Exempt information (Article 17)</source>
        <translation>Informasi dikecualikan (Pasal 17)</translation>
    </message>
    <message>
        <source>Not yet in our possession</source>
        <translation>Belum dikuasai</translation>
    </message>
    <message>
        <source>Not yet documented</source>
        <translation>Belum didokumentasikan</translation>
    </message>
    <message>
        <source>Not held (referred to the holder)</source>
        <translation>Tidak dikuasai (diteruskan ke pihak yang menguasai)</translation>
    </message>
    <message>
        <source>would obstruct law enforcement</source>
        <translation>menghambat proses penegakan hukum</translation>
    </message>
    <message>
        <source>would harm intellectual property or fair business competition</source>
        <translation>mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha tidak sehat</translation>
    </message>
    <message>
        <source>would endanger state defence and security</source>
        <translation>membahayakan pertahanan dan keamanan negara</translation>
    </message>
    <message>
        <source>would reveal Indonesia&apos;s natural wealth</source>
        <translation>mengungkapkan kekayaan alam Indonesia</translation>
    </message>
    <message>
        <source>would harm the national economy</source>
        <translation>merugikan ketahanan ekonomi nasional</translation>
    </message>
    <message>
        <source>would harm foreign relations</source>
        <translation>merugikan kepentingan hubungan luar negeri</translation>
    </message>
    <message>
        <source>would reveal an authentic personal document or a will</source>
        <translation>mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat</translation>
    </message>
    <message>
        <source>would reveal personal secrets</source>
        <translation>mengungkap rahasia pribadi</translation>
    </message>
    <message>
        <source>internal or inter-agency memoranda that are confidential by nature</source>
        <translation>memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan</translation>
    </message>
    <message>
        <source>information that a law forbids to disclose</source>
        <translation>informasi yang tidak boleh diungkapkan berdasarkan undang-undang</translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation>Melihat</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Membaca</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Mendengarkan</translation>
    </message>
    <message>
        <source>Taking notes</source>
        <translation>Mencatat</translation>
    </message>
    <message>
        <source>Printed copy</source>
        <translation>Salinan cetak (hardcopy)</translation>
    </message>
    <message>
        <source>Electronic copy</source>
        <translation>Salinan elektronik (softcopy)</translation>
    </message>
    <message>
        <source>Collect in person</source>
        <translation>Ambil langsung</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Pos</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Faksimili</translation>
    </message>
</context>
<context>
    <name>Humas::PpidNotices</name>
    <message>
        <source>Rp %1</source>
        <comment>an amount in rupiah</comment>
        <translation>Rp %1</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Telephone / email</source>
        <translation>Nomor telepon / email</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Rincian informasi yang dibutuhkan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan penggunaan informasi</translation>
    </message>
    <message>
        <source>exempt information under Article 17 letter {letter} of Law 14/2008 ({letterDescription})</source>
        <translation>informasi yang dikecualikan berdasarkan Pasal 17 huruf {letter} UU 14/2008 ({letterDescription})</translation>
    </message>
    <message>
        <source>the information requested is not yet in our possession</source>
        <translation>informasi yang diminta belum dikuasai</translation>
    </message>
    <message>
        <source>the information requested has not yet been documented</source>
        <translation>informasi yang diminta belum didokumentasikan</translation>
    </message>
    <message>
        <source>the information requested is not held by us; it is held by {referred}</source>
        <translation>informasi yang diminta tidak berada di bawah penguasaan kami; informasi tersebut dikuasai oleh {referred}</translation>
    </message>
    <message>
        <source>Information and Documentation Management Officer (PPID)</source>
        <translation>Pejabat Pengelola Informasi dan Dokumentasi (PPID)</translation>
    </message>
    <message>
        <source>If you do not agree with this decision you may file an objection with the Atasan PPID within {objectionDays} working days of receiving this notice (Law 14/2008, Article 35).</source>
        <translation>Apabila Saudara keberatan atas keputusan ini, Saudara dapat mengajukan keberatan kepada Atasan PPID paling lambat {objectionDays} hari kerja sejak diterimanya pemberitahuan ini (UU 14/2008 Pasal 35).</translation>
    </message>
    <message>
        <source>WRITTEN NOTICE</source>
        <translation>PEMBERITAHUAN TERTULIS</translation>
    </message>
    <message>
        <source>NOTICE OF EXTENSION</source>
        <translation>PEMBERITAHUAN PERPANJANGAN WAKTU</translation>
    </message>
    <message>
        <source>DECISION OF THE PPID ON THE REFUSAL OF A REQUEST FOR INFORMATION</source>
        <translation>KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI</translation>
    </message>
    <message>
        <source>ANSWER TO AN OBJECTION</source>
        <translation>TANGGAPAN ATAS KEBERATAN</translation>
    </message>
    <message>
        <source>Following your request for information received on {received} under registration number {number}, we inform you as follows:</source>
        <translation>Berdasarkan permohonan informasi yang diterima pada {received} dengan nomor pendaftaran {number}, kami sampaikan kepada Saudara sebagai berikut:</translation>
    </message>
    <message>
        <source>A. The information can be provided</source>
        <translation>A. Informasi dapat diberikan</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Penguasaan informasi</translation>
    </message>
    <message>
        <source>Us</source>
        <translation>Kami</translation>
    </message>
    <message>
        <source>Form in which it is available</source>
        <translation>Bentuk fisik yang tersedia</translation>
    </message>
    <message>
        <source>How a copy is delivered</source>
        <translation>Cara penyampaian salinan</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Biaya yang dibutuhkan</translation>
    </message>
    <message>
        <source>Provided on</source>
        <translation>Waktu penyediaan</translation>
    </message>
    <message>
        <source>Information withheld</source>
        <translation>Informasi yang dihitamkan/dikaburkan</translation>
    </message>
    <message>
        <source>Why it is withheld</source>
        <translation>Alasan penghitaman/pengaburan</translation>
    </message>
    <message>
        <source>Consequence test</source>
        <translation>Uji konsekuensi</translation>
    </message>
    <message>
        <source>Registration number: %1</source>
        <translation>Nomor Pendaftaran: %1</translation>
    </message>
    <message>
        <source>Following your request for information received on {received} under registration number {number}, we inform you that we need more time to answer it.</source>
        <translation>Berdasarkan permohonan informasi yang diterima pada {received} dengan nomor pendaftaran {number}, kami sampaikan bahwa kami memerlukan tambahan waktu untuk menanggapinya.</translation>
    </message>
    <message>
        <source>Under Article 22(8) of Law 14/2008 the time to answer is extended once, by at most {extensionDays} working days, for this reason:</source>
        <translation>Sesuai Pasal 22 ayat (8) UU 14/2008, waktu tanggapan diperpanjang satu kali, paling lama {extensionDays} hari kerja, dengan alasan:</translation>
    </message>
    <message>
        <source>The written notice on your request will be given at the latest on</source>
        <translation>Pemberitahuan tertulis atas permohonan Saudara akan disampaikan paling lambat pada</translation>
    </message>
    <message>
        <source>Following the request for information received on {received} under registration number {number}:</source>
        <translation>Berdasarkan permohonan informasi yang diterima pada {received} dengan nomor pendaftaran {number}:</translation>
    </message>
    <message>
        <source>the PPID decides that the information requested is</source>
        <translation>PPID memutuskan bahwa informasi yang dimohon adalah</translation>
    </message>
    <message>
        <source>EXEMPT INFORMATION</source>
        <translation>INFORMASI YANG DIKECUALIKAN</translation>
    </message>
    <message>
        <source>The exemption rests on Article 17 letter {letter} of Law 14/2008: the information {letterDescription}.</source>
        <translation>Pengecualian informasi didasarkan pada Pasal 17 huruf {letter} UU 14/2008: informasi tersebut {letterDescription}.</translation>
    </message>
    <message>
        <source>Consequence test: disclosing the information would have the following consequence:</source>
        <translation>Uji konsekuensi: membuka informasi tersebut dapat menimbulkan konsekuensi sebagai berikut:</translation>
    </message>
    <message>
        <source>the information cannot be provided because:</source>
        <translation>informasi tidak dapat diberikan karena:</translation>
    </message>
    <message>
        <source>THE REQUEST FOR INFORMATION IS REFUSED</source>
        <translation>PERMOHONAN INFORMASI DITOLAK</translation>
    </message>
    <message>
        <source>Following the objection filed on {filed} under number {objection} against the answer to request {number}, the Atasan PPID answers as follows:</source>
        <translation>Berdasarkan keberatan yang diajukan pada {filed} dengan nomor {objection} atas tanggapan terhadap permohonan {number}, Atasan PPID memberikan tanggapan sebagai berikut:</translation>
    </message>
    <message>
        <source>Objection number</source>
        <translation>Nomor registrasi keberatan</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>Diajukan oleh</translation>
    </message>
    <message>
        <source>Registration number of the request</source>
        <translation>Nomor pendaftaran permohonan</translation>
    </message>
    <message>
        <source>Ground of the objection</source>
        <translation>Alasan pengajuan keberatan</translation>
    </message>
    <message>
        <source>Article 35(1) letter %1: %2</source>
        <translation>Pasal 35 ayat (1) huruf %1: %2</translation>
    </message>
    <message>
        <source>Summary of the case</source>
        <translation>Kasus posisi</translation>
    </message>
    <message>
        <source>Decision of the Atasan PPID</source>
        <translation>Keputusan Atasan PPID</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Tanggal keputusan</translation>
    </message>
    <message>
        <source>If you are not satisfied with this answer you may take the dispute to the Komisi Informasi within {disputeDays} working days of receiving it, at the latest on {disputeDue} (Law 14/2008, Article 37).</source>
        <translation>Apabila Saudara tidak puas dengan tanggapan ini, Saudara dapat mengajukan sengketa informasi kepada Komisi Informasi paling lambat {disputeDays} hari kerja sejak diterimanya tanggapan ini, yaitu pada {disputeDue} (UU 14/2008 Pasal 37).</translation>
    </message>
    <message>
        <source>If you are not satisfied with this answer you may take the dispute to the Komisi Informasi within {disputeDays} working days of receiving it (Law 14/2008, Article 37).</source>
        <translation>Apabila Saudara tidak puas dengan tanggapan ini, Saudara dapat mengajukan sengketa informasi kepada Komisi Informasi paling lambat {disputeDays} hari kerja sejak diterimanya tanggapan ini (UU 14/2008 Pasal 37).</translation>
    </message>
    <message>
        <source>Atasan PPID</source>
        <translation>Atasan PPID</translation>
    </message>
    <message>
        <source>Objection number: %1</source>
        <translation>Nomor Keberatan: %1</translation>
    </message>
</context>
<context>
    <name>Humas::PpidObjection</name>
    <message>
        <source>Request refused on the grounds of Article 17</source>
        <translation>Penolakan permohonan berdasarkan alasan pengecualian Pasal 17</translation>
    </message>
    <message>
        <source>Periodic information (Article 9) not provided</source>
        <translation>Tidak disediakannya informasi berkala (Pasal 9)</translation>
    </message>
    <message>
        <source>Request not answered</source>
        <translation>Tidak ditanggapinya permohonan informasi</translation>
    </message>
    <message>
        <source>Request answered other than as requested</source>
        <translation>Permohonan ditanggapi tidak sebagaimana yang diminta</translation>
    </message>
    <message>
        <source>Request not fulfilled</source>
        <translation>Tidak dipenuhinya permohonan informasi</translation>
    </message>
    <message>
        <source>Unreasonable fee</source>
        <translation>Pengenaan biaya yang tidak wajar</translation>
    </message>
    <message>
        <source>Information given later than the deadline</source>
        <translation>Penyampaian informasi melebihi waktu yang diatur</translation>
    </message>
</context>
<context>
    <name>Humas::PpidObjectionRepository</name>
    <message>
        <source>Objection upheld</source>
        <translation>Keberatan diterima</translation>
    </message>
    <message>
        <source>Objection upheld in part</source>
        <translation>Keberatan diterima sebagian</translation>
    </message>
    <message>
        <source>Objection rejected</source>
        <translation>Keberatan ditolak</translation>
    </message>
    <message>
        <source>Filed with the Information Commission</source>
        <translation>Diajukan ke Komisi Informasi</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>Mediasi</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>Ajudikasi</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <source>Choose the ground of the objection (Article 35(1) a–g).</source>
        <translation>Pilih alasan keberatan (Pasal 35 ayat (1) huruf a–g).</translation>
    </message>
    <message>
        <source>Summarise the case of the objection.</source>
        <translation>Tuliskan ringkasan kasus keberatan.</translation>
    </message>
    <message>
        <source>Unknown decision of the Atasan PPID &quot;%1&quot;.</source>
        <translation>Keputusan Atasan PPID &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>The Atasan PPID&apos;s decision and its date go together.</source>
        <translation>Keputusan Atasan PPID dan tanggalnya harus diisi bersama.</translation>
    </message>
    <message>
        <source>The Atasan PPID cannot decide before the objection was filed.</source>
        <translation>Atasan PPID tidak dapat memutus sebelum keberatan diajukan.</translation>
    </message>
    <message>
        <source>Unknown dispute stage &quot;%1&quot;.</source>
        <translation>Tahap sengketa &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>A dispute goes to the Information Commission only after the Atasan PPID has answered or the answer is overdue.</source>
        <translation>Sengketa diajukan ke Komisi Informasi hanya setelah Atasan PPID menjawab atau jawabannya melewati batas waktu.</translation>
    </message>
    <message>
        <source>The objection must refer to a registered request.</source>
        <translation>Keberatan harus merujuk pada permohonan yang terdaftar.</translation>
    </message>
    <message>
        <source>The filing time lies in the future.</source>
        <translation>Waktu pengajuan berada di masa depan.</translation>
    </message>
    <message>
        <source>An objection cannot be filed before the request was received.</source>
        <translation>Keberatan tidak dapat diajukan sebelum permohonan diterima.</translation>
    </message>
    <message>
        <source>An objection must be filed within 30 working days of its cause; the last day was %1.</source>
        <translation>Keberatan harus diajukan dalam 30 hari kerja sejak penyebabnya; hari terakhir adalah %1.</translation>
    </message>
    <message>
        <source>The objection no longer exists.</source>
        <translation>Keberatan sudah tidak ada.</translation>
    </message>
    <message>
        <source>An objection number never changes once it is given (%1).</source>
        <translation>Nomor keberatan yang sudah diberikan tidak pernah berubah (%1).</translation>
    </message>
    <message>
        <source>An objection stays with the request it was filed against.</source>
        <translation>Keberatan tetap melekat pada permohonan yang dikeberatankan.</translation>
    </message>
    <message>
        <source>The filing time is part of the register and cannot be changed.</source>
        <translation>Waktu pengajuan adalah bagian dari register dan tidak dapat diubah.</translation>
    </message>
    <message>
        <source>The name of who filed the objection</source>
        <translation>Nama pengaju keberatan</translation>
    </message>
    <message>
        <source>The case summary</source>
        <translation>Ringkasan perkara</translation>
    </message>
    <message>
        <source>The requester&apos;s response</source>
        <translation>Tanggapan pemohon</translation>
    </message>
    <message>
        <source>The outcome of the dispute</source>
        <translation>Hasil sengketa</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>Humas::PpidObjectionTableModel</name>
    <message>
        <source>Article 35(1) %1</source>
        <translation>Pasal 35 ayat (1) huruf %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>Diajukan oleh</translation>
    </message>
    <message>
        <source>Request no.</source>
        <translation>No. permohonan</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Ringkasan kasus</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Batas tanggapan</translation>
    </message>
    <message>
        <source>Atasan&apos;s decision</source>
        <translation>Keputusan Atasan PPID</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Tanggal keputusan</translation>
    </message>
    <message>
        <source>Requester&apos;s response</source>
        <translation>Tanggapan pemohon</translation>
    </message>
    <message>
        <source>Information Commission</source>
        <translation>Komisi Informasi</translation>
    </message>
</context>
<context>
    <name>Humas::PpidReceipt</name>
    <message>
        <source>Requester</source>
        <translation>Pemohon Informasi</translation>
    </message>
    <message>
        <source>Information service officer</source>
        <translation>Petugas Pelayanan Informasi</translation>
    </message>
    <message>
        <source>The PPID gives you a written notice within %1 working days of receipt, at the latest on %2.</source>
        <translation>PPID memberikan pemberitahuan tertulis paling lambat %1 hari kerja sejak permohonan diterima, yaitu pada %2.</translation>
    </message>
    <message>
        <source>The PPID may extend this time once, by at most %1 more working days, with written reasons.</source>
        <translation>PPID dapat memperpanjang waktu tersebut satu kali, paling lama %1 hari kerja berikutnya, dengan alasan tertulis.</translation>
    </message>
    <message>
        <source>If your request is refused, not answered in time or not handled as requested, you may file an objection with the Atasan PPID within %1 working days (Law 14/2008, Articles 35 and 36).</source>
        <translation>Apabila permohonan Anda ditolak, tidak ditanggapi tepat waktu, atau tidak ditanggapi sebagaimana yang diminta, Anda dapat mengajukan keberatan kepada Atasan PPID paling lambat %1 hari kerja (UU 14/2008 Pasal 35 dan 36).</translation>
    </message>
    <message>
        <source>The Atasan PPID answers an objection within %1 working days; if you are not satisfied with the answer you may take the dispute to the Komisi Informasi within %2 working days (Article 37).</source>
        <translation>Atasan PPID menanggapi keberatan paling lambat %1 hari kerja; apabila Anda tidak puas dengan tanggapan tersebut, Anda dapat mengajukan sengketa informasi kepada Komisi Informasi paling lambat %2 hari kerja (Pasal 37).</translation>
    </message>
    <message>
        <source>Keep this receipt: quote its registration number in every enquiry about your request.</source>
        <translation>Simpan tanda bukti ini: sebutkan nomor pendaftarannya setiap kali menanyakan permohonan Anda.</translation>
    </message>
    <message>
        <source>Your rights as a requester</source>
        <translation>Hak Anda sebagai pemohon informasi</translation>
    </message>
    <message>
        <source>RECEIPT OF A REQUEST FOR PUBLIC INFORMATION</source>
        <translation>TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK</translation>
    </message>
    <message>
        <source>Registration number: %1</source>
        <translation>Nomor Pendaftaran: %1</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Tanggal dan waktu diterima</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Cara permohonan</translation>
    </message>
    <message>
        <source>Type of requester</source>
        <translation>Jenis pemohon</translation>
    </message>
    <message>
        <source>Deed number</source>
        <translation>Nomor akta pendirian</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Nomor telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Represented by (proxy)</source>
        <translation>Diwakili oleh (kuasa)</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Rincian informasi yang dibutuhkan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan penggunaan informasi</translation>
    </message>
    <message>
        <source>How to obtain the information</source>
        <translation>Cara memperoleh informasi</translation>
    </message>
    <message>
        <source>How to receive a copy</source>
        <translation>Cara mendapatkan salinan informasi</translation>
    </message>
    <message>
        <source>PPID Pembantu (agency)</source>
        <translation>PPID Pembantu (perangkat daerah)</translation>
    </message>
    <message>
        <source>Written notice due by</source>
        <translation>Batas waktu pemberitahuan tertulis</translation>
    </message>
    <message>
        <source>the due date</source>
        <translation>tanggal jatuh tempo</translation>
    </message>
</context>
<context>
    <name>Humas::PpidRecords</name>
    <message>
        <source>Your role (%1) may not change the information-service registers.</source>
        <translation>Peran Anda (%1) tidak boleh mengubah register layanan informasi.</translation>
    </message>
</context>
<context>
    <name>Humas::PpidRegisterColorProxy</name>
    <message numerus="yes">
        <source>Overdue: due %1, %n working day(s) late</source>
        <translation>
            <numerusform>Terlambat: jatuh tempo %1, lewat %n hari kerja</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today (%1)</source>
        <translation>Jatuh tempo hari ini (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Due soon: %1, %n working day(s) left</source>
        <translation>
            <numerusform>Segera jatuh tempo: %1, sisa %n hari kerja</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Humas::PpidRegisterModel</name>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>NIK / deed no.</source>
        <translation>NIK / no. akta</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Rincian informasi</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>Sisa hari kerja</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>terlambat %n hari</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n hari</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is &quot;4 overdue&quot;, %2 &quot;9 due this week&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n terlambat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due this week</source>
        <translation>
            <numerusform>%n jatuh tempo minggu ini</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Humas::PpidRegisterReport</name>
    <message>
        <source>Deed: %1</source>
        <translation>Akta: %1</translation>
    </message>
    <message>
        <source>NIK: %1</source>
        <translation>NIK: %1</translation>
    </message>
    <message>
        <source>Article 17 letter %1</source>
        <translation>Pasal 17 huruf %1</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>Dialihkan ke %1</translation>
    </message>
    <message>
        <source>Withheld: %1</source>
        <translation>Dikecualikan: %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Jatuh tempo %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Extended: %1</source>
        <translation>Diperpanjang: %1</translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation>Kuasa: %1</translation>
    </message>
    <message>
        <source>Rp %1</source>
        <comment>an amount in rupiah</comment>
        <translation>Rp %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>atas nama %1</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>Tidak ada catatan pada periode ini.</translation>
    </message>
    <message>
        <source>REGISTER OF REQUESTS FOR PUBLIC INFORMATION</source>
        <translation>REGISTER PERMOHONAN INFORMASI PUBLIK</translation>
    </message>
    <message>
        <source>REGISTER OF OBJECTIONS</source>
        <translation>REGISTER KEBERATAN</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Tanggal diterima</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Informasi yang diminta</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan penggunaan</translation>
    </message>
    <message>
        <source>How to obtain / receive</source>
        <translation>Cara memperoleh / salinan</translation>
    </message>
    <message>
        <source>PPID Pembantu</source>
        <translation>PPID Pembantu</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Date of written notice</source>
        <translation>Tanggal pemberitahuan tertulis</translation>
    </message>
    <message>
        <source>Information handed over</source>
        <translation>Pemberian informasi</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Name / NIK</source>
        <translation>Nama / NIK</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Telephone / email</source>
        <translation>Telepon / email</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Objection number</source>
        <translation>Nomor keberatan</translation>
    </message>
    <message>
        <source>Date filed</source>
        <translation>Tanggal diajukan</translation>
    </message>
    <message>
        <source>Requester / proxy</source>
        <translation>Pemohon / kuasa</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>Ground (Article 35(1))</source>
        <translation>Alasan keberatan (Pasal 35 ayat (1))</translation>
    </message>
    <message>
        <source>Summary of the case</source>
        <translation>Kasus posisi</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Batas tanggapan</translation>
    </message>
    <message>
        <source>Decision of the Atasan PPID</source>
        <translation>Keputusan Atasan PPID</translation>
    </message>
    <message>
        <source>Requester&apos;s response</source>
        <translation>Tanggapan pemohon</translation>
    </message>
    <message>
        <source>Komisi Informasi</source>
        <translation>Komisi Informasi</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
</context>
<context>
    <name>Humas::PpidRequestRepository</name>
    <message>
        <source>The requester&apos;s name is required.</source>
        <translation>Nama pemohon wajib diisi.</translation>
    </message>
    <message>
        <source>Describe the information requested.</source>
        <translation>Uraikan rincian informasi yang diminta.</translation>
    </message>
    <message>
        <source>The deed number is too long.</source>
        <translation>Nomor akta terlalu panjang.</translation>
    </message>
    <message>
        <source>The NIK is not valid: %1</source>
        <translation>NIK tidak sah: %1</translation>
    </message>
    <message>
        <source>The phone number is not valid (0… or +62…, 9 to 15 digits).</source>
        <translation>Nomor telepon tidak sah (0… atau +62…, 9 sampai 15 angka).</translation>
    </message>
    <message>
        <source>The email address is not valid.</source>
        <translation>Alamat email tidak sah.</translation>
    </message>
    <message>
        <source>Unknown way to obtain the information &quot;%1&quot;.</source>
        <translation>Cara memperoleh informasi &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown way to receive a copy &quot;%1&quot;.</source>
        <translation>Cara mendapatkan salinan &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>Biaya tidak boleh negatif.</translation>
    </message>
    <message>
        <source>An attachment is not in the attachment store.</source>
        <translation>Sebuah lampiran tidak ada di penyimpanan lampiran.</translation>
    </message>
    <message>
        <source>The notice cannot be dated before the request was received.</source>
        <translation>Pemberitahuan tidak boleh bertanggal sebelum permohonan diterima.</translation>
    </message>
    <message>
        <source>The information cannot be handed over before the request was received.</source>
        <translation>Informasi tidak boleh diserahkan sebelum permohonan diterima.</translation>
    </message>
    <message>
        <source>Give the reason why information is withheld or refused.</source>
        <translation>Sebutkan alasan informasi dikecualikan atau ditolak.</translation>
    </message>
    <message>
        <source>Choose the letter of Article 17 (a–j) that exempts the information.</source>
        <translation>Pilih huruf Pasal 17 (a–j) yang mengecualikan informasi ini.</translation>
    </message>
    <message>
        <source>An Article 17 exemption needs the consequence test (uji konsekuensi).</source>
        <translation>Pengecualian berdasarkan Pasal 17 memerlukan uji konsekuensi.</translation>
    </message>
    <message>
        <source>Name the body that holds the information.</source>
        <translation>Sebutkan badan publik yang menguasai informasi tersebut.</translation>
    </message>
    <message>
        <source>A request granted in full has no refusal reason.</source>
        <translation>Permohonan yang dikabulkan seluruhnya tidak memiliki alasan penolakan.</translation>
    </message>
    <message>
        <source>Say what was withheld from a request granted in part.</source>
        <translation>Sebutkan informasi yang dikecualikan dari permohonan yang dikabulkan sebagian.</translation>
    </message>
    <message>
        <source>The time of receipt lies in the future.</source>
        <translation>Waktu penerimaan berada di masa depan.</translation>
    </message>
    <message>
        <source>The request no longer exists.</source>
        <translation>Permohonan sudah tidak ada.</translation>
    </message>
    <message>
        <source>A registration number never changes once it is given (%1).</source>
        <translation>Nomor pendaftaran yang sudah diberikan tidak pernah berubah (%1).</translation>
    </message>
    <message>
        <source>The time of receipt is part of the register and cannot be changed.</source>
        <translation>Waktu penerimaan adalah bagian dari register dan tidak dapat diubah.</translation>
    </message>
    <message>
        <source>Change the status with the status actions, not by editing the request.</source>
        <translation>Ubah status melalui tindakan status, bukan dengan menyunting permohonan.</translation>
    </message>
    <message>
        <source>A request that is &quot;%1&quot; cannot become &quot;%2&quot;.</source>
        <translation>Permohonan berstatus &quot;%1&quot; tidak dapat menjadi &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>An extension needs a written reason (UU 14/2008 Article 22(8)).</source>
        <translation>Perpanjangan memerlukan alasan tertulis (UU 14/2008 Pasal 22 ayat (8)).</translation>
    </message>
    <message>
        <source>A request can be extended only once.</source>
        <translation>Permohonan hanya dapat diperpanjang satu kali.</translation>
    </message>
    <message>
        <source>Mark the request as being processed before extending it.</source>
        <translation>Tandai permohonan sebagai diproses sebelum memperpanjangnya.</translation>
    </message>
    <message>
        <source>A request that is &quot;%1&quot; can no longer be extended.</source>
        <translation>Permohonan berstatus &quot;%1&quot; tidak dapat diperpanjang lagi.</translation>
    </message>
    <message>
        <source>The extension must be decided before the deadline (%1), which has passed.</source>
        <translation>Perpanjangan harus diputuskan sebelum batas waktu (%1), yang sudah lewat.</translation>
    </message>
    <message>
        <source>The requester&apos;s name</source>
        <translation>Nama pemohon</translation>
    </message>
    <message>
        <source>The NIK or deed number</source>
        <translation>NIK atau nomor akta</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>The occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>The phone number</source>
        <translation>Nomor telepon</translation>
    </message>
    <message>
        <source>The email address</source>
        <translation>Alamat email</translation>
    </message>
    <message>
        <source>The proxy&apos;s name</source>
        <translation>Nama kuasa</translation>
    </message>
    <message>
        <source>The information requested</source>
        <translation>Informasi yang diminta</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>The consequence test</source>
        <translation>Uji konsekuensi</translation>
    </message>
    <message>
        <source>What was withheld</source>
        <translation>Informasi yang dikecualikan</translation>
    </message>
    <message>
        <source>The body referred to</source>
        <translation>Badan yang dirujuk</translation>
    </message>
    <message>
        <source>The reason of the extension</source>
        <translation>Alasan perpanjangan</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The register cannot be read: %1</source>
        <translation>Register tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>Humas::RecordRepository</name>
    <message>
        <source>Your role (%1) may not change %2.</source>
        <translation>Peran Anda (%1) tidak berwenang mengubah %2.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 wajib diisi.</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 harus berupa bilangan bulat.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 harus antara %2 dan %3.</translation>
    </message>
    <message>
        <source>%1 is not a valid date (YYYY-MM-DD).</source>
        <translation>%1 bukan tanggal yang valid (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>%1 has an unknown value: %2.</source>
        <translation>%1 memiliki nilai yang tidak dikenal: %2.</translation>
    </message>
    <message>
        <source>%1 refers to a record that does not exist.</source>
        <translation>%1 merujuk pada data yang tidak ada.</translation>
    </message>
    <message>
        <source>%1 is not a valid phone number (for example 0812 3456 7890 or +62 812 3456 7890).</source>
        <translation>%1 bukan nomor telepon yang valid (contoh: 0812 3456 7890 atau +62 812 3456 7890).</translation>
    </message>
    <message>
        <source>%1 is not a valid NIP: %2</source>
        <translation>%1 bukan NIP yang valid: %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already used by another record.</source>
        <translation>%1 &quot;%2&quot; sudah digunakan oleh data lain.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Data tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation>Kolom %1 tidak dikenal.</translation>
    </message>
    <message numerus="yes">
        <source>This record is still used by %n row(s) of %1; change those first.</source>
        <translation>
            <numerusform>Data ini masih digunakan oleh %n baris pada %1; ubah data tersebut terlebih dahulu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Humas::RecordTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>Humas::RecurrenceRule</name>
    <message>
        <source>The recurrence rule part &quot;%1&quot; has no value.</source>
        <translation>bagian aturan pengulangan &quot;%1&quot; tidak bernilai.</translation>
    </message>
    <message>
        <source>The recurrence frequency &quot;%1&quot; is unknown or not supported.</source>
        <translation>frekuensi pengulangan &quot;%1&quot; tidak dikenal atau tidak didukung.</translation>
    </message>
    <message>
        <source>The recurrence interval &quot;%1&quot; is not a positive number.</source>
        <translation>interval pengulangan &quot;%1&quot; bukan bilangan positif.</translation>
    </message>
    <message>
        <source>The recurrence count &quot;%1&quot; is not a positive number.</source>
        <translation>jumlah pengulangan &quot;%1&quot; bukan bilangan positif.</translation>
    </message>
    <message>
        <source>The recurrence end &quot;%1&quot; is not a valid date.</source>
        <translation>akhir pengulangan &quot;%1&quot; bukan tanggal yang valid.</translation>
    </message>
    <message>
        <source>The week start &quot;%1&quot; is not a weekday.</source>
        <translation>awal pekan &quot;%1&quot; bukan nama hari.</translation>
    </message>
    <message>
        <source>The weekday &quot;%1&quot; in the recurrence rule is not valid.</source>
        <translation>hari &quot;%1&quot; dalam aturan pengulangan tidak valid.</translation>
    </message>
    <message>
        <source>The month day &quot;%1&quot; in the recurrence rule is not valid.</source>
        <translation>tanggal bulan &quot;%1&quot; dalam aturan pengulangan tidak valid.</translation>
    </message>
    <message>
        <source>The recurrence rule part &quot;%1&quot; is not supported.</source>
        <translation>bagian aturan pengulangan &quot;%1&quot; tidak didukung.</translation>
    </message>
    <message>
        <source>The recurrence rule has no frequency (FREQ).</source>
        <translation>aturan pengulangan tidak memiliki frekuensi (FREQ).</translation>
    </message>
    <message>
        <source>The recurrence rule has both COUNT and UNTIL.</source>
        <translation>aturan pengulangan memuat COUNT sekaligus UNTIL.</translation>
    </message>
    <message>
        <source>This combination of recurrence rule parts is not supported.</source>
        <translation>kombinasi bagian aturan pengulangan ini tidak didukung.</translation>
    </message>
</context>
<context>
    <name>Humas::RegistrationNumber</name>
    <message>
        <source>The number pattern must not be empty.</source>
        <translation>Pola nomor tidak boleh kosong.</translation>
    </message>
    <message>
        <source>The number pattern is too long (at most 80 characters).</source>
        <translation>Pola nomor terlalu panjang (paling banyak 80 karakter).</translation>
    </message>
    <message>
        <source>Unknown placeholder {%1} in the number pattern.</source>
        <translation>Penanda {%1} dalam pola nomor tidak dikenal.</translation>
    </message>
    <message>
        <source>Only {seq} takes a width, from 1 to 9: {seq:3}.</source>
        <translation>Hanya {seq} yang boleh diberi lebar, 1 sampai 9: {seq:3}.</translation>
    </message>
    <message>
        <source>The number pattern needs exactly one {seq} placeholder.</source>
        <translation>Pola nomor harus memuat tepat satu penanda {seq}.</translation>
    </message>
    <message>
        <source>A desk code has 1 to 8 capital letters or digits.</source>
        <translation>Kode meja terdiri atas 1 sampai 8 huruf kapital atau angka.</translation>
    </message>
    <message>
        <source>Desk code %1 is already used by another PC.</source>
        <translation>Kode meja %1 sudah dipakai PC lain.</translation>
    </message>
    <message>
        <source>Could not check the registration number: %1</source>
        <translation>Nomor pendaftaran tidak dapat diperiksa: %1</translation>
    </message>
</context>
<context>
    <name>Humas::RestClient</name>
    <message>
        <source>&quot;%1&quot; is not a server address; write it like https://server.example:8443.</source>
        <translation>&quot;%1&quot; bukan alamat server; tulis seperti https://server.contoh:8443.</translation>
    </message>
    <message>
        <source>The server address may not contain a user name, password, &quot;?&quot; or &quot;#&quot;; write it like https://server.example:8443.</source>
        <translation>Alamat server tidak boleh memuat nama pengguna, kata sandi, &quot;?&quot; atau &quot;#&quot;; tulis seperti https://server.contoh:8443.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>bukan objek JSON</translation>
    </message>
    <message>
        <source>The server %1 sent an answer HumasDesk cannot read (%2); nothing was changed on this PC. Check that the address points to a HumasDesk server of the same version.</source>
        <translation>Server %1 mengirim jawaban yang tidak dapat dibaca HumasDesk (%2); tidak ada yang diubah di PC ini. Periksa bahwa alamat itu menuju server HumasDesk dengan versi yang sama.</translation>
    </message>
    <message>
        <source>The server %1 refused the connection: it is not running, or the address or port is wrong.</source>
        <translation>Server %1 menolak sambungan: server tidak berjalan, atau alamat atau port-nya salah.</translation>
    </message>
    <message>
        <source>The server name in %1 was not found; check the address and this PC&apos;s network connection.</source>
        <translation>Nama server pada %1 tidak ditemukan; periksa alamat dan sambungan jaringan PC ini.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time; the network or the server may be slow or down.</source>
        <translation>Server %1 tidak menjawab tepat waktu; jaringan atau server mungkin lambat atau mati.</translation>
    </message>
    <message>
        <source>The server %1 closed the connection before answering.</source>
        <translation>Server %1 menutup sambungan sebelum menjawab.</translation>
    </message>
    <message>
        <source>The secure (HTTPS) connection to %1 failed: the server&apos;s certificate is not valid for this address or not trusted by this PC (%2).</source>
        <translation>Sambungan aman (HTTPS) ke %1 gagal: sertifikat server tidak berlaku untuk alamat ini atau tidak dipercaya oleh PC ini (%2).</translation>
    </message>
    <message>
        <source>This PC has no network connection at the moment; the server %1 cannot be reached.</source>
        <translation>PC ini sedang tidak tersambung ke jaringan; server %1 tidak dapat dijangkau.</translation>
    </message>
    <message>
        <source>The server %1 does not speak HTTP as HumasDesk expects; check the address (http or https, the port).</source>
        <translation>Server %1 tidak menjawab HTTP seperti yang diharapkan HumasDesk; periksa alamatnya (http atau https, port).</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached (%2).</source>
        <translation>Server %1 tidak dapat dijangkau (%2).</translation>
    </message>
    <message>
        <source> The server says: %1</source>
        <translation> Kata server: %1</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>The server %1 no longer accepts this PC&apos;s sign-in (it expired or was revoked). Sign in again.</source>
        <translation>Server %1 tidak lagi menerima sesi masuk PC ini (sudah berakhir atau dicabut). Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>The server %1 refused this for the signed-in user.%2</source>
        <translation>Server %1 menolak ini untuk pengguna yang sedang masuk.%2</translation>
    </message>
    <message>
        <source>The server %1 does not know this request; check that the address points to a HumasDesk server.</source>
        <translation>Server %1 tidak mengenal permintaan ini; periksa bahwa alamat itu menuju server HumasDesk.</translation>
    </message>
    <message>
        <source>The server %1 runs an older HumasDesk than this PC, so nothing was sent; ask the administrator to update the server.</source>
        <translation>Server %1 menjalankan HumasDesk yang lebih lama daripada PC ini, jadi tidak ada yang dikirim; minta administrator memperbarui server.</translation>
    </message>
    <message>
        <source>The server %1 refused a request as too large.%2</source>
        <translation>Server %1 menolak permintaan karena terlalu besar.%2</translation>
    </message>
    <message>
        <source>The server %1 has a newer HumasDesk data version than this PC; update HumasDesk on this PC to sync.</source>
        <translation>Server %1 memakai versi data HumasDesk yang lebih baru daripada PC ini; perbarui HumasDesk di PC ini untuk sinkronisasi.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; try again in %n minute(s).</source>
        <translation>
            <numerusform>Terlalu banyak percobaan masuk yang gagal; coba lagi dalam %n menit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again later.</source>
        <translation>Terlalu banyak percobaan masuk yang gagal; coba lagi nanti.</translation>
    </message>
    <message numerus="yes">
        <source>The server %1 is busy or restarting; try again in %n second(s).</source>
        <translation>
            <numerusform>Server %1 sedang sibuk atau dimulai ulang; coba lagi dalam %n detik.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server %1 is busy or restarting; try again in a few minutes.</source>
        <translation>Server %1 sedang sibuk atau dimulai ulang; coba lagi beberapa menit lagi.</translation>
    </message>
    <message>
        <source>The server address %1 forwards to %2; enter that address instead.</source>
        <translation>Alamat server %1 meneruskan ke %2; masukkan alamat itu.</translation>
    </message>
    <message>
        <source>The server %1 had an internal error (HTTP %2); try again later or tell its administrator.</source>
        <translation>Server %1 mengalami galat internal (HTTP %2); coba lagi nanti atau beri tahu administratornya.</translation>
    </message>
    <message>
        <source>The server %1 refused the request (HTTP %2).%3</source>
        <translation>Server %1 menolak permintaan (HTTP %2).%3</translation>
    </message>
</context>
<context>
    <name>Humas::RestTransport</name>
    <message>
        <source>hello without hub, epoch or schema</source>
        <translation>hello tanpa hub, epoch, atau schema</translation>
    </message>
    <message>
        <source>One change is larger than the server accepts (%1 KiB of at most %2 KiB); it stays on this PC.</source>
        <translation>Satu perubahan lebih besar daripada yang diterima server (%1 KiB dari paling banyak %2 KiB); perubahan itu tetap di PC ini.</translation>
    </message>
    <message>
        <source>push reply without results or acked_through</source>
        <translation>jawaban push tanpa results atau acked_through</translation>
    </message>
    <message>
        <source>push result without op_id or status</source>
        <translation>hasil push tanpa op_id atau status</translation>
    </message>
    <message>
        <source>changes without rows or next_cursor</source>
        <translation>changes tanpa rows atau next_cursor</translation>
    </message>
    <message>
        <source>a malformed next_cursor</source>
        <translation>next_cursor yang rusak</translation>
    </message>
    <message>
        <source>a changed row without entity or row_id</source>
        <translation>baris berubah tanpa entity atau row_id</translation>
    </message>
    <message>
        <source>blobs/missing without missing</source>
        <translation>blobs/missing tanpa missing</translation>
    </message>
    <message>
        <source>a malformed hash in missing</source>
        <translation>hash yang rusak dalam missing</translation>
    </message>
    <message>
        <source>An attachment has a malformed hash and cannot be sent.</source>
        <translation>Sebuah lampiran memiliki hash yang rusak dan tidak dapat dikirim.</translation>
    </message>
    <message>
        <source>An attachment of %1 MiB is larger than the server accepts (%2 MiB); it stays on this PC.</source>
        <translation>Lampiran %1 MiB lebih besar daripada yang diterima server (%2 MiB); lampiran itu tetap di PC ini.</translation>
    </message>
    <message>
        <source>The attachment %1 arrived damaged at the server and was not stored; it is sent again at the next sync.</source>
        <translation>Lampiran %1 tiba rusak di server dan tidak disimpan; lampiran dikirim lagi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>An attachment has a malformed hash and cannot be fetched.</source>
        <translation>Sebuah lampiran memiliki hash yang rusak dan tidak dapat diambil.</translation>
    </message>
    <message>
        <source>The server does not have the attachment %1 (yet).</source>
        <translation>Server (belum) memiliki lampiran %1.</translation>
    </message>
    <message>
        <source>Give the user name and the password to sign in.</source>
        <translation>Isi nama pengguna dan kata sandi untuk masuk.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong (or the user is disabled on the server).</source>
        <translation>Nama pengguna atau kata sandi salah (atau pengguna dinonaktifkan di server).</translation>
    </message>
    <message>
        <source>login reply without token or expires_at</source>
        <translation>jawaban login tanpa token atau expires_at</translation>
    </message>
    <message>
        <source>health without status ok</source>
        <translation>health tanpa status ok</translation>
    </message>
</context>
<context>
    <name>Humas::Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <source>PPID (information service)</source>
        <translation>PPID (layanan informasi)</translation>
    </message>
    <message>
        <source>News editor</source>
        <translation>Redaksi</translation>
    </message>
    <message>
        <source>Agency contributor (OPD)</source>
        <translation>Kontributor OPD</translation>
    </message>
    <message>
        <source>Leadership (read-only)</source>
        <translation>Pimpinan (hanya baca)</translation>
    </message>
</context>
<context>
    <name>Humas::SchemaCheck</name>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Migrasi %1 tidak terdapat dalam versi program ini.</translation>
    </message>
    <message>
        <source>the expected schema %1 cannot be built: %2</source>
        <translation>skema %1 yang diharapkan tidak dapat dibangun: %2</translation>
    </message>
    <message>
        <source>the schema cannot be read: %1</source>
        <translation>skema tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>%1 tidak ada</translation>
    </message>
    <message>
        <source>%1 differs (expected &quot;%2&quot;, found &quot;%3&quot;)</source>
        <translation>%1 berbeda (diharapkan &quot;%2&quot;, ditemukan &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>unexpected %1 (not part of schema %2)</source>
        <translation>%1 tidak terduga (bukan bagian skema %2)</translation>
    </message>
</context>
<context>
    <name>Humas::Seeder</name>
    <message>
        <source>Unknown preset &quot;%1&quot;; known presets: %2.</source>
        <translation>Prasetel &quot;%1&quot; tidak dikenal; prasetel yang tersedia: %2.</translation>
    </message>
    <message>
        <source>The database was already initialised on %1; nothing was changed.</source>
        <translation>Basis data sudah diinisialisasi pada %1; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The shipped district list is damaged.</source>
        <translation>Daftar kecamatan bawaan rusak.</translation>
    </message>
    <message>
        <source>The shipped agency list is damaged.</source>
        <translation>Daftar perangkat daerah bawaan rusak.</translation>
    </message>
    <message>
        <source>Database initialised: %1 officials, %2 holidays</source>
        <translation>Basis data diinisialisasi: %1 pejabat, %2 hari libur</translation>
    </message>
    <message>
        <source>, %1 districts and %2 agencies of Kabupaten Parigi Moutong</source>
        <translation>, %1 kecamatan dan %2 perangkat daerah Kabupaten Parigi Moutong</translation>
    </message>
</context>
<context>
    <name>Humas::Server::AdminCommands</name>
    <message>
        <source>Use: user add --username U --role R [--opd CODE] --password-stdin | user list | user disable --username U</source>
        <translation>Pakai: user add --username U --role R [--opd KODE] --password-stdin | user list | user disable --username U</translation>
    </message>
    <message>
        <source>Use: user add|list|disable, token list|revoke, backup FILE or check.</source>
        <translation>Pakai: user add|list|disable, token list|revoke, backup BERKAS atau check.</translation>
    </message>
    <message>
        <source>Unknown or incomplete argument &quot;%1&quot; for user add.</source>
        <translation>Argumen &quot;%1&quot; untuk user add tidak dikenal atau tidak lengkap.</translation>
    </message>
    <message>
        <source>user add needs --username and --role (admin, protokol, ppid, redaksi, opd or pimpinan).</source>
        <translation>user add memerlukan --username dan --role (admin, protokol, ppid, redaksi, opd atau pimpinan).</translation>
    </message>
    <message>
        <source>user add reads the password from standard input; add --password-stdin.</source>
        <translation>user add membaca kata sandi dari masukan standar; tambahkan --password-stdin.</translation>
    </message>
    <message>
        <source>No agency (OPD) has the code &quot;%1&quot;.</source>
        <translation>Tidak ada perangkat daerah (OPD) dengan kode &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A user with the role opd needs --opd CODE.</source>
        <translation>Pengguna dengan peran opd memerlukan --opd KODE.</translation>
    </message>
    <message>
        <source>The user name %1 is taken already.</source>
        <translation>Nama pengguna %1 sudah dipakai.</translation>
    </message>
    <message>
        <source>The hub did not take the new user (%1): %2</source>
        <translation>Hub tidak menerima pengguna baru (%1): %2</translation>
    </message>
    <message>
        <source>User %1 added with the role %2.</source>
        <translation>Pengguna %1 ditambahkan dengan peran %2.</translation>
    </message>
    <message>
        <source>Cannot read the users of the hub.</source>
        <translation>Pengguna di hub tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama Pengguna</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Give the account with --username U.</source>
        <translation>Sebutkan akunnya dengan --username U.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Tidak ada pengguna %1.</translation>
    </message>
    <message>
        <source>The hub did not disable the user (%1): %2</source>
        <translation>Hub tidak menonaktifkan pengguna (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>User %1 is disabled; %n sign-in(s) revoked.</source>
        <translation>
            <numerusform>Pengguna %1 dinonaktifkan; %n sesi masuk dicabut.</numerusform>
        </translation>
    </message>
    <message>
        <source>PC (site)</source>
        <translation>PC (situs)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Masuk pada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Berakhir</translation>
    </message>
    <message numerus="yes">
        <source>%n sign-in(s) of %1 revoked.</source>
        <translation>
            <numerusform>%n sesi masuk milik %1 dicabut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use: token list | token revoke --username U</source>
        <translation>Pakai: token list | token revoke --username U</translation>
    </message>
    <message>
        <source>Use: backup FILE</source>
        <translation>Pakai: backup BERKAS</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name.</source>
        <translation>%1 sudah ada; pilih nama berkas baru.</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Cadangan ditulis ke %1.</translation>
    </message>
    <message>
        <source>hub file integrity</source>
        <translation>keutuhan berkas hub</translation>
    </message>
    <message>
        <source>references between rows</source>
        <translation>rujukan antarbaris</translation>
    </message>
    <message numerus="yes">
        <source>%n broken reference(s)</source>
        <translation>
            <numerusform>%n rujukan rusak</numerusform>
        </translation>
    </message>
    <message>
        <source>hub sequence</source>
        <translation>urutan hub</translation>
    </message>
    <message>
        <source>counter %1 is behind row seq %2</source>
        <translation>penghitung %1 tertinggal dari seq baris %2</translation>
    </message>
    <message>
        <source>every row has its hub seq</source>
        <translation>setiap baris punya seq hub</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without one</source>
        <translation>
            <numerusform>%n baris tanpa seq</numerusform>
        </translation>
    </message>
    <message>
        <source>sign-in store</source>
        <translation>penyimpanan sesi masuk</translation>
    </message>
</context>
<context>
    <name>Humas::Server::HttpServer</name>
    <message>
        <source>The address of the request is too long.</source>
        <translation>Alamat permintaan terlalu panjang.</translation>
    </message>
    <message>
        <source>The headers of the request are too large.</source>
        <translation>Header permintaan terlalu besar.</translation>
    </message>
    <message>
        <source>The request must state its length.</source>
        <translation>Permintaan harus menyebutkan panjangnya (Content-Length).</translation>
    </message>
    <message>
        <source>The length of the request is not a number.</source>
        <translation>Panjang permintaan bukan angka.</translation>
    </message>
    <message>
        <source>The request is larger than the server accepts.</source>
        <translation>Permintaan lebih besar daripada yang diterima server.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation>&quot;%1&quot; bukan alamat IP untuk mendengarkan.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2 (in use, or no permission).</source>
        <translation>Tidak dapat mendengarkan di %1 port %2 (sedang dipakai, atau tidak ada izin).</translation>
    </message>
    <message>
        <source>This libmicrohttpd was built without TLS; put the server behind a reverse proxy for HTTPS instead.</source>
        <translation>libmicrohttpd ini dibangun tanpa TLS; untuk HTTPS, pasang server di belakang reverse proxy.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2 (in use, no permission, or the TLS certificate and key do not belong together).</source>
        <translation>Tidak dapat mendengarkan di %1 port %2 (sedang dipakai, tanpa izin, atau sertifikat dan kunci TLS tidak berpasangan).</translation>
    </message>
</context>
<context>
    <name>Humas::Server::Router</name>
    <message>
        <source>This address only answers GET.</source>
        <translation>Alamat ini hanya menjawab GET.</translation>
    </message>
    <message>
        <source>Sign in first: this request needs a valid token.</source>
        <translation>Masuk terlebih dahulu: permintaan ini memerlukan token yang sah.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Tidak ada apa pun di alamat ini.</translation>
    </message>
    <message>
        <source>The server is busy; try again in a moment.</source>
        <translation>Server sedang sibuk; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server could not finish the request; nothing of it was stored. The server&apos;s log says why.</source>
        <translation>Server tidak dapat menyelesaikan permintaan; tidak ada yang disimpan. Log server menjelaskan sebabnya.</translation>
    </message>
    <message>
        <source>This address only answers %1.</source>
        <translation>Alamat ini hanya melayani %1.</translation>
    </message>
    <message>
        <source>The X-HumasDesk-Schema header must be a number.</source>
        <translation>Header X-HumasDesk-Schema harus berupa angka.</translation>
    </message>
    <message>
        <source>This HumasDesk is older than the server (database version %1, the server has %2). Install the current version, then sync again.</source>
        <translation>HumasDesk ini lebih lama daripada server (versi basis data %1, server memakai %2). Pasang versi terbaru, lalu sinkronkan lagi.</translation>
    </message>
    <message>
        <source>The server is older than this HumasDesk (database version %1, this program has %2). Ask the administrator to update the server; nothing was sent.</source>
        <translation>Server lebih lama daripada HumasDesk ini (versi basis data %1, program ini memakai %2). Minta administrator memperbarui server; tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>This address only answers GET and PUT.</source>
        <translation>Alamat ini hanya melayani GET dan PUT.</translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked; sign in again.</source>
        <translation>Sesi masuk sudah berakhir atau dicabut; silakan masuk lagi.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Akun ini dinonaktifkan; hubungi Administrator.</translation>
    </message>
    <message>
        <source>Send the sign-in as application/json.</source>
        <translation>Kirim data masuk sebagai application/json.</translation>
    </message>
    <message>
        <source>The sign-in is not a JSON object.</source>
        <translation>Data masuk bukan objek JSON.</translation>
    </message>
    <message>
        <source>The sign-in needs a user name, a password and a site.</source>
        <translation>Untuk masuk diperlukan nama pengguna, kata sandi, dan situs.</translation>
    </message>
    <message>
        <source>The site of the sign-in is not valid.</source>
        <translation>Situs pada data masuk tidak sah.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; try again in %n minute(s).</source>
        <translation>
            <numerusform>Terlalu banyak percobaan masuk yang gagal; coba lagi dalam %n menit.</numerusform>
        </translation>
    </message>
    <message>
        <source>The user name or password is wrong, or the account is disabled.</source>
        <translation>Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.</translation>
    </message>
    <message>
        <source>hello needs ?site=.</source>
        <translation>hello memerlukan ?site=.</translation>
    </message>
    <message>
        <source>This token was issued to another PC; sign in on this one.</source>
        <translation>Token ini diterbitkan untuk PC lain; silakan masuk dari PC ini.</translation>
    </message>
    <message>
        <source>Send the push as application/json.</source>
        <translation>Kirim perubahan sebagai application/json.</translation>
    </message>
    <message>
        <source>The push is not a JSON object.</source>
        <translation>Kiriman perubahan bukan objek JSON.</translation>
    </message>
    <message>
        <source>The push has no list of changes (ops).</source>
        <translation>Kiriman tidak memuat daftar perubahan (ops).</translation>
    </message>
    <message>
        <source>A push may carry at most %1 changes.</source>
        <translation>Satu kiriman memuat paling banyak %1 perubahan.</translation>
    </message>
    <message>
        <source>The cursor &quot;%1&quot; is not one of this server&apos;s.</source>
        <translation>Kursor &quot;%1&quot; bukan milik server ini.</translation>
    </message>
    <message>
        <source>limit must be a number from 1 to 1000.</source>
        <translation>limit harus berupa angka 1 sampai 1000.</translation>
    </message>
    <message>
        <source>Send the list as application/json.</source>
        <translation>Kirim daftar sebagai application/json.</translation>
    </message>
    <message>
        <source>Send {&quot;hashes&quot;: [...]}.</source>
        <translation>Kirim {&quot;hashes&quot;: [...]}.</translation>
    </message>
    <message>
        <source>Ask for at most %1 attachments at a time.</source>
        <translation>Tanyakan paling banyak %1 lampiran sekaligus.</translation>
    </message>
    <message>
        <source>Every hash must be 64 lower-case hexadecimal digits.</source>
        <translation>Setiap hash harus 64 digit heksadesimal huruf kecil.</translation>
    </message>
    <message>
        <source>This account may read but not send anything.</source>
        <translation>Akun ini hanya boleh membaca, tidak boleh mengirim apa pun.</translation>
    </message>
    <message>
        <source>An attachment may be at most 50 MiB.</source>
        <translation>Lampiran paling besar 50 MiB.</translation>
    </message>
    <message>
        <source>The attachment arrived damaged (its SHA-256 does not match); it was not stored.</source>
        <translation>Lampiran tiba dalam keadaan rusak (SHA-256 tidak cocok); tidak disimpan.</translation>
    </message>
    <message>
        <source>The server has no attachment %1.</source>
        <translation>Server tidak memiliki lampiran %1.</translation>
    </message>
</context>
<context>
    <name>Humas::Server::ServerCommand</name>
    <message>
        <source>The port must be a number from 0 to 65535.</source>
        <translation>Port harus berupa angka dari 0 sampai 65535.</translation>
    </message>
    <message>
        <source>Unknown or incomplete argument &quot;%1&quot;.</source>
        <translation>Argumen &quot;%1&quot; tidak dikenal atau tidak lengkap.</translation>
    </message>
    <message>
        <source>Give the data folder with --data DIR.</source>
        <translation>Sebutkan folder data dengan --data DIR.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Folder data %1 tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>Usage: humasdesk-server --data DIR [--listen ADDR] [--port N] [--database URL] [--tls-cert FILE --tls-key FILE]
       humasdesk-server --data DIR user add --username U --role R [--opd CODE] --password-stdin
       humasdesk-server --data DIR user list | user disable --username U
       humasdesk-server --data DIR token list | token revoke --username U
       humasdesk-server --data DIR backup FILE | check</source>
        <translation>Pakai: humasdesk-server --data DIR [--listen ALAMAT] [--port N] [--database URL] [--tls-cert BERKAS --tls-key BERKAS]
       humasdesk-server --data DIR user add --username U --role R [--opd KODE] --password-stdin
       humasdesk-server --data DIR user list | user disable --username U
       humasdesk-server --data DIR token list | token revoke --username U
       humasdesk-server --data DIR backup BERKAS | check</translation>
    </message>
    <message>
        <source>HTTPS needs both --tls-cert FILE and --tls-key FILE.</source>
        <translation>HTTPS memerlukan --tls-cert BERKAS dan --tls-key BERKAS sekaligus.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Tidak dapat membaca %1.</translation>
    </message>
    <message>
        <source>--database takes a PostgreSQL address, postgresql://user:password@host:port/database.</source>
        <translation>--database memerlukan alamat PostgreSQL, postgresql://pengguna:katasandi@host:port/basisdata.</translation>
    </message>
</context>
<context>
    <name>Humas::Server::SessionStore</name>
    <message>
        <source>Cannot open the sign-in store %1: %2</source>
        <translation>Tidak dapat membuka penyimpanan sesi masuk %1: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the sign-in store %1: %2</source>
        <translation>Tidak dapat menyiapkan penyimpanan sesi masuk %1: %2</translation>
    </message>
</context>
<context>
    <name>Humas::ServerAccount</name>
    <message>
        <source>This PC is not signed in to the server %1 (or its sign-in expired); sign in first.</source>
        <translation>PC ini belum masuk ke server %1 (atau sesi masuknya berakhir); silakan masuk dahulu.</translation>
    </message>
</context>
<context>
    <name>Humas::SharedFileTransport</name>
    <message>
        <source>No shared file is set for sync.</source>
        <translation>Belum ada berkas bersama untuk sinkronisasi.</translation>
    </message>
    <message>
        <source>The shared file cannot be reached (%1); the changes stay on this PC and are sent later.</source>
        <translation>Berkas bersama tidak dapat dijangkau (%1); perubahan disimpan di PC ini dan dikirim nanti.</translation>
    </message>
    <message>
        <source>%1 is in WAL mode, which does not work on a network share and can corrupt it. It was not changed; switch it to a rollback journal (sqlite3 FILE &quot;PRAGMA journal_mode=DELETE&quot;) on the PC that shares it.</source>
        <translation>%1 memakai mode WAL, yang tidak berfungsi di folder jaringan dan dapat merusaknya. Berkas tidak diubah; ubah ke rollback journal (sqlite3 BERKAS &quot;PRAGMA journal_mode=DELETE&quot;) di PC yang membagikannya.</translation>
    </message>
    <message>
        <source>The shared file %1 could not be created; check that this user may create and delete files in that folder.</source>
        <translation>Berkas bersama %1 tidak dapat dibuat; periksa bahwa pengguna ini boleh membuat dan menghapus berkas di folder itu.</translation>
    </message>
    <message>
        <source>The shared file is not open (no round in progress).</source>
        <translation>Berkas bersama tidak terbuka (tidak ada putaran yang berjalan).</translation>
    </message>
    <message>
        <source>The shared file %1 is damaged (%2). Nothing was synchronised; restore it from a backup.</source>
        <translation>Berkas bersama %1 rusak (%2). Tidak ada yang disinkronkan; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>At most %1 changes go to a shared file in one transaction.</source>
        <translation>Paling banyak %1 perubahan masuk ke berkas bersama dalam satu transaksi.</translation>
    </message>
</context>
<context>
    <name>Humas::SyncAccess</name>
    <message>
        <source>Your role (%1) may not change %2.</source>
        <translation>Peran Anda (%1) tidak berwenang mengubah %2.</translation>
    </message>
    <message>
        <source>Only an administrator may set passwords.</source>
        <translation>Hanya administrator yang boleh menetapkan kata sandi.</translation>
    </message>
    <message>
        <source>Only an administrator may change users.</source>
        <translation>Hanya administrator yang boleh mengubah pengguna.</translation>
    </message>
    <message>
        <source>Only an administrator may change the settings.</source>
        <translation>Hanya Administrator yang dapat mengubah pengaturan.</translation>
    </message>
    <message>
        <source>Your role (%1) may only read.</source>
        <translation>Peran Anda (%1) hanya boleh membaca.</translation>
    </message>
    <message>
        <source>An OPD account may only change events of its own OPD.</source>
        <translation>Akun OPD hanya boleh mengubah acara OPD-nya sendiri.</translation>
    </message>
    <message>
        <source>An OPD account may only change events still submitted (diajukan); protokol schedules them.</source>
        <translation>Akun OPD hanya boleh mengubah acara yang masih diajukan; protokol yang menjadwalkannya.</translation>
    </message>
    <message>
        <source>An OPD account may not move an event to another OPD.</source>
        <translation>Akun OPD tidak boleh memindahkan acara ke OPD lain.</translation>
    </message>
    <message>
        <source>An OPD account may only change the information requests assigned to its OPD.</source>
        <translation>Akun OPD hanya boleh mengubah permohonan informasi yang ditugaskan ke OPD-nya.</translation>
    </message>
    <message>
        <source>An OPD account may not delete information requests.</source>
        <translation>Akun OPD tidak boleh menghapus permohonan informasi.</translation>
    </message>
    <message>
        <source>An OPD account may not assign a request to another OPD.</source>
        <translation>Akun OPD tidak boleh menugaskan permohonan ke OPD lain.</translation>
    </message>
    <message>
        <source>The status history of a request is only added to, never changed.</source>
        <translation>Riwayat status permohonan hanya boleh ditambah, tidak pernah diubah.</translation>
    </message>
    <message>
        <source>Your role (%1) may not change the requester&apos;s personal data (%2).</source>
        <translation>Peran Anda (%1) tidak boleh mengubah data pribadi pemohon (%2).</translation>
    </message>
    <message>
        <source>%1 holds masked personal data; it cannot be saved from this role.</source>
        <translation>%1 memuat data pribadi yang disamarkan; tidak dapat disimpan dari peran ini.</translation>
    </message>
    <message>
        <source>Only the hub opens sync conflicts.</source>
        <translation>Hanya hub yang membuka konflik sinkronisasi.</translation>
    </message>
    <message>
        <source>A sync conflict is resolved, not deleted.</source>
        <translation>Konflik sinkronisasi diselesaikan, bukan dihapus.</translation>
    </message>
    <message>
        <source>Only the resolution of a sync conflict may be changed (not %1).</source>
        <translation>Hanya penyelesaian konflik sinkronisasi yang boleh diubah (bukan %1).</translation>
    </message>
    <message>
        <source>Only an administrator may resolve this sync conflict.</source>
        <translation>Hanya administrator yang boleh menyelesaikan konflik sinkronisasi ini.</translation>
    </message>
    <message>
        <source>You may not resolve this sync conflict: %1</source>
        <translation>Anda tidak boleh menyelesaikan konflik sinkronisasi ini: %1</translation>
    </message>
</context>
<context>
    <name>Humas::SyncConflicts</name>
    <message>
        <source>There is no open sync conflict %1.</source>
        <translation>Tidak ada konflik sinkronisasi terbuka %1.</translation>
    </message>
    <message>
        <source>The record of this conflict (%1 %2) is not on this PC.</source>
        <translation>Data konflik ini (%1 %2) tidak ada di PC ini.</translation>
    </message>
</context>
<context>
    <name>Humas::SyncEngine</name>
    <message>
        <source>The local database could not be read or written: %1</source>
        <translation>Basis data lokal tidak dapat dibaca atau ditulis: %1</translation>
    </message>
    <message>
        <source>pushed %1, pulled %2, conflicts %3</source>
        <translation>pushed %1, pulled %2, conflicts %3</translation>
    </message>
    <message>
        <source>A sync round cannot run inside an open transaction.</source>
        <translation>Putaran sinkronisasi tidak dapat berjalan di dalam transaksi yang terbuka.</translation>
    </message>
    <message>
        <source>The hub has the newer schema %1; update HumasDesk on this PC to sync.</source>
        <translation>Hub memakai skema yang lebih baru (%1); perbarui HumasDesk di PC ini untuk sinkronisasi.</translation>
    </message>
    <message>
        <source>The hub is a different one than at the last round: all data is read again from it and the changes kept on this PC are sent to it.</source>
        <translation>Hub ini berbeda dengan hub pada putaran terakhir: semua data dibaca ulang darinya dan perubahan yang disimpan di PC ini dikirim ke sana.</translation>
    </message>
    <message>
        <source>The hub started a new epoch: all data is read again from it.</source>
        <translation>Hub memulai epoch baru: semua data dibaca ulang darinya.</translation>
    </message>
    <message>
        <source>The hub was restored from an older copy (it is at change %1, this PC had seen %2): the changes kept on this PC are sent again and all data is read again.</source>
        <translation>Hub dipulihkan dari salinan lama (berada pada perubahan %1, PC ini sudah melihat %2): perubahan yang disimpan di PC ini dikirim ulang dan semua data dibaca ulang.</translation>
    </message>
    <message>
        <source>The PPID deadlines could not be recomputed: %1</source>
        <translation>Tenggat PPID tidak dapat dihitung ulang: %1</translation>
    </message>
    <message>
        <source>The hub answered without acknowledging any of the %1 changes sent.</source>
        <translation>Hub menjawab tanpa menerima satu pun dari %1 perubahan yang dikirim.</translation>
    </message>
    <message>
        <source>%1 %2 could not be stored here: %3
</source>
        <translation>%1 %2 tidak dapat disimpan di sini: %3
</translation>
    </message>
    <message>
        <source>An attachment is not on the hub yet: %1
</source>
        <translation>Sebuah lampiran belum ada di hub: %1
</translation>
    </message>
    <message>
        <source>An attachment arrived damaged and was not stored (%1).
</source>
        <translation>Sebuah lampiran tiba rusak dan tidak disimpan (%1).
</translation>
    </message>
</context>
<context>
    <name>Humas::SyncSettings</name>
    <message>
        <source>The sync interval must be between 0 and 1440 minutes.</source>
        <translation>Selang sinkronisasi harus antara 0 dan 1440 menit.</translation>
    </message>
</context>
<context>
    <name>Humas::TextRules</name>
    <message>
        <source>%1 is too long (%2 characters; at most %3).</source>
        <translation>%1 terlalu panjang (%2 karakter; paling banyak %3).</translation>
    </message>
    <message>
        <source>%1 contains text that was not valid UTF-8 (U+FFFD at position %2).</source>
        <translation>%1 berisi teks yang bukan UTF-8 yang sah (U+FFFD pada posisi %2).</translation>
    </message>
    <message>
        <source>%1 must be a single line without control characters (found %2 at position %3).</source>
        <translation>%1 harus satu baris tanpa karakter kendali (ditemukan %2 pada posisi %3).</translation>
    </message>
    <message>
        <source>%1 contains a control character (%2 at position %3); only line breaks and tabs are allowed.</source>
        <translation>%1 berisi karakter kendali (%2 pada posisi %3); hanya pindah baris dan tab yang diizinkan.</translation>
    </message>
</context>
<context>
    <name>Humas::TravelTimeRepository</name>
    <message>
        <source>A travel time needs two different districts.</source>
        <translation>Waktu tempuh memerlukan dua kecamatan yang berbeda.</translation>
    </message>
    <message>
        <source>A travel time between these two districts already exists; edit that one.</source>
        <translation>Waktu tempuh antara kedua kecamatan ini sudah ada; ubah data tersebut.</translation>
    </message>
</context>
<context>
    <name>Humas::UserRepository</name>
    <message>
        <source>A new user needs a password.</source>
        <translation>Pengguna baru wajib memiliki kata sandi.</translation>
    </message>
    <message>
        <source>A user with the OPD role must belong to one agency (OPD).</source>
        <translation>Pengguna dengan peran OPD harus terdaftar pada satu perangkat daerah (OPD).</translation>
    </message>
    <message>
        <source>This is the last active administrator; create another one first.</source>
        <translation>Ini adalah Administrator aktif terakhir; buat Administrator lain terlebih dahulu.</translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation>Anda tidak dapat menghapus akun sendiri.</translation>
    </message>
    <message>
        <source>An administrator already exists.</source>
        <translation>Administrator sudah ada.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Akun ini dinonaktifkan; hubungi Administrator.</translation>
    </message>
    <message>
        <source>This account has an unknown role; ask an administrator.</source>
        <translation>Akun ini memiliki peran yang tidak dikenal; hubungi Administrator.</translation>
    </message>
    <message>
        <source>The password must not consist of spaces only.</source>
        <translation>Kata sandi tidak boleh hanya berisi spasi.</translation>
    </message>
    <message numerus="yes">
        <source>The password must have at least %n characters, not counting spaces at its start and end.</source>
        <translation>
            <numerusform>Kata sandi harus memiliki paling sedikit %n karakter, tidak termasuk spasi di awal dan akhirnya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at most %n characters.</source>
        <translation>
            <numerusform>Kata sandi paling banyak %n karakter.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not contain control characters.</source>
        <translation>Kata sandi tidak boleh berisi karakter kendali.</translation>
    </message>
    <message>
        <source>A user name must have %1 to %2 characters.</source>
        <translation>Nama pengguna harus %1 sampai %2 karakter.</translation>
    </message>
    <message>
        <source>A user name may contain only the letters A–Z and a–z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, must start with a letter or a digit and must not contain &quot;..&quot;.</source>
        <translation>Nama pengguna hanya boleh berisi huruf A–Z dan a–z, angka, &quot;.&quot;, &quot;_&quot; dan &quot;-&quot;, harus diawali huruf atau angka dan tidak boleh berisi &quot;..&quot;.</translation>
    </message>
</context>
<context>
    <name>Humas::Validators</name>
    <message>
        <source>it must have 18 digits.</source>
        <translation>harus terdiri atas 18 digit.</translation>
    </message>
    <message>
        <source>digits 1–8 must be a birth date (YYYYMMDD).</source>
        <translation>digit 1–8 harus berupa tanggal lahir (YYYYMMDD).</translation>
    </message>
    <message>
        <source>digits 9–14 must be the year and month of appointment.</source>
        <translation>digit 9–14 harus berupa tahun dan bulan pengangkatan.</translation>
    </message>
    <message>
        <source>digit 15 must be 1 or 2.</source>
        <translation>digit ke-15 harus 1 atau 2.</translation>
    </message>
    <message>
        <source>it must have 16 digits.</source>
        <translation>harus 16 angka.</translation>
    </message>
    <message>
        <source>digits 1–4 must be a province and regency code.</source>
        <translation>angka ke-1 sampai ke-4 harus kode provinsi dan kabupaten/kota.</translation>
    </message>
    <message>
        <source>digits 7–12 must be a birth date (DDMMYY; women add 40 to the day).</source>
        <translation>angka ke-7 sampai ke-12 harus tanggal lahir (DDMMYY; perempuan: tanggal ditambah 40).</translation>
    </message>
    <message>
        <source>digits 13–16 must be a serial number other than 0000.</source>
        <translation>angka ke-13 sampai ke-16 harus nomor urut selain 0000.</translation>
    </message>
</context>
<context>
    <name>Humas::VenueRepository</name>
    <message>
        <source>A venue named &quot;%1&quot; already exists in this district.</source>
        <translation>Tempat bernama &quot;%1&quot; sudah ada di kecamatan ini.</translation>
    </message>
</context>
<context>
    <name>Humas::VenueResolver</name>
    <message>
        <source>A venue needs a name.</source>
        <translation>Tempat memerlukan nama.</translation>
    </message>
    <message>
        <source>Choose the district (kecamatan) of the venue &quot;%1&quot;.</source>
        <translation>Pilih kecamatan untuk tempat &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>HumasCli::BackupCommand</name>
    <message>
        <source>Write a consistent copy of the database to a new file.</source>
        <translation>Tulis salinan basis data yang konsisten ke berkas baru.</translation>
    </message>
    <message>
        <source>[options] FILE</source>
        <translation>[opsi] FILE</translation>
    </message>
    <message>
        <source>The backup file to create; it must not exist yet.</source>
        <translation>Berkas cadangan yang akan dibuat; berkas ini belum boleh ada.</translation>
    </message>
    <message>
        <source>Name the backup file: humasdesk-cli backup FILE.</source>
        <translation>Sebutkan berkas cadangan: humasdesk-cli backup FILE.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 sudah ada; pilih nama berkas lain.</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2 bytes).</source>
        <translation>Cadangan ditulis ke %1 (%2 byte).</translation>
    </message>
</context>
<context>
    <name>HumasCli::CheckCommand</name>
    <message>
        <source>Check schema, integrity and row counts without changing anything.</source>
        <translation>Periksa skema, integritas, dan jumlah baris tanpa mengubah apa pun.</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (terkini)</translation>
    </message>
    <message>
        <source>%1 (older than this program&apos;s %2; it will be upgraded when HumasDesk opens it)</source>
        <translation>%1 (lebih lama daripada skema %2 program ini; akan diperbarui saat dibuka oleh HumasDesk)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 tidak ada.</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>Ukuran: %1 byte</translation>
    </message>
    <message>
        <source>%1 holds no HumasDesk data (it is empty); &quot;humasdesk-cli init&quot; sets it up.</source>
        <translation>%1 tidak berisi data HumasDesk (kosong); jalankan &quot;humasdesk-cli init&quot; untuk menyiapkannya.</translation>
    </message>
    <message>
        <source>Schema: %1</source>
        <translation>Skema: %1</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>Integritas: %1</translation>
    </message>
    <message>
        <source>The database is usable.</source>
        <translation>Basis data dapat digunakan.</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Jumlah baris:</translation>
    </message>
    <message>
        <source>The database is usable for reading; it is read-only for this user, so HumasDesk cannot save changes to it.</source>
        <translation>Basis data dapat dipakai untuk dibaca; basis data ini hanya-baca bagi pengguna ini, jadi HumasDesk tidak dapat menyimpan perubahan ke dalamnya.</translation>
    </message>
</context>
<context>
    <name>HumasCli::Command</name>
    <message>
        <source>[options]</source>
        <translation>[opsi]</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; for %2; see &quot;humasdesk-cli %2 --help&quot;.</source>
        <translation>Argumen &quot;%1&quot; tidak diharapkan untuk %2; lihat &quot;humasdesk-cli %2 --help&quot;.</translation>
    </message>
    <message>
        <source>The database %1 does not exist; create it with &quot;humasdesk-cli init&quot;.</source>
        <translation>Basis data %1 tidak ada; buat dengan &quot;humasdesk-cli init&quot;.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 memerlukan bilangan bulat dari %2 sampai %3, bukan &quot;%4&quot;.</translation>
    </message>
</context>
<context>
    <name>HumasCli::ConflictsCommand</name>
    <message>
        <source>List the clashes of officials, venues and travel times in a date range.</source>
        <translation>Tampilkan daftar bentrok jadwal pejabat, tempat, dan waktu tempuh dalam rentang tanggal.</translation>
    </message>
    <message>
        <source>--from DATE --to DATE [--json]</source>
        <translation>--from DATE --to DATE [--json]</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD.</source>
        <translation>Hari pertama, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Last day (inclusive), YYYY-MM-DD.</source>
        <translation>Hari terakhir (inklusif), YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Print the conflicts as JSON.</source>
        <translation>Tampilkan daftar bentrok dalam format JSON.</translation>
    </message>
</context>
<context>
    <name>HumasCli::DemoCommand</name>
    <message>
        <source>Add reproducible demo events and information requests.</source>
        <translation>Tambahkan kegiatan dan permohonan informasi demo yang dapat dibuat ulang secara identik.</translation>
    </message>
    <message>
        <source>--events N --requests N [--news N] [--seed S]</source>
        <translation>--events N --requests N [--news N] [--seed S]</translation>
    </message>
    <message>
        <source>Number of agenda events to add.</source>
        <translation>Jumlah kegiatan agenda yang ditambahkan.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of public-information requests to add.</source>
        <translation>Jumlah permohonan informasi publik yang ditambahkan.</translation>
    </message>
    <message>
        <source>Number of news items to add (skipped until the news service exists).</source>
        <translation>Jumlah berita yang ditambahkan (dilewati sampai layanan berita tersedia).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same data (default 1).</source>
        <translation>Benih acak (seed); benih acak yang sama menghasilkan data yang sama (bawaan 1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>demo needs --events N and --requests N.</source>
        <translation>demo memerlukan --events N dan --requests N.</translation>
    </message>
</context>
<context>
    <name>HumasCli::Dispatcher</name>
    <message>
        <source>The database file (default: %1).</source>
        <translation>Berkas basis data (bawaan: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Language of messages: id (Indonesian) or en (English).</source>
        <translation>Bahasa pesan: id (Bahasa Indonesia) atau en (English).</translation>
    </message>
    <message>
        <source>id|en</source>
        <translation>id|en</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Tampilkan bantuan ini.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use id or en.</source>
        <translation>Bahasa &quot;%1&quot; tidak dikenal; gunakan id atau en.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;; see --help.</source>
        <translation>Opsi &quot;%1&quot; tidak dikenal; lihat --help.</translation>
    </message>
    <message>
        <source>Show the program version.</source>
        <translation>Tampilkan versi program.</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>Perintah yang akan dijalankan.</translation>
    </message>
    <message>
        <source>No command given; see --help.</source>
        <translation>Perintah belum diberikan; lihat --help.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; the commands are: %2.</source>
        <translation>Perintah &quot;%1&quot; tidak dikenal; perintah yang tersedia: %2.</translation>
    </message>
    <message>
        <source>Usage: humasdesk-cli [global options] COMMAND [options]</source>
        <translation>Penggunaan: humasdesk-cli [opsi global] COMMAND [opsi]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Perintah:</translation>
    </message>
    <message>
        <source>&quot;humasdesk-cli COMMAND --help&quot; shows the options of a command.</source>
        <translation>&quot;humasdesk-cli COMMAND --help&quot; menampilkan opsi suatu perintah.</translation>
    </message>
    <message>
        <source>Usage: humasdesk-cli %1 %2</source>
        <translation>Penggunaan: humasdesk-cli %1 %2</translation>
    </message>
</context>
<context>
    <name>HumasCli::EventsCommand</name>
    <message>
        <source>Title of the event.</source>
        <translation>Judul kegiatan.</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Start in local time, YYYY-MM-DDTHH:MM (with --all-day: the first day, YYYY-MM-DD).</source>
        <translation>Waktu mulai menurut waktu setempat, YYYY-MM-DDTHH:MM (dengan --all-day: hari pertama, YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>End in local time, YYYY-MM-DDTHH:MM (default: one hour after the start); with --all-day the last day, inclusive (default: the first day).</source>
        <translation>Waktu selesai menurut waktu setempat, YYYY-MM-DDTHH:MM (bawaan: satu jam setelah waktu mulai); dengan --all-day: hari terakhir, inklusif (bawaan: hari pertama).</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>Codes of the officials asked to attend, separated by commas.</source>
        <translation>Kode pejabat yang diminta hadir, dipisahkan dengan koma.</translation>
    </message>
    <message>
        <source>CODE[,CODE…]</source>
        <translation>CODE[,CODE…]</translation>
    </message>
    <message>
        <source>Venue name; a new name is added to the given district.</source>
        <translation>Nama tempat; nama baru ditambahkan ke kecamatan yang disebutkan.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>District (kecamatan) of the venue.</source>
        <translation>Kecamatan lokasi tempat.</translation>
    </message>
    <message>
        <source>Code of the organising agency (OPD).</source>
        <translation>Kode perangkat daerah (OPD) penyelenggara.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Status: %1 (default diajukan).</source>
        <translation>Status: %1 (bawaan diajukan).</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>An all-day event: --start and --end are dates.</source>
        <translation>Kegiatan sepanjang hari: --start dan --end berupa tanggal.</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Print the list as JSON.</source>
        <translation>Tampilkan daftar dalam format JSON.</translation>
    </message>
    <message>
        <source>%1 needs --from DATE and --to DATE.</source>
        <translation>%1 memerlukan --from DATE dan --to DATE.</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD, e.g. 2026-11-23.</source>
        <translation>Tanggal ditulis dengan format YYYY-MM-DD, contoh: 2026-11-23.</translation>
    </message>
    <message>
        <source>--to must not be before --from.</source>
        <translation>--to tidak boleh sebelum --from.</translation>
    </message>
    <message>
        <source>events add needs --%1.</source>
        <translation>events add memerlukan --%1.</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;; use one of: %2.</source>
        <translation>Status &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>With --all-day, --start and --end are dates written YYYY-MM-DD.</source>
        <translation>Dengan --all-day, --start dan --end berupa tanggal dengan format YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The last day must not be before the first day.</source>
        <translation>Hari terakhir tidak boleh sebelum hari pertama.</translation>
    </message>
    <message>
        <source>Times are written YYYY-MM-DDTHH:MM in local time, e.g. 2026-11-23T08:00.</source>
        <translation>Waktu ditulis dengan format YYYY-MM-DDTHH:MM menurut waktu setempat, contoh: 2026-11-23T08:00.</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Waktu selesai harus setelah waktu mulai.</translation>
    </message>
    <message>
        <source>Unknown official &quot;%1&quot;.</source>
        <translation>Pejabat &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown district (kecamatan) &quot;%1&quot;.</source>
        <translation>Kecamatan &quot;%1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>The calendar file to import or export.</source>
        <translation>Berkas kalender yang diimpor atau diekspor.</translation>
    </message>
    <message>
        <source>First day to list or export (with import: to expand repeating events from), YYYY-MM-DD.</source>
        <translation>Hari pertama yang didaftar atau diekspor (pada import: awal penjabaran acara berulang), YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Last day to list or export (with import: to expand repeating events to), inclusive, YYYY-MM-DD.</source>
        <translation>Hari terakhir yang didaftar atau diekspor (pada import: akhir penjabaran acara berulang), termasuk, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Add, update, list, import or export agenda events.</source>
        <translation>Tambah, ubah, tampilkan, impor, atau ekspor acara agenda.</translation>
    </message>
    <message>
        <source>add --title T --start S [--end E] --official CODE[,CODE…] --venue NAME --kecamatan NAME [--opd CODE] [--status STATUS] [--all-day] [--notes N] | update ID [--title T] [--start S --end E] [--official CODE,…] [--venue NAME --kecamatan NAME] [--status S] [--notes N] | list --from DATE --to DATE [--json]</source>
        <translation>add --title T --start S [--end E] --official KODE[,KODE…] --venue NAMA --kecamatan NAMA [--opd KODE] [--status STATUS] [--all-day] [--notes N] | update ID [--title T] [--start S --end E] [--official KODE,…] [--venue NAMA --kecamatan NAMA] [--status S] [--notes N] | list --from TANGGAL --to TANGGAL [--json]</translation>
    </message>
    <message>
        <source>add, update, list, import or export.</source>
        <translation>add, update, list, import, atau export.</translation>
    </message>
    <message>
        <source>Notes on the event (with update: an empty value clears them).</source>
        <translation>Catatan acara (pada update: nilai kosong menghapusnya).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Say what to do: humasdesk-cli events add, update, list, import or export ….</source>
        <translation>Sebutkan yang akan dilakukan: humasdesk-cli events add, update, list, import, atau export ….</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for events; use add, update, list, import or export.</source>
        <translation>Tindakan &quot;%1&quot; tidak dikenal untuk events; gunakan add, update, list, import, atau export.</translation>
    </message>
    <message>
        <source>events update needs the id of the event: events update ID [--title T] ….</source>
        <translation>events update memerlukan id acara: events update ID [--title T] ….</translation>
    </message>
    <message>
        <source>events update takes one event id; unexpected &quot;%1&quot;.</source>
        <translation>events update menerima satu id acara; &quot;%1&quot; tidak diharapkan.</translation>
    </message>
    <message>
        <source>events update does not take --%1.</source>
        <translation>events update tidak menerima --%1.</translation>
    </message>
    <message>
        <source>events update needs at least one field to change (--title, --start/--end, --official, --venue/--kecamatan, --status or --notes).</source>
        <translation>events update memerlukan setidaknya satu isian yang diubah (--title, --start/--end, --official, --venue/--kecamatan, --status, atau --notes).</translation>
    </message>
    <message>
        <source>--title must not be empty.</source>
        <translation>--title tidak boleh kosong.</translation>
    </message>
    <message>
        <source>events update needs --start and --end together.</source>
        <translation>events update memerlukan --start dan --end bersama-sama.</translation>
    </message>
    <message>
        <source>events update needs --venue and --kecamatan together.</source>
        <translation>events update memerlukan --venue dan --kecamatan bersama-sama.</translation>
    </message>
    <message>
        <source>--venue and --kecamatan must not be empty.</source>
        <translation>--venue dan --kecamatan tidak boleh kosong.</translation>
    </message>
    <message>
        <source>--official needs at least one code.</source>
        <translation>--official memerlukan setidaknya satu kode.</translation>
    </message>
    <message>
        <source>No event with id &quot;%1&quot;.</source>
        <translation>Tidak ada acara dengan id &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>HumasCli::EventsIcalCommand</name>
    <message>
        <source>Import or export agenda events as iCalendar (.ics).</source>
        <translation>Impor atau ekspor kegiatan agenda sebagai iCalendar (.ics).</translation>
    </message>
    <message>
        <source>With export: only public events that are scheduled or done, without notes and internal fields.</source>
        <translation>Pada ekspor: hanya kegiatan publik yang terjadwal atau selesai, tanpa catatan dan isian internal.</translation>
    </message>
    <message>
        <source>Name the calendar file: humasdesk-cli events %1 FILE.ics.</source>
        <translation>Sebutkan berkas kalender: humasdesk-cli events %1 BERKAS.ics.</translation>
    </message>
    <message>
        <source>events import takes no --%1; it imports the whole file.</source>
        <translation>events import tidak menerima --%1; seluruh berkas diimpor.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Berkas %1 tidak ada.</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was stored. %2</source>
        <translation>%1 tidak diimpor; tidak ada yang disimpan. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) imported.</source>
        <translation>
            <numerusform>%n kegiatan diimpor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) already in the database skipped.</source>
        <translation>
            <numerusform>%n kegiatan yang sudah ada di basis data dilewati.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new venue(s) added.</source>
        <translation>
            <numerusform>%n tempat baru ditambahkan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1.</source>
        <translation>
            <numerusform>%n kegiatan ditulis ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>import FILE.ics [--from DATE --to DATE] | export FILE.ics [--from DATE --to DATE] [--public]</source>
        <translation>import BERKAS.ics [--from TANGGAL --to TANGGAL] | export BERKAS.ics [--from TANGGAL --to TANGGAL] [--public]</translation>
    </message>
</context>
<context>
    <name>HumasCli::HolidaysCommand</name>
    <message>
        <source>Import or list the holidays that legal deadlines skip.</source>
        <translation>Impor atau tampilkan hari libur yang dilewati tenggat waktu hukum.</translation>
    </message>
    <message>
        <source>import FILE.csv | list [--year YYYY]</source>
        <translation>import BERKAS.csv | list [--year TTTT]</translation>
    </message>
    <message>
        <source>import or list.</source>
        <translation>import atau list.</translation>
    </message>
    <message>
        <source>The holiday list to import: a CSV file with the columns date,kind,name,source.</source>
        <translation>Daftar hari libur yang diimpor: berkas CSV dengan kolom date,kind,name,source.</translation>
    </message>
    <message>
        <source>With list: only the holidays of this year.</source>
        <translation>Dengan list: hanya hari libur tahun ini.</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>TTTT</translation>
    </message>
    <message>
        <source>Say what to do: humasdesk-cli holidays import FILE.csv or holidays list.</source>
        <translation>Sebutkan tindakannya: humasdesk-cli holidays import BERKAS.csv atau holidays list.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for holidays; use import or list.</source>
        <translation>Tindakan &quot;%1&quot; tidak dikenal untuk holidays; gunakan import atau list.</translation>
    </message>
    <message>
        <source>Name the holiday file: humasdesk-cli holidays import FILE.csv.</source>
        <translation>Sebutkan berkas hari liburnya: humasdesk-cli holidays import BERKAS.csv.</translation>
    </message>
    <message>
        <source>holidays import takes no --%1; it imports the whole file.</source>
        <translation>holidays import tidak menerima --%1; seluruh berkas diimpor.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Berkas %1 tidak ada.</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was stored. %2</source>
        <translation>%1 tidak diimpor; tidak ada yang disimpan. %2</translation>
    </message>
    <message>
        <source>Holidays: %1 added, %2 changed, %3 unchanged.</source>
        <translation>Hari libur: %1 ditambahkan, %2 diubah, %3 tetap.</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) of open requests and objections changed.</source>
        <translation>
            <numerusform>%n tenggat permohonan dan keberatan yang masih berjalan berubah.</numerusform>
        </translation>
    </message>
    <message>
        <source>No holidays are entered for %1; import them with &quot;humasdesk-cli holidays import&quot;.</source>
        <translation>Belum ada hari libur untuk tahun %1; impor dengan &quot;humasdesk-cli holidays import&quot;.</translation>
    </message>
</context>
<context>
    <name>HumasCli::InitCommand</name>
    <message>
        <source>Create and fill a new database (officials, holidays, regency preset).</source>
        <translation>Buat dan isi basis data baru (pejabat, hari libur, prasetel kabupaten).</translation>
    </message>
    <message>
        <source>Also load a regency&apos;s districts (kecamatan) and agencies (OPD). Presets: %1.</source>
        <translation>Muat juga kecamatan dan perangkat daerah (OPD) suatu kabupaten. Prasetel: %1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; known presets: %2.</source>
        <translation>Prasetel &quot;%1&quot; tidak dikenal; prasetel yang tersedia: %2.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
</context>
<context>
    <name>HumasCli::PpidAddCommand</name>
    <message>
        <source>Register a request for public information.</source>
        <translation>Daftarkan permohonan informasi publik.</translation>
    </message>
    <message>
        <source>add --name NAME --information TEXT --channel CHANNEL [--received WHEN] [--type TYPE] [--nik NIK] [--address A] [--occupation O] [--phone P] [--email E] [--proxy NAME] [--purpose TEXT] [--obtain HOW] [--delivery HOW] [--opd CODE] [--notes TEXT]</source>
        <translation>add --name NAMA --information TEKS --channel SALURAN [--received WAKTU] [--type JENIS] [--nik NIK] [--address A] [--occupation P] [--phone T] [--email E] [--proxy NAMA] [--purpose TEKS] [--obtain CARA] [--delivery CARA] [--opd KODE] [--notes TEKS]</translation>
    </message>
    <message>
        <source>With add: the requester&apos;s name.</source>
        <translation>Dengan add: nama pemohon.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAMA</translation>
    </message>
    <message>
        <source>With add: the information requested.</source>
        <translation>Dengan add: rincian informasi yang diminta.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEKS</translation>
    </message>
    <message>
        <source>With add: how the request came: %1.</source>
        <translation>Dengan add: cara permohonan masuk: %1.</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>SALURAN</translation>
    </message>
    <message>
        <source>With add: the requester: %1 (default perorangan).</source>
        <translation>Dengan add: jenis pemohon: %1 (bawaan perorangan).</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>JENIS</translation>
    </message>
    <message>
        <source>With add: NIK (16 digits) of a person, or the deed number of a legal entity.</source>
        <translation>Dengan add: NIK (16 digit) perorangan, atau nomor akta badan hukum.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>With add: the requester&apos;s address.</source>
        <translation>Dengan add: alamat pemohon.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>With add: the requester&apos;s occupation.</source>
        <translation>Dengan add: pekerjaan pemohon.</translation>
    </message>
    <message>
        <source>O</source>
        <translation>P</translation>
    </message>
    <message>
        <source>With add: the requester&apos;s phone number.</source>
        <translation>Dengan add: nomor telepon pemohon.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>T</translation>
    </message>
    <message>
        <source>With add: the requester&apos;s email address.</source>
        <translation>Dengan add: alamat email pemohon.</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>With add: the proxy&apos;s name, when someone comes on the requester&apos;s behalf.</source>
        <translation>Dengan add: nama kuasa, bila seseorang datang atas nama pemohon.</translation>
    </message>
    <message>
        <source>With add: what the information will be used for.</source>
        <translation>Dengan add: tujuan penggunaan informasi.</translation>
    </message>
    <message>
        <source>With add: how to obtain the information: %1.</source>
        <translation>Dengan add: cara memperoleh informasi: %1.</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>CARA</translation>
    </message>
    <message>
        <source>With add: how to receive a copy: %1.</source>
        <translation>Dengan add: cara mendapatkan salinan: %1.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>KODE</translation>
    </message>
    <message>
        <source>With add: notes.</source>
        <translation>Dengan add: keterangan.</translation>
    </message>
    <message>
        <source>ppid add needs --%1.</source>
        <translation>ppid add memerlukan --%1.</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;; use one of: %2.</source>
        <translation>Cara permohonan &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>Unknown requester type &quot;%1&quot;; use one of: %2.</source>
        <translation>Jenis pemohon &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>Unknown way to obtain &quot;%1&quot;; use one of: %2.</source>
        <translation>Cara memperoleh &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>Unknown way to receive a copy &quot;%1&quot;; use one of: %2.</source>
        <translation>Cara mendapatkan salinan &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time of receipt; write YYYY-MM-DD or YYYY-MM-DDTHH:MM in local time, e.g. 2026-03-16T09:30.</source>
        <translation>&quot;%1&quot; bukan waktu penerimaan; tulis YYYY-MM-DD atau YYYY-MM-DDTHH:MM waktu setempat, misalnya 2026-03-16T09:30.</translation>
    </message>
    <message>
        <source>The time of receipt %1 is in the future.</source>
        <translation>Waktu penerimaan %1 berada di masa depan.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;; nothing was stored.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The request was not registered; nothing was stored. %1</source>
        <translation>Permohonan tidak didaftarkan; tidak ada yang disimpan. %1</translation>
    </message>
    <message>
        <source>Due date: %1</source>
        <translation>Jatuh tempo: %1</translation>
    </message>
    <message>
        <source>With add: code of the agency (PPID Pembantu) assigned. With --role opd (list, export-csv, receipt, stats): the agency whose requests that PPID Pembantu sees.</source>
        <translation>Pada add: kode OPD (PPID Pembantu) yang ditugaskan. Dengan --role opd (list, export-csv, receipt, stats): OPD yang permohonannya dilihat PPID Pembantu itu.</translation>
    </message>
</context>
<context>
    <name>HumasCli::PpidCommand</name>
    <message>
        <source>Information service (PPID): due dates, register, CSV export and statistics.</source>
        <translation>Layanan informasi (PPID): jatuh tempo, register, ekspor CSV dan statistik.</translation>
    </message>
    <message>
        <source>The day the request was received, YYYY-MM-DD (day 0 of the count); with add also YYYY-MM-DDTHH:MM in local time (default: now).</source>
        <translation>Tanggal permohonan diterima, YYYY-MM-DD (hari ke-0 perhitungan); dengan add juga YYYY-MM-DDTHH:MM waktu setempat (bawaan: sekarang).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>TANGGAL</translation>
    </message>
    <message>
        <source>With due: the deadline after the one extension (10 + 7 working days).</source>
        <translation>Dengan due: jatuh tempo setelah satu kali perpanjangan (10 + 7 hari kerja).</translation>
    </message>
    <message>
        <source>With due: count cuti bersama as working days (default: the database&apos;s setting).</source>
        <translation>Dengan due: hitung cuti bersama sebagai hari kerja (bawaan: pengaturan basis data).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>PERAN</translation>
    </message>
    <message>
        <source>First day received, YYYY-MM-DD.</source>
        <translation>Hari pertama diterima, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Last day received (inclusive), YYYY-MM-DD.</source>
        <translation>Hari terakhir diterima (termasuk), YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Cetak hasilnya sebagai JSON.</translation>
    </message>
    <message>
        <source>ppid %1 takes no %2; see &quot;humasdesk-cli ppid --help&quot;.</source>
        <translation>ppid %1 tidak menerima %2; lihat &quot;humasdesk-cli ppid --help&quot;.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use one of: %2.</source>
        <translation>Peran &quot;%1&quot; tidak dikenal; gunakan salah satu dari: %2.</translation>
    </message>
    <message>
        <source>ppid due needs --received YYYY-MM-DD.</source>
        <translation>ppid due memerlukan --received YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it YYYY-MM-DD, e.g. 2026-03-16.</source>
        <translation>&quot;%1&quot; bukan tanggal; tulis YYYY-MM-DD, misalnya 2026-03-16.</translation>
    </message>
    <message>
        <source>No due date can be computed for %1.</source>
        <translation>Jatuh tempo untuk %1 tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>Name the CSV file: humasdesk-cli ppid export-csv FILE.</source>
        <translation>Sebutkan berkas CSV-nya: humasdesk-cli ppid export-csv BERKAS.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) written to %1.</source>
        <translation>
            <numerusform>%n permohonan ditulis ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>due --received YYYY-MM-DD [--extended] [--cuti-bersama-working] | %1 | list [--from DATE --to DATE] [--json] [--role ROLE] | export-csv FILE [--from DATE --to DATE] [--role ROLE] | receipt NUMBER FILE.pdf [--role ROLE] | stats --from DATE --to DATE [--json]</source>
        <translation>due --received TTTT-BB-HH [--extended] [--cuti-bersama-working] | %1 | list [--from TANGGAL --to TANGGAL] [--json] [--role PERAN] | export-csv BERKAS [--from TANGGAL --to TANGGAL] [--role PERAN] | receipt NOMOR BERKAS.pdf [--role PERAN] | stats --from TANGGAL --to TANGGAL [--json]</translation>
    </message>
    <message>
        <source>due, add, list, export-csv, receipt or stats.</source>
        <translation>due, add, list, export-csv, receipt atau stats.</translation>
    </message>
    <message>
        <source>With export-csv: the CSV file to write; with receipt: the registration number, then the PDF file to write.</source>
        <translation>Dengan export-csv: berkas CSV yang ditulis; dengan receipt: nomor pendaftaran, lalu berkas PDF yang ditulis.</translation>
    </message>
    <message>
        <source>Say what to do: humasdesk-cli ppid due, add, list, export-csv, receipt or stats ….</source>
        <translation>Sebutkan yang dikerjakan: humasdesk-cli ppid due, add, list, export-csv, receipt atau stats ….</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for ppid; use due, add, list, export-csv, receipt or stats.</source>
        <translation>Tindakan &quot;%1&quot; untuk ppid tidak dikenal; gunakan due, add, list, export-csv, receipt atau stats.</translation>
    </message>
    <message>
        <source>Name the request and the file: humasdesk-cli ppid receipt NUMBER FILE.pdf.</source>
        <translation>Sebutkan permohonan dan berkasnya: humasdesk-cli ppid receipt NOMOR BERKAS.pdf.</translation>
    </message>
    <message>
        <source>There is no request with the registration number &quot;%1&quot;.</source>
        <translation>Tidak ada permohonan dengan nomor pendaftaran &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Receipt of %1 written to %2.</source>
        <translation>Tanda bukti %1 ditulis ke %2.</translation>
    </message>
    <message>
        <source>With list, export-csv, receipt and stats: show what this role sees (%1; default admin). Personal data, also inside free text, is masked for every role but ppid and admin; opd (with --opd CODE) sees its own agency&apos;s requests only, protokol and redaksi none.</source>
        <translation>Pada list, export-csv, receipt dan stats: tampilkan apa yang dilihat peran ini (%1; bawaan admin). Data pribadi, juga di dalam teks bebas, disamarkan untuk semua peran kecuali ppid dan admin; opd (dengan --opd KODE) hanya melihat permohonan OPD-nya sendiri, protokol dan redaksi tidak melihat apa pun.</translation>
    </message>
    <message>
        <source>--opd goes with --role opd here: it names the PPID Pembantu&apos;s agency.</source>
        <translation>--opd dipakai bersama --role opd di sini: menyebut OPD PPID Pembantu.</translation>
    </message>
    <message>
        <source>--role opd needs --opd CODE: the agency whose requests the PPID Pembantu sees.</source>
        <translation>--role opd memerlukan --opd KODE: OPD yang permohonannya dilihat PPID Pembantu.</translation>
    </message>
    <message>
        <source>Unknown OPD &quot;%1&quot;.</source>
        <translation>OPD &quot;%1&quot; tidak dikenal.</translation>
    </message>
</context>
<context>
    <name>HumasCli::SyncCommand</name>
    <message>
        <source>The HumasDesk shared file on the network share (remembered).</source>
        <translation>Berkas bersama HumasDesk di folder jaringan (diingat).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Print as JSON.</source>
        <translation>Cetak sebagai JSON.</translation>
    </message>
    <message>
        <source>Resolve by taking mine or theirs.</source>
        <translation>Selesaikan dengan memakai nilai saya (mine) atau mereka (theirs).</translation>
    </message>
    <message>
        <source>SIDE</source>
        <translation>PIHAK</translation>
    </message>
    <message>
        <source>Resolve by writing this value.</source>
        <translation>Selesaikan dengan menulis nilai ini.</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>sync %1 takes no %2; see &quot;humasdesk-cli sync --help&quot;.</source>
        <translation>sync %1 tidak menerima %2; lihat &quot;humasdesk-cli sync --help&quot;.</translation>
    </message>
    <message>
        <source>(a round)</source>
        <translation>(satu putaran)</translation>
    </message>
    <message>
        <source>The shared file cannot be this PC&apos;s own database.</source>
        <translation>Berkas bersama tidak boleh basis data PC ini sendiri.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sinkronisasi gagal: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>Transportasi: %1</translation>
    </message>
    <message>
        <source>Shared file: %1</source>
        <translation>Berkas bersama: %1</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>Cursor: %1</source>
        <translation>Kursor: %1</translation>
    </message>
    <message>
        <source>Local changes waiting: %1</source>
        <translation>Perubahan lokal menunggu: %1</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>Konflik terbuka: %1</translation>
    </message>
    <message>
        <source>Last round: never</source>
        <translation>Putaran terakhir: belum pernah</translation>
    </message>
    <message>
        <source>Last round: %1, ok (%2)</source>
        <translation>Putaran terakhir: %1, berhasil (%2)</translation>
    </message>
    <message>
        <source>Last round: %1, failed: %2</source>
        <translation>Putaran terakhir: %1, gagal: %2</translation>
    </message>
    <message>
        <source>Say which conflict: humasdesk-cli sync resolve ID (--take mine|theirs | --value V).</source>
        <translation>Sebutkan konfliknya: humasdesk-cli sync resolve ID (--take mine|theirs | --value V).</translation>
    </message>
    <message>
        <source>Give exactly one of --take mine|theirs and --value V.</source>
        <translation>Berikan tepat satu dari --take mine|theirs dan --value V.</translation>
    </message>
    <message>
        <source>--take is mine or theirs, not &quot;%1&quot;.</source>
        <translation>--take bernilai mine atau theirs, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Conflict %1 resolved; the choice is sent at the next sync.</source>
        <translation>Konflik %1 diselesaikan; pilihan dikirim pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Synchronise with the shared file or a server; show the sync state, open conflicts, resolve one; sign out of the server.</source>
        <translation>Sinkronkan dengan berkas bersama atau server; tampilkan keadaan sinkronisasi, konflik terbuka, selesaikan satu; keluar dari server.</translation>
    </message>
    <message>
        <source>[--shared-file PATH | --server URL [--user NAME --password-stdin]] | status [--json] | conflicts [--json] | resolve ID (--take mine|theirs | --value V) | logout</source>
        <translation>[--shared-file PATH | --server URL [--user NAMA --password-stdin]] | status [--json] | conflicts [--json] | resolve ID (--take mine|theirs | --value V) | logout</translation>
    </message>
    <message>
        <source>Nothing (one round), status, conflicts, resolve or logout.</source>
        <translation>Kosong (satu putaran), status, conflicts, resolve, atau logout.</translation>
    </message>
    <message>
        <source>The humasdesk-server address, e.g. https://server:8443 (remembered).</source>
        <translation>Alamat humasdesk-server, mis. https://server:8443 (diingat).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Sign in at the server as this user.</source>
        <translation>Masuk ke server sebagai pengguna ini.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read the password from standard input; it is read whenever this is given and used only when this PC has no valid sign-in for that server and user (or the server refuses it). Never stored.</source>
        <translation>Baca kata sandi dari masukan standar; selalu dibaca bila opsi ini diberikan dan hanya dipakai bila PC ini belum punya sesi masuk yang sah untuk server dan pengguna itu (atau server menolaknya). Tidak pernah disimpan.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for sync; use status, conflicts, resolve or logout, or nothing for a round.</source>
        <translation>Tindakan &quot;%1&quot; tidak dikenal untuk sync; pakai status, conflicts, resolve, atau logout, atau kosongkan untuk satu putaran.</translation>
    </message>
    <message>
        <source>Give either --shared-file or --server, not both.</source>
        <translation>Berikan --shared-file atau --server, jangan keduanya.</translation>
    </message>
    <message>
        <source>No shared file or server is set for this PC; give --shared-file PATH or --server URL --user NAME --password-stdin.</source>
        <translation>Belum ada berkas bersama atau server untuk PC ini; berikan --shared-file PATH atau --server URL --user NAMA --password-stdin.</translation>
    </message>
    <message>
        <source>No server is set for this PC; give --server URL.</source>
        <translation>Belum ada server untuk PC ini; berikan --server URL.</translation>
    </message>
    <message>
        <source>--user needs a user name.</source>
        <translation>--user memerlukan nama pengguna.</translation>
    </message>
    <message>
        <source>Say who signs in: --user NAME.</source>
        <translation>Sebutkan siapa yang masuk: --user NAMA.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Kata sandi %1 di %2: </translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>Tidak ada kata sandi yang diberikan melalui masukan standar.</translation>
    </message>
    <message>
        <source>Receiving changes: %1 of %2</source>
        <translation>Menerima perubahan: %1 dari %2</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (until %3 UTC).</source>
        <translation>Masuk ke %1 sebagai %2 (sampai %3 UTC).</translation>
    </message>
    <message>
        <source>This PC is not signed in to %1; give --user NAME --password-stdin.</source>
        <translation>PC ini belum masuk ke %1; berikan --user NAMA --password-stdin.</translation>
    </message>
    <message>
        <source>This PC has no valid sign-in for %1 at %2; give --password-stdin and the password on standard input.</source>
        <translation>PC ini tidak punya sesi masuk yang sah untuk %1 di %2; berikan --password-stdin dan kata sandi lewat masukan standar.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1 Sign in again: humasdesk-cli sync --server %2 --user NAME --password-stdin</source>
        <translation>Sinkronisasi gagal: %1 Masuk lagi: humasdesk-cli sync --server %2 --user NAMA --password-stdin</translation>
    </message>
    <message>
        <source>This PC is not signed in to a server.</source>
        <translation>PC ini tidak sedang masuk ke server mana pun.</translation>
    </message>
    <message>
        <source>Signed out on this PC, but the server could not be told (%1). The sign-in stays valid there until %2 UTC unless an administrator revokes it.</source>
        <translation>Sudah keluar di PC ini, tetapi server tidak dapat diberi tahu (%1). Sesi masuk tetap berlaku di sana sampai %2 UTC kecuali administrator mencabutnya.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Keluar dari %1.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 until %2 UTC</source>
        <translation>Masuk sebagai %1 sampai %2 UTC</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
</context>
<context>
    <name>HumasCli::UserCommand</name>
    <message>
        <source>Add a user (password from standard input) or list the users.</source>
        <translation>Tambahkan pengguna (kata sandi dari masukan standar) atau tampilkan daftar pengguna.</translation>
    </message>
    <message>
        <source>add --username U --role ROLE [--name FULL] [--opd CODE] --password-stdin | list</source>
        <translation>add --username U --role ROLE [--name FULL] [--opd CODE] --password-stdin | list</translation>
    </message>
    <message>
        <source>add or list.</source>
        <translation>add atau list.</translation>
    </message>
    <message>
        <source>The user name to log in with.</source>
        <translation>Nama pengguna untuk masuk.</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>The role: %1.</source>
        <translation>Peran: %1.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>The full name (default: the user name).</source>
        <translation>Nama lengkap (bawaan: nama pengguna).</translation>
    </message>
    <message>
        <source>FULL</source>
        <translation>FULL</translation>
    </message>
    <message>
        <source>Code of the agency (OPD) of a user with the opd role.</source>
        <translation>Kode perangkat daerah (OPD) bagi pengguna dengan peran opd.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Baca kata sandi dari baris pertama masukan standar.</translation>
    </message>
    <message>
        <source>Say what to do: humasdesk-cli user add … or humasdesk-cli user list.</source>
        <translation>Sebutkan tindakan: humasdesk-cli user add … atau humasdesk-cli user list.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for user; use add or list.</source>
        <translation>Tindakan &quot;%1&quot; untuk user tidak dikenal; gunakan add atau list.</translation>
    </message>
    <message>
        <source>user add needs --username.</source>
        <translation>user add memerlukan --username.</translation>
    </message>
    <message>
        <source>user add needs --role with one of: %1.</source>
        <translation>user add memerlukan --role dengan salah satu nilai: %1.</translation>
    </message>
    <message>
        <source>user add reads the password from standard input; add --password-stdin.</source>
        <translation>user add membaca kata sandi dari masukan standar; tambahkan --password-stdin.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Kata sandi untuk %1: </translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>Tidak ada kata sandi yang diberikan melalui masukan standar.</translation>
    </message>
    <message>
        <source>No agency (OPD) has the code &quot;%1&quot;.</source>
        <translation>Tidak ada perangkat daerah (OPD) dengan kode &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>User %1 added with the role %2.</source>
        <translation>Pengguna %1 ditambahkan dengan peran %2.</translation>
    </message>
    <message>
        <source>--%1 belongs to user add, not user list.</source>
        <translation>--%1 hanya berlaku untuk user add, bukan user list.</translation>
    </message>
    <message>
        <source>There are no users yet.</source>
        <translation>Belum ada pengguna.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama Pengguna</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama Lengkap</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>HumasDesk</name>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation>Tangkapan layar tidak dapat disimpan ke %1.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use id or en.</source>
        <translation>Bahasa &quot;%1&quot; tidak dikenal; gunakan id atau en.</translation>
    </message>
    <message>
        <source>HumasDesk: agenda, public-information service and news of a regency&apos;s Humas office.</source>
        <translation>HumasDesk: agenda, layanan informasi publik, dan berita Bagian Humas pemerintah kabupaten.</translation>
    </message>
    <message>
        <source>Use the database at &lt;path&gt;.</source>
        <translation>Gunakan basis data di &lt;path&gt;.</translation>
    </message>
    <message>
        <source>Open the page &lt;page&gt;: agenda, ppid, news, reports, master or sync.</source>
        <translation>Buka halaman &lt;page&gt;: agenda, ppid, news, reports, master, atau sync.</translation>
    </message>
    <message>
        <source>Use the language &lt;lang&gt; (id or en) for this run.</source>
        <translation>Gunakan bahasa &lt;lang&gt; (id atau en) untuk sesi ini.</translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot;; use agenda, ppid, news, reports, master or sync.</source>
        <translation>Halaman &quot;%1&quot; tidak dikenal; gunakan agenda, ppid, news, reports, master, atau sync.</translation>
    </message>
    <message>
        <source>Show the agenda as &lt;view&gt;: month, week, day, officials or list.</source>
        <translation>Tampilkan agenda sebagai &lt;view&gt;: month (bulan), week (minggu), day (hari), officials (per pejabat) atau list (daftar).</translation>
    </message>
    <message>
        <source>Show the agenda at &lt;date&gt; (YYYY-MM-DD).</source>
        <translation>Tampilkan agenda pada &lt;date&gt; (TTTT-BB-HH).</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; use month, week, day, officials or list.</source>
        <translation>Tampilan &quot;%1&quot; tidak dikenal; gunakan month, week, day, officials atau list.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write YYYY-MM-DD.</source>
        <translation>&quot;%1&quot; bukan tanggal; tulis TTTT-BB-HH.</translation>
    </message>
    <message>
        <source>--screenshot signs in: give --user NAME and the password on the first line of standard input.</source>
        <translation>--screenshot masuk sebagai pengguna: berikan --user NAMA dan kata sandi pada baris pertama masukan standar.</translation>
    </message>
    <message>
        <source>No password was given on standard input for %1.</source>
        <translation>Tidak ada kata sandi pada masukan standar untuk %1.</translation>
    </message>
    <message>
        <source>The page &quot;%1&quot; is not shown to the role %2.</source>
        <translation>Halaman &quot;%1&quot; tidak ditampilkan untuk peran %2.</translation>
    </message>
    <message>
        <source>Sign in as --user (password from the first line of standard input), render the main window at 1366×768 to &lt;file.png&gt; as that user sees it, and exit.</source>
        <translation>Masuk sebagai --user (kata sandi dari baris pertama masukan standar), gambar jendela utama 1366×768 ke &lt;file.png&gt; seperti yang dilihat pengguna itu, lalu keluar.</translation>
    </message>
    <message>
        <source>With --screenshot: the user to sign in as.</source>
        <translation>Dengan --screenshot: pengguna yang dipakai untuk masuk.</translation>
    </message>
    <message>
        <source>--user goes with --screenshot; the program itself asks for the user name and password.</source>
        <translation>--user dipakai bersama --screenshot; program sendiri menanyakan nama pengguna dan kata sandi.</translation>
    </message>
</context>
<context>
    <name>HumasUi::AboutDialog</name>
    <message>
        <source>About HumasDesk</source>
        <translation>Tentang HumasDesk</translation>
    </message>
    <message>
        <source>HumasDesk %1</source>
        <translation>HumasDesk %1</translation>
    </message>
    <message>
        <source>HumasDesk is the desk of a regency&apos;s public-relations office (Bagian Humas): the one-door agenda of the regency&apos;s leaders, the public-information service (PPID) and the agencies&apos; news. It works offline on this computer and shares its data with colleagues through a shared file or the HumasDesk server.</source>
        <translation>HumasDesk adalah aplikasi kerja Bagian Humas pemerintah kabupaten: agenda satu pintu pimpinan daerah, layanan informasi publik (PPID), dan berita perangkat daerah. Aplikasi ini bekerja tanpa koneksi internet di komputer ini dan berbagi data dengan rekan kerja melalui berkas bersama atau server HumasDesk.</translation>
    </message>
    <message>
        <source>Built with Qt %1, used under the GNU Lesser General Public License version 3. Data is stored with SQLite, which is in the public domain.</source>
        <translation>Dibuat dengan Qt %1, yang digunakan berdasarkan GNU Lesser General Public License versi 3. Data disimpan dengan SQLite, yang berstatus domain publik.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>HumasUi::DataMasterPage</name>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Urungkan: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Urungkan (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Ulangi: %1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Ulangi (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Read only: your role cannot change %1.</source>
        <translation>Hanya baca: peran Anda tidak berwenang mengubah %1.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Add an entry (Ins)</source>
        <translation>Tambah entri (Ins)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter or double-click)</source>
        <translation>Ubah entri yang dipilih (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the selected entry (Del)</source>
        <translation>Hapus entri yang dipilih (Del)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Impor CSV…</translation>
    </message>
    <message>
        <source>Import a holiday list (date,kind,name,source)</source>
        <translation>Impor daftar hari libur (date,kind,name,source)</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Cari (Ctrl+F)</translation>
    </message>
    <message>
        <source>Data Master</source>
        <translation>Data Master</translation>
    </message>
</context>
<context>
    <name>HumasUi::FirstAdminDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <source>Welcome to HumasDesk</source>
        <translation>Selamat datang di HumasDesk</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create the administrator account; the administrator then adds the other users in Master Data.</source>
        <translation>Basis data ini belum memiliki Administrator. Buat akun Administrator; selanjutnya Administrator menambahkan pengguna lain di Data Master.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Ulangi kata sandi:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Minimal %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HumasUi::LoginDialog</name>
    <message>
        <source>Sign in — HumasDesk</source>
        <translation>Masuk — HumasDesk</translation>
    </message>
    <message>
        <source>Sign in with your HumasDesk user name and password.</source>
        <translation>Masuk dengan nama pengguna dan kata sandi HumasDesk Anda.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HumasUi::MainWindow</name>
    <message>
        <source>Every agency event that needs the Regent, the Vice Regent, the Regional Secretary or another official is submitted through one door and scheduled without clashes.</source>
        <translation>Setiap kegiatan perangkat daerah yang memerlukan kehadiran Bupati, Wakil Bupati, Sekretaris Daerah, atau pejabat lain diajukan melalui satu pintu dan dijadwalkan tanpa bentrok.</translation>
    </message>
    <message>
        <source>The register of public-information requests and objections, with legal deadlines counted in working days, receipts and reports.</source>
        <translation>Register permohonan informasi publik dan keberatan, dengan jangka waktu sesuai ketentuan yang dihitung dalam hari kerja, tanda bukti penerimaan, serta laporan.</translation>
    </message>
    <message>
        <source>News drafted by the agencies, edited and approved by Humas, then published on the regency website.</source>
        <translation>Berita disusun oleh perangkat daerah, disunting dan disetujui oleh Humas, lalu diterbitkan di situs web kabupaten.</translation>
    </message>
    <message>
        <source>Daily agendas, monthly recaps and information-service reports with the letterhead and a signature block, ready to print.</source>
        <translation>Agenda harian, rekap bulanan, dan laporan layanan informasi dengan kop surat dan blok tanda tangan, siap cetak.</translation>
    </message>
    <message>
        <source>Sharing data with colleagues through a shared database file or the HumasDesk server.</source>
        <translation>Berbagi data dengan rekan kerja melalui berkas basis data bersama atau server HumasDesk.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Information Service</source>
        <translation>Layanan Informasi</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Berita</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Master Data</source>
        <translation>Data Master</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>&amp;Cadangkan basis data…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;About HumasDesk</source>
        <translation>&amp;Tentang HumasDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Masuk sebagai %1</translation>
    </message>
    <message>
        <source>%1 — HumasDesk</source>
        <translation>%1 — HumasDesk</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Cadangkan basis data</translation>
    </message>
    <message>
        <source>HumasDesk database (*.sqlite)</source>
        <translation>Basis data HumasDesk (*.sqlite)</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Pencadangan gagal</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>Cadangan disimpan ke %1</translation>
    </message>
    <message>
        <source>Daily backup saved</source>
        <translation>Cadangan harian disimpan</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Sin&amp;kronkan sekarang</translation>
    </message>
    <message>
        <source>Synchronising before closing…</source>
        <translation>Menyinkronkan sebelum menutup…</translation>
    </message>
    <message>
        <source>Sync now (F9 or Ctrl+Shift+S)</source>
        <translation>Sinkronkan sekarang (F9 atau Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Choose a shared file on the Synchronisation page first</source>
        <translation>Pilih dulu berkas bersama di halaman Sinkronisasi</translation>
    </message>
</context>
<context>
    <name>HumasUi::MessageBox</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>HumasUi::MonthView</name>
    <message>
        <source>Month view</source>
        <translation>Tampilan bulan</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) on this day clash</source>
        <translation>
            <numerusform>%n kegiatan pada hari ini bentrok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n lagi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HumasUi::PlaceholderPage</name>
    <message>
        <source>Not available yet</source>
        <translation>Belum tersedia</translation>
    </message>
</context>
<context>
    <name>HumasUi::RecordCommand</name>
    <message>
        <source>Add &quot;%1&quot;</source>
        <translation>Tambah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Ubah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;</source>
        <translation>Hapus &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Undo not possible</source>
        <translation>Tidak dapat diurungkan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be undone: %2</source>
        <translation>&quot;%1&quot; tidak dapat diurungkan: %2</translation>
    </message>
    <message>
        <source>Redo not possible</source>
        <translation>Tidak dapat diulangi</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be redone: %2</source>
        <translation>&quot;%1&quot; tidak dapat diulangi: %2</translation>
    </message>
</context>
<context>
    <name>HumasUi::RecordEditDialog</name>
    <message>
        <source>New entry: %1</source>
        <translation>Entri baru: %1</translation>
    </message>
    <message>
        <source>Edit entry: %1</source>
        <translation>Ubah entri: %1</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Kolom bertanda * wajib diisi.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Minimal %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>Biarkan kosong jika kata sandi tidak diubah</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation>contoh: 0812 3456 7890</translation>
    </message>
</context>
<context>
    <name>HumasUi::RecordTab</name>
    <message>
        <source>Nothing matches the search.</source>
        <translation>Tidak ada data yang cocok dengan pencarian.</translation>
    </message>
    <message>
        <source>No entries yet. Add the first one with Add (Ins).</source>
        <translation>Belum ada entri. Tambahkan entri pertama dengan Tambah (Ins).</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Belum ada entri.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Hapus entri</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? You can bring it back with Undo (Ctrl+Z).</source>
        <translation>Hapus &quot;%1&quot;? Entri ini dapat dikembalikan dengan Urungkan (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Tidak dapat menghapus</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>Impor hari libur</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Berkas CSV (*.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
    <message>
        <source>Holidays imported</source>
        <translation>Hari libur berhasil diimpor</translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 unchanged.</source>
        <translation>%1 ditambahkan, %2 diperbarui, %3 tidak berubah.</translation>
    </message>
</context>
<context>
    <name>HumasUi::ServerSignInDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation>Masuk ke server</translation>
    </message>
    <message>
        <source>Sign in to %1 with your own HumasDesk user name and password. The password is not stored on this PC.</source>
        <translation>Masuk ke %1 dengan nama pengguna dan kata sandi HumasDesk Anda sendiri. Kata sandi tidak disimpan di PC ini.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Masuk</translation>
    </message>
</context>
<context>
    <name>HumasUi::SettingsDialog</name>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Choose the emblem</source>
        <translation>Pilih lambang daerah</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Tidak dapat membaca %1: %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Regency (shared by every computer)</source>
        <translation>Kabupaten (berlaku di semua komputer)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Komputer ini</translation>
    </message>
    <message>
        <source>&amp;Regency name:</source>
        <translation>Nama &amp;kabupaten:</translation>
    </message>
    <message>
        <source>&amp;Letterhead lines:</source>
        <translation>&amp;Baris kop surat:</translation>
    </message>
    <message>
        <source>Office &amp;address:</source>
        <translation>&amp;Alamat kantor:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>K&amp;ota:</translation>
    </message>
    <message>
        <source>Emblem:</source>
        <translation>Lambang daerah:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Ba&amp;hasa:</translation>
    </message>
    <message>
        <source>One line per row, as printed at the top of letters and reports</source>
        <translation>Tulis setiap baris kop pada baris tersendiri, seperti tercetak di bagian atas surat dan laporan</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <source>WIB — Western Indonesia (UTC+7)</source>
        <translation>WIB — Waktu Indonesia Barat (UTC+7)</translation>
    </message>
    <message>
        <source>WITA — Central Indonesia (UTC+8)</source>
        <translation>WITA — Waktu Indonesia Tengah (UTC+8)</translation>
    </message>
    <message>
        <source>WIT — Eastern Indonesia (UTC+9)</source>
        <translation>WIT — Waktu Indonesia Timur (UTC+9)</translation>
    </message>
    <message>
        <source>Count collective leave (cuti bersama) as working days</source>
        <translation>Hitung cuti bersama sebagai hari kerja</translation>
    </message>
    <message>
        <source>Only an administrator can change the regency settings.</source>
        <translation>Hanya Administrator yang dapat mengubah pengaturan kabupaten.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>Jam kerja harus berakhir setelah dimulai.</translation>
    </message>
    <message>
        <source>&amp;Working hours:</source>
        <translation>&amp;Jam kerja:</translation>
    </message>
    <message>
        <source>PPID re&amp;gistration number:</source>
        <translation>Nomor pen&amp;daftaran PPID:</translation>
    </message>
    <message>
        <source>PPID &amp;desk code:</source>
        <translation>Kode &amp;meja PPID:</translation>
    </message>
    <message>
        <source>Placeholders: {seq:3} sequence number of the year, {desk} this desk&apos;s code, {month_roman}, {month}, {day}, {year}, {yy}. Empty: the default.</source>
        <translation>Penanda: {seq:3} nomor urut dalam tahun, {desk} kode meja ini, {month_roman}, {month}, {day}, {year}, {yy}. Kosong: bawaan.</translation>
    </message>
    <message>
        <source>1–8 letters or digits, different on every PC that registers requests; it is part of every registration number given here.</source>
        <translation>1–8 huruf atau angka, berbeda pada setiap PC yang mendaftarkan permohonan; kode ini menjadi bagian setiap nomor pendaftaran yang diberikan di sini.</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncConflictMark</name>
    <message>
        <source>Sync conflict</source>
        <translation>Konflik sinkronisasi</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncConflictModel</name>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Milik mereka</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncConflictText</name>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Information request</source>
        <translation>Permohonan informasi</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Keberatan</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Narahubung</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Telepon narahubung</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Tanggal surat</translation>
    </message>
    <message>
        <source>Officials requested</source>
        <translation>Pejabat yang diminta</translation>
    </message>
    <message>
        <source>Officials attending</source>
        <translation>Pejabat yang hadir</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Sepanjang hari</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dress code</source>
        <translation>Pakaian</translation>
    </message>
    <message>
        <source>Speech needed</source>
        <translation>Perlu sambutan</translation>
    </message>
    <message>
        <source>Staff assigned</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Publik</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Pemohon Informasi</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Surel</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Rincian informasi yang dibutuhkan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan penggunaan informasi</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>seseorang</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>PC ini</translation>
    </message>
    <message>
        <source>another PC</source>
        <translation>PC lain</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>Sync conflict in “%1”
Mine: %2 — %3
Theirs: %4 — %5
Resolve it on the Synchronisation page.</source>
        <translation>Konflik sinkronisasi pada “%1”
Milik saya: %2 — %3
Milik mereka: %4 — %5
Selesaikan di halaman Sinkronisasi.</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncController</name>
    <message>
        <source>The shared file cannot be reached; changes are kept on this PC and sent later.</source>
        <translation>Berkas bersama tidak dapat dijangkau; perubahan disimpan di PC ini dan dikirim nanti.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be reached.</source>
        <translation>Folder %1 tidak dapat dijangkau.</translation>
    </message>
    <message>
        <source>HumasDesk cannot write in the folder %1. Choose a folder where you may create files, or ask the administrator of the share for write access.</source>
        <translation>HumasDesk tidak dapat menulis di folder %1. Pilih folder tempat Anda boleh membuat berkas, atau minta hak tulis kepada pengelola folder bersama.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Berkas %1 tidak ada.</translation>
    </message>
    <message>
        <source>HumasDesk cannot write to %1. Ask the administrator of the share for write access.</source>
        <translation>HumasDesk tidak dapat menulis ke %1. Minta hak tulis kepada pengelola folder bersama.</translation>
    </message>
    <message>
        <source>%1 is in WAL mode, which does not work on a network share. Choose another file or a folder.</source>
        <translation>%1 memakai mode WAL, yang tidak berfungsi di folder jaringan. Pilih berkas atau folder lain.</translation>
    </message>
    <message>
        <source>%1 sent, %2 received, %3 new conflicts</source>
        <translation>%1 terkirim, %2 diterima, %3 konflik baru</translation>
    </message>
    <message>
        <source>Synchronisation failed: %1 Changes are kept on this PC and sent later.</source>
        <translation>Sinkronisasi gagal: %1 Perubahan disimpan di PC ini dan dikirim nanti.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Sync: not configured</source>
        <translation>Sinkronisasi: belum dikonfigurasi</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Sync: not run yet</source>
        <translation>Sinkron: belum dijalankan</translation>
    </message>
    <message numerus="yes">
        <source>Sync failed — %n change(s) waiting</source>
        <translation>
            <numerusform>Sinkron gagal — %n perubahan menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sinkron %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n perubahan menunggu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflik</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronisation with colleagues has not been set up on this computer.</source>
        <translation>Sinkronisasi dengan rekan kerja belum diatur di komputer ini.</translation>
    </message>
    <message>
        <source>Shared file: %1</source>
        <translation>Berkas bersama: %1</translation>
    </message>
    <message>
        <source>Shared file: %1
Last round %2: %3</source>
        <translation>Berkas bersama: %1
Putaran terakhir %2: %3</translation>
    </message>
    <message>
        <source>The HumasDesk server at %1 answers (data version %2).</source>
        <translation>Server HumasDesk di %1 menjawab (versi data %2).</translation>
    </message>
    <message>
        <source>Signed out on this PC, but the server could not be told (%1); the sign-in stays valid there until it expires or an administrator revokes it.</source>
        <translation>Sudah keluar di PC ini, tetapi server tidak dapat diberi tahu (%1); sesi masuk tetap berlaku di sana sampai berakhir atau dicabut administrator.</translation>
    </message>
    <message>
        <source>Synchronisation is busy; try again when the current step has finished.</source>
        <translation>Sinkronisasi sedang berjalan; coba lagi setelah langkah ini selesai.</translation>
    </message>
    <message>
        <source>Server: %1 (signed in as %2)</source>
        <translation>Server: %1 (masuk sebagai %2)</translation>
    </message>
    <message>
        <source>Server: %1 (not signed in)</source>
        <translation>Server: %1 (belum masuk)</translation>
    </message>
    <message>
        <source>%1
Last round %2: %3</source>
        <translation>%1
Putaran terakhir %2: %3</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncPage</name>
    <message>
        <source>Synchronisation</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>How this PC synchronises</source>
        <translation>Cara PC ini menyinkronkan</translation>
    </message>
    <message>
        <source>&amp;Not synchronised</source>
        <translation>&amp;Tidak disinkronkan</translation>
    </message>
    <message>
        <source>Shared &amp;file</source>
        <translation>&amp;Berkas bersama</translation>
    </message>
    <message>
        <source>Shared file:</source>
        <translation>Berkas bersama:</translation>
    </message>
    <message>
        <source>Choose the folder of the shared file</source>
        <translation>Pilih folder berkas bersama</translation>
    </message>
    <message>
        <source>Shared file</source>
        <translation>Berkas bersama</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>Pilih f&amp;older…</translation>
    </message>
    <message>
        <source>The shared file %1 is made in the folder you choose, or used when it is already there.</source>
        <translation>Berkas bersama %1 dibuat di folder yang Anda pilih, atau dipakai bila sudah ada.</translation>
    </message>
    <message>
        <source>Existing fil&amp;e…</source>
        <translation>B&amp;erkas yang ada…</translation>
    </message>
    <message>
        <source>Use a shared file that already exists under another name.</source>
        <translation>Pakai berkas bersama yang sudah ada dengan nama lain.</translation>
    </message>
    <message>
        <source>&amp;Automatically every:</source>
        <translation>&amp;Otomatis setiap:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>Minutes between automatic rounds</source>
        <translation>Menit antara putaran otomatis</translation>
    </message>
    <message>
        <source>0 = only on demand; also on start and on close</source>
        <translation>0 = hanya bila diminta; juga saat mulai dan saat menutup</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Send the changes of this PC and receive those of colleagues (F9 or Ctrl+Shift+S)</source>
        <translation>Kirim perubahan PC ini dan terima perubahan rekan (F9 atau Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Synchronisation in progress</source>
        <translation>Sinkronisasi sedang berjalan</translation>
    </message>
    <message>
        <source>Last round:</source>
        <translation>Putaran terakhir:</translation>
    </message>
    <message>
        <source>Last round</source>
        <translation>Putaran terakhir</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>Menunggu:</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Perubahan yang menunggu dikirim</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Konflik sinkronisasi</translation>
    </message>
    <message>
        <source>No conflicts: nothing waits for a decision.</source>
        <translation>Tidak ada konflik: tidak ada yang menunggu keputusan.</translation>
    </message>
    <message>
        <source>Use &amp;mine</source>
        <translation>Pakai &amp;milik saya</translation>
    </message>
    <message>
        <source>Keep the value written on this PC (Alt+M)</source>
        <translation>Pertahankan nilai yang ditulis di PC ini (Alt+M)</translation>
    </message>
    <message>
        <source>Use &amp;theirs</source>
        <translation>Pakai milik &amp;mereka</translation>
    </message>
    <message>
        <source>Take the colleague&apos;s value (Alt+T)</source>
        <translation>Ambil nilai rekan (Alt+T)</translation>
    </message>
    <message>
        <source>T&amp;ype another value…</source>
        <translation>&amp;Isi nilai lain…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Belum dijalankan</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 — succeeded: %2</source>
        <translation>%1 — berhasil: %2</translation>
    </message>
    <message>
        <source>%1 — failed</source>
        <translation>%1 — gagal</translation>
    </message>
    <message>
        <source>Nothing: every change of this PC has been sent.</source>
        <translation>Tidak ada: semua perubahan PC ini sudah terkirim.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of this PC not yet sent</source>
        <translation>
            <numerusform>%n perubahan PC ini belum terkirim</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflik (%1)</translation>
    </message>
    <message>
        <source>Folder of the shared file</source>
        <translation>Folder berkas bersama</translation>
    </message>
    <message>
        <source>HumasDesk shared file (*.sqlite)</source>
        <translation>Berkas bersama HumasDesk (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Conflict not resolved</source>
        <translation>Konflik tidak terselesaikan</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>Server a&amp;ddress:</source>
        <translation>A&amp;lamat server:</translation>
    </message>
    <message>
        <source>e.g. https://humas.example.go.id:8443</source>
        <translation>mis. https://humas.contoh.go.id:8443</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Uji &amp;koneksi</translation>
    </message>
    <message>
        <source>Check that a HumasDesk server answers at this address (no sign-in needed).</source>
        <translation>Periksa bahwa server HumasDesk menjawab di alamat ini (tanpa perlu masuk).</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Masuk…</translation>
    </message>
    <message>
        <source>Sign in with your own user name and password at the server; the password is not stored on this PC.</source>
        <translation>Masuk ke server dengan nama pengguna dan kata sandi Anda sendiri; kata sandi tidak disimpan di PC ini.</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>Kel&amp;uar</translation>
    </message>
    <message>
        <source>End this PC&apos;s sign-in at the server; changes wait here until someone signs in again.</source>
        <translation>Akhiri sesi masuk PC ini di server; perubahan menunggu di sini sampai seseorang masuk lagi.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Signed in as %1 until %2</source>
        <translation>Masuk sebagai %1 sampai %2</translation>
    </message>
    <message>
        <source>Not signed in: sign in to sync with the server</source>
        <translation>Belum masuk: masuklah untuk sinkronisasi dengan server</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Menguji koneksi…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
    <message>
        <source>Signed in; synchronising now.</source>
        <translation>Sudah masuk; sinkronisasi berjalan.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Sedang keluar…</translation>
    </message>
    <message>
        <source>Signed out. Changes made on this PC wait here until someone signs in again.</source>
        <translation>Sudah keluar. Perubahan di PC ini menunggu sampai seseorang masuk lagi.</translation>
    </message>
    <message>
        <source>%1 of %2 changes received</source>
        <translation>%1 dari %2 perubahan diterima</translation>
    </message>
    <message>
        <source>Share data with colleagues through a shared database file in a folder on the office network or through a HumasDesk server. Changes made on this PC are kept here and sent at the next round.</source>
        <translation>Berbagi data dengan rekan melalui berkas basis data bersama di folder jaringan kantor atau melalui server HumasDesk. Perubahan di PC ini disimpan di sini dan dikirim pada putaran berikutnya.</translation>
    </message>
</context>
<context>
    <name>HumasUi::SyncValueDialog</name>
    <message>
        <source>Type another value</source>
        <translation>Isi nilai lain</translation>
    </message>
    <message>
        <source>Mine:</source>
        <translation>Milik saya:</translation>
    </message>
    <message>
        <source>Theirs:</source>
        <translation>Milik mereka:</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nilai baru</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;Nilai baru:</translation>
    </message>
    <message>
        <source>&amp;Use this value</source>
        <translation>&amp;Pakai nilai ini</translation>
    </message>
</context>
<context>
    <name>HumasUi::TimeGridPainter</name>
    <message>
        <source>%1–%2</source>
        <extracomment>A time range in the time grid: %1 start, %2 end (&quot;08.00–10.00&quot;)</extracomment>
        <translation>%1–%2</translation>
    </message>
</context>
<context>
    <name>HumasUi::TimeGridView</name>
    <message>
        <source>Time grid</source>
        <translation>Kisi waktu</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Sepanjang hari</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidDialogPrinting</name>
    <message>
        <source>Print preview</source>
        <translation>Pratinjau cetak</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidIntakeDialog</name>
    <message>
        <source>New request for information</source>
        <translation>Permohonan informasi baru</translation>
    </message>
    <message>
        <source>Only PPID officers and administrators can register requests.</source>
        <translation>Hanya petugas PPID dan administrator yang dapat mendaftarkan permohonan.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Cara permohonan:</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Diterima:</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>N&amp;IK:</source>
        <translation>N&amp;IK:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;lamat:</translation>
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation>&amp;Pekerjaan:</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation>mis. 0812 3456 7890</translation>
    </message>
    <message>
        <source>Te&amp;lephone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Only when someone comes on the requester&apos;s behalf</source>
        <translation>Hanya bila seseorang datang mewakili pemohon</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>&amp;Kuasa:</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informasi</translation>
    </message>
    <message>
        <source>Information re&amp;quested:</source>
        <translation>&amp;Rincian informasi:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>T&amp;ujuan penggunaan:</translation>
    </message>
    <message>
        <source>How to o&amp;btain:</source>
        <translation>Cara &amp;memperoleh:</translation>
    </message>
    <message>
        <source>How to recei&amp;ve a copy:</source>
        <translation>Cara mendapatkan &amp;salinan:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>PPID Pe&amp;mbantu (agency):</source>
        <translation>PPID Pembantu (perangkat daera&amp;h):</translation>
    </message>
    <message>
        <source>Enter: next field · Ctrl+Enter: leave a multi-line field · Ctrl+S: save and print the receipt</source>
        <translation>Enter: isian berikutnya · Ctrl+Enter: keluar dari isian beberapa baris · Ctrl+S: simpan dan cetak tanda bukti</translation>
    </message>
    <message>
        <source>Print &amp;directly (no preview)</source>
        <translation>Cetak lan&amp;gsung (tanpa pratinjau)</translation>
    </message>
    <message>
        <source>&amp;Save and print receipt</source>
        <translation>Simpan dan cetak tanda &amp;bukti</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Deed n&amp;umber:</source>
        <translation>Nomor &amp;akta:</translation>
    </message>
    <message>
        <source>Number of the deed of establishment</source>
        <translation>Nomor akta pendirian</translation>
    </message>
    <message>
        <source>16 digits</source>
        <translation>16 angka</translation>
    </message>
    <message>
        <source>Enter the requester&apos;s name.</source>
        <translation>Isikan nama pemohon.</translation>
    </message>
    <message>
        <source>Not a valid NIK: %1</source>
        <translation>NIK tidak sah: %1</translation>
    </message>
    <message>
        <source>Not a valid telephone number: it starts with 0 or +62 and has 9 to 15 digits.</source>
        <translation>Nomor telepon tidak sah: diawali 0 atau +62 dan terdiri atas 9 sampai 15 angka.</translation>
    </message>
    <message>
        <source>Not a valid email address.</source>
        <translation>Alamat email tidak sah.</translation>
    </message>
    <message>
        <source>Describe the information requested.</source>
        <translation>Uraikan informasi yang diminta.</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <source>Discard the request?</source>
        <translation>Buang permohonan ini?</translation>
    </message>
    <message>
        <source>The request has not been saved. Close the form and discard what was entered?</source>
        <translation>Permohonan belum disimpan. Tutup formulir dan buang isian yang sudah diketik?</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidObjectionWidget</name>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Batas tanggapan</translation>
    </message>
    <message>
        <source>Decision of the Atasan PPID</source>
        <translation>Keputusan Atasan PPID</translation>
    </message>
    <message>
        <source>Komisi Informasi</source>
        <translation>Komisi Informasi</translation>
    </message>
    <message>
        <source>New objection</source>
        <translation>Keberatan baru</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The requester, or the proxy</source>
        <translation>Pemohon, atau kuasanya</translation>
    </message>
    <message>
        <source>&amp;Register objection</source>
        <translation>&amp;Daftarkan keberatan</translation>
    </message>
    <message>
        <source>Ground (Article 35(1)):</source>
        <translation>Alasan (Pasal 35 ayat (1)):</translation>
    </message>
    <message>
        <source>Filed by:</source>
        <translation>Diajukan oleh:</translation>
    </message>
    <message>
        <source>Summary of the case:</source>
        <translation>Kasus posisi:</translation>
    </message>
    <message>
        <source>Selected objection</source>
        <translation>Keberatan terpilih</translation>
    </message>
    <message>
        <source>(not decided yet)</source>
        <translation>(belum diputuskan)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Sa&amp;ve objection</source>
        <translation>Sim&amp;pan keberatan</translation>
    </message>
    <message>
        <source>Print the &amp;answer…</source>
        <translation>Cetak &amp;tanggapan…</translation>
    </message>
    <message>
        <source>Decision of the Atasan PPID:</source>
        <translation>Keputusan Atasan PPID:</translation>
    </message>
    <message>
        <source>Decided on:</source>
        <translation>Tanggal keputusan:</translation>
    </message>
    <message>
        <source>Requester&apos;s response:</source>
        <translation>Tanggapan pemohon:</translation>
    </message>
    <message>
        <source>Komisi Informasi stage:</source>
        <translation>Tahap di Komisi Informasi:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Hasil:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Catatan:</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidPage</name>
    <message>
        <source>New request</source>
        <translation>Permohonan baru</translation>
    </message>
    <message>
        <source>Register a new request at the desk (Ctrl+N)</source>
        <translation>Daftarkan permohonan baru di meja layanan (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Open the selected request (Enter)</source>
        <translation>Buka permohonan yang dipilih (Enter)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export the register of the chosen year or month as CSV</source>
        <translation>Ekspor register tahun atau bulan yang dipilih sebagai CSV</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Saring:</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Due within 3 working days</source>
        <translation>Jatuh tempo ≤ 3 hari kerja</translation>
    </message>
    <message>
        <source>Search number, requester or information (Ctrl+F)…</source>
        <translation>Cari nomor, pemohon, atau rincian informasi (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>OPD (PPID Pembantu)</source>
        <translation>OPD (PPID Pembantu)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>Year received</source>
        <translation>Tahun diterima</translation>
    </message>
    <message>
        <source>Month received</source>
        <translation>Bulan diterima</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Keberatan</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Print register…</source>
        <translation>Cetak register…</translation>
    </message>
    <message>
        <source>Print the register of the chosen year or month, A4 landscape (Ctrl+P)</source>
        <translation>Cetak register tahun atau bulan yang dipilih, A4 mendatar (Ctrl+P)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Semua saluran</translation>
    </message>
    <message>
        <source>All OPDs</source>
        <translation>Semua OPD</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Semua tahun</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Semua bulan</translation>
    </message>
    <message numerus="yes">
        <source>Type at least %n character(s) to search</source>
        <translation>
            <numerusform>Ketik minimal %n karakter untuk mencari</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1 requests</source>
        <translation>lebih dari %1 permohonan</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n permohonan</numerusform>
        </translation>
    </message>
    <message>
        <source>No holidays of %1 are entered yet, so deadlines that run into %1 count every weekday as a working day. Enter them in Data Master (Holidays) or import the decree&apos;s CSV.</source>
        <translation>Hari libur tahun %1 belum dimasukkan, sehingga tenggat yang jatuh pada %1 menghitung setiap hari Senin–Jumat sebagai hari kerja. Masukkan di Data Master (Hari Libur) atau impor CSV SKB.</translation>
    </message>
    <message>
        <source>Export register</source>
        <translation>Ekspor register</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) written to %1.</source>
        <translation>
            <numerusform>%n permohonan ditulis ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidRequestActions</name>
    <message>
        <source>Processing</source>
        <translation>Pemrosesan</translation>
    </message>
    <message>
        <source>Start &amp;processing</source>
        <translation>Mulai &amp;proses</translation>
    </message>
    <message>
        <source>The written reason for the extension (required)</source>
        <translation>Alasan tertulis perpanjangan (wajib)</translation>
    </message>
    <message numerus="yes">
        <source>E&amp;xtend by %n working day(s)</source>
        <translation>
            <numerusform>Perpa&amp;njang %n hari kerja</numerusform>
        </translation>
    </message>
    <message>
        <source>Extension reason:</source>
        <translation>Alasan perpanjangan:</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>(choose the letter)</source>
        <translation>(pilih huruf)</translation>
    </message>
    <message>
        <source>Letter %1: %2</source>
        <translation>Huruf %1: %2</translation>
    </message>
    <message>
        <source>Consequence test: what harm disclosing the information would cause</source>
        <translation>Uji konsekuensi: kerugian yang timbul bila informasi dibuka</translation>
    </message>
    <message>
        <source>Rp</source>
        <comment>currency before an amount</comment>
        <translation>Rp</translation>
    </message>
    <message>
        <source>Record the &amp;decision</source>
        <translation>Catat &amp;keputusan</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Keputusan:</translation>
    </message>
    <message>
        <source>Withheld information:</source>
        <translation>Informasi yang dikecualikan:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Article 17 letter:</source>
        <translation>Pasal 17 huruf:</translation>
    </message>
    <message>
        <source>Consequence test:</source>
        <translation>Uji konsekuensi:</translation>
    </message>
    <message>
        <source>Referred to:</source>
        <translation>Dialihkan ke:</translation>
    </message>
    <message>
        <source>Notice date:</source>
        <translation>Tanggal pemberitahuan:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Biaya:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <source>Handing over and notes</source>
        <translation>Penyerahan dan catatan</translation>
    </message>
    <message>
        <source>&amp;Finish (information handed over)</source>
        <translation>&amp;Selesai (informasi diserahkan)</translation>
    </message>
    <message>
        <source>&amp;Save dates, fee and notes</source>
        <translation>Simpan &amp;tanggal, biaya dan catatan</translation>
    </message>
    <message>
        <source>Handed over on:</source>
        <translation>Diserahkan pada:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Catatan:</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidRequestDialog</name>
    <message>
        <source>Request for information</source>
        <translation>Permohonan informasi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Menjadi</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Permohonan</translation>
    </message>
    <message>
        <source>&amp;Handling</source>
        <translation>Pe&amp;nanganan</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>&amp;Objections</source>
        <translation>&amp;Keberatan</translation>
    </message>
    <message>
        <source>Print r&amp;eceipt…</source>
        <translation>Cetak tanda &amp;bukti…</translation>
    </message>
    <message>
        <source>Print &amp;notice…</source>
        <translation>Cetak pemberi&amp;tahuan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The request no longer exists.</source>
        <translation>Permohonan ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>jatuh tempo %1</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Cara permohonan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>Type of requester</source>
        <translation>Jenis pemohon</translation>
    </message>
    <message>
        <source>Deed number</source>
        <translation>Nomor akta</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Kuasa</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>Rincian informasi</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan penggunaan</translation>
    </message>
    <message>
        <source>How to obtain</source>
        <translation>Cara memperoleh</translation>
    </message>
    <message>
        <source>How to receive a copy</source>
        <translation>Cara mendapatkan salinan</translation>
    </message>
    <message>
        <source>PPID Pembantu</source>
        <translation>PPID Pembantu</translation>
    </message>
    <message>
        <source>Extension reason</source>
        <translation>Alasan perpanjangan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Article 17 letter</source>
        <translation>Pasal 17 huruf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Consequence test</source>
        <translation>Uji konsekuensi</translation>
    </message>
    <message>
        <source>Withheld information</source>
        <translation>Informasi yang dikecualikan</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Dialihkan ke</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>Tanggal pemberitahuan</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Rp %1</source>
        <comment>an amount in rupiah</comment>
        <translation>Rp %1</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>Diserahkan pada</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
</context>
<context>
    <name>HumasUi::PpidStatisticsWidget</name>
    <message>
        <source>Public-information service, %1 – %2</source>
        <translation>Layanan informasi publik, %1 – %2</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Permohonan diterima</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Diputus</translation>
    </message>
    <message>
        <source>Granted in full</source>
        <translation>Dikabulkan seluruhnya</translation>
    </message>
    <message>
        <source>Granted in part</source>
        <translation>Dikabulkan sebagian</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Mean working days to decision</source>
        <translation>Rata-rata hari kerja sampai keputusan</translation>
    </message>
    <message>
        <source>Longest, in working days</source>
        <translation>Terlama, dalam hari kerja</translation>
    </message>
    <message>
        <source>Decided after the deadline</source>
        <translation>Diputus melewati tenggat</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Masih berjalan</translation>
    </message>
    <message>
        <source>Open and overdue</source>
        <translation>Berjalan dan terlambat</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Keberatan</translation>
    </message>
    <message>
        <source>Disputes at the Komisi Informasi</source>
        <translation>Sengketa di Komisi Informasi</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Requests by channel</source>
        <translation>Permohonan menurut saluran</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Belum ditugaskan</translation>
    </message>
    <message>
        <source>Requests by OPD (PPID Pembantu)</source>
        <translation>Permohonan menurut OPD (PPID Pembantu)</translation>
    </message>
    <message>
        <source>Pasal 17 letter %1</source>
        <translation>Pasal 17 huruf %1</translation>
    </message>
    <message>
        <source>Refusals by reason</source>
        <translation>Penolakan menurut alasan</translation>
    </message>
    <message>
        <source>Pasal 35(1) %1: %2</source>
        <translation>Pasal 35 ayat (1) huruf %1: %2</translation>
    </message>
    <message>
        <source>Objections by ground</source>
        <translation>Keberatan menurut alasan</translation>
    </message>
    <message>
        <source>Not yet answered</source>
        <translation>Belum dijawab</translation>
    </message>
    <message>
        <source>Objections by the Atasan&apos;s answer</source>
        <translation>Keberatan menurut tanggapan Atasan PPID</translation>
    </message>
    <message>
        <source>January–June</source>
        <translation>Januari–Juni</translation>
    </message>
    <message>
        <source>July–December</source>
        <translation>Juli–Desember</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Semester</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
</context>
</TS>
