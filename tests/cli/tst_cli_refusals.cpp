// Issue 8 §3: a file humasdesk-cli refuses stays byte for byte as it was, "check" tells the
// truth about the schema, a read-only database is called read-only and can still be read,
// a failed export is an error, and "backup" never touches a file that was already there.

#include "clitestsupport.h"

#include "store/database.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <unistd.h>

using namespace CliTest;

class TestCliRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyFileOnlyInit_data();
    void emptyFileOnlyInit();
    void emptySqliteFileOnlyInit();
    void guiRefusesAnEmptyFile();
    void foreignVersionedSqliteUnchanged_data();
    void foreignVersionedSqliteUnchanged();
    void checkFindsADroppedTable();
    void checkFindsASchemaNewerThanItsVersion();
    void readOnlyDatabase();
    void exportToAFullDevice_data();
    void exportToAFullDevice();
    void backupLeavesAnUnrelatedPartFile();

private:
    QString file(const QString &name) const { return m_dir->filePath(name); }
    bool initDatabase(const QString &path);
    /** Runs humasdesk-cli as a user who may not write @p db (root ignores file modes). */
    CliResult runWithoutWriteAccess(const QStringList &args);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliRefusals::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
}

void TestCliRefusals::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCliRefusals::cleanup()
{
    if (m_dir) {
        QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QDir dir(m_dir->path());
        for (const QString &name : dir.entryList(QDir::Files))
            QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    m_dir.reset();
}

bool TestCliRefusals::initDatabase(const QString &path)
{
    const CliResult r = runCli({"--db", path, "init", "--preset", "parigi-moutong"});
    if (r.exitCode != 0)
        qWarning().noquote() << r.out << r.err;
    return r.exitCode == 0;
}

void TestCliRefusals::emptyFileOnlyInit_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("check") << QStringList{"check"};
    QTest::newRow("events list") << QStringList{"events", "list", "--from", "2026-11-01", "--to", "2026-11-30"};
    QTest::newRow("ppid list") << QStringList{"ppid", "list"};
    QTest::newRow("holidays list") << QStringList{"holidays", "list", "--year", "2026"};
    QTest::newRow("user list") << QStringList{"user", "list"};
    QTest::newRow("demo") << QStringList{"demo", "--events", "2", "--requests", "2"};
}

void TestCliRefusals::emptyFileOnlyInit()
{
    QFETCH(QStringList, args);
    const QString db = file("empty.sqlite");
    QVERIFY(writeFile(db, {}));
    const CliResult r = runCli(QStringList{"--db", db} + args);
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY2(r.err.contains("empty"), qPrintable(r.err));
    QCOMPARE(QFileInfo(db).size(), qint64(0));
    QVERIFY(!QFile::exists(db + "-wal"));
    QVERIFY(!QFile::exists(db + "-journal"));

    // Only init sets it up.
    CLI_EXPECT(runCli({"--db", db, "init"}), 0);
    CLI_EXPECT(runCli(QStringList{"--db", db} + args), 0);
}

