// Registration numbers (issue 4, "Registration numbers"): the configurable pattern, the desk
// code that keeps two PCs working offline from ever giving the same number, and the
// sequence per series, desk and year.

#include "ppid/ppidobjection.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/registrationnumber.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlQuery>
#include <QTest>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

Actor ppidActor()
{
    Actor a;
    a.username = QStringLiteral("ppid1");
    a.role = Role::Ppid;
    return a;
}

PpidRequest sample(const QDateTime &receivedAt)
{
    PpidRequest r;
    r.receivedAt = receivedAt;
    r.requesterName = QStringLiteral("Andi Lamasigi");
    r.information = QStringLiteral("Daftar penerima bantuan sosial 2026");
    return r;
}

} // namespace

class TestRegistrationNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void romanMonths();
    void format_data();
    void format();
    void patternValidation_data();
    void patternValidation();
    void effectivePatternAlwaysHasDeskAndYear_data();
    void effectivePatternAlwaysHasDeskAndYear();
    void defaultDeskCode();
    void deskCode();
    void twoSitesOffline();
    void customPattern();
    void objectionSeriesIsSeparate();
};

void TestRegistrationNumber::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestRegistrationNumber::romanMonths()
{
    const QStringList expected = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    for (int m = 1; m <= 12; ++m)
        QCOMPARE(RegistrationNumber::romanMonth(m), expected.at(m - 1));
    QVERIFY(RegistrationNumber::romanMonth(0).isEmpty());
    QVERIFY(RegistrationNumber::romanMonth(13).isEmpty());
}

void TestRegistrationNumber::format_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("seq");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("number");
    const QDate d(2026, 3, 16);
    QTest::newRow("default") << RegistrationNumber::defaultPattern() << 7 << d << "007-A3F9/PPID/III/2026";
    QTest::newRow("with desk") << "{seq:4}/{desk}/PPID/{month}/{yy}" << 12 << d << "0012/A3F9/PPID/03/26";
    QTest::newRow("no width") << "PPID-{desk}-{seq}-{year}" << 1234 << d << "PPID-A3F9-1234-2026";
    QTest::newRow("more than the width") << "{seq:3}/{desk}/{year}" << 1234 << d << "1234/A3F9/2026";
    QTest::newRow("no year gets one") << "{seq:3}/PPID/{month_roman}" << 5 << QDate(2025, 12, 1)
                                      << "005-A3F9/PPID/XII/2025";
    QTest::newRow("day") << "{seq:2}/{desk}/{day}{month}{year}" << 3 << QDate(2026, 1, 9) << "03/A3F9/09012026";
}

void TestRegistrationNumber::format()
{
    QFETCH(QString, pattern);
    QFETCH(int, seq);
    QFETCH(QDate, date);
    QFETCH(QString, number);
    QCOMPARE(RegistrationNumber::format(pattern, seq, QStringLiteral("A3F9"), date), number);
}

void TestRegistrationNumber::patternValidation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << RegistrationNumber::defaultPattern() << true;
    QTest::newRow("objection default") << RegistrationNumber::defaultObjectionPattern() << true;
    QTest::newRow("all placeholders") << "{seq:5}/{desk}/{day}-{month}-{yy}/{month_roman}/{year}" << true;
    QTest::newRow("no seq") << "PPID/{month_roman}/{year}" << false;
    QTest::newRow("two seq") << "{seq}/{seq:3}/{year}" << false;
    QTest::newRow("unknown placeholder") << "{seq}/{opd}/{year}" << false;
    QTest::newRow("width on year") << "{seq}/{year:4}" << false;
    QTest::newRow("width 0") << "{seq:0}/{year}" << false;
    QTest::newRow("empty") << "  " << false;
}

