// ColumnLayout (issue 3, "Views"): overlapping events of one day column side by side in the
// minimum number of columns per cluster, widened into free neighbours as Thunderbird's day
// view does. Rows are written as "id HH:mm-HH:mm"; results as "id column+span/count".

#include "agenda/columnlayout.h"

#include "testenvironment.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Humas;

namespace {

qint64 minutes(const QString &hhmm)
{
    const QStringList parts = hhmm.split(':');
    return parts.value(0).toLongLong() * 60 + parts.value(1).toLongLong();
}

/** "A 08:00-10:00; B 09:00-11:00" → items. */
QList<ColumnLayout::Item> parse(const QString &spec)
{
    QList<ColumnLayout::Item> items;
    for (const QString &part : spec.split(';', Qt::SkipEmptyParts)) {
        const QStringList words = part.trimmed().split(' ');
        const QStringList times = words.value(1).split('-');
        items.append({words.value(0), minutes(times.value(0)), minutes(times.value(1))});
    }
    return items;
}

/** Placements as "A 0+1/2; B 1+1/2" in the order of the input. */
QString format(const QList<ColumnLayout::Placement> &placements)
{
    QStringList out;
    for (const ColumnLayout::Placement &p : placements)
        out << QStringLiteral("%1 %2+%3/%4").arg(p.id).arg(p.column).arg(p.span).arg(p.columnCount);
    return out.join("; ");
}

bool overlaps(const ColumnLayout::Item &a, const ColumnLayout::Item &b)
{
    return a.start < b.end && b.start < a.end;
}

} // namespace

class TestColumnLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void layout_data();
    void layout();
    void fractions();
    void inputOrderDoesNotMatter();
    void clustersAreNumberedByStart();
    void randomised_data();
    void randomised();
};

void TestColumnLayout::layout_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("one event: full width") << "A 08:00-10:00"
                                           << "A 0+1/1";
    QTest::newRow("no overlap: full width") << "A 08:00-09:00; B 11:00-12:00"
                                            << "A 0+1/1; B 0+1/1";
    QTest::newRow("touching ends do not overlap") << "A 08:00-10:00; B 10:00-11:00"
                                                  << "A 0+1/1; B 0+1/1";
    QTest::newRow("two overlapping") << "A 08:00-10:00; B 09:00-11:00"
                                     << "A 0+1/2; B 1+1/2";
    QTest::newRow("same start: longer left") << "A 08:00-09:00; B 08:00-11:00"
                                             << "A 1+1/2; B 0+1/2";
    QTest::newRow("three mutually overlapping") << "A 08:00-11:00; B 09:00-11:00; C 10:00-11:00"
                                                << "A 0+1/3; B 1+1/3; C 2+1/3";
    QTest::newRow("chain A-B, B-C, A and C disjoint: two columns") << "A 08:00-10:00; B 09:00-12:00; C 11:00-13:00"
                                                                   << "A 0+1/2; B 1+1/2; C 0+1/2";
    QTest::newRow("free column reused after touching end") << "A 08:00-12:00; B 08:00-10:00; C 10:00-12:00"
                                                           << "A 0+1/2; B 1+1/2; C 1+1/2";
    QTest::newRow("separate clusters keep their own count") << "A 08:00-10:00; B 09:00-10:00; C 13:00-14:00"
                                                            << "A 0+1/2; B 1+1/2; C 0+1/1";
    // D takes B's column after B ends and widens into C's column, free from 09.30.
    QTest::newRow("widening into a free neighbour") << "A 08:00-12:00; B 08:00-09:00; C 08:30-09:30; D 09:30-11:00"
                                                    << "A 0+1/3; B 1+1/3; C 2+1/3; D 1+2/3";
    QTest::newRow("widening across two free columns")
        << "A 08:00-09:00; B 08:00-09:00; C 08:00-09:00; D 08:30-12:00; E 09:00-10:00"
        << "A 0+1/4; B 1+1/4; C 2+1/4; D 3+1/4; E 0+3/4";
    QTest::newRow("widening up to the cluster's right edge")
        << "A 08:00-12:00; B 08:00-09:00; C 08:00-09:00; D 09:00-10:00; E 11:00-11:30"
        << "A 0+1/3; B 1+1/3; C 2+1/3; D 1+2/3; E 1+2/3";
    // D may not widen: C's column is busy for part of D's time. B may: C starts after B ends.
    QTest::newRow("widening needs the column free for the whole event")
        << "A 08:00-10:00; B 08:00-09:00; C 09:30-10:00; D 09:00-09:45"
        << "A 0+1/3; B 1+2/3; C 2+1/3; D 1+1/3";
    QTest::newRow("left column is never taken when widening") << "A 08:00-09:00; B 08:00-12:00; C 10:00-11:00"
                                                              << "A 1+1/2; B 0+1/2; C 1+1/2";
    QTest::newRow("zero-length event still gets a column") << "A 08:00-10:00; B 09:00-09:00"
                                                           << "A 0+1/2; B 1+1/2";
}

void TestColumnLayout::layout()
{
    QFETCH(QString, events);
    QFETCH(QString, expected);
    QCOMPARE(format(ColumnLayout::layout(parse(events))), expected);
}

