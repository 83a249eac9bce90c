// RRULE parsing and expansion (models/agenda/recurrence): the rule parts agenda files use,
// expected days cross-checked against python-dateutil.

#include "agenda/recurrence.h"

#include <QTest>

using namespace Humas;

namespace {

const QTimeZone Wita(8 * 3600);

QStringList days(const QList<QDateTime> &times)
{
    QStringList result;
    for (const QDateTime &t : times)
        result << t.date().toString(Qt::ISODate);
    return result;
}

} // namespace

class TestRecurrence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expand_data();
    void expand();
    void keepsWallClockTimeAndZone();
    void refusesBadRules_data();
    void refusesBadRules();
};

void TestRecurrence::expand_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QStringList>("exceptions"); // "yyyy-MM-dd" = whole day, else ISO date-time
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("expected");

    const QDateTime mon(QDate(2026, 11, 23), QTime(8, 0), Wita);
    const QDate y2026(2026, 1, 1), y2030(2030, 12, 31);
    QTest::newRow("daily count") << "FREQ=DAILY;COUNT=5" << mon << QStringList() << y2026 << y2030
                                 << QStringList{"2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"};
    QTest::newRow("daily interval 3") << "FREQ=DAILY;INTERVAL=3;COUNT=3" << mon << QStringList() << y2026 << y2030
                                      << QStringList{"2026-11-23", "2026-11-26", "2026-11-29"};
    QTest::newRow("weekly interval 2 mo,we")
        << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6" << mon << QStringList() << y2026 << y2030
        << QStringList{"2026-11-23", "2026-11-25", "2026-12-07", "2026-12-09", "2026-12-21", "2026-12-23"};
    QTest::newRow("monthly first monday")
        << "FREQ=MONTHLY;BYDAY=1MO;COUNT=4" << QDateTime(QDate(2026, 12, 7), QTime(8, 0), Wita) << QStringList()
        << y2026 << y2030 << QStringList{"2026-12-07", "2027-01-04", "2027-02-01", "2027-03-01"};
    QTest::newRow("monthly last friday") << "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3"
                                         << QDateTime(QDate(2026, 11, 27), QTime(8, 0), Wita) << QStringList() << y2026
                                         << y2030 << QStringList{"2026-11-27", "2026-12-25", "2027-01-29"};
    QTest::newRow("monthly 31st skips short months")
        << "FREQ=MONTHLY;COUNT=3" << QDateTime(QDate(2027, 1, 31), QTime(8, 0), Wita) << QStringList() << y2026 << y2030
        << QStringList{"2027-01-31", "2027-03-31", "2027-05-31"};
    // 08.00 WITA on the 26th is 00.00 UTC: UNTIL is inclusive.
    QTest::newRow("until date-time inclusive")
        << "FREQ=DAILY;UNTIL=20261126T000000Z" << mon << QStringList() << y2026 << y2030
        << QStringList{"2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"};
    QTest::newRow("until date inclusive") << "FREQ=WEEKLY;UNTIL=20261207" << mon << QStringList() << y2026 << y2030
                                          << QStringList{"2026-11-23", "2026-11-30", "2026-12-07"};
    QTest::newRow("exdate by time and by day")
        << "FREQ=DAILY;COUNT=5" << mon << QStringList{"2026-11-25T08:00:00+08:00", "2026-11-26"} << y2026 << y2030
        << QStringList{"2026-11-23", "2026-11-24", "2026-11-27"};
    QTest::newRow("exdate at another time keeps the occurrence")
        << "FREQ=DAILY;COUNT=2" << mon << QStringList{"2026-11-24T09:00:00+08:00"} << y2026 << y2030
        << QStringList{"2026-11-23", "2026-11-24"};
    QTest::newRow("window clips daily") << "FREQ=DAILY" << QDateTime(QDate(2020, 1, 1), QTime(8, 0), Wita)
                                        << QStringList() << QDate(2026, 11, 23) << QDate(2026, 11, 25)
                                        << QStringList{"2026-11-23", "2026-11-24", "2026-11-25"};
    QTest::newRow("window clips biweekly")
        << "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH" << QDateTime(QDate(2020, 1, 7), QTime(8, 0), Wita) << QStringList()
        << QDate(2026, 11, 1) << QDate(2026, 11, 30)
        << QStringList{"2026-11-03", "2026-11-05", "2026-11-17", "2026-11-19"};
    QTest::newRow("window clips quarterly last friday")
        << "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR" << QDateTime(QDate(2020, 1, 31), QTime(8, 0), Wita) << QStringList()
        << QDate(2026, 1, 1) << QDate(2026, 12, 31)
        << QStringList{"2026-01-30", "2026-04-24", "2026-07-31", "2026-10-30"};
    QTest::newRow("window clips count") << "FREQ=DAILY;COUNT=5" << mon << QStringList() << QDate(2026, 11, 25)
                                        << QDate(2026, 11, 26) << QStringList{"2026-11-25", "2026-11-26"};
    QTest::newRow("window before start") << "FREQ=DAILY" << mon << QStringList() << QDate(2026, 1, 1)
                                         << QDate(2026, 11, 22) << QStringList();
    QTest::newRow("yearly") << "FREQ=YEARLY;COUNT=3" << QDateTime(QDate(2026, 8, 17), QTime(7, 0), Wita)
                            << QStringList() << y2026 << y2030 << QStringList{"2026-08-17", "2027-08-17", "2028-08-17"};
    QTest::newRow("monthly bymonthday -1")
        << "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3" << QDateTime(QDate(2027, 1, 31), QTime(8, 0), Wita) << QStringList()
        << y2026 << y2030 << QStringList{"2027-01-31", "2027-02-28", "2027-03-31"};
}

