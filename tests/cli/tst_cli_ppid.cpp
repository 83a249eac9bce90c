// `humasdesk-cli ppid due|add|list|export-csv|stats` and `holidays import|list` (issue 4,
// exact syntax), through the real binary: the output formats other tools rely on, the exit
// codes, nothing stored on refusal, and personal data masked for every role but ppid/admin.

#include "clitestsupport.h"

#include "settings/appsettings.h"
#include "store/database.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

namespace {

const QString Nik = "7208015505900003";
const QString MaskedNik = "7208••••••••0003";
const QString Phone = "081234567890";
const QString MaskedPhone = "0812•••••890";
const QString Email = "budi.santoso@gmail.com";
const QString MaskedEmail = "b•••@gmail.com";
const QString Address = "Jl. Trans Sulawesi No. 12, Parigi";
const QString MaskedAddress = "•••, Parigi";
const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

/** The last non-empty line of @p text. */
QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

class TestCliPpid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void help();
    void due_data();
    void due();
    void dueRefusals_data();
    void dueRefusals();
    void dueReadsDatabase();
    void dueMissingDatabase();
    void addAndList();
    void addRefusals_data();
    void addRefusals();
    void listMasking_data();
    void listMasking();
    void listScopedByRole();
    void listRefusals_data();
    void listRefusals();
    void exportCsv_data();
    void exportCsv();
    void exportRefusals();
    void stats();
    void receipt();
    void holidaysList();
    void holidaysImportRecomputes();
    void holidaysImportMalformed();
    void holidaysImportTooLarge();
    void holidaysRefusals_data();
    void holidaysRefusals();

private:
    CliResult cli(const QStringList &args) { return runCli(QStringList{"--db", m_db} + args); }
    /** `ppid add` of Budi Santoso with @p extra options; returns the registration number or empty. */
    QString add(const QStringList &extra = {});
    int changes() { return count(m_db, "outbox", ""); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliPpid::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
}

void TestCliPpid::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("ppid.sqlite");
    CLI_EXPECT(runCli({"--db", m_db, "init", "--preset", "parigi-moutong"}), 0);
}

void TestCliPpid::cleanup()
{
    m_dir.reset();
}

QString TestCliPpid::add(const QStringList &extra)
{
    const CliResult r = cli(QStringList{"ppid", "add", "--name", "Budi Santoso", "--information", "Dokumen APBD 2026",
                                        "--channel", "langsung", "--nik", Nik, "--address", Address, "--phone", Phone,
                                        "--email", Email, "--received", "2026-03-16T09:30"} +
                            extra);
    if (r.exitCode != 0) {
        qWarning().noquote() << "ppid add failed:" << r.exitCode << r.err;
        return {};
    }
    return lastLine(r.out);
}

