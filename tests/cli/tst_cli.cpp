// humasdesk-cli as a user runs it: the real binary through QProcess, one temporary folder
// per test. Every command is run on good input and on each way it must refuse, and a refusal
// must leave the database file byte-for-byte as it was.

#include "clitestsupport.h"

#include "auth/userrepository.h"
#include "store/database.h"
#include "testenvironment.h"

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

namespace {

const QByteArray Garbage = QByteArray("This is a letter, not a database.\n").repeated(100);
const QStringList Officials = {"BUPATI", "WABUP", "SEKDA", "ASISTEN1", "ASISTEN2", "ASISTEN3"};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void version();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();

    void initFresh();
    void initPreset();
    void initTwiceChangesNothing();
    void initUnknownPreset();

    void checkGood();
    void checkMissing();
    void checkGarbage();
    void checkEmptyFile();
    void checkForeignSqlite();
    void checkNewerSchema();
    void checkCorrupt();
    void everyCommandRefusesGarbage_data();
    void everyCommandRefusesGarbage();

    void backup();
    void backupRefusals();

    void demo();
    void demoReproducible();
    void demoBadNumbers_data();
    void demoBadNumbers();

    void userAddList();
    void userAddRefusals_data();
    void userAddRefusals();
    void userAddDuplicate();
    void userListEmpty();

