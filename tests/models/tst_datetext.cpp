#include "common/datetext.h"

#include <QLocale>
#include <QtTest>

using Humas::DateText;

class TestDateText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void indonesian()
    {
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
        QCOMPARE(DateText::longDate(QDate(2026, 11, 23)), QString("Senin, 23 November 2026"));
        QCOMPARE(DateText::longDate(QDate(2026, 8, 17)), QString("Senin, 17 Agustus 2026"));
        QCOMPARE(DateText::longDate(QDate(2026, 3, 20)), QString("Jumat, 20 Maret 2026"));
        QCOMPARE(DateText::date(QDate(2027, 1, 1)), QString("1 Januari 2027"));
        QCOMPARE(DateText::time(QTime(8, 0), "WITA"), QString("08.00 WITA"));
        QCOMPARE(DateText::dateTime(QDateTime(QDate(2026, 11, 23), QTime(13, 30)), "WIB"),
                 QString("Senin, 23 November 2026, 13.30 WIB"));
    }

    void english()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(DateText::longDate(QDate(2026, 11, 23)), QString("Monday, 23 November 2026"));
        QCOMPARE(DateText::time(QTime(8, 5)), QString("08:05"));
    }
};

QTEST_GUILESS_MAIN(TestDateText)
#include "tst_datetext.moc"
