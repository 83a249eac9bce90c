#include "common/csv.h"

#include <QtTest>

using Humas::Csv;

class TestCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesQuotedFieldsAcrossLines()
    {
        QList<QStringList> rows;
        QList<int> lines;
        QVERIFY(Csv::parse("a,b\n\n\"x\ny\",\"say \"\"hi\"\"\"\nlast,\n", &rows, nullptr, &lines));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1), (QStringList{"x\ny", "say \"hi\""}));
        QCOMPARE(rows.at(2), (QStringList{"last", ""}));
        QCOMPARE(lines, (QList<int>{1, 3, 5}));
    }

    void reportsAnOpenQuote()
    {
        QList<QStringList> rows;
        int line = 0;
        QVERIFY(!Csv::parse("a,b\nc,\"d\n\n", &rows, &line));
        QCOMPARE(line, 2);
    }

    void lineQuotesWhenNeeded()
    {
        QCOMPARE(Csv::line({"a", "b,c", "say \"x\"", "l1\nl2"}), QString("a,\"b,c\",\"say \"\"x\"\"\",\"l1\nl2\""));
        QList<QStringList> rows;
        QVERIFY(Csv::parse(Csv::line({"a", "b,c", "say \"x\""}), &rows));
        QCOMPARE(rows.first(), (QStringList{"a", "b,c", "say \"x\""}));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