    void indonesian();

private:
    QString file(const QString &name) const { return m_dir->filePath(name); }
    /** Runs init (with @p preset unless empty) on a new file; false with a warning on failure. */
    bool initDatabase(const QString &path, const QString &preset = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::cleanup()
{
    m_dir.reset();
}

bool TestCli::initDatabase(const QString &path, const QString &preset)
{
    QStringList args = {"--db", path, "init"};
    if (!preset.isEmpty())
        args << "--preset" << preset;
    const CliResult r = runCli(args);
    if (r.exitCode != 0)
        qWarning().noquote() << "init failed:" << r.exitCode << r.out << r.err;
    return r.exitCode == 0;
}

void TestCli::version()
{
    const CliResult r = runCli({"--version"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, QString("humasdesk-cli " HUMAS_VERSION "\n"));
    QVERIFY(r.err.isEmpty());
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("global") << QStringList{"--help"}
                            << QStringList{"--db", "--lang", "--version", "init", "check", "backup", "demo", "user"};
    QTest::newRow("init") << QStringList{"init", "--help"} << QStringList{"humasdesk-cli init", "--preset"};
    QTest::newRow("help before command") << QStringList{"--help", "init"} << QStringList{"--preset"};
    QTest::newRow("check") << QStringList{"check", "--help"} << QStringList{"humasdesk-cli check", "--db"};
    QTest::newRow("backup") << QStringList{"backup", "--help"} << QStringList{"humasdesk-cli backup", "FILE"};
    QTest::newRow("demo") << QStringList{"demo", "--help"} << QStringList{"--events", "--requests", "--news", "--seed"};
    QTest::newRow("user") << QStringList{"user", "-h"}
                          << QStringList{"--username", "--role", "--name", "--opd", "--password-stdin", "list"};
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const CliResult r = runCli(args);
    CLI_EXPECT(r, 0);
    for (const QString &text : expected)
        QVERIFY2(r.out.contains(text), qPrintable(text + " missing from:\n" + r.out));
    QVERIFY(r.err.isEmpty());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command \"frobnicate\"";
    QTest::newRow("no command") << QStringList{} << "No command";
    QTest::newRow("unknown global option") << QStringList{"--frob", "check"} << "--frob";
    QTest::newRow("unknown command option") << QStringList{"check", "--frob"} << "--frob";
    QTest::newRow("unexpected argument") << QStringList{"check", "extra"} << "extra";
    QTest::newRow("db without value") << QStringList{"check", "--db"} << "db";
    QTest::newRow("unknown language") << QStringList{"--lang", "fr", "check"} << "fr";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runCli(QStringList{"--db", file("never.sqlite")} + args);
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(file("never.sqlite")));
}

void TestCli::initFresh()
{
    const QString db = file("fresh.sqlite");
    const CliResult r = runCli({"--db", db, "init"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("6 officials"), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());

    QList<QStringList> codes = rows(db, "SELECT code FROM officials WHERE deleted = 0 ORDER BY sort_order");
    QStringList found;
    for (const QStringList &row : codes)
        found << row.value(0);
    QCOMPARE(found, Officials);
    // The shipped holiday list, one row per line after the header.
    QFile csv(HumasTest::sourceDir() + "/resources/seed/holidays-id.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const int lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n').size() - 1;
    QVERIFY(lines > 20);
    QCOMPARE(count(db, "holidays"), lines);
    QVERIFY(count(db, "holidays", "kind = 'cuti_bersama' AND deleted = 0") > 0);
    QCOMPARE(count(db, "kecamatan"), 0);
    // Every seeded row went through the outbox.
    QCOMPARE(count(db, "outbox", "entity = 'officials'"), 6);
    QCOMPARE(count(db, "outbox", "entity = 'holidays'"), lines);
}

void TestCli::initPreset()
{
    const QString db = file("pm.sqlite");
    const CliResult r = runCli({"--db", db, "init", "--preset", "parigi-moutong"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("23 districts"), qPrintable(r.out));
    QCOMPARE(count(db, "officials"), 6);
    QCOMPARE(count(db, "kecamatan"), 23);
    QCOMPARE(count(db, "kecamatan", "name = 'Parigi' AND deleted = 0"), 1);
    // The regency's agencies plus one office per kecamatan.
    QCOMPARE(count(db, "opd", "code LIKE 'KEC-%' AND deleted = 0"), 23);
    QVERIFY(count(db, "opd", "code NOT LIKE 'KEC-%' AND deleted = 0") >= 20);
    QCOMPARE(count(db, "opd", "code = 'SETDA' AND deleted = 0"), 1);
    QCOMPARE(count(db, "opd", "code = 'KEC-PARIGI' AND name = 'Kecamatan Parigi'"), 1);
}

void TestCli::initTwiceChangesNothing()
{
    const QString db = file("twice.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    const QByteArray before = fileBytes(db);
    const int outbox = count(db, "outbox", QString());
    removeSidecars(db);

    for (const QStringList &extra : {QStringList{}, QStringList{"--preset", "parigi-moutong"}}) {
        const CliResult r = runCli(QStringList{"--db", db, "init"} + extra);
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains("nothing was changed"), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
        QVERIFY(fileBytes(db) == before);
        QCOMPARE(count(db, "outbox", QString()), outbox);
    }
}

void TestCli::initUnknownPreset()
{
    const QString db = file("preset.sqlite");
    CliResult r = runCli({"--db", db, "init", "--preset", "atlantis"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.contains("atlantis") && r.err.contains("parigi-moutong"), qPrintable(r.err));
    QVERIFY(!QFile::exists(db));

    // Nor is an existing database touched.
    QVERIFY(initDatabase(db));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    r = runCli({"--db", db, "init", "--preset", "atlantis"});
    CLI_EXPECT(r, 1);
    QVERIFY(fileBytes(db) == before);
}

void TestCli::checkGood()
{
    const QString db = file("good.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    const QByteArray before = fileBytes(db);
    const CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.contains(QFileInfo(db).absoluteFilePath()), qPrintable(r.out));
    QVERIFY2(r.out.contains(QString("Schema: %1 (current)").arg(Humas::Database::latestSchemaVersion())),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("Integrity: ok"), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(before.size()) + " bytes"),
             qPrintable(r.out));
    static const QRegularExpression officials("officials\\s+6\\n");
    static const QRegularExpression kecamatan("kecamatan\\s+23\\n");
    QVERIFY2(r.out.contains(officials) && r.out.contains(kecamatan), qPrintable(r.out));
    QVERIFY(fileBytes(db) == before);
}

void TestCli::checkMissing()
{
    const QString db = file("missing.sqlite");
    const CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
    QVERIFY(!QFile::exists(db)); // check never creates anything
}

void TestCli::checkGarbage()
{
    const QString db = file("letter.sqlite");
    QVERIFY(writeFile(db, Garbage));
    const CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("not an SQLite file"), qPrintable(r.err));
    QVERIFY(fileBytes(db) == Garbage);
}

void TestCli::checkEmptyFile()
{
    const QString db = file("empty.sqlite");
    QVERIFY(writeFile(db, {}));
    const CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("holds no HumasDesk data"), qPrintable(r.err));
    QCOMPARE(QFileInfo(db).size(), 0);
}

void TestCli::checkForeignSqlite()
{
    const QString db = file("other.sqlite");
    QVERIFY(makeSqlite(db, {"CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('kaledo')"}));
    const QByteArray before = fileBytes(db);
    for (const char *command : {"check", "init"}) {
        const CliResult r = runCli({"--db", db, command});
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains("another program"), qPrintable(r.err));
        QVERIFY(fileBytes(db) == before);
    }
}

void TestCli::checkNewerSchema()
{
    const QString db = file("newer.sqlite");
    QVERIFY(makeSqlite(db, {QString("PRAGMA application_id = %1").arg(Humas::Database::ApplicationId),
                            "PRAGMA user_version = 999", "CREATE TABLE future (x TEXT)"}));
    QCOMPARE(Humas::Database::ApplicationId, 1213549907);
    const QByteArray before = fileBytes(db);
    for (const char *command : {"check", "init"}) {
        const CliResult r = runCli({"--db", db, command});
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains("newer HumasDesk") && r.err.contains("999"), qPrintable(r.err));
        QVERIFY(fileBytes(db) == before);
    }
}

void TestCli::checkCorrupt()
{
    const QString db = file("corrupt.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    QVERIFY(corruptTablePage(db, "holidays"));
    const QByteArray before = fileBytes(db);
    QVERIFY(before.startsWith(QByteArray("SQLite format 3\0", 16)));
    for (const char *command : {"check", "init"}) {
        const CliResult r = runCli({"--db", db, command});
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains("integrity check") || r.err.contains("damaged"), qPrintable(r.err));
        QVERIFY(fileBytes(db) == before);
    }
}

void TestCli::everyCommandRefusesGarbage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("init") << QStringList{"init"} << QByteArray();
    QTest::newRow("init preset") << QStringList{"init", "--preset", "parigi-moutong"} << QByteArray();
    QTest::newRow("check") << QStringList{"check"} << QByteArray();
    QTest::newRow("backup") << QStringList{"backup", "copy.sqlite"} << QByteArray();
    QTest::newRow("demo") << QStringList{"demo", "--events", "2", "--requests", "2"} << QByteArray();
    QTest::newRow("user list") << QStringList{"user", "list"} << QByteArray();
    QTest::newRow("user add") << QStringList{"user", "add", "--username", "budi", "--role", "admin", "--password-stdin"}
                              << QByteArray("rahasia123\n");
}

void TestCli::everyCommandRefusesGarbage()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    const QString db = file("letter.sqlite");
    QVERIFY(writeFile(db, Garbage));
    if (args.constFirst() == "backup")
        args[1] = file(args.at(1));
    const CliResult r = runCli(QStringList{"--db", db} + args, input);
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("not an SQLite file") && r.err.contains("not changed"), qPrintable(r.err));
    QVERIFY(fileBytes(db) == Garbage);
    QVERIFY(!QFile::exists(file("copy.sqlite")));
    QVERIFY(!QFile::exists(db + "-wal"));
}

