// `humasdesk-cli events add|list|import|export` and `conflicts` (issue 3, exact syntax),
// through the real binary: the happy paths with their JSON, and every refusal of the syntax
// with its exit code, a message on stderr and no row stored anywhere.

#include "clitestsupport.h"

#include "testenvironment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

class TestCliEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void help();
    void addAndList();
    void listRange();
    void conflictsJson();
    void conflictsText();
    void addRefusals_data();
    void addRefusals();
    void rangeRefusals_data();
    void rangeRefusals();
    void missingDatabase();
    void exportImportRoundTrip();
    void exportPublic();
    void exportRange();
    void importMalformed();
    void importRecurring();
    void icsRefusals_data();
    void icsRefusals();
    void importTooLarge_data();
    void importTooLarge();

private:
    /** Runs `events add` with @p args on the test database; returns the id or empty. */
    QString add(const QStringList &args);
    QJsonArray json(const QStringList &args);
    int changes() { return count(m_db, "outbox", ""); }
    /** Adds the events the .ics tests export: public, internal, cancelled, delegated-free. */
    QStringList addAgenda();
    /** `events list --json` of November 2026 without the ids, for comparing databases. */
    QJsonArray listWithoutIds(const QString &db);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliEvents::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
}

void TestCliEvents::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("agenda.sqlite");
    CLI_EXPECT(runCli({"--db", m_db, "init", "--preset", "parigi-moutong"}), 0);
}

void TestCliEvents::cleanup()
{
    m_dir.reset();
}

QString TestCliEvents::add(const QStringList &args)
{
    const CliResult r = runCli(QStringList{"--db", m_db, "events", "add"} + args);
    if (r.exitCode != 0) {
        qWarning().noquote() << "events add failed:" << r.exitCode << r.err;
        return {};
    }
    return r.out.trimmed().split('\n').last();
}

QJsonArray TestCliEvents::json(const QStringList &args)
{
    const CliResult r = runCli(QStringList{"--db", m_db} + args + QStringList{"--json"});
    if (r.exitCode != 0)
        qWarning().noquote() << args << "failed:" << r.exitCode << r.err;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning().noquote() << "not a JSON array:" << r.out;
    return doc.array();
}

