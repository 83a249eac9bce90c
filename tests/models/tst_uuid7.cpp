#include "common/uuid7.h"

#include <QSet>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <vector>

using Humas::Uuid7;

class TestUuid7 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatVersionAndVariant()
    {
        const QUuid id = Uuid7::create();
        QCOMPARE((quint8(id.toRfc4122().at(6)) >> 4), 7); // QUuid::version() knows only 1-5 in Qt 6.4
        QCOMPARE(id.variant(), QUuid::DCE);
        const QString text = Uuid7::createString();
        QCOMPARE(text.size(), 36);
        QVERIFY(Uuid7::isValid(text));
        QCOMPARE(text, text.toLower());
        QVERIFY(!Uuid7::isValid(QUuid::createUuid().toString(QUuid::WithoutBraces))); // v4
        QVERIFY(!Uuid7::isValid("not-a-uuid"));
        QVERIFY(!Uuid7::isValid(text.toUpper()));
    }

    void embedsTheTimestamp_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("2026-11-23T00:00:00.123Z") << qint64(1795392000123);
        QTest::newRow("2035-12-31T23:30:00Z") << qint64(2082929400000);
        QTest::newRow("largest 48-bit") << qint64(0xffffffffffffLL);
    }

    void embedsTheTimestamp()
    {
        // encode() is outside the monotonic sequence, so no assumption about "now" is needed.
        QFETCH(qint64, ms);
        const QUuid id = Uuid7::encode(ms, 0x123);
        QCOMPARE(Uuid7::timestampOf(id), ms);
        QVERIFY(Uuid7::isValid(id.toString(QUuid::WithoutBraces)));
        QCOMPARE(Uuid7::timestampOf(QUuid::createUuid()), qint64(-1));
    }

    void createAtAheadOfTheSequenceKeepsItsTimestamp()
    {
        // Ahead of whatever the generator has handed out so far (read from its own last id,
        // not from the wall clock): the requested millisecond is used as it is.
        const qint64 last = Uuid7::timestampOf(Uuid7::create());
        const qint64 ahead = last + 1000000;
        QCOMPARE(Uuid7::timestampOf(Uuid7::createAt(ahead)), ahead);
    }

    void sequentialIdsSortInCreationOrder()
    {
        QStringList ids;
        for (int i = 0; i < 20000; ++i)
            ids << Uuid7::createString();
        for (int i = 1; i < ids.size(); ++i)
            QVERIFY2(ids.at(i - 1) < ids.at(i), qPrintable(ids.at(i - 1) + " >= " + ids.at(i)));
    }

    void clockGoingBackStaysMonotonic()
    {
        const qint64 last = Uuid7::timestampOf(Uuid7::create());
        const QString a = Uuid7::createAt(last + 5000).toString(QUuid::WithoutBraces);
        const QString b = Uuid7::createAt(last - 5000).toString(QUuid::WithoutBraces);
        QVERIFY(a < b);
    }

    void counterOverflowAdvancesTheMillisecond()
    {
        const qint64 ms = Uuid7::timestampOf(Uuid7::create()) + 10000000;
        QString previous;
        for (int i = 0; i < 5000; ++i) { // more than the 12-bit counter holds
            const QString id = Uuid7::createAt(ms).toString(QUuid::WithoutBraces);
            QVERIFY(previous < id);
            previous = id;
        }
        QVERIFY(Uuid7::timestampOf(QUuid::fromString(previous)) > ms);
    }

    void uniqueAndOrderedAcrossThreads()
    {
        const int threads = 8;
        const int perThread = 20000;
        std::vector<QStringList> results(threads);
        QList<QThread *> workers;
        for (int t = 0; t < threads; ++t) {
            workers << QThread::create([&results, t, perThread] {
                QStringList &out = results[t];
                out.reserve(perThread);
                for (int i = 0; i < perThread; ++i)
                    out << Uuid7::createString();
            });
        }
        for (QThread *w : workers)
            w->start();
        for (QThread *w : workers) {
            // No deadline: under libfaketime a timed wait returns at once (its timed condition
            // wait sees the faked wall clock); ctest's timeout still bounds a hang.
            QVERIFY(w->wait());
            delete w;
        }
        QSet<QString> all;
        for (const QStringList &list : results) {
            for (int i = 1; i < list.size(); ++i)
                QVERIFY(list.at(i - 1) < list.at(i)); // each thread sees increasing ids
            for (const QString &id : list)
                all.insert(id);
        }
        QCOMPARE(all.size(), threads * perThread);
    }
};

QTEST_GUILESS_MAIN(TestUuid7)
#include "tst_uuid7.moc"
