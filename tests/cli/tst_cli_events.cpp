// `humasdesk-cli events add|list` and `conflicts` (issue 3, exact syntax), through the real
// binary: the happy paths with their JSON, and every refusal of the syntax with its exit
// code, a message on stderr and no row stored anywhere.

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

private:
    /** Runs `events add` with @p args on the test database; returns the id or empty. */
    QString add(const QStringList &args);
    QJsonArray json(const QStringList &args);
    int changes() { return count(m_db, "outbox", ""); }

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
                               "--status", "--all-day", "--from", "--to", "--json"})
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
    };
    for (const QStringList &args : commands) {
        const CliResult r = runCli(QStringList{"--db", path} + args);
        CLI_EXPECT(r, 2);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_GUILESS_MAIN(TestCliEvents)
#include "tst_cli_events.moc"