void TestCli::backup()
{
    const QString db = file("source.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    CliResult r = runCli({"--db", db, "demo", "--events", "15", "--requests", "10"});
    CLI_EXPECT(r, 0);
    const QString target = file("backup.sqlite");
    r = runCli({"--db", db, "backup", target});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(target), qPrintable(r.out));
    QVERIFY(QFile::exists(target));
    QVERIFY(!QFile::exists(target + ".part"));

    // The copy passes check, opens in HumasDesk and holds the same rows.
    r = runCli({"--db", target, "check"});
    CLI_EXPECT(r, 0);
    {
        Humas::Database copy;
        QString error;
        QVERIFY2(copy.open(target, &error), qPrintable(error));
    }
    for (const char *sql : {"SELECT * FROM officials ORDER BY id", "SELECT * FROM opd ORDER BY id",
                            "SELECT * FROM events ORDER BY id", "SELECT * FROM ppid_requests ORDER BY id",
                            "SELECT * FROM outbox ORDER BY seq", "SELECT * FROM meta ORDER BY key"}) {
        const QList<QStringList> original = rows(db, sql);
        QVERIFY(!original.isEmpty());
        QCOMPARE(rows(target, sql), original);
    }
}

void TestCli::backupRefusals()
{
    const QString db = file("source.sqlite");
    QVERIFY(initDatabase(db));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);

    const QString existing = file("existing.sqlite");
    QVERIFY(writeFile(existing, "yesterday's backup"));
    CliResult r = runCli({"--db", db, "backup", existing});
    CLI_EXPECT(r, 3);
    QVERIFY2(r.err.contains("already exists"), qPrintable(r.err));
    QCOMPARE(fileBytes(existing), QByteArray("yesterday's backup"));
    QVERIFY(fileBytes(db) == before);

    r = runCli({"--db", db, "backup", db}); // onto itself
    CLI_EXPECT(r, 3);
    QVERIFY(fileBytes(db) == before);

    r = runCli({"--db", db, "backup"});
    CLI_EXPECT(r, 1);
    r = runCli({"--db", db, "backup", file("a.sqlite"), file("b.sqlite")});
    CLI_EXPECT(r, 1);
    QVERIFY(!QFile::exists(file("a.sqlite")));

    r = runCli({"--db", db, "backup", file("no/such/folder/copy.sqlite")});
    CLI_EXPECT(r, 3);
    QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));

    const QString missing = file("missing.sqlite");
    r = runCli({"--db", missing, "backup", file("copy.sqlite")});
    CLI_EXPECT(r, 2);
    QVERIFY(!QFile::exists(missing));
    QVERIFY(!QFile::exists(file("copy.sqlite")));
}