void TestCliPpid::help()
{
    const CliResult r = runCli({"--help"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains("ppid") && r.out.contains("holidays"));
    const CliResult ppid = runCli({"ppid", "--help"});
    CLI_EXPECT(ppid, 0);
    for (const char *text :
         {"due --received YYYY-MM-DD [--extended] [--cuti-bersama-working]", "--name", "--information", "--channel",
          "--nik", "--address", "--phone", "--email", "--type", "--purpose", "--obtain", "--delivery", "--opd",
          "--occupation", "--proxy", "list [--from DATE --to DATE] [--json] [--role ROLE]", "export-csv FILE",
          "stats --from DATE --to DATE [--json]"})
        QVERIFY2(ppid.out.contains(text), text);
    const CliResult holidays = runCli({"holidays", "--help"});
    CLI_EXPECT(holidays, 0);
    QVERIFY(holidays.out.contains("import FILE.csv | list [--year YYYY]"));
}

void TestCliPpid::due_data()
{
    QTest::addColumn<QString>("received");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("expected");
    // DOMAIN.md's example: cuti bersama of Nyepi and Idul Fitri 2026 not counted, or counted.
    QTest::newRow("2026-03-16") << "2026-03-16" << QStringList() << "2026-04-07";
    QTest::newRow("2026-03-16 cuti working") << "2026-03-16" << QStringList{"--cuti-bersama-working"} << "2026-03-31";
    QTest::newRow("2026-03-16 extended") << "2026-03-16" << QStringList{"--extended"} << "2026-04-16";
    QTest::newRow("2026-03-16 extended, cuti working")
        << "2026-03-16" << QStringList{"--extended", "--cuti-bersama-working"} << "2026-04-10";
    QTest::newRow("received on Saturday") << "2026-03-14" << QStringList() << "2026-04-06";
    QTest::newRow("received on Sunday") << "2026-03-15" << QStringList() << "2026-04-06";
    QTest::newRow("received on Nyepi") << "2026-03-19" << QStringList() << "2026-04-08";
    QTest::newRow("Saturday, no holidays") << "2026-11-21" << QStringList() << "2026-12-04";
    QTest::newRow("Monday, no holidays") << "2026-11-23" << QStringList() << "2026-12-07";
    QTest::newRow("Monday, extended") << "2026-11-23" << QStringList{"--extended"} << "2026-12-16";
    QTest::newRow("Idul Fitri 2025") << "2025-03-24" << QStringList() << "2025-04-16";
    QTest::newRow("Idul Fitri 2025, cuti working")
        << "2025-03-24" << QStringList{"--cuti-bersama-working"} << "2025-04-09";
    QTest::newRow("across the year end") << "2025-12-22" << QStringList() << "2026-01-08";
    QTest::newRow("across the year end, extended") << "2025-12-19" << QStringList{"--extended"} << "2026-01-19";
}

void TestCliPpid::due()
{
    QFETCH(QString, received);
    QFETCH(QStringList, flags);
    QFETCH(QString, expected);
    const CliResult r = cli(QStringList{"ppid", "due", "--received", received} + flags);
    CLI_EXPECT(r, 0);
    QCOMPARE(lastLine(r.out), expected);
    QVERIFY(r.out.endsWith(expected + "\n"));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void TestCliPpid::dueRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no --received") << QStringList{"ppid", "due"};
    QTest::newRow("impossible date") << QStringList{"ppid", "due", "--received", "2026-02-30"};
    QTest::newRow("day first") << QStringList{"ppid", "due", "--received", "16-03-2026"};
    QTest::newRow("no leading zeros") << QStringList{"ppid", "due", "--received", "2026-3-16"};
    QTest::newRow("a time") << QStringList{"ppid", "due", "--received", "2026-03-16T09:00"};
    QTest::newRow("empty") << QStringList{"ppid", "due", "--received", ""};
    QTest::newRow("extra argument") << QStringList{"ppid", "due", "--received", "2026-03-16", "later"};
    QTest::newRow("option of another action") << QStringList{"ppid", "due", "--received", "2026-03-16", "--json"};
    QTest::newRow("no action") << QStringList{"ppid"};
    QTest::newRow("unknown action") << QStringList{"ppid", "deadline", "--received", "2026-03-16"};
}

void TestCliPpid::dueRefusals()
{
    QFETCH(QStringList, args);
    const CliResult r = cli(args);
    CLI_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("humasdesk-cli: "));
}

void TestCliPpid::dueReadsDatabase()
{
    // The regency's own setting counts when the flag is not given.
    {
        Humas::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        QVERIFY2(Humas::AppSettings(db, Humas::Actor::system())
                     .setValue(QLatin1String(Humas::AppSettings::CutiBersamaWorking), "1", &error),
                 qPrintable(error));
        db.close();
    }
    CliResult r = cli({"ppid", "due", "--received", "2026-03-16"});
    CLI_EXPECT(r, 0);
    QCOMPARE(lastLine(r.out), QString("2026-03-31"));
    // A holiday added to the database moves the date.
    const QString csv = m_dir->filePath("extra.csv");
    QVERIFY(writeFile(csv, "date,kind,name,source\n2026-03-31,lokal,Hari jadi kabupaten,Perda\n"));
    CLI_EXPECT(cli({"holidays", "import", csv}), 0);
    r = cli({"ppid", "due", "--received", "2026-03-16"});
    CLI_EXPECT(r, 0);
    QCOMPARE(lastLine(r.out), QString("2026-04-01"));
}

