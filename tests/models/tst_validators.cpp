#include "master/validators.h"

#include <QtTest>

using Humas::Validators;

class TestValidators : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void phone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("mobile") << "081234567890" << true;
        QTest::newRow("spaced") << "0812 3456 7890" << true;
        QTest::newRow("dashed") << "0812-3456-7890" << true;
        QTest::newRow("international") << "+62 812 3456 7890" << true;
        QTest::newRow("landline") << "(0450) 21234" << false; // parentheses are not accepted
        QTest::newRow("landline plain") << "0450 21234" << true;
        QTest::newRow("too short") << "0812" << false;
        QTest::newRow("too long") << "08123456789012345" << false;
        QTest::newRow("letters") << "0812abc4567" << false;
        QTest::newRow("foreign") << "+1 555 123 4567" << false;
    }
    void phone()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(Validators::isPhone(text), valid);
    }

    void nip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << "197508122000031002" << true;
        QTest::newRow("spaced") << "19750812 200003 1 002" << true;
        QTest::newRow("woman") << "198001012005012003" << true;
        QTest::newRow("17 digits") << "19750812200003100" << false;
        QTest::newRow("bad birth month") << "197513122000031002" << false;
        QTest::newRow("appointed as child") << "197508121980031002" << false;
        QTest::newRow("bad appointment month") << "197508122000131002" << false;
        QTest::newRow("bad sex digit") << "197508122000033002" << false;
        QTest::newRow("letters") << "19750812200003100A" << false;
    }
    void nip()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString why;
        QCOMPARE(Validators::isNip(text, &why), valid);
        QCOMPARE(why.isEmpty(), valid);
    }

    void email()
    {
        QVERIFY(Validators::isEmail("ppid@parigimoutongkab.go.id"));
        QVERIFY(Validators::isEmail(" warga.desa+ppid@contoh.id "));
        QVERIFY(!Validators::isEmail("ppid@"));
        QVERIFY(!Validators::isEmail("ppid parigimoutong@kab.go.id"));
        QVERIFY(!Validators::isEmail("ppid@kab"));
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