void TestRegistrationNumber::patternValidation()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    QString error;
    QCOMPARE(RegistrationNumber::isValidPattern(pattern, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    // The setting refuses what the formatter would refuse.
    TestDatabase db(TestDatabase::Seed::Base);
    AppSettings settings(db.db(), Actor::system());
    QCOMPARE(settings.setValue(QLatin1String(AppSettings::PpidNumberPattern), pattern, &error), valid);
    QCOMPARE(settings.ppidNumberPattern(), valid ? pattern : RegistrationNumber::defaultPattern());
}

void TestRegistrationNumber::effectivePatternAlwaysHasDeskAndYear_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("effective");
    QTest::newRow("default") << "{seq:3}/PPID/{month_roman}/{year}"
                             << "{seq:3}-{desk}/PPID/{month_roman}/{year}";
    QTest::newRow("has desk") << "{desk}/{seq:3}/{yy}"
                              << "{desk}/{seq:3}/{yy}";
    QTest::newRow("no year") << "{seq}/PPID"
                             << "{seq}-{desk}/PPID/{year}";
    QTest::newRow("empty") << ""
                           << "{seq:3}-{desk}/PPID/{month_roman}/{year}";
}

void TestRegistrationNumber::effectivePatternAlwaysHasDeskAndYear()
{
    QFETCH(QString, pattern);
    QFETCH(QString, effective);
    QCOMPARE(RegistrationNumber::effectivePattern(pattern), effective);
}

void TestRegistrationNumber::defaultDeskCode()
{
    QCOMPARE(RegistrationNumber::defaultDeskCode(QStringLiteral("01900000-0000-7000-8000-00000000a3f9")),
             QStringLiteral("A3F9"));
    QCOMPARE(RegistrationNumber::defaultDeskCode(QString()), QStringLiteral("0000"));
}

void TestRegistrationNumber::deskCode()
{
    TestDatabase db(TestDatabase::Seed::Base);
    QCOMPARE(RegistrationNumber::deskCode(db.db()), RegistrationNumber::defaultDeskCode(db.db().siteId()));
    QString error;
    QVERIFY(!RegistrationNumber::setDeskCode(db.db(), QStringLiteral("a-1"), &error));
    QVERIFY(!RegistrationNumber::setDeskCode(db.db(), QStringLiteral("TOOLONGCODE"), &error));
    QVERIFY2(RegistrationNumber::setDeskCode(db.db(), QStringLiteral("LT2"), &error), qPrintable(error));
    QCOMPARE(RegistrationNumber::deskCode(db.db()), QStringLiteral("LT2"));
    // The code is local: it survives a reopen and is not in any synced table.
    QVERIFY(db.reopen());
    QCOMPARE(RegistrationNumber::deskCode(db.db()), QStringLiteral("LT2"));
    QCOMPARE(db.count(QStringLiteral("settings"), QStringLiteral("value = 'LT2'")), 0);

    // A code another site already numbers with (its sequence row came by sync) is refused.
    QSqlQuery q(db.db().connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO ppid_sequences (id, updated_at, site_id, hlc, series, desk_code, year, "
                                  "last_seq) VALUES ('x', '2026-01-01T00:00:00Z', 'other-site', '0', 'request', "
                                  "'A', 2026, 12)")));
    QVERIFY(!RegistrationNumber::setDeskCode(db.db(), QStringLiteral("A"), &error));
    QVERIFY2(error.contains(QStringLiteral("another PC")), qPrintable(error));
}

