// Conflict rules (issue 3, "Conflicts"): ConflictDetector::findConflicts, checked row by row
// and against a brute-force reference on random data, and ConflictIndex::conflictsFor,
// which must agree with it.

#include "agenda/conflictdetector.h"
#include "agenda/conflictindex.h"
#include "agenda/eventspan.h"
#include "agenda/travelpolicy.h"

#include "testenvironment.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Humas;

Q_DECLARE_METATYPE(Humas::EventSpan)
Q_DECLARE_METATYPE(Humas::TravelPolicy)

namespace {

constexpr int Wita = 8 * 3600;
const QDate Day1(2026, 11, 23); // a Monday

/** UTC ms of a local (WITA) time on Day1 + dayOffset. */
qint64 at(int dayOffset, int hour, int minute = 0)
{
    return EventSpan::localMidnightMs(Day1.addDays(dayOffset), Wita) + (hour * 60 + minute) * 60000LL;
}

EventSpan timed(const QString &id, qint64 start, qint64 end, const QStringList &officials, const QString &venue,
                const QString &kecamatan, EventSpan::Status status = EventSpan::Status::Terjadwal)
{
    EventSpan span(id, start, end);
    span.setAttendingOfficials(officials);
    span.setVenueId(venue);
    span.setKecamatanId(kecamatan);
    span.setStatus(status);
    return span;
}

EventSpan allDay(const QString &id, int firstDay, int lastDay, const QStringList &officials, const QString &venue,
                 const QString &kecamatan)
{
    EventSpan span = EventSpan::allDay(id, Day1.addDays(firstDay), Day1.addDays(lastDay), Wita);
    span.setAttendingOfficials(officials);
    span.setVenueId(venue);
    span.setKecamatanId(kecamatan);
    return span;
}

QString text(const Conflict &c)
{
    return Conflict::kindName(c.kind) + ':' + c.first + ':' + c.second + ':' + c.resource;
}

QStringList texts(const QList<Conflict> &conflicts)
{
    QStringList out;
    for (const Conflict &c : conflicts)
        out << text(c);
    out.sort();
    return out;
}

/** The obvious O(n²) reading of the rules, to check the sweep against. */
QList<Conflict> bruteForce(const QList<EventSpan> &spans, const TravelPolicy &policy)
{
    QSet<Conflict> found;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const EventSpan &a = spans.at(i);
        if (!a.canClash())
            continue;
        for (qsizetype j = i + 1; j < spans.size(); ++j) {
            const EventSpan &b = spans.at(j);
            if (!b.canClash() || a.id() == b.id())
                continue;
            const bool overlap = a.startMs() < b.endMs() && b.startMs() < a.endMs();
            if (overlap && !a.venueId().isEmpty() && a.venueId() == b.venueId())
                found.insert(Conflict::make(Conflict::Kind::Venue, a.id(), b.id(), a.venueId()));
            for (const QString &official : a.attendingOfficials()) {
                if (!b.attendingOfficials().contains(official))
                    continue;
                if (overlap) {
                    found.insert(Conflict::make(Conflict::Kind::Official, a.id(), b.id(), official));
                    continue;
                }
                const qint64 gap = a.endMs() <= b.startMs() ? b.startMs() - a.endMs() : a.startMs() - b.endMs();
                if (gap < policy.minutesBetween(a, b) * 60000LL)
                    found.insert(Conflict::make(Conflict::Kind::Travel, a.id(), b.id(), official));
            }
        }
    }
    QList<Conflict> out(found.cbegin(), found.cend());
    std::sort(out.begin(), out.end());
    return out;
}

/** Every stored event asked against the index, merged: must equal findConflicts. */
QList<Conflict> viaIndex(const QList<EventSpan> &spans, const TravelPolicy &policy)
{
    const ConflictIndex index(spans, policy);
    QSet<Conflict> found;
    for (const EventSpan &span : spans) {
        for (const Conflict &c : index.conflictsFor(span))
            found.insert(c);
    }
    QList<Conflict> out(found.cbegin(), found.cend());
    std::sort(out.begin(), out.end());
    return out;
}

