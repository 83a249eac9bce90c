<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>The value is too long.</source>
        <translation>Nilai terlalu panjang.</translation>
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
</context>
<context>
    <name>Humas::Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 adalah folder, bukan berkas basis data.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Tidak dapat membaca %1: %2</translation>
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
        <source>%1 is too large for a holiday list.</source>
        <translation>%1 terlalu besar untuk daftar hari libur.</translation>
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
</context>
<context>
    <name>Humas::HolidayRepository</name>
    <message>
        <source>%1 is already entered as a holiday (%2); one date holds one entry.</source>
        <translation>%1 sudah tercatat sebagai hari libur (%2); satu tanggal hanya untuk satu entri.</translation>
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
        <source>%1 is too long (at most %2 characters).</source>
        <translation>%1 terlalu panjang (maksimal %2 karakter).</translation>
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
    <name>Humas::Seeder</name>
    <message>
        <source>Unknown preset &quot;%1&quot;; known presets: %2.</source>
        <translation>Preset &quot;%1&quot; tidak dikenal; preset yang tersedia: %2.</translation>
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
    <message numerus="yes">
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>Kata sandi harus terdiri atas paling sedikit %n karakter.</numerusform>
        </translation>
    </message>
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
</context>
<context>
    <name>Humas::VenueRepository</name>
    <message>
        <source>A venue named &quot;%1&quot; already exists in this district.</source>
        <translation>Tempat bernama &quot;%1&quot; sudah ada di kecamatan ini.</translation>
    </message>
</context>
</TS>