void TestCli::demo()
{
    const QString db = file("demo.sqlite");
    const CliResult r = runCli({"--db", db, "demo", "--events", "40", "--requests", "25", "--news", "3"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("40 events") && r.out.contains("25 information requests"), qPrintable(r.out));
    QVERIFY2(!r.err.contains('%'), qPrintable(r.err)); // no progress when stderr is not a terminal
    QCOMPARE(count(db, "events"), 40);
    QCOMPARE(count(db, "ppid_requests"), 25);
    QCOMPARE(count(db, "outbox", "entity = 'events'"), 40);
    QCOMPARE(count(db, "outbox", "entity = 'ppid_requests'"), 25);
    // A fresh database gets the reference data the demo rows point at.
    QCOMPARE(count(db, "officials"), 6);
    QCOMPARE(count(db, "events", "venue_id NOT IN (SELECT id FROM venues)"), 0);
    QCOMPARE(count(db, "events", "opd_id NOT IN (SELECT id FROM opd)"), 0);

    // The same seed again would repeat the same ids: refused as a whole, nothing added.
    const int outbox = count(db, "outbox", QString());
    CLI_EXPECT(runCli({"--db", db, "demo", "--events", "40", "--requests", "25"}), 3);
    QCOMPARE(count(db, "events"), 40);
    QCOMPARE(count(db, "ppid_requests"), 25);
    QCOMPARE(count(db, "outbox", QString()), outbox);
    // Another seed adds to what is there.
    CLI_EXPECT(runCli({"--db", db, "demo", "--events", "10", "--requests", "5", "--seed", "2"}), 0);
    QCOMPARE(count(db, "events"), 50);
    QCOMPARE(count(db, "ppid_requests"), 30);
}

void TestCli::demoReproducible()
{
    const QStringList args = {"demo", "--events", "30", "--requests", "20", "--seed", "7"};
    const QString a = file("a.sqlite");
    const QString b = file("b.sqlite");
    const QString c = file("c.sqlite");
    CLI_EXPECT(runCli(QStringList{"--db", a} + args), 0);
    CLI_EXPECT(runCli(QStringList{"--db", b} + args), 0);
    CLI_EXPECT(runCli({"--db", c, "demo", "--events", "30", "--requests", "20", "--seed", "8"}), 0);
    const QString events = "SELECT id, title, starts_at, venue_id, opd_id FROM events ORDER BY id";
    const QString requests = "SELECT id, reg_number, requester_name, requester_nik FROM ppid_requests ORDER BY id";
    QCOMPARE(rows(a, events).size(), 30);
    QCOMPARE(rows(b, events), rows(a, events));
    QCOMPARE(rows(b, requests), rows(a, requests));
    QVERIFY(rows(c, events) != rows(a, events));

    // The default seed is 1.
    const QString d = file("d.sqlite");
    const QString e = file("e.sqlite");
    CLI_EXPECT(runCli({"--db", d, "demo", "--events", "5", "--requests", "0"}), 0);
    CLI_EXPECT(runCli({"--db", e, "demo", "--events", "5", "--requests", "0", "--seed", "1"}), 0);
    QCOMPARE(rows(d, events), rows(e, events));
}

void TestCli::demoBadNumbers_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("letters") << QStringList{"--events", "abc", "--requests", "1"};
    QTest::newRow("negative") << QStringList{"--events", "1", "--requests", "-5"};
    QTest::newRow("fraction") << QStringList{"--events", "1", "--requests", "1", "--news", "1.5"};
    QTest::newRow("too many") << QStringList{"--events", "10000001", "--requests", "1"};
    QTest::newRow("bad seed") << QStringList{"--events", "1", "--requests", "1", "--seed", "x"};
    QTest::newRow("seed too large") << QStringList{"--events", "1", "--requests", "1", "--seed", "4294967296"};
    QTest::newRow("missing requests") << QStringList{"--events", "1"};
    QTest::newRow("missing events") << QStringList{"--requests", "1"};
    QTest::newRow("empty value") << QStringList{"--events", "", "--requests", "1"};
    QTest::newRow("extra argument") << QStringList{"many", "--events", "1", "--requests", "1"};
}