void TestCliPpid::dueMissingDatabase()
{
    const QString missing = m_dir->filePath("none.sqlite");
    const CliResult r = runCli({"--db", missing, "ppid", "due", "--received", "2026-03-16"});
    CLI_EXPECT(r, 2);
    QVERIFY(!QFile::exists(missing));
}

void TestCliPpid::addAndList()
{
    const CliResult r = cli({"ppid",          "add",
                             "--name",        "Budi Santoso",
                             "--information", "Dokumen APBD 2026",
                             "--channel",     "langsung",
                             "--nik",         Nik,
                             "--address",     Address,
                             "--phone",       Phone,
                             "--email",       Email,
                             "--received",    "2026-03-16T09:30",
                             "--type",        "perorangan",
                             "--occupation",  "Wiraswasta",
                             "--purpose",     "Penelitian",
                             "--obtain",      "salinan_softcopy",
                             "--delivery",    "email",
                             "--opd",         "DISKOMINFO",
                             "--proxy",       "Sari"});
    CLI_EXPECT(r, 0);
    const QString number = lastLine(r.out);
    QVERIFY2(QRegularExpression("^\\S+$").match(number).hasMatch(), qPrintable(r.out));
    QVERIFY2(number.contains("PPID") && number.contains("/III/2026"), qPrintable(number));
    QVERIFY(r.out.contains("2026-04-07"));
    QCOMPARE(count(m_db, "ppid_requests"), 1);
    QCOMPARE(count(m_db, "ppid_status_history"), 1);
    // 09:30 WITA is 01:30 UTC; day 0 is 16 March.
    const QList<QStringList> stored =
        rows(m_db, "SELECT reg_number, received_at, due_date, requester_nik, channel, status FROM ppid_requests");
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).value(0), number);
    QVERIFY2(stored.at(0).value(1).startsWith("2026-03-16T01:30"), qPrintable(stored.at(0).value(1)));
    QCOMPARE(stored.at(0).value(2), QString("2026-04-07"));
    QCOMPARE(stored.at(0).value(3), Nik);
    QCOMPARE(stored.at(0).value(4), QString("langsung"));
    QCOMPARE(stored.at(0).value(5), QString("diterima"));

    const QString second = add({"--received", "2026-03-17", "--channel", "email"});
    QVERIFY(!second.isEmpty());
    QVERIFY(second != number);

    const CliResult listed = cli({"ppid", "list", "--json"});
    CLI_EXPECT(listed, 0);
    const QJsonArray array = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value("number").toString(), number);
    QCOMPARE(first.value("received").toString(), QString("2026-03-16T09:30"));
    QCOMPARE(first.value("channel").toString(), QString("langsung"));
    QCOMPARE(first.value("type").toString(), QString("perorangan"));
    QCOMPARE(first.value("name").toString(), QString("Budi Santoso"));
    QCOMPARE(first.value("nik").toString(), Nik);
    QCOMPARE(first.value("address").toString(), Address);
    QCOMPARE(first.value("phone").toString(), Phone);
    QCOMPARE(first.value("email").toString(), Email);
    QCOMPARE(first.value("occupation").toString(), QString("Wiraswasta"));
    QCOMPARE(first.value("proxy").toString(), QString("Sari"));
    QCOMPARE(first.value("information").toString(), QString("Dokumen APBD 2026"));
    QCOMPARE(first.value("purpose").toString(), QString("Penelitian"));
    QCOMPARE(first.value("obtain").toString(), QString("salinan_softcopy"));
    QCOMPARE(first.value("delivery").toString(), QString("email"));
    QCOMPARE(first.value("opd").toString(), QString("DISKOMINFO"));
    QCOMPARE(first.value("status").toString(), QString("diterima"));
    QCOMPARE(first.value("dueDate").toString(), QString("2026-04-07"));
    // A date alone is midnight local time.
    QCOMPARE(array.at(1).toObject().value("received").toString(), QString("2026-03-17T00:00"));
    QCOMPARE(array.at(1).toObject().value("dueDate").toString(), QString("2026-04-08"));

    // Text: one tab-separated line per request, number first.
    const CliResult text = cli({"ppid", "list"});
    CLI_EXPECT(text, 0);
    const QStringList lines = text.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QStringList fields = lines.at(0).split('\t');
    QCOMPARE(fields.value(0), number);
    QCOMPARE(fields.value(1), QString("2026-03-16T09:30"));
    QCOMPARE(fields.value(2), QString("diterima"));
    QCOMPARE(fields.value(3), QString("2026-04-07"));
    QCOMPARE(fields.value(5), QString("Budi Santoso"));
    QCOMPARE(fields.value(6), Nik);

    // --from/--to select by the local day received.
    const CliResult range = cli({"ppid", "list", "--from", "2026-03-17", "--to", "2026-03-31", "--json"});
    CLI_EXPECT(range, 0);
    const QJsonArray some = QJsonDocument::fromJson(range.out.toUtf8()).array();
    QCOMPARE(some.size(), 1);
    QCOMPARE(some.at(0).toObject().value("number").toString(), second);
}

