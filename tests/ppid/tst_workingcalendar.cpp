// WorkingCalendar and the legal deadlines of UU 14/2008 (issue 4, "Working-day calendar").
// Expected dates were worked out by hand from resources/seed/holidays-id.csv (the SKB 3
// Menteri lists of 2025 and 2026) and cross-checked with an independent script: day 0 is
// the receipt date, the deadline is the Nth working day after it.

#include "ppid/workingcalendar.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include "testdatabase.h"
#include "testenvironment.h"

#include <QTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestWorkingCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void dueDates_data();
    void dueDates();
    void plainCalendar();
    void weekendAndHolidaysAreNotWorkingDays();
    void workingDaysBetween_data();
    void workingDaysBetween();
    void settingIsRead();
    void roundTrip();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestWorkingCalendar::initTestCase()
{
    HumasTest::isolateEnvironment();
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QVERIFY(m_db->count(QStringLiteral("holidays")) > 40);
}

void TestWorkingCalendar::dueDates_data()
{
    QTest::addColumn<QDate>("received");
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("cutiBersamaWorking");
    QTest::addColumn<QDate>("due");

    using D = QDate;
    const int R = PpidDeadlines::Response;
    const int RX = PpidDeadlines::Response + PpidDeadlines::Extension;
    // DOMAIN.md's example: Nyepi (19 Mar) and Idul Fitri 1447 H (21–22 Mar) with cuti bersama
    // on 18, 20, 23 and 24 March, Good Friday on 3 April.
    QTest::newRow("DOMAIN example, cuti bersama not counted") << D(2026, 3, 16) << R << false << D(2026, 4, 7);
    QTest::newRow("DOMAIN example, cuti bersama counted") << D(2026, 3, 16) << R << true << D(2026, 3, 31);
    QTest::newRow("2026 extended (17), not counted") << D(2026, 3, 16) << RX << false << D(2026, 4, 16);
    QTest::newRow("2026 extended (17), counted") << D(2026, 3, 16) << RX << true << D(2026, 4, 10);
    // 2025: cuti bersama Nyepi 28 Mar, Nyepi Sat 29 Mar, Idul Fitri 31 Mar–1 Apr, cuti
    // bersama 2, 3, 4 and 7 April, Good Friday 18 April.
    QTest::newRow("Nyepi/Idul Fitri 2025, not counted") << D(2025, 3, 27) << R << false << D(2025, 4, 22);
    QTest::newRow("Nyepi/Idul Fitri 2025, counted") << D(2025, 3, 27) << R << true << D(2025, 4, 14);
    QTest::newRow("received on a cuti bersama 2025") << D(2025, 3, 28) << R << false << D(2025, 4, 22);
    // Weekend receipts: the count starts on the next working day all the same.
    QTest::newRow("received Saturday (Idul Fitri 2026)") << D(2026, 3, 21) << R << false << D(2026, 4, 8);
    QTest::newRow("received Sunday (Idul Fitri 2026)") << D(2026, 3, 22) << R << false << D(2026, 4, 8);
    QTest::newRow("received Saturday, counted") << D(2026, 3, 21) << R << true << D(2026, 4, 6);
    QTest::newRow("received on Good Friday 2026") << D(2026, 4, 3) << R << false << D(2026, 4, 17);
    // Year ends: Christmas, cuti bersama 26 Dec 2025, New Year 2026.
    QTest::newRow("year end 2025, not counted") << D(2025, 12, 22) << R << false << D(2026, 1, 8);
    QTest::newRow("year end 2025, counted") << D(2025, 12, 22) << R << true << D(2026, 1, 7);
    QTest::newRow("Christmas Eve 2025") << D(2025, 12, 24) << R << false << D(2026, 1, 12);
    QTest::newRow("New Year's Eve, one day") << D(2025, 12, 31) << 1 << false << D(2026, 1, 2);
    // 2026 into 2027 (no 2027 list yet: only weekends close the office).
    QTest::newRow("year end 2026, not counted") << D(2026, 12, 21) << R << false << D(2027, 1, 6);
    QTest::newRow("year end 2026, counted") << D(2026, 12, 21) << R << true << D(2027, 1, 5);
    QTest::newRow("year end 2026, extended") << D(2026, 12, 21) << RX << false << D(2027, 1, 15);
    // The cuti bersama of 18 August 2025 was added by the amended SKB of August 2025.
    QTest::newRow("HUT RI 2025, not counted") << D(2025, 8, 14) << R << false << D(2025, 8, 29);
    QTest::newRow("HUT RI 2025, counted") << D(2025, 8, 14) << R << true << D(2025, 8, 28);
    QTest::newRow("Imlek 2026") << D(2026, 2, 13) << R << false << D(2026, 3, 3);
    // Objection (30), Atasan (30) and Komisi Informasi (14) periods.
    QTest::newRow("objection filing 30") << D(2026, 3, 16) << PpidDeadlines::ObjectionFiling << false << D(2026, 5, 6);
    QTest::newRow("Atasan answer 30, 2025") << D(2025, 3, 27) << PpidDeadlines::AtasanAnswer << false << D(2025, 5, 23);
    QTest::newRow("Komisi Informasi 14") << D(2026, 5, 13) << PpidDeadlines::KomisiInformasi << false << D(2026, 6, 9);
    QTest::newRow("zero days") << D(2026, 3, 16) << 0 << false << D(2026, 3, 16);
}