void TestCliEvents::help()
{
    const CliResult r = runCli({"--help"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains("events") && r.out.contains("conflicts"));
    const CliResult events = runCli({"events", "--help"});
    CLI_EXPECT(events, 0);
    for (const char *option : {"--title", "--start", "--end", "--official", "--venue", "--kecamatan", "--opd",
                               "--status", "--all-day", "--from", "--to", "--json", "--public", "import FILE.ics",
                               "export FILE.ics [--from DATE --to DATE] [--public]"})
        QVERIFY2(events.out.contains(option), qPrintable(option));
    CLI_EXPECT(runCli({"conflicts", "--help"}), 0);
}

void TestCliEvents::addAndList()
{
    const QString a = add({"--title", "Rapat koordinasi", "--start", "2026-11-23T08:00", "--end", "2026-11-23T10:30",
                           "--official", "BUPATI,SEKDA", "--venue", "Aula Kantor Bupati", "--kecamatan", "Parigi",
                           "--opd", "SETDA", "--status", "terjadwal"});
    QVERIFY(!a.isEmpty());
    // Same venue in another case: no second venue row.
    const QString b = add({"--title", "Kunjungan kerja", "--start", "2026-11-24", "--end", "2026-11-26", "--all-day",
                           "--official", "WABUP", "--venue", "aula kantor bupati", "--kecamatan", "Parigi"});
    QVERIFY(!b.isEmpty());
    const QString c = add({"--title", "Upacara", "--start", "2026-11-27", "--all-day", "--official", "SEKDA", "--venue",
                           "Lapangan", "--kecamatan", "Ampibabo"});
    QVERIFY(!c.isEmpty());
    QCOMPARE(count(m_db, "events"), 3);
    QCOMPARE(count(m_db, "venues"), 2);
    QCOMPARE(count(m_db, "outbox", "entity = 'events'"), 3);
    // Local 08.00 WITA is 00.00 UTC.
    QCOMPARE(rows(m_db, "SELECT starts_at, ends_at FROM events WHERE id = '" + a + "'").value(0),
             QStringList({"2026-11-23T00:00:00Z", "2026-11-23T02:30:00Z"}));

    const QJsonArray list = json({"events", "list", "--from", "2026-11-23", "--to", "2026-11-27"});
    QCOMPARE(list.size(), 3);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value("id").toString(), a);
    QCOMPARE(first.value("title").toString(), QString("Rapat koordinasi"));
    QCOMPARE(first.value("start").toString(), QString("2026-11-23T08:00"));
    QCOMPARE(first.value("end").toString(), QString("2026-11-23T10:30"));
    QCOMPARE(first.value("status").toString(), QString("terjadwal"));
    QCOMPARE(first.value("officials").toArray(), QJsonArray({"BUPATI", "SEKDA"}));
    QCOMPARE(first.value("venue").toString(), QString("Aula Kantor Bupati"));
    QCOMPARE(first.value("opd").toString(), QString("SETDA"));
    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(second.value("id").toString(), b);
    QCOMPARE(second.value("start").toString(), QString("2026-11-24"));
    QCOMPARE(second.value("end").toString(), QString("2026-11-26"));
    QCOMPARE(second.value("status").toString(), QString("diajukan"));
    QCOMPARE(second.value("officials").toArray(), QJsonArray({"WABUP"}));
    const QJsonObject third = list.at(2).toObject();
    QCOMPARE(third.value("id").toString(), c);
    QCOMPARE(third.value("end").toString(), QString("2026-11-27"));
    QCOMPARE(third.value("venue").toString(), QString("Lapangan"));

    const CliResult text = runCli({"--db", m_db, "events", "list", "--from", "2026-11-23", "--to", "2026-11-23"});
    CLI_EXPECT(text, 0);
    QCOMPARE(text.out.trimmed().split('\n').size(), 1);
    QVERIFY(text.out.contains(a) && text.out.contains("Rapat koordinasi"));
}

void TestCliEvents::listRange()
{
    // A timed event without --end lasts one hour; one across midnight belongs to both days.
    const QString a = add({"--title", "Malam", "--start", "2026-11-23T23:00", "--end", "2026-11-24T01:00", "--official",
                           "BUPATI", "--venue", "Rujab", "--kecamatan", "Parigi"});
    const QString b = add({"--title", "Pagi", "--start", "2026-11-25T08:00", "--official", "BUPATI", "--venue", "Rujab",
                           "--kecamatan", "Parigi"});
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QCOMPARE(json({"events", "list", "--from", "2026-11-25", "--to", "2026-11-25"}).at(0).toObject().value("end"),
             QJsonValue("2026-11-25T09:00"));
    const auto ids = [this](const QString &from, const QString &to) {
        QStringList found;
        for (const QJsonValue &v : json({"events", "list", "--from", from, "--to", to}))
            found << v.toObject().value("id").toString();
        return found;
    };
    QCOMPARE(ids("2026-11-23", "2026-11-23"), QStringList({a}));
    QCOMPARE(ids("2026-11-24", "2026-11-24"), QStringList({a}));
    QCOMPARE(ids("2026-11-24", "2026-11-25"), QStringList({a, b}));
    QCOMPARE(ids("2026-11-26", "2026-12-31"), QStringList());
    QCOMPARE(ids("2026-11-22", "2026-11-22"), QStringList());
}