void TestCliPpid::addRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QStringList base = {"--name", "Budi", "--information", "APBD", "--channel", "langsung", "--nik", Nik};
    auto without = [&](const QString &option) {
        QStringList args = base;
        const int at = args.indexOf(option);
        args.remove(at, 2);
        return args;
    };
    auto with = [&](const QString &option, const QString &value) {
        QStringList args = base;
        const int at = args.indexOf(option);
        if (at >= 0)
            args[at + 1] = value;
        else
            args << option << value;
        return args;
    };
    QTest::newRow("no --name") << without("--name") << 1;
    QTest::newRow("no --information") << without("--information") << 1;
    QTest::newRow("no --channel") << without("--channel") << 1;
    QTest::newRow("blank name") << with("--name", "  ") << 1;
    QTest::newRow("unknown channel") << with("--channel", "fax") << 1;
    QTest::newRow("unknown type") << with("--type", "pribadi") << 1;
    QTest::newRow("unknown obtain") << with("--obtain", "fotokopi") << 1;
    QTest::newRow("unknown delivery") << with("--delivery", "drone") << 1;
    QTest::newRow("malformed received") << with("--received", "16/03/2026") << 1;
    QTest::newRow("impossible received") << with("--received", "2026-03-16T25:00") << 1;
    QTest::newRow("future received") << with("--received", "2099-01-05") << 1;
    QTest::newRow("option of another action") << with("--role", "admin") << 1;
    QTest::newRow("NIK too short") << with("--nik", "720801550590") << 3;
    QTest::newRow("NIK with letters") << with("--nik", "72080155059000AB") << 3;
    QTest::newRow("NIK impossible birth date") << with("--nik", "7208019913900003") << 3;
    QTest::newRow("unknown OPD") << with("--opd", "NOPE") << 3;
    QTest::newRow("bad email") << with("--email", "budi@") << 3;
    QTest::newRow("bad phone") << with("--phone", "telepon saya") << 3;
}

void TestCliPpid::addRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const int before = changes();
    const CliResult r = cli(QStringList{"ppid", "add"} + args);
    CLI_EXPECT(r, exitCode);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QVERIFY(r.err.startsWith("humasdesk-cli: "));
    QCOMPARE(count(m_db, "ppid_requests", ""), 0);
    QCOMPARE(count(m_db, "ppid_status_history", ""), 0);
    QCOMPARE(count(m_db, "ppid_sequences", ""), 0);
    QCOMPARE(changes(), before);
}

void TestCliPpid::listMasking_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("full");
    QTest::newRow("default (admin)") << QString() << true;
    QTest::newRow("admin") << "admin" << true;
    QTest::newRow("ppid") << "ppid" << true;
    QTest::newRow("opd of the request") << "opd:DISKOMINFO" << false;
    QTest::newRow("pimpinan") << "pimpinan" << false;
}