void TestRecurrence::expand()
{
    QFETCH(QString, rule);
    QFETCH(QDateTime, start);
    QFETCH(QStringList, exceptions);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, expected);

    RecurrenceRule parsed;
    QString error;
    QVERIFY2(RecurrenceRule::parse(rule, start.timeZone(), &parsed, &error), qPrintable(error));
    Recurrence recurrence(parsed, start);
    for (const QString &e : exceptions) {
        if (e.size() == 10)
            recurrence.addException(QDate::fromString(e, Qt::ISODate));
        else
            recurrence.addException(QDateTime::fromString(e, Qt::ISODate));
    }
    QCOMPARE(days(recurrence.occurrences(from, to)), expected);
}

void TestRecurrence::keepsWallClockTimeAndZone()
{
    RecurrenceRule rule;
    QString error;
    QVERIFY(RecurrenceRule::parse(QStringLiteral("FREQ=WEEKLY;COUNT=2"), Wita, &rule, &error));
    const QDateTime start(QDate(2026, 11, 23), QTime(9, 30), Wita);
    const QList<QDateTime> times = Recurrence(rule, start).occurrences(QDate(2026, 1, 1), QDate(2026, 12, 31));
    QCOMPARE(times.size(), 2);
    QCOMPARE(times.at(1), QDateTime(QDate(2026, 11, 30), QTime(9, 30), Wita));
    QCOMPARE(times.at(1).offsetFromUtc(), 8 * 3600);
}

void TestRecurrence::refusesBadRules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("no freq") << "COUNT=3";
    QTest::newRow("unknown freq") << "FREQ=FORTNIGHTLY";
    QTest::newRow("hourly not supported") << "FREQ=HOURLY";
    QTest::newRow("count and until") << "FREQ=DAILY;COUNT=2;UNTIL=20261130";
    QTest::newRow("zero interval") << "FREQ=DAILY;INTERVAL=0";
    QTest::newRow("bad count") << "FREQ=DAILY;COUNT=x";
    QTest::newRow("bad until") << "FREQ=DAILY;UNTIL=20261340";
    QTest::newRow("bad weekday") << "FREQ=WEEKLY;BYDAY=XX";
    QTest::newRow("ordinal in weekly") << "FREQ=WEEKLY;BYDAY=1MO";
    QTest::newRow("bysetpos") << "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1";
    QTest::newRow("empty part") << "FREQ=";
}

void TestRecurrence::refusesBadRules()
{
    QFETCH(QString, rule);
    RecurrenceRule parsed;
    QString error;
    QVERIFY(!RecurrenceRule::parse(rule, Wita, &parsed, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestRecurrence)
#include "tst_recurrence.moc"