void TestRegistrationNumber::twoSitesOffline()
{
    // Two PCs, each with its own database (site), register at the same moment without
    // any sync in between: their numbers differ, and stay different across a whole year.
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 16), QTime(3, 0), Qt::UTC));
    TestDatabase pc1(TestDatabase::Seed::Base);
    TestDatabase pc2(TestDatabase::Seed::Base);
    QVERIFY(pc1.db().siteId() != pc2.db().siteId());
    QVERIFY(RegistrationNumber::deskCode(pc1.db()) != RegistrationNumber::deskCode(pc2.db()));
    PpidRequestRepository repo1(pc1.db(), ppidActor());
    PpidRequestRepository repo2(pc2.db(), ppidActor());
    QSet<QString> numbers;
    QString error;
    for (int i = 0; i < 20; ++i) {
        PpidRequest a = sample(clock.nowUtc());
        PpidRequest b = sample(clock.nowUtc());
        QVERIFY2(repo1.add(&a, &error), qPrintable(error));
        QVERIFY2(repo2.add(&b, &error), qPrintable(error));
        QVERIFY(a.regNumber != b.regNumber);
        numbers << a.regNumber << b.regNumber;
    }
    QCOMPARE(numbers.size(), 40);
    QVERIFY(numbers.contains(QStringLiteral("001-%1/PPID/III/2026").arg(RegistrationNumber::deskCode(pc1.db()))));
    QVERIFY(numbers.contains(QStringLiteral("001-%1/PPID/III/2026").arg(RegistrationNumber::deskCode(pc2.db()))));
    // Each desk wrote only its own sequence row.
    QSqlQuery q(pc1.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT desk_code, last_seq, site_id FROM ppid_sequences")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), RegistrationNumber::deskCode(pc1.db()));
    QCOMPARE(q.value(1).toInt(), 20);
    QCOMPARE(q.value(2).toString(), pc1.db().siteId());
    QVERIFY(!q.next());
}

void TestRegistrationNumber::customPattern()
{
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 16), QTime(3, 0), Qt::UTC));
    TestDatabase db(TestDatabase::Seed::Base);
    QString error;
    QVERIFY2(RegistrationNumber::setDeskCode(db.db(), QStringLiteral("B"), &error), qPrintable(error));
    QVERIFY2(AppSettings(db.db(), Actor::system())
                 .setValue(QLatin1String(AppSettings::PpidNumberPattern),
                           QStringLiteral("{seq:4}/PPID-{desk}/DISKOMINFO/{year}"), &error),
             qPrintable(error));
    PpidRequestRepository repo(db.db(), ppidActor());
    PpidRequest r = sample(clock.nowUtc());
    QVERIFY2(repo.add(&r, &error), qPrintable(error));
    QCOMPARE(r.regNumber, QStringLiteral("0001/PPID-B/DISKOMINFO/2026"));
    // A number already in the register (e.g. imported from a paper register) is skipped.
    QSqlQuery q(db.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE ppid_requests SET reg_number = '0002/PPID-B/DISKOMINFO/2026', reg_seq = 0")));
    PpidRequest next = sample(clock.nowUtc());
    QVERIFY2(repo.add(&next, &error), qPrintable(error));
    QCOMPARE(next.regNumber, QStringLiteral("0003/PPID-B/DISKOMINFO/2026"));
}

void TestRegistrationNumber::objectionSeriesIsSeparate()
{
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 16), QTime(3, 0), Qt::UTC));
    TestDatabase db(TestDatabase::Seed::Base);
    QString error;
    QVERIFY2(RegistrationNumber::setDeskCode(db.db(), QStringLiteral("C"), &error), qPrintable(error));
    PpidRequestRepository repo(db.db(), ppidActor());
    PpidRequest r = sample(clock.nowUtc());
    QVERIFY2(repo.add(&r, &error), qPrintable(error));
    PpidObjectionRepository objections(db.db(), ppidActor());
    PpidObjection o;
    o.requestId = r.id;
    o.ground = QStringLiteral("c");
    o.summary = QStringLiteral("Permohonan belum dijawab");
    QVERIFY2(objections.add(&o, &error), qPrintable(error));
    QCOMPARE(r.regNumber, QStringLiteral("001-C/PPID/III/2026"));
    QCOMPARE(o.number, QStringLiteral("001-C/KEB/PPID/III/2026"));
}

QTEST_GUILESS_MAIN(TestRegistrationNumber)
#include "tst_registrationnumber.moc"