namespace {

/** "--role ROLE", or "--role opd --opd CODE" for "opd:CODE". */
QStringList roleArguments(const QString &role)
{
    if (role.isEmpty())
        return {};
    if (role.startsWith("opd:"))
        return {"--role", "opd", "--opd", role.mid(4)};
    return {"--role", role};
}

} // namespace

void TestCliPpid::listMasking()
{
    QFETCH(QString, role);
    QFETCH(bool, full);
    QVERIFY(!add({"--opd", "DISKOMINFO"}).isEmpty());
    const QStringList roleArgs = roleArguments(role);
    const CliResult json = cli(QStringList{"ppid", "list", "--json"} + roleArgs);
    CLI_EXPECT(json, 0);
    const QJsonObject first = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(first.value("nik").toString(), full ? Nik : MaskedNik);
    QCOMPARE(first.value("phone").toString(), full ? Phone : MaskedPhone);
    QCOMPARE(first.value("email").toString(), full ? Email : MaskedEmail);
    QCOMPARE(first.value("address").toString(), full ? Address : MaskedAddress);
    QCOMPARE(first.value("name").toString(), QString("Budi Santoso"));
    const CliResult text = cli(QStringList{"ppid", "list"} + roleArgs);
    CLI_EXPECT(text, 0);
    QCOMPARE(text.out.contains(Nik), full);
    QCOMPARE(text.out.contains(Phone), full);
    QCOMPARE(text.out.contains(Email), full);
    QCOMPARE(text.out.contains(MaskedNik), !full);
}

void TestCliPpid::listScopedByRole()
{
    // --role opd listed the whole register; a PPID Pembantu sees its own OPD's requests only.
    const QString dinkes = add({"--opd", "DINKES", "--information", "Data gizi; HP pemohon 0812 3456 7789"});
    const QString kominfo = add({"--opd", "DISKOMINFO"});
    QVERIFY(!dinkes.isEmpty() && !kominfo.isEmpty());
    CliResult r = cli({"ppid", "list", "--role", "opd", "--opd", "DINKES"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(dinkes) && !r.out.contains(kominfo), qPrintable(r.out));
    r = cli({"ppid", "list", "--role", "opd", "--opd", "DINKES", "--json"});
    CLI_EXPECT(r, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QVERIFY(!r.out.contains("0812 3456 7789"));
    for (const QString &role : {"protokol", "redaksi"}) {
        r = cli({"ppid", "list", "--role", role});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.out));
    }
    r = cli({"ppid", "list", "--role", "pimpinan"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(dinkes) && r.out.contains(kominfo));

    const QString path = m_dir->filePath("dinkes.csv");
    r = cli({"ppid", "export-csv", path, "--role", "opd", "--opd", "DINKES"});
    CLI_EXPECT(r, 0);
    const QString csv = QString::fromUtf8(fileBytes(path));
    QVERIFY(csv.contains(dinkes) && !csv.contains(kominfo));

    r = cli(
        {"ppid", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json", "--role", "opd", "--opd", "DINKES"});
    CLI_EXPECT(r, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("received").toInt(), 1);
    r = cli({"ppid", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json"});
    CLI_EXPECT(r, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("received").toInt(), 2);

    r = cli({"ppid", "receipt", kominfo, m_dir->filePath("r.pdf"), "--role", "opd", "--opd", "DINKES"});
    CLI_EXPECT(r, 3);
    QVERIFY(!QFile::exists(m_dir->filePath("r.pdf")));

    CLI_EXPECT(cli({"ppid", "list", "--role", "opd"}), 1);                     // which OPD?
    CLI_EXPECT(cli({"ppid", "list", "--role", "ppid", "--opd", "DINKES"}), 1); // --opd only with opd
    CLI_EXPECT(cli({"ppid", "list", "--role", "opd", "--opd", "XYZ"}), 3);
}

void TestCliPpid::listRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown role") << QStringList{"ppid", "list", "--role", "bupati"};
    QTest::newRow("--from alone") << QStringList{"ppid", "list", "--from", "2026-03-01"};
    QTest::newRow("malformed --to") << QStringList{"ppid", "list", "--from", "2026-03-01", "--to", "31-03-2026"};
    QTest::newRow("--to before --from") << QStringList{"ppid", "list", "--from", "2026-03-31", "--to", "2026-03-01"};
    QTest::newRow("option of add") << QStringList{"ppid", "list", "--name", "Budi"};
    QTest::newRow("extra argument") << QStringList{"ppid", "list", "all"};
}

void TestCliPpid::listRefusals()
{
    QFETCH(QStringList, args);
    QVERIFY(!add().isEmpty());
    const CliResult r = cli(args);
    CLI_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("humasdesk-cli: "));
}

void TestCliPpid::exportCsv_data()
{
    listMasking_data();
}

void TestCliPpid::exportCsv()
{
    QFETCH(QString, role);
    QFETCH(bool, full);
    const QString number = add({"--opd", "DISKOMINFO"});
    QVERIFY(!number.isEmpty());
    const QString path = m_dir->filePath("register.csv");
    const QStringList roleArgs = roleArguments(role);
    const CliResult r = cli(QStringList{"ppid", "export-csv", path} + roleArgs);
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(QDir::toNativeSeparators(path)));
    QVERIFY(!QFile::exists(path + ".part"));
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.startsWith(Bom));
    const QString text = QString::fromUtf8(bytes.mid(Bom.size()));
    const QStringList lines = text.split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith("No.,Nomor Pendaftaran,Tanggal Permohonan,Jam Permohonan,Cara Permohonan,"
                                    "Jenis Pemohon,Nama Pemohon,NIK/Nomor Akta,Alamat,"),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith("1," + number + ",2026-03-16,09:30,"));
    QVERIFY(lines.at(1).contains("Budi Santoso"));
    QVERIFY(lines.at(1).contains("2026-04-07"));
    QVERIFY(lines.at(1).contains("\"Dinas Komunikasi, Informatika, Persandian dan Statistik\""));
    for (const QString &secret : {Nik, Phone, Email, Address})
        QCOMPARE(text.contains(secret), full);
    for (const QString &masked : {MaskedNik, MaskedPhone, MaskedEmail})
        QCOMPARE(text.contains(masked), !full);
}