void TestCliEvents::conflictsJson()
{
    const QStringList aula = {"--venue", "Aula", "--kecamatan", "Parigi"};
    const QString a = add(QStringList{"--title", "A", "--start", "2026-11-23T08:00", "--end", "2026-11-23T10:00",
                                      "--official", "BUPATI"} +
                          aula);
    const QString b = add({"--title", "B", "--start", "2026-11-23T09:00", "--end", "2026-11-23T11:00", "--official",
                           "BUPATI,ASISTEN1", "--venue", "Masjid Raya", "--kecamatan", "Parigi"});
    const QString c = add(
        QStringList{"--title", "C", "--start", "2026-11-23T09:30", "--end", "2026-11-23T10:30", "--official", "WABUP"} +
        aula);
    const QString d = add({"--title", "D", "--start", "2026-11-23T13:00", "--end", "2026-11-23T14:00", "--official",
                           "SEKDA", "--venue", "Lapangan", "--kecamatan", "Bolano"});
    const QString e = add(
        QStringList{"--title", "E", "--start", "2026-11-23T14:30", "--end", "2026-11-23T15:00", "--official", "SEKDA"} +
        aula);
    // Cancelled and touching events never clash.
    const QString f = add(QStringList{"--title", "F", "--start", "2026-11-23T08:00", "--end", "2026-11-23T16:00",
                                      "--official", "BUPATI,SEKDA", "--status", "dibatalkan"} +
                          aula);
    const QString g = add({"--title", "G", "--start", "2026-11-23T11:00", "--end", "2026-11-23T12:00", "--official",
                           "ASISTEN1", "--venue", "Masjid Raya", "--kecamatan", "Parigi"});
    for (const QString &id : {a, b, c, d, e, f, g})
        QVERIFY(!id.isEmpty());

    const QJsonArray conflicts = json({"conflicts", "--from", "2026-11-23", "--to", "2026-11-23"});
    QSet<QString> found;
    for (const QJsonValue &v : conflicts) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.keys(), QStringList({"first", "kind", "resource", "second"}));
        found << QStringList{o.value("kind").toString(), o.value("first").toString(), o.value("second").toString(),
                             o.value("resource").toString()}
                     .join('|');
    }
    const auto entry = [](const QString &kind, const QString &x, const QString &y, const QString &resource) {
        return QStringList{kind, qMin(x, y), qMax(x, y), resource}.join('|');
    };
    QCOMPARE(conflicts.size(), 3); // each pair once
    QCOMPARE(found, QSet<QString>({entry("official", a, b, "BUPATI"), entry("venue", a, c, "Aula"),
                                   entry("travel", d, e, "SEKDA")}));
    QCOMPARE(json({"conflicts", "--from", "2026-11-24", "--to", "2026-11-30"}), QJsonArray());
}

