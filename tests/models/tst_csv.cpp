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

    void guardsFormulaCells_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << "=HYPERLINK(\"http://x\",\"a\")"
                                << "'=HYPERLINK(\"http://x\",\"a\")";
        QTest::newRow("plus") << "+6281234567890"
                              << "'+6281234567890";
        QTest::newRow("minus formula") << "-1+cmd|' /C calc'!A0"
                                       << "'-1+cmd|' /C calc'!A0";
        QTest::newRow("at") << "@SUM(A1:A2)"
                            << "'@SUM(A1:A2)";
        QTest::newRow("tab") << "\t=1+1"
                             << "'\t=1+1";
        QTest::newRow("carriage return") << "\r=1+1"
                                         << "'\r=1+1";
        QTest::newRow("negative number") << "-15000"
                                         << "-15000";
        QTest::newRow("negative decimal") << "-2.5"
                                          << "-2.5";
        QTest::newRow("minus only") << "-"
                                    << "'-";
        QTest::newRow("later equals") << "a = b"
                                      << "a = b";
        QTest::newRow("empty") << ""
                               << "";
    }

    void guardsFormulaCells()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(Csv::guardedCell(cell), written);
        // Every field of every line goes through the guard, whatever the exporter.
        QList<QStringList> rows;
        QVERIFY(Csv::parse(Csv::line({"x", cell}) + "\n", &rows));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(1), written);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