QList<EventSpan> randomSpans(quint32 seed, int count, int days)
{
    QRandomGenerator rng(seed);
    const QStringList officials = {"bupati", "wabup", "sekda", "asisten1", "asisten2", "kadis"};
    QList<EventSpan> spans;
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("e%1").arg(i, 5, 10, QLatin1Char('0'));
        QStringList attending;
        const int people = 1 + rng.bounded(3);
        for (int p = 0; p < people; ++p)
            attending << officials.at(rng.bounded(officials.size()));
        const QString venue = rng.bounded(10) == 0 ? QString() : QStringLiteral("v%1").arg(rng.bounded(40));
        const QString kecamatan = rng.bounded(20) == 0 ? QString() : QStringLiteral("k%1").arg(rng.bounded(6));
        const int day = rng.bounded(days);
        EventSpan span;
        if (rng.bounded(25) == 0) {
            span = allDay(id, day, day + rng.bounded(3), attending, venue, kecamatan);
        } else {
            const qint64 start = at(day, 0) + rng.bounded(24 * 4) * 15 * 60000LL;
            span = timed(id, start, start + (1 + rng.bounded(16)) * 15 * 60000LL, attending, venue, kecamatan);
        }
        const int status = rng.bounded(20);
        if (status == 0)
            span.setStatus(EventSpan::Status::Dibatalkan);
        else if (status == 1)
            span.setStatus(EventSpan::Status::Ditunda);
        else if (status == 2)
            span.setStatus(EventSpan::Status::Diajukan);
        spans << span;
    }
    return spans;
}

TravelPolicy randomPolicy()
{
    TravelPolicy policy;
    policy.setMinutes("k0", "k5", 150);
    policy.setMinutes("k1", "k2", 20);
    policy.setMinutes("k3", "k3", 5);
    return policy;
}

} // namespace

class TestConflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void rules_data();
    void rules();
    void allDayUsesLocalMidnight();
    void travelPolicyDefaultsAndMatrix();
    void indexExcludesOwnId();
    void indexChecksNewEvent();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void indexAgreesWithDetector();
};

