// Requesters' personal data (issue 4, "Personal data"; UU 27/2022): who may see it, how it is
// masked, and the NIK check (16 digits with a plausible birth date).

#include "master/validators.h"
#include "ppid/personaldata.h"

#include "mockclock.h"

#include <QTest>

using namespace Humas;

class TestPersonalData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canSee_data();
    void canSee();
    void maskNik_data();
    void maskNik();
    void maskPhone_data();
    void maskPhone();
    void maskEmail_data();
    void maskEmail();
    void maskAddress_data();
    void maskAddress();
    void nik_data();
    void nik();
    void maskFreeText_data();
    void maskFreeText();
    void maskedRequest();
};

void TestPersonalData::maskFreeText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    const auto u = [](const char *s) { return QString::fromUtf8(s); };
    QTest::newRow("nik") << "NIK 7208015203900003." << u("NIK 7208••••••••0003.");
    QTest::newRow("nik in groups") << "KTP: 7208 0152 0390 0003" << u("KTP: 7208••••••••0003");
    QTest::newRow("nik with dots") << "7208.0152.0390.0003 (adik)" << u("7208••••••••0003 (adik)");
    QTest::newRow("mobile") << "hubungi 081234567789 sore" << u("hubungi 0812•••••789 sore");
    QTest::newRow("mobile with dashes") << "HP 0812-3456-7789" << u("HP 0812•••••789");
    QTest::newRow("international") << "WA +62 812 3456 7789" << u("WA +628•••••••789");
    QTest::newRow("without plus") << "62812345677" << u("6281••••677");
    QTest::newRow("landline") << "kantor (0451) 0451 21234" << u("kantor (0451) 0451••234");
    QTest::newRow("two numbers") << "7208015203900003 / 081234567789" << u("7208••••••••0003 / 0812•••••789");
    QTest::newRow("year and amount stay") << "Tahun 2026, biaya Rp 15.000"
                                          << "Tahun 2026, biaya Rp 15.000";
    QTest::newRow("letter number stays") << "Surat 005/123/Bag.Umum/XI/2026"
                                         << "Surat 005/123/Bag.Umum/XI/2026";
    QTest::newRow("date stays") << "tanggal 2026-11-23"
                                << "tanggal 2026-11-23";
    QTest::newRow("17 digits stay") << "12345678901234567"
                                    << "12345678901234567";
    QTest::newRow("short zero number stays") << "RT 003 RW 004"
                                             << "RT 003 RW 004";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPersonalData::maskFreeText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(PersonalData::maskFreeText(text), masked);
    QCOMPARE(PersonalData::maskFreeText(masked), masked); // masking twice changes nothing
}

void TestPersonalData::maskedRequest()
{
    PpidRequest r;
    r.requesterName = "Budi";
    r.requesterNik = "7208015203900003";
    r.requesterPhone = "081234567789";
    r.proxyName = "Sari (0812 3456 7789)";
    r.information = "Data KTP 7208015203900003";
    r.purpose = "telepon 081234567789";
    r.notes = "NIK 7208 0152 0390 0003";
    const PpidRequest m = PersonalData::masked(r);
    QCOMPARE(m.requesterName, QString("Budi"));
    QCOMPARE(m.requesterNik, QString::fromUtf8("7208••••••••0003"));
    QCOMPARE(m.requesterPhone, QString::fromUtf8("0812•••••789"));
    QCOMPARE(m.proxyName, QString::fromUtf8("Sari (0812•••••789)"));
    QCOMPARE(m.information, QString::fromUtf8("Data KTP 7208••••••••0003"));
    QCOMPARE(m.purpose, QString::fromUtf8("telepon 0812•••••789"));
    QCOMPARE(m.notes, QString::fromUtf8("NIK 7208••••••••0003"));
    const PpidRequest twice = PersonalData::masked(m);
    QCOMPARE(twice.requesterPhone, m.requesterPhone);
    QCOMPARE(twice.notes, m.notes);
}

void TestPersonalData::canSee_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("sees");
    QTest::newRow("admin") << "admin" << true;
    QTest::newRow("ppid") << "ppid" << true;
    QTest::newRow("protokol") << "protokol" << false;
    QTest::newRow("redaksi") << "redaksi" << false;
    QTest::newRow("opd") << "opd" << false;
    QTest::newRow("pimpinan") << "pimpinan" << false;
}