void TestCliPpid::exportRefusals()
{
    QVERIFY(!add().isEmpty());
    CliResult r = cli({"ppid", "export-csv"});
    CLI_EXPECT(r, 1);
    const QString missingFolder = m_dir->filePath("nowhere/register.csv");
    r = cli({"ppid", "export-csv", missingFolder});
    CLI_EXPECT(r, 3);
    QVERIFY(r.out.isEmpty() && !r.err.isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath("nowhere")));
    const QString path = m_dir->filePath("register.csv");
    r = cli({"ppid", "export-csv", path, "--role", "kepala"});
    CLI_EXPECT(r, 1);
    r = cli({"ppid", "export-csv", path, "--json"});
    CLI_EXPECT(r, 1);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + ".part"));
}

void TestCliPpid::stats()
{
    QVERIFY(!add().isEmpty());
    QVERIFY(!add({"--received", "2026-03-20T10:00", "--channel", "email"}).isEmpty());
    QVERIFY(!add({"--received", "2026-04-02T10:00", "--channel", "email"}).isEmpty());
    const CliResult r = cli({"ppid", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json"});
    CLI_EXPECT(r, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(r.out));
    const QJsonObject json = doc.object();
    QCOMPARE(json.value("received").toInt(), 2);
    QVERIFY2(json.contains("byChannel"), qPrintable(r.out));
    const QJsonObject channels = json.value("byChannel").toObject();
    QCOMPARE(channels.value("langsung").toInt(), 1);
    QCOMPARE(channels.value("email").toInt(), 1);
    // The text form: one "key<TAB>value" line per figure.
    const CliResult text = cli({"ppid", "stats", "--from", "2026-03-01", "--to", "2026-03-31"});
    CLI_EXPECT(text, 0);
    QVERIFY2(text.out.split('\n').contains("received\t2"), qPrintable(text.out));
    QVERIFY2(text.out.split('\n').contains("byChannel.email\t1"), qPrintable(text.out));

    CLI_EXPECT(cli({"ppid", "stats", "--json"}), 1);
    CLI_EXPECT(cli({"ppid", "stats", "--from", "2026-03-01", "--to", "2026-02-01", "--json"}), 1);
    CLI_EXPECT(cli({"ppid", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--name", "Budi"}), 1);
}

void TestCliPpid::receipt()
{
    if (!QFile::exists("/usr/bin/pdftotext"))
        QSKIP("pdftotext is not installed");
    const QString number = add();
    QVERIFY(!number.isEmpty());
    auto pdfText = [](const QString &file) {
        QProcess p;
        p.start("/usr/bin/pdftotext", {"-enc", "UTF-8", file, "-"});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const QString full = m_dir->filePath("receipt.pdf");
    CliResult r = cli({"ppid", "receipt", number, full});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(number), qPrintable(r.out));
    QString text = pdfText(full);
    QVERIFY2(text.contains(number), qPrintable(text));
    QVERIFY2(text.contains(Nik), qPrintable(text));
    // 16 March 2026 + 10 working days (Nyepi, Idul Fitri and cuti bersama not counted).
    QVERIFY2(text.contains("7 April 2026"), qPrintable(text));

    const QString masked = m_dir->filePath("masked.pdf");
    CLI_EXPECT(cli({"ppid", "receipt", number, masked, "--role", "pimpinan"}), 0);
    text = pdfText(masked);
    QVERIFY2(!text.contains(Nik), qPrintable(text));
    QVERIFY2(text.contains("7208••••••••"), qPrintable(text));

    const QString none = m_dir->filePath("none.pdf");
    r = cli({"ppid", "receipt", "999/PPID/I/2026", none});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("999/PPID/I/2026"));
    QVERIFY(!QFile::exists(none));
    QCOMPARE(cli({"ppid", "receipt", number}).exitCode, 1);
}

void TestCliPpid::holidaysList()
{
    const CliResult r = cli({"holidays", "list", "--year", "2026"});
    CLI_EXPECT(r, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 25);
    QVERIFY2(lines.first().startsWith("2026-01-01\tlibur_nasional\tTahun Baru 2026 Masehi\tSKB 3 Menteri 2025"),
             qPrintable(lines.first()));
    QVERIFY(lines.contains("2026-03-19\tlibur_nasional\tHari Suci Nyepi Tahun Baru Saka 1948\tSKB 3 Menteri 2025"));
    QStringList sorted = lines;
    sorted.sort();
    QCOMPARE(lines, sorted);
    for (const QString &line : lines)
        QVERIFY(line.startsWith("2026-"));
    const CliResult all = cli({"holidays", "list"});
    CLI_EXPECT(all, 0);
    QCOMPARE(all.out.trimmed().split('\n').size(), count(m_db, "holidays"));
    // A year without holidays: nothing listed, a warning on stderr.
    const CliResult empty = cli({"holidays", "list", "--year", "2027"});
    CLI_EXPECT(empty, 0);
    QVERIFY(empty.out.isEmpty());
    QVERIFY(empty.err.contains("2027"));
}

void TestCliPpid::holidaysImportRecomputes()
{
    QVERIFY(!add().isEmpty());
    QCOMPARE(rows(m_db, "SELECT due_date FROM ppid_requests").value(0).value(0), QString("2026-04-07"));
    const int before = count(m_db, "holidays");
    const QString csv = m_dir->filePath("holidays-2026b.csv");
    QVERIFY(writeFile(csv, "\xEF\xBB\xBF"
                           "date,kind,name,source\r\n"
                           "2026-04-06,lokal,Hari jadi kabupaten,Perda\r\n"
                           "2026-03-19,libur_nasional,Hari Suci Nyepi Tahun Baru Saka 1948,SKB 3 Menteri 2025\r\n"));
    const CliResult r = cli({"holidays", "import", csv});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains("1 added, 0 changed, 1 unchanged"), qPrintable(r.out));
    QVERIFY2(r.out.contains("1 deadline"), qPrintable(r.out));
    QCOMPARE(count(m_db, "holidays"), before + 1);
    // The open request's deadline moved with the new holiday.
    QCOMPARE(rows(m_db, "SELECT due_date FROM ppid_requests").value(0).value(0), QString("2026-04-08"));
    CliResult due = cli({"ppid", "due", "--received", "2026-03-16"});
    QCOMPARE(lastLine(due.out), QString("2026-04-08"));
    QVERIFY(cli({"holidays", "list", "--year", "2026"}).out.contains("2026-04-06\tlokal\tHari jadi kabupaten\tPerda"));
    // The same file again changes nothing.
    const CliResult again = cli({"holidays", "import", csv});
    CLI_EXPECT(again, 0);
    QVERIFY2(again.out.contains("0 added, 0 changed, 2 unchanged"), qPrintable(again.out));
    QVERIFY2(again.out.contains("0 deadline"), qPrintable(again.out));
}

void TestCliPpid::holidaysImportMalformed()
{
    QVERIFY(!add().isEmpty());
    const int holidays = count(m_db, "holidays");
    const int before = changes();
    const QString csv = m_dir->filePath("bad.csv");
    QVERIFY(writeFile(csv, "date,kind,name,source\n"
                           "2026-04-06,lokal,Hari jadi kabupaten,Perda\n"
                           "2026-04-31,lokal,Tanggal mustahil,Perda\n"));
    const CliResult r = cli({"holidays", "import", csv});
    CLI_EXPECT(r, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("Line 3"), qPrintable(r.err));
    QCOMPARE(count(m_db, "holidays"), holidays);
    QCOMPARE(changes(), before);
    QCOMPARE(rows(m_db, "SELECT due_date FROM ppid_requests").value(0).value(0), QString("2026-04-07"));
}

void TestCliPpid::holidaysImportTooLarge()
{
    // 20,001 rows: one more than a holiday file may hold (the header is line 1).
    QByteArray csv = "date,kind,name,source\n";
    const QDate first(1990, 1, 1);
    for (int i = 0; i <= 20000; ++i)
        csv += first.addDays(i).toString(Qt::ISODate).toUtf8() + ",lokal,Libur " + QByteArray::number(i) + ",Bench\n";
    const QString file = m_dir->filePath("huge.csv");
    QVERIFY(writeFile(file, csv));
    const QByteArray before = fileBytes(m_db);
    const CliResult r = cli({"holidays", "import", file});
    CLI_EXPECT(r, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("nothing was stored") && r.err.contains("Line 20002: ") && r.err.contains("more than"),
             qPrintable(r.err));
    QVERIFY(fileBytes(m_db) == before);
}

void TestCliPpid::holidaysRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no action") << QStringList{"holidays"} << 1;
    QTest::newRow("unknown action") << QStringList{"holidays", "export"} << 1;
    QTest::newRow("import without file") << QStringList{"holidays", "import"} << 1;
    QTest::newRow("import with --year") << QStringList{"holidays", "import", "x.csv", "--year", "2026"} << 1;
    QTest::newRow("import missing file") << QStringList{"holidays", "import", "/nonexistent/x.csv"} << 3;
    QTest::newRow("list bad year") << QStringList{"holidays", "list", "--year", "26abc"} << 1;
    QTest::newRow("list extra argument") << QStringList{"holidays", "list", "2026"} << 1;
}

void TestCliPpid::holidaysRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const int holidays = count(m_db, "holidays");
    const CliResult r = cli(args);
    CLI_EXPECT(r, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("humasdesk-cli: "));
    QCOMPARE(count(m_db, "holidays"), holidays);
}

QTEST_GUILESS_MAIN(TestCliPpid)
#include "tst_cli_ppid.moc"