void TestConflicts::rules_data()
{
    using S = EventSpan::Status;
    QTest::addColumn<QList<EventSpan>>("events");
    QTest::addColumn<TravelPolicy>("policy");
    QTest::addColumn<QStringList>("expected");

    const QStringList bupati = {"bupati"};
    const TravelPolicy defaults;

    QTest::newRow("overlap") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                                                 timed("b", at(0, 9), at(0, 11), bupati, "v2", "k1")}
                             << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("touching ends, same venue") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                                                                   timed("b", at(0, 10), at(0, 11), bupati, "v1", "k1")}
                                               << defaults << QStringList{};
    QTest::newRow("touching ends, other venue")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), {"sekda"}, "v1", "k1"),
                            timed("b", at(0, 10), at(0, 11), bupati, "v1", "k1")}
        << defaults << QStringList{};
    QTest::newRow("contained") << QList<EventSpan>{timed("a", at(0, 8), at(0, 12), bupati, "v1", "k1"),
                                                   timed("b", at(0, 9), at(0, 10), bupati, "v2", "k2")}
                               << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("identical times") << QList<EventSpan>{timed("b", at(0, 8), at(0, 9), bupati, "v1", "k1"),
                                                         timed("a", at(0, 8), at(0, 9), bupati, "v1", "k1")}
                                     << defaults << QStringList{"official:a:b:bupati", "venue:a:b:v1"};
    QTest::newRow("across midnight") << QList<EventSpan>{timed("a", at(0, 22), at(1, 2), bupati, "v1", "k1"),
                                                         timed("b", at(1, 1), at(1, 3), bupati, "v1", "k1")}
                                     << defaults << QStringList{"official:a:b:bupati", "venue:a:b:v1"};
    QTest::newRow("across midnight, touching") << QList<EventSpan>{timed("a", at(0, 22), at(1, 2), bupati, "v1", "k1"),
                                                                   timed("b", at(1, 2), at(1, 3), bupati, "v1", "k1")}
                                               << defaults << QStringList{};
    QTest::newRow("all-day vs timed") << QList<EventSpan>{allDay("a", 0, 0, bupati, "v1", "k1"),
                                                          timed("b", at(0, 9), at(0, 10), bupati, "v2", "k1")}
                                      << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("all-day vs timed late evening")
        << QList<EventSpan>{allDay("a", 0, 0, bupati, "v1", "k1"),
                            timed("b", at(0, 23), at(0, 23, 59), bupati, "v1", "k1")}
        << defaults << QStringList{"official:a:b:bupati", "venue:a:b:v1"};
    QTest::newRow("all-day vs next day, same venue")
        << QList<EventSpan>{allDay("a", 0, 0, bupati, "v1", "k1"), timed("b", at(1, 0), at(1, 1), bupati, "v1", "k1")}
        << defaults << QStringList{};
    QTest::newRow("all-day vs next day 07.00")
        << QList<EventSpan>{allDay("a", 0, 0, bupati, "v1", "k1"), timed("b", at(1, 7), at(1, 8), bupati, "v2", "k2")}
        << defaults << QStringList{};
    QTest::newRow("multi-day, last day") << QList<EventSpan>{allDay("a", 0, 2, bupati, "v1", "k1"),
                                                             timed("b", at(2, 15), at(2, 16), bupati, "v2", "k1")}
                                         << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("multi-day, middle day") << QList<EventSpan>{allDay("a", 0, 2, bupati, "v1", "k1"),
                                                               timed("b", at(1, 8), at(1, 9), {"sekda"}, "v1", "k1")}
                                           << defaults << QStringList{"venue:a:b:v1"};
    QTest::newRow("multi-day, day after")
        << QList<EventSpan>{allDay("a", 0, 2, bupati, "v1", "k1"), timed("b", at(3, 8), at(3, 9), bupati, "v1", "k1")}
        << defaults << QStringList{};
    QTest::newRow("two all-day events") << QList<EventSpan>{allDay("a", 0, 1, bupati, "v1", "k1"),
                                                            allDay("b", 1, 1, bupati, "v2", "k2")}
                                        << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("cancelled never clashes")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 9), at(0, 11), bupati, "v1", "k1", S::Dibatalkan)}
        << defaults << QStringList{};
    QTest::newRow("postponed never clashes")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1", S::Ditunda),
                            timed("b", at(0, 10, 5), at(0, 11), bupati, "v2", "k2")}
        << defaults << QStringList{};
    QTest::newRow("submitted and done still clash")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1", S::Diajukan),
                            timed("b", at(0, 9), at(0, 11), bupati, "v2", "k1", S::Selesai)}
        << defaults << QStringList{"official:a:b:bupati"};
    // Bupati was requested for "a" but sent the Wakil Bupati: only the attending list counts.
    QTest::newRow("delegated") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), {"wabup"}, "v1", "k1"),
                                                   timed("b", at(0, 9), at(0, 11), bupati, "v2", "k1"),
                                                   timed("c", at(0, 9), at(0, 11), {"wabup"}, "v3", "k1")}
                               << defaults << QStringList{"official:a:c:wabup"};
    QTest::newRow("venue clash, different officials")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 9), at(0, 11), {"sekda"}, "v1", "k1")}
        << defaults << QStringList{"venue:a:b:v1"};
    QTest::newRow("unknown venue never clashes")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "", "k1"),
                            timed("b", at(0, 9), at(0, 11), {"sekda"}, "", "k1")}
        << defaults << QStringList{};
    QTest::newRow("travel same kecamatan, gap 10")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 10, 10), at(0, 11), bupati, "v2", "k1")}
        << defaults << QStringList{"travel:a:b:bupati"};
    QTest::newRow("travel same kecamatan, gap 15")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 10, 15), at(0, 11), bupati, "v2", "k1")}
        << defaults << QStringList{};
    QTest::newRow("travel other kecamatan, gap 59")
        << QList<EventSpan>{timed("b", at(0, 10, 59), at(0, 12), bupati, "v2", "k2"),
                            timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1")}
        << defaults << QStringList{"travel:a:b:bupati"};
    QTest::newRow("travel other kecamatan, gap 60")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 11), at(0, 12), bupati, "v2", "k2")}
        << defaults << QStringList{};
    QTest::newRow("travel same venue, gap 0") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                                                                  timed("b", at(0, 10), at(0, 11), bupati, "v1", "k2")}
                                              << defaults << QStringList{};
    QTest::newRow("travel needs a shared official")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 10), at(0, 11), {"sekda"}, "v2", "k2")}
        << defaults << QStringList{};
    QTest::newRow("travel unknown kecamatan") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", ""),
                                                                  timed("b", at(0, 10), at(0, 11), bupati, "v2", "k2")}
                                              << defaults << QStringList{};
    TravelPolicy matrix;
    matrix.setMinutes("k1", "k2", 120);
    matrix.setMinutes("k3", "k1", 30);
    QTest::newRow("matrix longer, gap 90") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k2"),
                                                               timed("b", at(0, 11, 30), at(0, 12), bupati, "v2", "k1")}
                                           << matrix << QStringList{"travel:a:b:bupati"};
    QTest::newRow("matrix longer, gap 120") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k2"),
                                                                timed("b", at(0, 12), at(0, 13), bupati, "v2", "k1")}
                                            << matrix << QStringList{};
    QTest::newRow("matrix shorter, gap 45")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 10, 45), at(0, 12), bupati, "v2", "k3")}
        << matrix << QStringList{};
    QTest::newRow("matrix shorter, gap 20")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k3"),
                            timed("b", at(0, 10, 20), at(0, 12), bupati, "v2", "k1")}
        << matrix << QStringList{"travel:a:b:bupati"};
    TravelPolicy slow;
    slow.setSameKecamatanMinutes(30);
    slow.setDifferentKecamatanMinutes(90);
    QTest::newRow("configured defaults") << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                                                             timed("b", at(0, 10, 20), at(0, 11), bupati, "v2", "k1"),
                                                             timed("c", at(0, 12, 20), at(0, 13), bupati, "v3", "k2")}
                                         << slow << QStringList{"travel:a:b:bupati", "travel:b:c:bupati"};
    QTest::newRow("overlap is official, not travel")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), bupati, "v1", "k1"),
                            timed("b", at(0, 9), at(0, 11), bupati, "v2", "k2")}
        << defaults << QStringList{"official:a:b:bupati"};
    QTest::newRow("each pair once per resource")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 10), {"bupati", "wabup", "bupati"}, "v1", "k1"),
                            timed("b", at(0, 9), at(0, 11), {"wabup", "bupati"}, "v1", "k1")}
        << defaults << QStringList{"official:a:b:bupati", "official:a:b:wabup", "venue:a:b:v1"};
    QTest::newRow("three overlapping") << QList<EventSpan>{timed("a", at(0, 8), at(0, 12), bupati, "v1", "k1"),
                                                           timed("b", at(0, 9), at(0, 10), bupati, "v2", "k1"),
                                                           timed("c", at(0, 9, 30), at(0, 11), bupati, "v3", "k1")}
                                       << defaults
                                       << QStringList{"official:a:b:bupati", "official:a:c:bupati",
                                                      "official:b:c:bupati"};
    QTest::newRow("empty interval never clashes")
        << QList<EventSpan>{timed("a", at(0, 8), at(0, 8), bupati, "v1", "k1"),
                            timed("b", at(0, 7), at(0, 9), bupati, "v1", "k1")}
        << defaults << QStringList{};
}