void TestCliEvents::conflictsText()
{
    const QString a = add({"--title", "A", "--start", "2026-11-23", "--all-day", "--official", "BUPATI", "--venue",
                           "Aula", "--kecamatan", "Parigi"});
    const QString b = add({"--title", "B", "--start", "2026-11-23T20:00", "--end", "2026-11-23T21:00", "--official",
                           "BUPATI", "--venue", "Rujab", "--kecamatan", "Parigi"});
    const CliResult r = runCli({"--db", m_db, "conflicts", "--from", "2026-11-23", "--to", "2026-11-23"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, QStringList({"official", qMin(a, b), qMax(a, b), "BUPATI"}).join('\t') + '\n');
}

void TestCliEvents::addRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList place = {"--venue", "Tempat Baru", "--kecamatan", "Parigi"};
    const QStringList who = {"--official", "BUPATI"};
    const auto timed = [&](const QString &start, const QString &end) {
        QStringList args = {"--title", "Rapat", "--start", start};
        if (!end.isEmpty())
            args << "--end" << end;
        return args + who + place;
    };
    QTest::newRow("no title") << QStringList{"--start", "2026-11-23T08:00"} + who + place << 1 << "--title";
    QTest::newRow("blank title") << QStringList{"--title", " ", "--start", "2026-11-23T08:00"} + who + place << 1
                                 << "--title";
    QTest::newRow("no start") << QStringList{"--title", "Rapat"} + who + place << 1 << "--start";
    QTest::newRow("no official") << QStringList{"--title", "Rapat", "--start", "2026-11-23T08:00"} + place << 1
                                 << "--official";
    QTest::newRow("empty official list") << QStringList{"--title",          "R",          "--start",
                                                        "2026-11-23T08:00", "--official", ","} +
                                                place
                                         << 1 << "--official";
    QTest::newRow("no venue") << QStringList{"--title", "R", "--start", "2026-11-23T08:00", "--kecamatan", "Parigi"} +
                                     who
                              << 1 << "--venue";
    QTest::newRow("no kecamatan") << QStringList{"--title", "R", "--start", "2026-11-23T08:00", "--venue", "Aula"} + who
                                  << 1 << "--kecamatan";
    QTest::newRow("space instead of T") << timed("2026-11-23 08:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("seconds") << timed("2026-11-23T08:00:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("date only") << timed("2026-11-23", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("month 13") << timed("2026-13-01T08:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("31 November") << timed("2026-11-31T08:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("hour 24") << timed("2026-11-23T24:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("day first") << timed("23-11-2026T08:00", "") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("malformed end") << timed("2026-11-23T08:00", "10:00") << 1 << "YYYY-MM-DDTHH:MM";
    QTest::newRow("end equals start") << timed("2026-11-23T08:00", "2026-11-23T08:00") << 1 << "after the start";
    QTest::newRow("end before start") << timed("2026-11-23T08:00", "2026-11-22T09:00") << 1 << "after the start";
    QTest::newRow("all-day with time") << timed("2026-11-23T08:00", "") + QStringList{"--all-day"} << 1 << "YYYY-MM-DD";
    QTest::newRow("all-day end before start")
        << timed("2026-11-23", "2026-11-22") + QStringList{"--all-day"} << 1 << "before the first day";
    QTest::newRow("unknown status") << timed("2026-11-23T08:00", "") + QStringList{"--status", "selesai!"} << 1
                                    << "selesai!";
    QTest::newRow("unknown official") << QStringList{"--title",          "R",          "--start",
                                                     "2026-11-23T08:00", "--official", "BUPATI,CAMAT"} +
                                             place
                                      << 3 << "CAMAT";
    QTest::newRow("unknown opd") << timed("2026-11-23T08:00", "") + QStringList{"--opd", "DINASX"} << 3 << "DINASX";
    QTest::newRow("unknown kecamatan") << QStringList{"--title", "R",    "--start",     "2026-11-23T08:00",
                                                      "--venue", "Aula", "--kecamatan", "Atlantis"} +
                                              who
                                       << 3 << "Atlantis";
    QTest::newRow("unknown action") << QStringList{"remove"} << 1 << "remove";
    QTest::newRow("extra argument") << timed("2026-11-23T08:00", "") + QStringList{"extra"} << 1 << "extra";
}

void TestCliEvents::addRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(!add({"--title", "Ada", "--start", "2026-11-20T08:00", "--official", "WABUP", "--venue", "Aula",
                  "--kecamatan", "Parigi"})
                 .isEmpty());
    const int outbox = changes();
    const QByteArray before = fileBytes(m_db);
    QStringList command = {"--db", m_db, "events"};
    if (args.value(0) != "remove")
        command << "add";
    const CliResult r = runCli(command + args);
    CLI_EXPECT(r, exitCode);
    QVERIFY(exitCode >= 1 && exitCode <= 127);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(count(m_db, "events"), 1);
    QCOMPARE(count(m_db, "venues"), 1);
    QCOMPARE(changes(), outbox);
    QVERIFY(fileBytes(m_db) == before);
}

void TestCliEvents::rangeRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    for (const QStringList &command : {QStringList{"events", "list"}, QStringList{"conflicts"}}) {
        const QString name = command.join(' ');
        QTest::newRow(qPrintable(name + ": no --to")) << command + QStringList{"--from", "2026-11-23"} << "--to";
        QTest::newRow(qPrintable(name + ": no --from")) << command + QStringList{"--to", "2026-11-23"} << "--from";
        QTest::newRow(qPrintable(name + ": bad date"))
            << command + QStringList{"--from", "2026-11-31", "--to", "2026-12-01"} << "YYYY-MM-DD";
        QTest::newRow(qPrintable(name + ": time given"))
            << command + QStringList{"--from", "2026-11-23T08:00", "--to", "2026-12-01"} << "YYYY-MM-DD";
        QTest::newRow(qPrintable(name + ": to before from"))
            << command + QStringList{"--from", "2026-11-23", "--to", "2026-11-22"} << "--to";
    }
}

void TestCliEvents::rangeRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runCli(QStringList{"--db", m_db} + args);
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCliEvents::missingDatabase()
{
    const QString path = m_dir->filePath("missing.sqlite");
    const QStringList commands[] = {
        {"events", "add", "--title", "R", "--start", "2026-11-23T08:00", "--official", "BUPATI", "--venue", "Aula",
         "--kecamatan", "Parigi"},
        {"events", "list", "--from", "2026-11-23", "--to", "2026-11-23"},
        {"conflicts", "--from", "2026-11-23", "--to", "2026-11-23"},
        {"events", "export", m_dir->filePath("out.ics")},
        {"events", "import", m_dir->filePath("cal.ics")},
    };
    QVERIFY(writeFile(m_dir->filePath("cal.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
    for (const QStringList &args : commands) {
        const CliResult r = runCli(QStringList{"--db", path} + args);
        CLI_EXPECT(r, 2);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(m_dir->filePath("out.ics")));
    }
}

QStringList TestCliEvents::addAgenda()
{
    return {
        add({"--title", "Rapat koordinasi, stunting", "--start", "2026-11-23T08:00", "--end", "2026-11-23T10:30",
             "--official", "BUPATI,SEKDA", "--venue", "Aula Kantor Bupati", "--kecamatan", "Parigi", "--opd", "SETDA",
             "--status", "terjadwal"}),
        add({"--title", "Kunjungan kerja", "--start", "2026-11-24", "--end", "2026-11-26", "--all-day", "--official",
             "WABUP", "--venue", "Lapangan", "--kecamatan", "Ampibabo", "--status", "terjadwal"}),
        add({"--title", "Usulan OPD", "--start", "2026-11-25T13:00", "--official", "SEKDA", "--venue", "Lapangan",
             "--kecamatan", "Parigi", "--opd", "DISKOMINFO"}),
        add({"--title", "Batal", "--start", "2026-11-27T09:00", "--end", "2026-11-27T10:00", "--official", "ASISTEN1",
             "--venue", "Aula Kantor Bupati", "--kecamatan", "Parigi", "--status", "dibatalkan"}),
    };
}

QJsonArray TestCliEvents::listWithoutIds(const QString &db)
{
    const CliResult r = runCli({"--db", db, "events", "list", "--from", "2026-11-01", "--to", "2026-11-30", "--json"});
    if (r.exitCode != 0)
        qWarning().noquote() << "events list failed:" << r.err;
    QJsonArray result;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        QJsonObject o = v.toObject();
        o.remove("id");
        result.append(o);
    }
    return result;
}

void TestCliEvents::exportImportRoundTrip()
{
    const QStringList ids = addAgenda();
    QVERIFY(!ids.contains(QString()));
    const QString file = m_dir->filePath("agenda.ics");
    const CliResult exported = runCli({"--db", m_db, "events", "export", file});
    CLI_EXPECT(exported, 0);
    QVERIFY2(exported.out.contains("4 event"), qPrintable(exported.out));
    QVERIFY(!QFile::exists(file + ".part"));
    const QByteArray ics = fileBytes(file);
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    QCOMPARE(ics.count("BEGIN:VEVENT"), 4);
    for (const QString &id : ids)
        QVERIFY(ics.contains(QByteArray("UID:" + id.toUtf8() + "\r\n")));
    QVERIFY(ics.contains("STATUS:CANCELLED"));
    QVERIFY(ics.contains("DTSTART;VALUE=DATE:20261124"));

    // Into a fresh database: the same agenda, venues in their kecamatan.
    const QString other = m_dir->filePath("other.sqlite");
    CLI_EXPECT(runCli({"--db", other, "init", "--preset", "parigi-moutong"}), 0);
    const CliResult imported = runCli({"--db", other, "events", "import", file});
    CLI_EXPECT(imported, 0);
    QVERIFY2(imported.out.startsWith("4 event(s) imported."), qPrintable(imported.out));
    QCOMPARE(count(other, "events"), 4);
    QCOMPARE(count(other, "venues"), 3);
    QCOMPARE(listWithoutIds(other), listWithoutIds(m_db));
    QCOMPARE(rows(other, "SELECT COUNT(*) FROM venues v JOIN kecamatan k ON k.id = v.kecamatan_id "
                         "WHERE v.name = 'Lapangan' AND k.name IN ('Parigi', 'Ampibabo')")
                 .value(0),
             QStringList{"2"});

    // Again into both: nothing new anywhere.
    const int outbox = count(other, "outbox", "");
    for (const QString &db : {other, m_db}) {
        const CliResult again = runCli({"--db", db, "events", "import", file});
        CLI_EXPECT(again, 0);
        QVERIFY2(again.out.startsWith("0 event(s) imported.") && again.out.contains("4 event(s) already"),
                 qPrintable(again.out));
        QCOMPARE(count(db, "events"), 4);
    }
    QCOMPARE(count(other, "outbox", ""), outbox);
}

void TestCliEvents::exportPublic()
{
    addAgenda();
    QVERIFY(!add({"--title", "Rapat internal", "--start", "2026-11-23T13:00", "--official", "WABUP", "--venue", "Aula",
                  "--kecamatan", "Parigi", "--status", "terjadwal"})
                 .isEmpty());
    // `events add` has no --private: make the last one internal, and give one a PIC phone and notes.
    QVERIFY(makeSqlite(m_db, {"UPDATE events SET is_public = 0 WHERE title = 'Rapat internal'",
                              "UPDATE events SET pic_phone = '0812-9999-0000', notes = 'rahasia', staff = 'Tim A' "
                              "WHERE title = 'Rapat koordinasi, stunting'"}));
    removeSidecars(m_db);
    const QString file = m_dir->filePath("publik.ics");
    const CliResult r = runCli({"--db", m_db, "events", "export", file, "--public"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("2 event"), qPrintable(r.out));
    // Unfolded, so that no folded line hides a value from the checks.
    const auto unfolded = [&file] { return fileBytes(file).replace("\r\n ", ""); };
    const QByteArray ics = unfolded();
    QCOMPARE(ics.count("BEGIN:VEVENT"), 2);
    QVERIFY(ics.contains("SUMMARY:Rapat koordinasi\\, stunting"));
    QVERIFY(ics.contains("SUMMARY:Kunjungan kerja"));
    for (const char *hidden : {"Rapat internal", "Usulan OPD", "Batal", "0812-9999-0000", "rahasia", "Tim A",
                               "DESCRIPTION", "CLASS:PRIVATE"})
        QVERIFY2(!ics.contains(hidden), hidden);
    // The full export has them all.
    CLI_EXPECT(runCli({"--db", m_db, "events", "export", file}), 0);
    QCOMPARE(unfolded().count("BEGIN:VEVENT"), 5);
    QVERIFY(unfolded().contains("PIC phone: 0812-9999-0000"));
}

void TestCliEvents::exportRange()
{
    addAgenda();
    const QString file = m_dir->filePath("range.ics");
    const auto summaries = [&](const QStringList &range) {
        const CliResult r = runCli(QStringList{"--db", m_db, "events", "export", file} + range);
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        QStringList found;
        for (const QByteArray &line : fileBytes(file).split('\n')) {
            if (line.startsWith("SUMMARY:"))
                found << QString::fromUtf8(line.mid(8).trimmed());
        }
        return found;
    };
    QCOMPARE(summaries({"--from", "2026-11-25", "--to", "2026-11-25"}), QStringList({"Kunjungan kerja", "Usulan OPD"}));
    QCOMPARE(summaries({"--from", "2026-11-27", "--to", "2026-12-31"}), QStringList{"Batal"});
    QCOMPARE(summaries({"--from", "2026-12-01", "--to", "2026-12-31"}), QStringList());
    QCOMPARE(summaries({}).size(), 4);
}

void TestCliEvents::importMalformed()
{
    QVERIFY(!add({"--title", "Ada", "--start", "2026-11-20T08:00", "--official", "WABUP", "--venue", "Aula",
                  "--kecamatan", "Parigi"})
                 .isEmpty());
    const QByteArray ics = "BEGIN:VCALENDAR\r\n"
                           "VERSION:2.0\r\n"
                           "PRODID:-//Test//Test//EN\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:baik@test\r\n"
                           "DTSTART:20261123T080000\r\n"
                           "SUMMARY:Baik\r\n"
                           "LOCATION:Gedung Baru\\, Parigi\r\n"
                           "X-HUMAS-OFFICIALS:BUPATI\r\n"
                           "END:VEVENT\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:buruk@test\r\n"
                           "SUMMARY:Buruk\r\n"
                           "DTSTART:2026-11-24T08:00\r\n" // line 14
                           "X-HUMAS-OFFICIALS:BUPATI\r\n"
                           "END:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    const QString file = m_dir->filePath("rusak.ics");
    QVERIFY(writeFile(file, ics));
    const int outbox = changes();
    const QByteArray before = fileBytes(m_db);
    const CliResult r = runCli({"--db", m_db, "events", "import", file});
    CLI_EXPECT(r, 3);
    QVERIFY2(r.err.contains("Line 14:") && r.err.contains("2026-11-24T08:00"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(count(m_db, "events"), 1);
    QCOMPARE(count(m_db, "venues"), 1);
    QCOMPARE(changes(), outbox);
    QVERIFY(fileBytes(m_db) == before);

    // The same in Indonesian.
    const CliResult id = runCli({"--db", m_db, "events", "import", file}, {}, "id");
    CLI_EXPECT(id, 3);
    QVERIFY2(id.err.contains("14"), qPrintable(id.err));
}

void TestCliEvents::importRecurring()
{
    // The expansion window is given, so neither today's date nor the time zone matters.
    const QDate monday(2030, 1, 7);
    const QStringList window = {"--from", "2030-01-01", "--to", "2030-12-31"};
    const QString day = monday.toString("yyyyMMdd");
    const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
                           "BEGIN:VEVENT\r\nUID:apel@test\r\nDTSTART:" +
                           day.toUtf8() + "T073000\r\nDTEND:" + day.toUtf8() +
                           "T080000\r\n"
                           "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=4\r\nSUMMARY:Apel pagi\r\n"
                           "LOCATION:Halaman Kantor Bupati\\, Parigi\r\nX-HUMAS-OFFICIALS:SEKDA\r\n"
                           "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const QString file = m_dir->filePath("apel.ics");
    QVERIFY(writeFile(file, ics));
    const CliResult r = runCli(QStringList{"--db", m_db, "events", "import", file} + window);
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith("4 event(s) imported."), qPrintable(r.out));
    QCOMPARE(count(m_db, "venues"), 1);
    QStringList starts;
    const QString from = monday.toString(Qt::ISODate);
    const QString to = monday.addDays(30).toString(Qt::ISODate);
    for (const QJsonValue &v : json({"events", "list", "--from", from, "--to", to}))
        starts << v.toObject().value("start").toString();
    const QStringList expected = {
        monday.toString(Qt::ISODate) + "T07:30", monday.addDays(4).toString(Qt::ISODate) + "T07:30",
        monday.addDays(14).toString(Qt::ISODate) + "T07:30", monday.addDays(18).toString(Qt::ISODate) + "T07:30"};
    QCOMPARE(starts, expected);
    const CliResult again = runCli(QStringList{"--db", m_db, "events", "import", file} + window);
    CLI_EXPECT(again, 0);
    QCOMPARE(count(m_db, "events"), 4);
    // A window after the rule's end adds nothing (and is not today's).
    const CliResult later =
        runCli({"--db", m_db, "events", "import", file, "--from", "2031-01-01", "--to", "2031-12-31"});
    CLI_EXPECT(later, 0);
    QVERIFY2(later.out.startsWith("0 event(s) imported."), qPrintable(later.out));
    QCOMPARE(count(m_db, "events"), 4);
}

void TestCliEvents::icsRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("import without file") << QStringList{"import"} << 1 << "FILE.ics";
    QTest::newRow("export without file") << QStringList{"export"} << 1 << "FILE.ics";
    QTest::newRow("import of a missing file") << QStringList{"import", "@/nothing.ics"} << 3 << "nothing.ics";
    QTest::newRow("import with --public") << QStringList{"import", "@/cal.ics", "--public"} << 1 << "--public";
    QTest::newRow("import with --from only")
        << QStringList{"import", "@/cal.ics", "--from", "2026-11-01"} << 1 << "--to";
    QTest::newRow("import with a backward window")
        << QStringList{"import", "@/cal.ics", "--from", "2026-11-30", "--to", "2026-11-01"} << 1 << "--to";
    QTest::newRow("two files") << QStringList{"import", "@/cal.ics", "@/cal2.ics"} << 1 << "cal2.ics";
    QTest::newRow("export with --from only")
        << QStringList{"export", "@/out.ics", "--from", "2026-11-01"} << 1 << "--to";
    QTest::newRow("export with a bad date")
        << QStringList{"export", "@/out.ics", "--from", "2026-11-31", "--to", "2026-12-01"} << 1 << "YYYY-MM-DD";
    QTest::newRow("export into a missing folder") << QStringList{"export", "@/missing/out.ics"} << 3 << "missing";
    QTest::newRow("not a calendar") << QStringList{"import", "@/notes.ics"} << 3 << "Line 1:";
}

void TestCliEvents::icsRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(writeFile(m_dir->filePath("cal.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
    QVERIFY(writeFile(m_dir->filePath("notes.ics"), "Rapat jam 8\n"));
    for (QString &arg : args)
        arg.replace("@", m_dir->path());
    const QByteArray before = fileBytes(m_db);
    const CliResult r = runCli(QStringList{"--db", m_db, "events"} + args);
    CLI_EXPECT(r, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath("out.ics")));
    QVERIFY(!QFile::exists(m_dir->filePath("out.ics.part")));
    QVERIFY(fileBytes(m_db) == before);
}

/** A VEVENT of eight lines (its RRULE the fifth) repeating daily from 1 January 2030 at @p hour. */
static QByteArray dailyEvent(int index, const QByteArray &rule)
{
    const QByteArray hour = QByteArray::number(7 + index % 10).rightJustified(2, '0');
    return "BEGIN:VEVENT\r\nUID:daily" + QByteArray::number(index) + "@test\r\nDTSTART:20300101T" + hour +
           "0000\r\nDTEND:20300101T" + hour + "3000\r\nRRULE:" + rule + "\r\nSUMMARY:Apel " +
           QByteArray::number(index) + "\r\nX-HUMAS-OFFICIALS:SEKDA\r\nEND:VEVENT\r\n";
}

void TestCliEvents::importTooLarge_data()
{
    // The header is three lines; event k (from 0) has its RRULE on line 8 + 8k.
    const QByteArray header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n";
    const QByteArray footer = "END:VCALENDAR\r\n";
    QTest::addColumn<QByteArray>("ics");
    QTest::addColumn<QString>("message");
    // No end: every day of the three-year window, 1,096 occurrences.
    QTest::newRow("occurrences of one rule")
        << header + dailyEvent(0, "FREQ=DAILY") + footer << "Line 8: The repeating event gives more than";
    // 21 rules of 1,000 each: the 21st passes 20,000 events.
    QByteArray many = header;
    for (int k = 0; k < 21; ++k)
        many += dailyEvent(k, "FREQ=DAILY;COUNT=1000");
    QTest::newRow("events of the file") << many + footer << "Line 168: The file gives more than";
    // Over 16 MiB of lines the reader would ignore.
    QByteArray padded = header;
    const QByteArray pad = "X-PAD:" + QByteArray(1000, 'x') + "\r\n";
    while (padded.size() <= 16 * 1024 * 1024)
        padded += pad;
    QTest::newRow("file size") << padded + footer << "at most 16 MB can be imported";
}

void TestCliEvents::importTooLarge()
{
    QFETCH(QByteArray, ics);
    QFETCH(QString, message);
    const QString file = m_dir->filePath("big.ics");
    QVERIFY(writeFile(file, ics));
    const QByteArray before = fileBytes(m_db);
    const CliResult r = runCli({"--db", m_db, "events", "import", file, "--from", "2030-01-01", "--to", "2032-12-31"});
    CLI_EXPECT(r, 3);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains("nothing was stored"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(fileBytes(m_db) == before);
}

QTEST_GUILESS_MAIN(TestCliEvents)
#include "tst_cli_events.moc"