void TestCli::demoBadNumbers()
{
    QFETCH(QStringList, args);
    const QString db = file("demo.sqlite");
    const CliResult r = runCli(QStringList{"--db", db, "demo"} + args);
    CLI_EXPECT(r, 1);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(db));

    // An existing database is not touched either.
    QVERIFY(initDatabase(db));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    CLI_EXPECT(runCli(QStringList{"--db", db, "demo"} + args), 1);
    QVERIFY(fileBytes(db) == before);
}

void TestCli::userAddList()
{
    const QString db = file("users.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    CliResult r = runCli({"--db", db, "user", "add", "--username", "budi", "--role", "admin", "--name", "Budi Santoso",
                          "--password-stdin"},
                         "rahasia123\n");
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("budi"), qPrintable(r.out));
    r = runCli(
        {"--db", db, "user", "add", "--username", "sari", "--role", "opd", "--opd", "KEC-PARIGI", "--password-stdin"},
        "kata sandi panjang\r\n");
    CLI_EXPECT(r, 0);

    r = runCli({"--db", db, "user", "list"});
    CLI_EXPECT(r, 0);
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // header + two users
    static const QRegularExpression budi("^budi\\s+admin\\s+yes\\s+Budi Santoso$");
    static const QRegularExpression sari("^sari\\s+opd\\s+KEC-PARIGI\\s+yes\\s+sari$");
    QVERIFY2(lines.at(1).contains(budi), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(sari), qPrintable(lines.at(2)));
    QVERIFY(!r.out.contains("rahasia"));

    // The password is stored hashed, exactly as typed (no line end), and logs in.
    const QList<QStringList> hashes = rows(db, "SELECT password_hash FROM users ORDER BY username");
    QCOMPARE(hashes.size(), 2);
    QVERIFY(hashes.at(0).value(0).startsWith("pbkdf2-sha256$"));
    QVERIFY(!hashes.at(0).value(0).contains("rahasia"));
    Humas::Database database;
    QString error;
    QVERIFY2(database.open(db, &error), qPrintable(error));
    const Humas::UserRepository users(database, Humas::Actor::system());
    Humas::Actor actor;
    QVERIFY2(users.authenticate("sari", "kata sandi panjang", &actor, &error), qPrintable(error));
    QCOMPARE(actor.role, Humas::Role::Opd);
    QVERIFY(!actor.opdId.isEmpty());
}