void TestCliRefusals::emptySqliteFileOnlyInit()
{
    const QString db = file("blank.sqlite");
    QVERIFY(makeSqlite(db, {"CREATE TABLE t(x)", "DROP TABLE t"})); // a valid SQLite file, nothing in it
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    QVERIFY(!before.isEmpty());
    const CliResult r = runCli({"--db", db, "events", "list", "--from", "2026-11-01", "--to", "2026-11-30"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("empty"), qPrintable(r.err));
    QVERIFY(fileBytes(db) == before);
    CLI_EXPECT(runCli({"--db", db, "init"}), 0);
}

void TestCliRefusals::guiRefusesAnEmptyFile()
{
    // The program itself used to create and seed a database in an empty file given with --db.
    const QString db = file("empty.sqlite");
    QVERIFY(writeFile(db, {}));
    const QString shot = file("shot.png");
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    gui.setProcessEnvironment(env);
    gui.start(HUMAS_GUI_PATH, {"--lang", "en", "--db", db, "--screenshot", shot, "--page", "agenda"});
    gui.closeWriteChannel();
    QVERIFY(gui.waitForFinished(60000));
    const QString err = QString::fromUtf8(gui.readAllStandardError());
    QVERIFY2(gui.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains("empty"), qPrintable(err));
    QCOMPARE(QFileInfo(db).size(), qint64(0));
    QVERIFY(!QFile::exists(shot));
}

void TestCliRefusals::foreignVersionedSqliteUnchanged_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QStringList>("args");
    const QStringList foreign = {"PRAGMA user_version=1"};
    const QStringList marked = {QString("PRAGMA application_id=%1").arg(Humas::Database::ApplicationId),
                                "CREATE TABLE contacts(name TEXT)", "INSERT INTO contacts VALUES ('x')",
                                "PRAGMA user_version=1"};
    QTest::newRow("version 1, no mark: init") << foreign << QStringList{"init"};
    QTest::newRow("version 1, no mark: demo") << foreign << QStringList{"demo", "--events", "1", "--requests", "1"};
    QTest::newRow("version 1, no mark: check") << foreign << QStringList{"check"};
    QTest::newRow("marked, other tables: init") << marked << QStringList{"init"};
    QTest::newRow("marked, other tables: user list") << marked << QStringList{"user", "list"};
    QTest::newRow("marked, other tables: check") << marked << QStringList{"check"};
}

void TestCliRefusals::foreignVersionedSqliteUnchanged()
{
    QFETCH(QStringList, statements);
    QFETCH(QStringList, args);
    const QString db = file("foreign.sqlite");
    QVERIFY(makeSqlite(db, statements));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    const CliResult r = runCli(QStringList{"--db", db} + args);
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("not changed"), qPrintable(r.err));
    // Byte for byte: the header's journal mode (bytes 18/19), page count (28) and the
    // writer's SQLite version (96) included.
    QCOMPARE(fileBytes(db).toHex(), before.toHex());
    QVERIFY(!QFile::exists(db + "-wal"));
}