void TestColumnLayout::fractions()
{
    const QList<ColumnLayout::Placement> p =
        ColumnLayout::layout(parse("A 08:00-12:00; B 08:00-09:00; C 08:00-09:00; D 09:00-10:00"));
    QCOMPARE(p[0].left(), 0.0);
    QCOMPARE(p[0].width(), 1.0 / 3);
    QCOMPARE(p[2].left(), 2.0 / 3);
    QCOMPARE(p[3].left(), 1.0 / 3);
    QCOMPARE(p[3].width(), 2.0 / 3);
}

void TestColumnLayout::inputOrderDoesNotMatter()
{
    const QString spec = "A 08:00-12:00; B 09:00-10:00; C 09:00-10:30; D 10:00-11:00; E 13:00-14:00";
    QList<ColumnLayout::Item> items = parse(spec);
    const QString expected = format(ColumnLayout::layout(items));
    std::reverse(items.begin(), items.end());
    QList<ColumnLayout::Placement> reversed = ColumnLayout::layout(items);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(format(reversed), expected);
}

void TestColumnLayout::clustersAreNumberedByStart()
{
    const QList<ColumnLayout::Placement> p =
        ColumnLayout::layout(parse("C 13:00-14:00; A 08:00-10:00; B 09:00-10:00; D 10:00-11:00"));
    QCOMPARE(p[1].cluster, 0);
    QCOMPARE(p[2].cluster, 0);
    QCOMPARE(p[3].cluster, 1); // touches A's end: a new cluster
    QCOMPARE(p[0].cluster, 2);
}

void TestColumnLayout::randomised_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("maxLength");
    QTest::newRow("sparse") << 40 << 60;
    QTest::newRow("busy day") << 120 << 180;
    QTest::newRow("crowded") << 400 << 300;
}

void TestColumnLayout::randomised()
{
    QFETCH(int, events);
    QFETCH(int, maxLength);
    QRandomGenerator rng(20261123);
    for (int round = 0; round < 50; ++round) {
        QList<ColumnLayout::Item> items;
        for (int i = 0; i < events; ++i) {
            const qint64 start = rng.bounded(24 * 4) * 15; // quarter hours: many touching ends
            items.append({QString::number(i), start, start + 15 * (1 + rng.bounded(maxLength / 15))});
        }
        const QList<ColumnLayout::Placement> p = ColumnLayout::layout(items);
        QCOMPARE(p.size(), items.size());

        // Clusters by brute force: union of overlapping pairs.
        QList<int> root(events);
        std::iota(root.begin(), root.end(), 0);
        const auto find = [&](int i) {
            while (root[i] != i)
                i = root[i] = root[root[i]];
            return i;
        };
        for (int a = 0; a < events; ++a) {
            for (int b = a + 1; b < events; ++b) {
                if (overlaps(items[a], items[b]))
                    root[find(a)] = find(b);
            }
        }

        for (int a = 0; a < events; ++a) {
            QCOMPARE(p[a].id, items[a].id);
            QVERIFY(p[a].column >= 0 && p[a].span >= 1);
            QVERIFY(p[a].column + p[a].span <= p[a].columnCount);
            for (int b = a + 1; b < events; ++b) {
                const bool sameCluster = find(a) == find(b);
                QCOMPARE(p[a].cluster == p[b].cluster, sameCluster);
                if (!overlaps(items[a], items[b]))
                    continue;
                QVERIFY2(p[a].column != p[b].column,
                         qPrintable(QStringLiteral("%1 and %2 share a column").arg(a).arg(b)));
                // Widened spans never cover an overlapping event either.
                const bool disjoint = p[a].column + p[a].span <= p[b].column || p[b].column + p[b].span <= p[a].column;
                QVERIFY2(disjoint, qPrintable(QStringLiteral("%1 and %2 drawn over each other").arg(a).arg(b)));
            }
        }

        // Column count = clique number of the cluster: the most events running at one
        // instant, which for intervals is reached at some event's start.
        QHash<int, int> clique;
        for (int b = 0; b < events; ++b) {
            int running = 0;
            for (int c = 0; c < events; ++c) {
                if (items[c].start <= items[b].start && items[b].start < items[c].end)
                    ++running;
            }
            int &best = clique[find(b)];
            best = std::max(best, running);
        }
        for (int a = 0; a < events; ++a)
            QCOMPARE(p[a].columnCount, clique.value(find(a)));

        // Widening is maximal: the column right of the span is busy during the event.
        for (int a = 0; a < events; ++a) {
            const int next = p[a].column + p[a].span;
            if (next >= p[a].columnCount)
                continue;
            bool busy = false;
            for (int b = 0; b < events && !busy; ++b)
                busy = b != a && p[b].column == next && p[b].cluster == p[a].cluster && overlaps(items[a], items[b]);
            QVERIFY2(busy, qPrintable(QStringLiteral("%1 could widen into column %2").arg(a).arg(next)));
        }
    }
}

QTEST_GUILESS_MAIN(TestColumnLayout)
#include "tst_columnlayout.moc"