void TestCli::userAddRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList base = {"user", "add", "--username", "ani"};
    const QByteArray good = "rahasia123\n";
    QTest::newRow("unknown role") << base + QStringList{"--role", "boss", "--password-stdin"} << good << 1 << "--role";
    QTest::newRow("no role") << base + QStringList{"--password-stdin"} << good << 1 << "--role";
    QTest::newRow("no username") << QStringList{"user", "add", "--role", "admin", "--password-stdin"} << good << 1
                                 << "--username";
    QTest::newRow("password not from stdin")
        << base + QStringList{"--role", "admin"} << good << 1 << "--password-stdin";
    QTest::newRow("no action") << QStringList{"user"} << good << 1 << "add";
    QTest::newRow("unknown action") << QStringList{"user", "delete"} << good << 1 << "delete";
    QTest::newRow("list with add options") << QStringList{"user", "list", "--role", "admin"} << good << 1 << "--role";
    QTest::newRow("short password") << base + QStringList{"--role", "admin", "--password-stdin"}
                                    << QByteArray("pendek\n") << 3 << "8";
    QTest::newRow("no password") << base + QStringList{"--role", "admin", "--password-stdin"} << QByteArray() << 3
                                 << "password";
    QTest::newRow("eight spaces") << base + QStringList{"--role", "admin", "--password-stdin"}
                                  << QByteArray("        \n") << 3 << "spaces";
    QTest::newRow("user name path") << QStringList{"user",   "add",   "--username",      "../../etc/passwd",
                                                   "--role", "admin", "--password-stdin"}
                                    << good << 3 << "may contain only";
    QTest::newRow("user name too short") << QStringList{"user",   "add",   "--username",      "ab",
                                                        "--role", "admin", "--password-stdin"}
                                         << good << 3 << "3 to 32";
    QTest::newRow("opd role without opd")
        << base + QStringList{"--role", "opd", "--password-stdin"} << good << 3 << "OPD";
    QTest::newRow("unknown opd") << base + QStringList{"--role", "opd", "--opd", "XYZ", "--password-stdin"} << good << 3
                                 << "XYZ";
}

void TestCli::userAddRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString db = file("users.sqlite");
    QVERIFY(initDatabase(db, "parigi-moutong"));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    const CliResult r = runCli(QStringList{"--db", db} + args, input);
    CLI_EXPECT(r, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(fileBytes(db) == before);
    QCOMPARE(count(db, "users"), 0);

    // Refused without a database too; none is created.
    const QString missing = file("missing.sqlite");
    const CliResult m = runCli(QStringList{"--db", missing} + args, input);
    QVERIFY(m.exitCode == exitCode || m.exitCode == 2);
    QVERIFY(!QFile::exists(missing));
}

void TestCli::userAddDuplicate()
{
    const QString db = file("users.sqlite");
    QVERIFY(initDatabase(db));
    const QStringList add = {"--db", db, "user", "add", "--role", "ppid", "--password-stdin", "--username"};
    CLI_EXPECT(runCli(add + QStringList{"budi"}, "rahasia123\n"), 0);
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    const CliResult r = runCli(add + QStringList{"BUDI"}, "rahasia456\n");
    CLI_EXPECT(r, 3);
    QVERIFY(fileBytes(db) == before);
    QCOMPARE(count(db, "users"), 1);
    QVERIFY2(r.err.contains("already used"), qPrintable(r.err));
}

void TestCli::userListEmpty()
{
    const QString db = file("users.sqlite");
    QVERIFY(initDatabase(db));
    CliResult r = runCli({"--db", db, "user", "list"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("no users"), qPrintable(r.out));

    const QString missing = file("missing.sqlite");
    r = runCli({"--db", missing, "user", "list"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("init"), qPrintable(r.err));
    QVERIFY(!QFile::exists(missing));
}

void TestCli::indonesian()
{
    const QString db = file("id.sqlite");
    QVERIFY(initDatabase(db));
    const qint64 size = QFileInfo(db).size();
    const QString indonesianSize = QLocale(QLocale::Indonesian, QLocale::Indonesia).toString(size);
    QVERIFY(indonesianSize.contains('.')); // e.g. 221.184: the grouping differs from English

    // Indonesian is the default without --lang and a saved preference; --lang id chooses it.
    for (const QString &lang : {QString(), QString("id")}) {
        const CliResult r = runCli({"--db", db, "check"}, {}, lang);
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(indonesianSize), qPrintable(r.out));
    }

    // Messages of the library are translated: refusing a file that is not a database.
    const QString letter = file("letter.sqlite");
    QVERIFY(writeFile(letter, Garbage));
    CliResult r = runCli({"--db", letter, "check"}, {}, "id");
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains(letter) && r.err.contains("SQLite"), qPrintable(r.err));
    QVERIFY2(!r.err.contains("not an SQLite file"), qPrintable("still English: " + r.err));

    // The program's own messages.
    r = runCli({"--db", file("missing.sqlite"), "check"}, {}, "id");
    CLI_EXPECT(r, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY2(!r.err.contains("does not exist"), qPrintable("still English: " + r.err));
    QVERIFY2(r.err.contains("tidak ada"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
