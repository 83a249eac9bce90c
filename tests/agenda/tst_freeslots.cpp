// Free-slot search (issue 3, "Free-slot search"): FreeSlotFinder over a ConflictIndex.

#include "agenda/conflictindex.h"
#include "agenda/eventspan.h"
#include "agenda/freeslotfinder.h"
#include "agenda/travelpolicy.h"

#include "testenvironment.h"

#include <QTest>

using namespace Humas;

namespace {

constexpr int Wita = 8 * 3600;
const QDate Monday(2026, 11, 23);

qint64 at(int dayOffset, int hour, int minute = 0)
{
    return EventSpan::localMidnightMs(Monday.addDays(dayOffset), Wita) + (hour * 60 + minute) * 60000LL;
}

EventSpan busy(const QString &id, qint64 start, qint64 end, const QStringList &officials, const QString &venue,
               const QString &kecamatan)
{
    EventSpan span(id, start, end);
    span.setAttendingOfficials(officials);
    span.setVenueId(venue);
    span.setKecamatanId(kecamatan);
    return span;
}

/** Slots as "day+offset HH:mm" local strings, easy to read in a failure. */
QStringList describe(const QList<qint64> &starts)
{
    QStringList out;
    for (const qint64 start : starts) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(start, Qt::OffsetFromUTC, Wita);
        out << QStringLiteral("%1 %2").arg(Monday.daysTo(local.date())).arg(local.time().toString("HH:mm"));
    }
    return out;
}

FreeSlotFinder::Request request(const QStringList &officials, int minutes, int days, int count,
                                const QString &venue = QString(), const QString &kecamatan = QStringLiteral("k1"))
{
    FreeSlotFinder::Request r;
    r.officials = officials;
    r.durationMinutes = minutes;
    r.fromDate = Monday;
    r.toDate = Monday.addDays(days - 1);
    r.maxCount = count;
    r.venueId = venue;
    r.kecamatanId = kecamatan;
    return r;
}

} // namespace

class TestFreeSlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void emptyAgendaStartsAtWork();
    void avoidsBusyTimes();
    void travelBufferBefore();
    void travelBufferAfter();
    void allOfficialsMustBeFree();
    void venueMustBeFree();
    void workingHoursAndLastSlot();
    void customWorkingHours();
    void skipsWeekendsAndHolidays();
    void limitsCount();
    void noneFound();
    void notBeforeAndExcludedEvent();
};

void TestFreeSlots::emptyAgendaStartsAtWork()
{
    const ConflictIndex index({}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 3))), (QStringList{"0 07:30", "0 07:45", "0 08:00"}));
}

void TestFreeSlots::avoidsBusyTimes()
{
    const ConflictIndex index({busy("a", at(0, 7, 30), at(0, 9), {"bupati"}, "v1", "k1"),
                               busy("b", at(0, 10, 30), at(0, 12), {"bupati"}, "v1", "k1")},
                              TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    // At the same venue no travel is needed: 09.00–10.00, 09.15–10.15, 09.30–10.30, then after 12.00.
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 4, "v1"))),
             (QStringList{"0 09:00", "0 09:15", "0 09:30", "0 12:00"}));
}

void TestFreeSlots::travelBufferBefore()
{
    const ConflictIndex index({busy("a", at(0, 7, 30), at(0, 9), {"bupati"}, "v1", "k1")}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    // Same kecamatan, other venue: 15 minutes; another kecamatan: 60 minutes.
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 1, "v2", "k1"))), QStringList{"0 09:15"});
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 1, "v3", "k2"))), QStringList{"0 10:00"});
    TravelPolicy far;
    far.setMinutes("k1", "k2", 150);
    const ConflictIndex farIndex({busy("a", at(0, 7, 30), at(0, 9), {"bupati"}, "v1", "k1")}, far);
    const FreeSlotFinder farFinder(farIndex, Wita);
    QCOMPARE(describe(farFinder.findSlots(request({"bupati"}, 60, 1, 1, "v3", "k2"))), QStringList{"0 11:30"});
}

void TestFreeSlots::travelBufferAfter()
{
    const ConflictIndex index({busy("a", at(0, 9, 30), at(0, 16), {"bupati"}, "v9", "k2")}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    // 07.30–08.30 leaves exactly 60 minutes to reach k2; 07.45 would leave 45.
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 2, 2, "v1", "k1"))),
             (QStringList{"0 07:30", "1 07:30"}));
}