void TestPersonalData::canSee()
{
    QFETCH(QString, role);
    QFETCH(bool, sees);
    Role r = Role::Admin;
    QVERIFY(Roles::fromCode(role, &r));
    QCOMPARE(PersonalData::canSee(r), sees);
}

void TestPersonalData::maskNik_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("DOMAIN example") << "7208014507900003" << QString::fromUtf8("7208••••••••0003");
    QTest::newRow("deed number") << "AHU-0012345.AH.01.04" << QString::fromUtf8("AHU-••••••••••••1.04");
    QTest::newRow("short") << "12345" << QString::fromUtf8("•••••");
    QTest::newRow("empty") << ""
                           << "";
}

void TestPersonalData::maskNik()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(PersonalData::maskNik(value), masked);
}

void TestPersonalData::maskPhone_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << "081234567789" << QString::fromUtf8("0812•••••789");
    QTest::newRow("spaced") << "0812 3456 7789" << QString::fromUtf8("0812•••••789");
    QTest::newRow("international") << "+6281234567789" << QString::fromUtf8("+628•••••••789");
    QTest::newRow("short") << "12345" << QString::fromUtf8("•••••");
    QTest::newRow("empty") << ""
                           << "";
}

void TestPersonalData::maskPhone()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(PersonalData::maskPhone(value), masked);
}

void TestPersonalData::maskEmail_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("plain") << "budi@gmail.com" << QString::fromUtf8("b•••@gmail.com");
    QTest::newRow("long local part") << "budi.santoso@contoh.id" << QString::fromUtf8("b•••@contoh.id");
    QTest::newRow("no at sign") << "budi" << QString::fromUtf8("•••");
    QTest::newRow("empty") << ""
                           << "";
}

void TestPersonalData::maskEmail()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(PersonalData::maskEmail(value), masked);
}

void TestPersonalData::maskAddress_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("with place") << "Jl. Trans Sulawesi No. 12, Parigi" << QString::fromUtf8("•••, Parigi");
    QTest::newRow("several parts") << "Jl. Kartini 3, RT 02, Desa Bambalemo, Parigi"
                                   << QString::fromUtf8("•••, Parigi");
    QTest::newRow("no comma") << "Jl. Kartini 3" << QString::fromUtf8("•••");
    QTest::newRow("empty") << ""
                           << "";
}

void TestPersonalData::maskAddress()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(PersonalData::maskAddress(value), masked);
}

void TestPersonalData::nik_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("man, 1990") << "7208011203900003" << true;
    QTest::newRow("woman, day + 40") << "7208015203900003" << true;
    QTest::newRow("woman, 31st") << "7208017112850001" << true;
    QTest::newRow("born 2001") << "7208010101010002" << true;
    QTest::newRow("spaced") << "7208 0112 0390 0003" << true;
    QTest::newRow("leap day 2000") << "7208012902000001" << true;
    QTest::newRow("15 digits") << "720801120390000" << false;
    QTest::newRow("17 digits") << "72080112039000031" << false;
    QTest::newRow("letters") << "72080112039000AB" << false;
    QTest::newRow("day 32") << "7208013203900003" << false;
    QTest::newRow("day 00") << "7208010003900003" << false;
    QTest::newRow("woman day 72") << "7208017203900003" << false;
    QTest::newRow("month 13") << "7208011213900003" << false;
    QTest::newRow("31 April") << "7208013104900003" << false;
    QTest::newRow("29 Feb 2001/1901") << "7208012902010003" << false;
    QTest::newRow("region 00") << "0008011203900003" << false;
    QTest::newRow("serial 0000") << "7208011203900000" << false;
    QTest::newRow("empty") << "" << false;
}

void TestPersonalData::nik()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    // Today is 23 November 2026: YY 26 is 2026 only up to today.
    HumasTest::MockClock clock;
    QString why;
    QCOMPARE(Validators::isNik(text, &why), valid);
    QCOMPARE(why.isEmpty(), valid);
}

QTEST_GUILESS_MAIN(TestPersonalData)
#include "tst_personaldata.moc"
