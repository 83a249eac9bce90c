<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Humas::AppSettings</name>
    <message>
        <source>The time zone must be WIB, WITA or WIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collective-leave setting must be 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regency name must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator may change the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example Regency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GOVERNMENT OF %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGIONAL SECRETARIAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emblem image is too large (at most 2 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an image that can be read (use PNG or JPEG).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::AutoBackup</name>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::BlobStore</name>
    <message>
        <source>The file is too large (at most %1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::ChangeWriter</name>
    <message>
        <source>%1 is not a synced table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no writable field %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated failure after the row write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated failure before commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record the change for synchronisation: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a HumasDesk database (it is not an SQLite file). It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2). It was not changed; restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed the integrity check (%2). It was not changed; restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not HumasDesk. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). It was not changed; update HumasDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot initialise the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to %1 failed: the file could not be renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy or read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::DemoGenerator</name>
    <message>
        <source>The database has no officials or venues to build demo events from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counts must be between 0 and 10,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data added: %1 events, %2 information requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News items were skipped: the news service has no tables yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::HolidayCsv</name>
    <message>
        <source>The holiday file is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holiday file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line 1: the header must be &quot;date,kind,name,source&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 4 fields (date,kind,name,source), found %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (libur_nasional, cuti_bersama or lokal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a holiday list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not change holidays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::HolidayRepository</name>
    <message>
        <source>%1 is already entered as a holiday (%2); one date holds one entry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::MasterData</name>
    <message>
        <source>Agencies (OPD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIC name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIC phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts (kecamatan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency (OPD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collective leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local holiday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::RecordRepository</name>
    <message>
        <source>Your role (%1) may not change %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an unknown value: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refers to a record that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid phone number (for example 0812 3456 7890 or +62 812 3456 7890).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid NIP: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already used by another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This record is still used by %n row(s) of %1; change those first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Humas::RecordTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::Roles</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PPID (information service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency contributor (OPD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leadership (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::Seeder</name>
    <message>
        <source>Unknown preset &quot;%1&quot;; known presets: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was already initialised on %1; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped district list is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped agency list is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database initialised: %1 officials, %2 holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 districts and %2 agencies of Kabupaten Parigi Moutong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::TravelTimeRepository</name>
    <message>
        <source>A travel time needs two different districts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A travel time between these two districts already exists; edit that one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::UserRepository</name>
    <message numerus="yes">
        <source>The password must have at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A new user needs a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user with the OPD role must belong to one agency (OPD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last active administrator; create another one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has an unknown role; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::Validators</name>
    <message>
        <source>it must have 18 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits 1–8 must be a birth date (YYYYMMDD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits 9–14 must be the year and month of appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digit 15 must be 1 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Humas::VenueRepository</name>
    <message>
        <source>A venue named &quot;%1&quot; already exists in this district.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