void TestFreeSlots::allOfficialsMustBeFree()
{
    const ConflictIndex index({busy("a", at(0, 7, 30), at(0, 9), {"bupati"}, "v1", "k1"),
                               busy("b", at(0, 9), at(0, 11), {"wabup"}, "v1", "k1")},
                              TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    QCOMPARE(describe(finder.findSlots(request({"bupati", "wabup"}, 60, 1, 1, "v1"))), QStringList{"0 11:00"});
    // Sekda is free all day, but v1 is taken until 11.00 by the two events above.
    QCOMPARE(describe(finder.findSlots(request({"sekda"}, 60, 1, 1, "v1"))), QStringList{"0 11:00"});
}

void TestFreeSlots::venueMustBeFree()
{
    const ConflictIndex index({busy("a", at(0, 7, 30), at(0, 12), {"sekda"}, "aula", "k1")}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 1, "aula"))), QStringList{"0 12:00"});
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 60, 1, 1, QString()))), QStringList{"0 07:30"});
}

void TestFreeSlots::workingHoursAndLastSlot()
{
    const ConflictIndex index({}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    QCOMPARE(finder.workStart(), QTime(7, 30));
    QCOMPARE(finder.workEnd(), QTime(16, 0));
    const QList<qint64> slots = finder.findSlots(request({"bupati"}, 60, 1, 100));
    QCOMPARE(slots.size(), 31); // 07.30 … 15.00 every 15 minutes
    QCOMPARE(describe({slots.last()}), QStringList{"0 15:00"});
    QVERIFY(finder.findSlots(request({"bupati"}, 9 * 60, 1, 1)).isEmpty()); // longer than the working day
}

void TestFreeSlots::customWorkingHours()
{
    const ConflictIndex index({}, TravelPolicy());
    FreeSlotFinder finder(index, Wita);
    finder.setWorkingHours(QTime(8, 0), QTime(12, 0));
    finder.setGranularityMinutes(30);
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 240, 2, 5))), (QStringList{"0 08:00", "1 08:00"}));
    QCOMPARE(describe(finder.findSlots(request({"bupati"}, 180, 1, 5))),
             (QStringList{"0 08:00", "0 08:30", "0 09:00"}));
    finder.setWorkingHours(QTime(12, 0), QTime(8, 0)); // refused: unchanged
    QCOMPARE(finder.workStart(), QTime(8, 0));
}

void TestFreeSlots::skipsWeekendsAndHolidays()
{
    const ConflictIndex index({}, TravelPolicy());
    FreeSlotFinder finder(index, Wita);
    FreeSlotFinder::Request r = request({"bupati"}, 60, 1, 1);
    r.fromDate = Monday.addDays(5); // Saturday
    r.toDate = Monday.addDays(14);
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"7 07:30"});
    finder.setExcludedDates({Monday.addDays(7)});
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"8 07:30"});
    finder.setWorkingDays({6});
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"5 07:30"});
}

void TestFreeSlots::limitsCount()
{
    const ConflictIndex index({}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    QCOMPARE(finder.findSlots(request({"bupati"}, 30, 5, 2)).size(), 2);
    QCOMPARE(finder.findSlots(request({"bupati"}, 30, 5, 0)).size(), 0);
}

void TestFreeSlots::noneFound()
{
    QList<EventSpan> spans{EventSpan::allDay("kunker", Monday, Monday.addDays(4), Wita)};
    spans[0].setAttendingOfficials({"bupati"});
    const ConflictIndex busyWeek(spans, TravelPolicy());
    const FreeSlotFinder finder(busyWeek, Wita);
    QVERIFY(finder.findSlots(request({"bupati"}, 60, 7, 5)).isEmpty());
    QCOMPARE(finder.findSlots(request({"wabup"}, 60, 7, 5)).size(), 5);
}

void TestFreeSlots::notBeforeAndExcludedEvent()
{
    const ConflictIndex index({busy("a", at(0, 7, 30), at(0, 12), {"bupati"}, "v1", "k1")}, TravelPolicy());
    const FreeSlotFinder finder(index, Wita);
    FreeSlotFinder::Request r = request({"bupati"}, 60, 1, 1, "v1");
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"0 12:00"});
    r.notBeforeMs = at(0, 13, 5); // "now", from the caller's clock
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"0 13:15"});
    r.notBeforeMs = at(0, 0);
    r.excludedEventId = "a"; // moving "a" itself: its current time does not block
    QCOMPARE(describe(finder.findSlots(r)), QStringList{"0 07:30"});
}

QTEST_GUILESS_MAIN(TestFreeSlots)
#include "tst_freeslots.moc"
