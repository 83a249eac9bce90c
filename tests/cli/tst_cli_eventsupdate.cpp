// `humasdesk-cli events update ID [--title T] [--start S --end E] [--official CODE,…]
// [--venue NAME --kecamatan NAME] [--status S] [--notes N]` (issue 9, exact syntax), through
// the real binary: a patch of the given fields only, and every refusal with an exit code in
// 1–127, a message on stderr and nothing written.

#include "clitestsupport.h"

#include "testenvironment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

class TestCliEventsUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void patchesOnlyTheGivenFields();
    void timesOfficialsVenueAndStatus();
    void refusals_data();
    void refusals();

private:
    CliResult update(const QStringList &args) { return runCli(QStringList{"--db", m_db, "events", "update"} + args); }
    QStringList field(const QString &columns)
    {
        return rows(m_db, "SELECT " + columns + " FROM events WHERE id = '" + m_id + "'").value(0);
    }
    int changes() { return count(m_db, "outbox", ""); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_id;
};

void TestCliEventsUpdate::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
}

void TestCliEventsUpdate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("agenda.sqlite");
    CLI_EXPECT(runCli({"--db", m_db, "init", "--preset", "parigi-moutong"}), 0);
    const CliResult r = runCli({"--db", m_db, "events", "add", "--title", "Rapat koordinasi", "--start",
                                "2026-11-23T08:00", "--end", "2026-11-23T10:00", "--official", "BUPATI", "--venue",
                                "Aula Kantor Bupati", "--kecamatan", "Parigi", "--status", "terjadwal", "--notes",
                                "lama"});
    CLI_EXPECT(r, 0);
    m_id = r.out.trimmed().split('\n').last();
    QVERIFY(!m_id.isEmpty());
}

void TestCliEventsUpdate::cleanup()
{
    m_dir.reset();
}