void TestCliRefusals::checkFindsADroppedTable()
{
    const QString db = file("dropped.sqlite");
    QVERIFY(initDatabase(db));
    QVERIFY(makeSqlite(db, {"DROP TABLE events"}));
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("events"), qPrintable(r.err));
    QVERIFY2(!r.out.contains("usable"), qPrintable(r.out));
    r = runCli({"--db", db, "events", "list", "--from", "2026-11-01", "--to", "2026-11-30"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("events"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(fileBytes(db) == before);
}

void TestCliRefusals::checkFindsASchemaNewerThanItsVersion()
{
    const QString db = file("mislabelled.sqlite");
    QVERIFY(initDatabase(db));
    QVERIFY(Humas::Database::latestSchemaVersion() >= 2);
    QVERIFY(makeSqlite(db, {"PRAGMA user_version=1"})); // the tables of the latest schema, labelled 1
    removeSidecars(db);
    const QByteArray before = fileBytes(db);
    CliResult r = runCli({"--db", db, "check"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("schema 1") && r.err.contains("unexpected"), qPrintable(r.err));
    r = runCli({"--db", db, "ppid", "list"});
    CLI_EXPECT(r, 2);
    QVERIFY2(!r.err.contains("duplicate column"), qPrintable(r.err));
    QVERIFY(fileBytes(db) == before);
}

CliResult TestCliRefusals::runWithoutWriteAccess(const QStringList &args)
{
    if (::geteuid() != 0)
        return runCli(args);
    // Root may write any file whatever its mode: run as "nobody" instead (util-linux setpriv).
    QProcess process;
    process.setProgram(QStandardPaths::findExecutable("setpriv"));
    process.setArguments(
        QStringList{"--reuid=65534", "--regid=65534", "--clear-groups", HUMAS_CLI_PATH, "--lang", "en"} + args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_dir->path()); // nothing is written there: the settings are in the database
    process.setProcessEnvironment(env);
    process.start();
    CliResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        result.err = "setpriv: " + process.errorString();
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return result;
}

void TestCliRefusals::readOnlyDatabase()
{
    if (::geteuid() == 0 && QStandardPaths::findExecutable("setpriv").isEmpty())
        QSKIP("running as root without setpriv: no way to lose write access");
    const QString db = file("readonly.sqlite");
    QVERIFY(initDatabase(db));
    CLI_EXPECT(runCli({"--db", db, "demo", "--events", "5", "--requests", "5"}), 0);
    removeSidecars(db);
    // The file and its folder may be read by everyone and written by nobody.
    QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                                     QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    const QByteArray before = fileBytes(db);
    const QByteArray noteBefore = fileBytes(db + ".verified");

    CliResult r = runWithoutWriteAccess({"--db", db, "check"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("usable"), qPrintable(r.out));
    QVERIFY2(!r.err.contains("damaged"), qPrintable(r.err));

    r = runWithoutWriteAccess({"--db", db, "ppid", "list", "--json"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.count("\"number\"") == 5, qPrintable(r.out));
    r = runWithoutWriteAccess({"--db", db, "holidays", "list", "--year", "2026"});
    CLI_EXPECT(r, 0);
    QVERIFY(!r.out.isEmpty());

    // Writing is refused with the right word, not "damaged … restore a backup".
    r = runWithoutWriteAccess({"--db", db, "events", "add", "--title", "Rapat", "--start", "2026-11-24T09:00", "--end",
                               "2026-11-24T10:00", "--official", "SEKDA", "--venue", "Aula", "--kecamatan", "Parigi"});
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.contains("read-only") && !r.err.contains("damaged"), qPrintable(r.err));
    QVERIFY(fileBytes(db) == before);
    QCOMPARE(fileBytes(db + ".verified"), noteBefore);
    QVERIFY(!QFile::exists(db + "-wal"));
}

void TestCliRefusals::exportToAFullDevice_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("events export") << QStringList{"events",     "export", "/dev/full", "--from",
                                                  "2026-11-01", "--to",   "2026-11-30"};
    QTest::newRow("ppid export-csv") << QStringList{"ppid", "export-csv", "/dev/full"};
}

void TestCliRefusals::exportToAFullDevice()
{
    QFETCH(QStringList, args);
    const QFileInfo full("/dev/full");
    if (!full.exists() || full.isFile())
        QSKIP("no /dev/full device here");
    const QString db = file("export.sqlite");
    QVERIFY(initDatabase(db));
    CLI_EXPECT(runCli({"--db", db, "demo", "--events", "20", "--requests", "20"}), 0);
    const CliResult r = runCli(QStringList{"--db", db} + args);
    QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains("/dev/full") && r.err.contains("cannot be written"), qPrintable(r.err));
    QVERIFY2(!r.out.contains("exported") && !r.out.contains("written"), qPrintable(r.out));
    QVERIFY2(!QFileInfo("/dev/full").isFile(), "the device was replaced by a file");
}

void TestCliRefusals::backupLeavesAnUnrelatedPartFile()
{
    const QString db = file("source.sqlite");
    QVERIFY(initDatabase(db));
    const QString target = file("copy.sqlite");
    const QByteArray unrelated("someone's half-finished download\n");
    QVERIFY(writeFile(target + ".part", unrelated));
    const CliResult r = runCli({"--db", db, "backup", target});
    CLI_EXPECT(r, 0);
    QVERIFY(QFile::exists(target));
    QCOMPARE(fileBytes(target + ".part"), unrelated);
    CLI_EXPECT(runCli({"--db", target, "check"}), 0);
    // No temporary file of the backup is left behind either.
    const QStringList left = QDir(m_dir->path()).entryList({"copy.sqlite.*"}, QDir::Files);
    QCOMPARE(left, QStringList{"copy.sqlite.part"});
}

QTEST_GUILESS_MAIN(TestCliRefusals)
#include "tst_cli_refusals.moc"