void TestConflicts::rules()
{
    QFETCH(QList<EventSpan>, events);
    QFETCH(TravelPolicy, policy);
    QFETCH(QStringList, expected);
    expected.sort();
    QCOMPARE(texts(ConflictDetector::findConflicts(events, policy)), expected);
    QCOMPARE(texts(viaIndex(events, policy)), expected);
    QCOMPARE(texts(bruteForce(events, policy)), expected);
}

void TestConflicts::allDayUsesLocalMidnight()
{
    const EventSpan day = EventSpan::allDay("a", QDate(2026, 11, 23), QDate(2026, 11, 24), Wita);
    QVERIFY(day.isAllDay());
    QCOMPARE(day.firstDate(), QDate(2026, 11, 23));
    QCOMPARE(day.lastDate(), QDate(2026, 11, 24));
    // 23 Nov 00.00 WITA is 22 Nov 16.00 UTC; the block ends at 25 Nov 00.00 WITA.
    QCOMPARE(day.startMs(), QDateTime(QDate(2026, 11, 22), QTime(16, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(day.endMs(), QDateTime(QDate(2026, 11, 24), QTime(16, 0), Qt::UTC).toMSecsSinceEpoch());
    const EventSpan wib = EventSpan::allDay("b", QDate(2026, 11, 23), QDate(), 7 * 3600);
    QCOMPARE(wib.endMs() - wib.startMs(), 24 * 3600 * 1000LL);
}

void TestConflicts::travelPolicyDefaultsAndMatrix()
{
    TravelPolicy policy;
    QCOMPARE(policy.minutes("v1", "k1", "v1", "k2"), 0);
    QCOMPARE(policy.minutes("v1", "k1", "v2", "k1"), 15);
    QCOMPARE(policy.minutes("v1", "k1", "v2", "k2"), 60);
    QCOMPARE(policy.maxMinutes(), 60);
    policy.setMinutes("k2", "k1", 180);
    QCOMPARE(policy.minutes("v1", "k1", "v2", "k2"), 180);
    QCOMPARE(policy.minutes("v2", "k2", "v1", "k1"), 180);
    QCOMPARE(policy.minutes("v1", "k1", "v2", "k3"), 60);
    QCOMPARE(policy.maxMinutes(), 180);
    policy.clearMatrix();
    QCOMPARE(policy.maxMinutes(), 60);
}

void TestConflicts::indexExcludesOwnId()
{
    const QList<EventSpan> spans = {timed("a", at(0, 8), at(0, 10), {"bupati"}, "v1", "k1"),
                                    timed("b", at(0, 13), at(0, 14), {"bupati"}, "v1", "k1")};
    const ConflictIndex index(spans, TravelPolicy());
    QCOMPARE(index.size(), 2);
    QVERIFY(index.conflictsFor(spans.at(0)).isEmpty());
    // "a" dragged onto "b": its stored version at 08.00 is ignored.
    const EventSpan moved = timed("a", at(0, 13, 30), at(0, 15), {"bupati"}, "v1", "k1");
    QCOMPARE(texts(index.conflictsFor(moved)), (QStringList{"official:a:b:bupati", "venue:a:b:v1"}));
    EventSpan cancelled = moved;
    cancelled.setStatus(EventSpan::Status::Dibatalkan);
    QVERIFY(index.conflictsFor(cancelled).isEmpty());
}

void TestConflicts::indexChecksNewEvent()
{
    const QList<EventSpan> spans = {timed("a", at(0, 8), at(0, 10), {"bupati"}, "v1", "k1"),
                                    timed("b", at(0, 12), at(0, 13), {"wabup"}, "v5", "k2"),
                                    allDay("c", 1, 1, {"sekda"}, "v3", "k3")};
    const ConflictIndex index(spans, TravelPolicy());
    const EventSpan draft = timed("new", at(0, 10, 30), at(0, 11, 50), {"bupati", "wabup"}, "v2", "k2");
    QCOMPARE(texts(index.conflictsFor(draft)), (QStringList{"travel:a:new:bupati", "travel:b:new:wabup"}));
    const EventSpan nextDay = timed("new", at(1, 9), at(1, 10), {"sekda"}, "v9", "k3");
    QCOMPARE(texts(index.conflictsFor(nextDay)), QStringList{"official:c:new:sekda"});
    QVERIFY(index.conflictsFor(timed("new", at(2, 9), at(2, 10), {"sekda"}, "v3", "k3")).isEmpty());
}

void TestConflicts::matchesBruteForce_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("days");
    QTest::newRow("sparse") << 1u << 800 << 120;
    QTest::newRow("dense") << 2u << 1500 << 20;
    QTest::newRow("crowded") << 3u << 600 << 3;
}

void TestConflicts::matchesBruteForce()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QFETCH(int, days);
    const QList<EventSpan> spans = randomSpans(seed, count, days);
    const TravelPolicy policy = randomPolicy();
    const QList<Conflict> expected = bruteForce(spans, policy);
    QVERIFY(expected.size() > 50); // the data must actually exercise the rules
    bool hasTravel = false;
    for (const Conflict &c : expected)
        hasTravel = hasTravel || c.kind == Conflict::Kind::Travel;
    QVERIFY(hasTravel);
    const QList<Conflict> found = ConflictDetector::findConflicts(spans, policy);
    QCOMPARE(found.size(), expected.size()); // also proves "each pair once": found is not deduplicated
    QCOMPARE(texts(found), texts(expected));
}

void TestConflicts::indexAgreesWithDetector()
{
    const QList<EventSpan> spans = randomSpans(20261123, 2000, 90);
    const TravelPolicy policy = randomPolicy();
    const QList<Conflict> expected = ConflictDetector::findConflicts(spans, policy);
    QVERIFY(expected.size() > 100);
    QCOMPARE(texts(viaIndex(spans, policy)), texts(expected));
}

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