void TestCliEventsUpdate::patchesOnlyTheGivenFields()
{
    // A colleague's desk sets the notes; this one then sets the title only.
    CLI_EXPECT(update({m_id, "--notes", "Bawa undangan asli"}), 0);
    const CliResult r = update({m_id, "--title", "Rapat koordinasi daerah"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out.trimmed(), m_id);
    QCOMPARE(field("title, notes, status, starts_at"),
             QStringList({"Rapat koordinasi daerah", "Bawa undangan asli", "terjadwal", "2026-11-23T00:00:00Z"}));
    // The outbox entry of the title update names the title only.
    const QStringList last = rows(m_db, "SELECT changes FROM outbox WHERE entity = 'events' ORDER BY rowid DESC LIMIT 1")
                                 .value(0);
    QCOMPARE(last.value(0), QString("{\"title\":[\"Rapat koordinasi\",\"Rapat koordinasi daerah\"]}"));
    // An empty --notes clears the notes, nothing else.
    CLI_EXPECT(update({m_id, "--notes", ""}), 0);
    QCOMPARE(field("title, notes"), QStringList({"Rapat koordinasi daerah", ""}));
    // The same value again writes nothing.
    const int before = changes();
    CLI_EXPECT(update({m_id, "--title", "Rapat koordinasi daerah"}), 0);
    QCOMPARE(changes(), before);
}

void TestCliEventsUpdate::timesOfficialsVenueAndStatus()
{
    CLI_EXPECT(update({m_id, "--start", "2026-11-24T13:00", "--end", "2026-11-24T14:30"}), 0);
    QCOMPARE(field("starts_at, ends_at, title"),
             QStringList({"2026-11-24T05:00:00Z", "2026-11-24T06:30:00Z", "Rapat koordinasi"}));
    CLI_EXPECT(update({m_id, "--official", "WABUP,SEKDA"}), 0);
    const QString wabup = rows(m_db, "SELECT id FROM officials WHERE code = 'WABUP'").value(0).value(0);
    QVERIFY(field("officials_requested").value(0).contains(wabup));
    const int venues = count(m_db, "venues");
    CLI_EXPECT(update({m_id, "--venue", "Lapangan Pusat Kota", "--kecamatan", "Ampibabo"}), 0);
    QCOMPARE(count(m_db, "venues"), venues + 1);
    QCOMPARE(field("venue_id"), rows(m_db, "SELECT id FROM venues WHERE name = 'Lapangan Pusat Kota'").value(0));
    CLI_EXPECT(update({m_id, "--status", "selesai"}), 0);
    QCOMPARE(field("status, notes"), QStringList({"selesai", "lama"}));
}

void TestCliEventsUpdate::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no id") << QStringList{} << 1;
    QTest::newRow("no field") << QStringList{"ID"} << 1;
    QTest::newRow("two ids") << QStringList{"ID", "ID2", "--title", "X"} << 1;
    QTest::newRow("empty title") << QStringList{"ID", "--title", "  "} << 1;
    QTest::newRow("start without end") << QStringList{"ID", "--start", "2026-11-24T08:00"} << 1;
    QTest::newRow("end without start") << QStringList{"ID", "--end", "2026-11-24T08:00"} << 1;
    QTest::newRow("malformed time") << QStringList{"ID", "--start", "24/11/2026 08:00", "--end", "2026-11-24T09:00"}
                                    << 1;
    QTest::newRow("impossible time") << QStringList{"ID", "--start", "2026-11-24T25:00", "--end", "2026-11-24T26:00"}
                                     << 1;
    QTest::newRow("end before start") << QStringList{"ID", "--start", "2026-11-24T10:00", "--end", "2026-11-24T09:00"}
                                      << 1;
    QTest::newRow("venue without kecamatan") << QStringList{"ID", "--venue", "Aula"} << 1;
    QTest::newRow("kecamatan without venue") << QStringList{"ID", "--kecamatan", "Parigi"} << 1;
    QTest::newRow("unknown status") << QStringList{"ID", "--status", "selesai-lah"} << 1;
    QTest::newRow("empty officials") << QStringList{"ID", "--official", ","} << 1;
    QTest::newRow("all-day not offered") << QStringList{"ID", "--title", "X", "--all-day"} << 1;
    QTest::newRow("opd not offered") << QStringList{"ID", "--opd", "SETDA"} << 1;
    QTest::newRow("unknown id") << QStringList{"0190aaaa-0000-7000-8000-000000000000", "--title", "X"} << 3;
    QTest::newRow("unknown official") << QStringList{"ID", "--official", "BUPATI,RAJA"} << 3;
    QTest::newRow("unknown kecamatan") << QStringList{"ID", "--venue", "Aula", "--kecamatan", "Atlantis"} << 3;
    QTest::newRow("status may not go back") << QStringList{"ID", "--status", "diajukan"} << 3;
    QTest::newRow("bad title with good notes") << QStringList{"ID", "--notes", "baru", "--title", QString(300, 'x')}
                                               << 3;
}

void TestCliEventsUpdate::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    for (QString &arg : args) {
        if (arg == "ID")
            arg = m_id;
    }
    const QStringList before = field("title, notes, status, starts_at, ends_at, officials_requested, venue_id, rev");
    const int entries = changes();
    const int venues = count(m_db, "venues", "");
    const CliResult r = update(args);
    CLI_EXPECT(r, exitCode);
    QVERIFY(r.exitCode >= 1 && r.exitCode <= 127);
    QVERIFY2(!r.err.trimmed().isEmpty(), "a refusal says why on stderr");
    QVERIFY(r.out.trimmed().isEmpty());
    QCOMPARE(field("title, notes, status, starts_at, ends_at, officials_requested, venue_id, rev"), before);
    QCOMPARE(changes(), entries);
    QCOMPARE(count(m_db, "venues", ""), venues);
}

QTEST_GUILESS_MAIN(TestCliEventsUpdate)
#include "tst_cli_eventsupdate.moc"