void TestWorkingCalendar::dueDates()
{
    QFETCH(QDate, received);
    QFETCH(int, days);
    QFETCH(bool, cutiBersamaWorking);
    QFETCH(QDate, due);
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db(), cutiBersamaWorking);
    QCOMPARE(calendar.addWorkingDays(received, days), due);
    // The deadline is itself a working day, and exactly @p days of them lie after day 0.
    if (days > 0) {
        QVERIFY(calendar.isWorkingDay(due));
        QCOMPARE(calendar.workingDaysBetween(received, due), days);
    }
}

void TestWorkingCalendar::plainCalendar()
{
    const WorkingCalendar none;
    QCOMPARE(none.addWorkingDays(QDate(2026, 3, 16), 10), QDate(2026, 3, 30));
    QCOMPARE(none.addWorkingDays(QDate(2026, 3, 20), 1), QDate(2026, 3, 23)); // Fri → Mon
    QVERIFY(!none.addWorkingDays(QDate(), 10).isValid());

    const WorkingCalendar built({QDate(2026, 3, 19)}, {QDate(2026, 3, 18)}, false);
    QVERIFY(!built.isWorkingDay(QDate(2026, 3, 18)));
    QVERIFY(!built.isWorkingDay(QDate(2026, 3, 19)));
    QCOMPARE(built.addWorkingDays(QDate(2026, 3, 17), 1), QDate(2026, 3, 20));
    const WorkingCalendar counted({QDate(2026, 3, 19)}, {QDate(2026, 3, 18)}, true);
    QVERIFY(counted.isWorkingDay(QDate(2026, 3, 18)));
    QCOMPARE(counted.addWorkingDays(QDate(2026, 3, 17), 1), QDate(2026, 3, 18));
}

void TestWorkingCalendar::weekendAndHolidaysAreNotWorkingDays()
{
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db(), false);
    QVERIFY(calendar.isWorkingDay(QDate(2026, 3, 16)));
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 14))); // Saturday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 15))); // Sunday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 19))); // Nyepi
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 18))); // cuti bersama
    QVERIFY(!calendar.isWorkingDay(QDate()));
    const WorkingCalendar counted = WorkingCalendar::load(m_db->db(), true);
    QVERIFY(counted.isWorkingDay(QDate(2026, 3, 18)));
    QVERIFY(!counted.isWorkingDay(QDate(2026, 3, 19)));
}

void TestWorkingCalendar::workingDaysBetween_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("days");
    QTest::newRow("same day") << QDate(2026, 3, 16) << QDate(2026, 3, 16) << 0;
    QTest::newRow("backwards") << QDate(2026, 3, 16) << QDate(2026, 3, 2) << 0;
    QTest::newRow("next day") << QDate(2026, 3, 16) << QDate(2026, 3, 17) << 1;
    QTest::newRow("over Lebaran") << QDate(2026, 3, 17) << QDate(2026, 3, 25) << 1;
    QTest::newRow("Friday to Monday") << QDate(2026, 3, 6) << QDate(2026, 3, 9) << 1;
    QTest::newRow("to a Saturday") << QDate(2026, 3, 9) << QDate(2026, 3, 14) << 4;
}

void TestWorkingCalendar::workingDaysBetween()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, days);
    QCOMPARE(WorkingCalendar::load(m_db->db(), false).workingDaysBetween(from, to), days);
}

void TestWorkingCalendar::settingIsRead()
{
    AppSettings settings(m_db->db(), Actor::system());
    QString error;
    QVERIFY2(settings.setValue(QLatin1String(AppSettings::CutiBersamaWorking), QStringLiteral("1"), &error),
             qPrintable(error));
    QCOMPARE(WorkingCalendar::load(m_db->db()).addWorkingDays(QDate(2026, 3, 16), 10), QDate(2026, 3, 31));
    QVERIFY2(settings.setValue(QLatin1String(AppSettings::CutiBersamaWorking), QStringLiteral("0"), &error),
             qPrintable(error));
    QCOMPARE(WorkingCalendar::load(m_db->db()).addWorkingDays(QDate(2026, 3, 16), 10), QDate(2026, 4, 7));
}

void TestWorkingCalendar::roundTrip()
{
    // Every receipt date of two years: the deadline is a working day and exactly N after.
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db(), false);
    for (QDate d(2025, 1, 1); d <= QDate(2026, 12, 31); d = d.addDays(1)) {
        const QDate due = calendar.addWorkingDays(d, PpidDeadlines::Response);
        QVERIFY(calendar.isWorkingDay(due));
        QCOMPARE(calendar.workingDaysBetween(d, due), PpidDeadlines::Response);
        QVERIFY(calendar.workingDaysBetween(d, due.addDays(-1)) < PpidDeadlines::Response);
    }
}

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingcalendar.moc"
