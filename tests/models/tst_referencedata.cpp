#include "auth/userrepository.h"
#include "master/masterdata.h"
#include "master/referencerepositories.h"
#include "store/changewriter.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

Q_DECLARE_METATYPE(QVariantMap)

namespace {

std::unique_ptr<RecordRepository> repoFor(Database &db, const QString &table)
{
    const Actor a = Actor::system();
    if (table == "opd")
        return std::make_unique<OpdRepository>(db, a);
    if (table == "officials")
        return std::make_unique<OfficialRepository>(db, a);
    if (table == "kecamatan")
        return std::make_unique<KecamatanRepository>(db, a);
    if (table == "venues")
        return std::make_unique<VenueRepository>(db, a);
    if (table == "travel_times")
        return std::make_unique<TravelTimeRepository>(db, a);
    if (table == "holidays")
        return std::make_unique<HolidayRepository>(db, a);
    return std::make_unique<UserRepository>(db, a);
}

QString idOf(Database &db, const QString &table, const QString &field, const QString &value)
{
    return repoFor(db, table)->findBy(field, value).id;
}

} // namespace

class TestReferenceData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void refusedWithMessage_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QVariantMap>("values");
        QTest::addColumn<QString>("message");
        // Ids "@kec:Parigi" are replaced by the id of that kecamatan in the seeded database.
        QTest::newRow("opd empty name") << "opd" << QVariantMap{{"code", "X1"}, {"name", "  "}} << "must not be empty";
        QTest::newRow("opd empty code") << "opd" << QVariantMap{{"code", ""}, {"name", "Dinas"}} << "must not be empty";
        QTest::newRow("opd duplicate code")
            << "opd" << QVariantMap{{"code", "dinkes"}, {"name", "Lain"}} << "already used";
        QTest::newRow("opd duplicate name")
            << "opd" << QVariantMap{{"code", "DK2"}, {"name", "DINAS KESEHATAN"}} << "already used";
        QTest::newRow("opd code too long")
            << "opd" << QVariantMap{{"code", QString(21, 'A')}, {"name", "Dinas"}} << "too long";
        QTest::newRow("opd bad phone") << "opd" << QVariantMap{{"code", "Y"}, {"name", "Y"}, {"pic_phone", "12ab"}}
                                       << "phone";
        QTest::newRow("opd short phone") << "opd" << QVariantMap{{"code", "Y"}, {"name", "Y"}, {"pic_phone", "0812"}}
                                         << "phone";
        QTest::newRow("official duplicate code")
            << "officials" << QVariantMap{{"code", "Bupati"}, {"position", "X"}, {"sort_order", 9}} << "already used";
        QTest::newRow("official bad nip length")
            << "officials"
            << QVariantMap{{"code", "SA1"}, {"position", "Staf Ahli"}, {"nip", "1975"}, {"sort_order", 9}}
            << "18 digits";
        QTest::newRow("official bad nip date")
            << "officials"
            << QVariantMap{{"code", "SA1"}, {"position", "Staf Ahli"}, {"nip", "197513451999031001"}, {"sort_order", 9}}
            << "birth date";
        QTest::newRow("official order not a number")
            << "officials" << QVariantMap{{"code", "SA1"}, {"position", "S"}, {"sort_order", "dua"}} << "whole number";
        QTest::newRow("official order out of range")
            << "officials" << QVariantMap{{"code", "SA1"}, {"position", "S"}, {"sort_order", 5000}} << "between";
        QTest::newRow("kecamatan duplicate") << "kecamatan" << QVariantMap{{"name", "parigi"}} << "already used";
        QTest::newRow("venue no kecamatan") << "venues" << QVariantMap{{"name", "Aula"}} << "must not be empty";
        QTest::newRow("venue unknown kecamatan")
            << "venues" << QVariantMap{{"name", "Aula"}, {"kecamatan_id", "nope"}} << "does not exist";
        QTest::newRow("venue duplicate in kecamatan")
            << "venues" << QVariantMap{{"name", "aula kantor bupati"}, {"kecamatan_id", "@kec:Parigi"}}
            << "already exists";
        QTest::newRow("travel same kecamatan")
            << "travel_times"
            << QVariantMap{{"kecamatan_a", "@kec:Parigi"}, {"kecamatan_b", "@kec:Parigi"}, {"minutes", 10}}
            << "two different";
        QTest::newRow("travel reversed duplicate")
            << "travel_times"
            << QVariantMap{{"kecamatan_a", "@kec:Tinombo"}, {"kecamatan_b", "@kec:Parigi"}, {"minutes", 10}}
            << "already exists";
        QTest::newRow("travel negative") << "travel_times"
                                         << QVariantMap{{"kecamatan_a", "@kec:Sausu"},
                                                        {"kecamatan_b", "@kec:Parigi"},
                                                        {"minutes", -5}}
                                         << "between";
        QTest::newRow("holiday same date")
            << "holidays" << QVariantMap{{"date", "2026-08-17"}, {"kind", "lokal"}, {"name", "Lain"}} << "already";
        QTest::newRow("holiday bad date")
            << "holidays" << QVariantMap{{"date", "2026-02-30"}, {"kind", "lokal"}, {"name", "X"}} << "valid date";
        QTest::newRow("holiday unknown kind")
            << "holidays" << QVariantMap{{"date", "2027-03-01"}, {"kind", "libur"}, {"name", "X"}} << "unknown value";
        QTest::newRow("user opd without opd")
            << "users"
            << QVariantMap{{"username", "pic"}, {"display_name", "PIC"}, {"role", "opd"}, {"password", "sandi-panjang"}}
            << "one agency";
        QTest::newRow("user short password")
            << "users"
            << QVariantMap{{"username", "user2"}, {"display_name", "U"}, {"role", "ppid"}, {"password", "1234"}}
            << "at least";
        QTest::newRow("user without password")
            << "users" << QVariantMap{{"username", "user3"}, {"display_name", "U"}, {"role", "ppid"}}
            << "needs a password";
        QTest::newRow("user unknown role") << "users"
                                           << QVariantMap{{"username", "user4"},
                                                          {"display_name", "U"},
                                                          {"role", "raja"},
                                                          {"password", "sandi-panjang"}}
                                           << "unknown value";
        QTest::newRow("user eight spaces")
            << "users"
            << QVariantMap{{"username", "admin2"}, {"display_name", "A"}, {"role", "admin"}, {"password", "        "}}
            << "spaces only";
        QTest::newRow("user padded short password")
            << "users"
            << QVariantMap{{"username", "admin2"}, {"display_name", "A"}, {"role", "admin"}, {"password", "   abcd   "}}
            << "at least";
        QTest::newRow("user password with newline") << "users"
                                                    << QVariantMap{{"username", "admin2"},
                                                                   {"display_name", "A"},
                                                                   {"role", "admin"},
                                                                   {"password", "sandi\npanjang"}}
                                                    << "control characters";
        QTest::newRow("user name path") << "users"
                                        << QVariantMap{{"username", "../../etc/passwd"},
                                                       {"display_name", "P"},
                                                       {"role", "ppid"},
                                                       {"password", "sandi-panjang"}}
                                        << "may contain only";
        QTest::newRow("user name dot dot")
            << "users"
            << QVariantMap{{"username", "a..b"}, {"display_name", "P"}, {"role", "ppid"}, {"password", "sandi-panjang"}}
            << "may contain only";
        QTest::newRow("user name invalid utf-8") << "users"
                                                 << QVariantMap{{"username", QString::fromUtf8("adm\xff\xfein")},
                                                                {"display_name", "P"},
                                                                {"role", "ppid"},
                                                                {"password", "sandi-panjang"}}
                                                 << "UTF-8";
        QTest::newRow("user name with space") << "users"
                                              << QVariantMap{{"username", "budi santoso"},
                                                             {"display_name", "P"},
                                                             {"role", "ppid"},
                                                             {"password", "sandi-panjang"}}
                                              << "may contain only";
        QTest::newRow("user name too long") << "users"
                                            << QVariantMap{{"username", QString(33, 'a')},
                                                           {"display_name", "P"},
                                                           {"role", "ppid"},
                                                           {"password", "sandi-panjang"}}
                                            << "too long";
        QTest::newRow("user full name 100 kB") << "users"
                                               << QVariantMap{{"username", "budi"},
                                                              {"display_name", QString(100 * 1024, 'x')},
                                                              {"role", "ppid"},
                                                              {"password", "sandi-panjang"}}
                                               << "too long";
        QTest::newRow("opd name 100 kB") << "opd" << QVariantMap{{"code", "X1"}, {"name", QString(100 * 1024, 'x')}}
                                         << "too long";
        QTest::newRow("opd name two lines")
            << "opd" << QVariantMap{{"code", "X1"}, {"name", "Dinas\nLain"}} << "single line";
        QTest::newRow("opd name escape") << "opd" << QVariantMap{{"code", "X1"}, {"name", "Dinas \x1b[31m"}}
                                         << "single line";
        QTest::newRow("venue address bell")
            << "venues" << QVariantMap{{"name", "Aula"}, {"kecamatan_id", "@kec:Parigi"}, {"address", "Jl. A\x07"}}
            << "control character";
        QTest::newRow("unknown field") << "opd" << QVariantMap{{"code", "Z"}, {"name", "Z"}, {"budget", 1}}
                                       << "Unknown field";
    }

    void refusedWithMessage()
    {
        QFETCH(QString, table);
        QFETCH(QVariantMap, values);
        QFETCH(QString, message);
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        Database &db = t.db();
        // Fixtures the rules need.
        const QString parigi = idOf(db, "kecamatan", "name", "Parigi");
        const QString tinombo = idOf(db, "kecamatan", "name", "Tinombo");
        QString id;
        QString error;
        QVERIFY2(repoFor(db, "opd")->findBy("code", "DINKES").isValid(), "seed has DINKES");
        QVERIFY(repoFor(db, "venues")->insert({{"name", "Aula Kantor Bupati"}, {"kecamatan_id", parigi}}, &id, &error));
        QVERIFY(repoFor(db, "travel_times")
                    ->insert({{"kecamatan_a", parigi}, {"kecamatan_b", tinombo}, {"minutes", 150}}, &id, &error));
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QString v = it.value().toString();
            if (v.startsWith("@kec:"))
                it.value() = idOf(db, "kecamatan", "name", v.mid(5));
        }
        const int rows = t.count(table);
        const int outbox = t.count("outbox");
        auto repo = repoFor(db, table);
        QVERIFY(!repo->validate(values, QString(), &error) || table == "users");
        error.clear();
        QVERIFY(!repo->insert(values, &id, &error));
        QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(t.count(table), rows);
        QCOMPARE(t.count("outbox"), outbox);
    }

    void acceptedValues()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        Database &db = t.db();
        QString id;
        QString error;
        QVERIFY2(repoFor(db, "officials")
                     ->insert({{"code", "STAFAHLI1"},
                               {"position", "Staf Ahli Bupati Bidang Hukum"},
                               {"nip", "19750812 200003 1 002"},
                               {"sort_order", 7}},
                              &id, &error),
                 qPrintable(error));
        QCOMPARE(repoFor(db, "officials")->get(id).text("nip"), QString("197508122000031002")); // stored compact
        QVERIFY2(repoFor(db, "opd")->insert(
                     {{"code", "BARU"}, {"name", "  Badan Baru  "}, {"pic_phone", "+62 812-3456-7890"}}, &id, &error),
                 qPrintable(error));
        QCOMPARE(repoFor(db, "opd")->get(id).text("name"), QString("Badan Baru")); // trimmed
        const QString parigi = idOf(db, "kecamatan", "name", "Parigi");
        const QString sausu = idOf(db, "kecamatan", "name", "Sausu");
        QVERIFY(repoFor(db, "venues")->insert({{"name", "Lapangan"}, {"kecamatan_id", parigi}}, &id, &error));
        QVERIFY2(repoFor(db, "venues")->insert({{"name", "Lapangan"}, {"kecamatan_id", sausu}}, &id, &error),
                 qPrintable(error)); // same name in another kecamatan is fine
        TravelTimeRepository travel(db, Actor::system());
        QVERIFY(travel.insert({{"kecamatan_a", parigi}, {"kecamatan_b", sausu}, {"minutes", 45}}, &id, &error));
        QCOMPARE(travel.minutesBetween(sausu, parigi), 45);
        QCOMPARE(travel.minutesBetween(parigi, idOf(db, "kecamatan", "name", "Moutong")), -1);
    }

    void updateChecksUniquenessAgainstOthersOnly()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        OpdRepository opd(t.db(), Actor::system());
        const Record dinkes = opd.findBy("code", "DINKES");
        QString error;
        QVERIFY2(opd.update(dinkes.id, opd.get(dinkes.id).values, {{"code", "DINKES"}, {"pic_name", "Budi"}}, &error), qPrintable(error));
        QVERIFY(!opd.update(dinkes.id, opd.get(dinkes.id).values, {{"code", "BPBD"}}, &error));
        QVERIFY(error.contains("already used"));
    }

    // Issue 9: two Data Master editors open the same OPD; the colleague saves first.
    void staleCopyKeepsAColleaguesField()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        OpdRepository opd(t.db(), Actor::system());
        const Record opened = opd.findBy("code", "DINKES");
        QString error;
        QVERIFY2(opd.update(opened.id, opd.get(opened.id).values, {{"pic_name", "Budi"}, {"pic_phone", "0812 3456 7890"}},
                            &error),
                 qPrintable(error));
        // The second editor changes only the name, from the copy it opened before.
        QVERIFY2(opd.update(opened.id, opened.values, {{"name", "Dinas Kesehatan dan KB"}}, &error), qPrintable(error));
        const Record stored = opd.get(opened.id);
        QCOMPARE(stored.text("name"), QString("Dinas Kesehatan dan KB"));
        QCOMPARE(stored.text("pic_name"), QString("Budi"));
        QCOMPARE(stored.text("pic_phone"), QString("081234567890"));
    }

    void staleCopyRefusesTheSameField()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        OpdRepository opd(t.db(), Actor::system());
        const Record opened = opd.findBy("code", "DINKES");
        QString error;
        QVERIFY(opd.update(opened.id, opd.get(opened.id).values, {{"pic_name", "Budi"}}, &error));
        const int outbox = t.count("outbox");
        QList<StaleField> stale;
        QVERIFY(!opd.update(opened.id, opened.values, {{"pic_name", "Rina"}, {"name", "Dinkes"}}, &error, &stale));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().field, QString("pic_name"));
        QCOMPARE(stale.first().current.toString(), QString("Budi"));
        QCOMPARE(stale.first().mine.toString(), QString("Rina"));
        // Both values, under the field's label; nothing written.
        QVERIFY2(error.contains("\"Budi\"") && error.contains("\"Rina\"") &&
                     error.contains(MasterData::label(MasterData::opd().field("pic_name")->label)),
                 qPrintable(error));
        QCOMPARE(t.count("outbox"), outbox);
        QCOMPARE(opd.get(opened.id).text("pic_name"), QString("Budi"));
        QCOMPARE(opd.get(opened.id).text("name"), opened.text("name"));
    }

    // Undo (RecordCommand) writes back only what it changed, against the value it wrote.
    void undoKeepsAColleaguesField()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        OpdRepository opd(t.db(), Actor::system());
        const Record opened = opd.findBy("code", "DINKES");
        const QVariantMap before = {{"name", opened.values.value("name")}};
        const QVariantMap after = {{"name", "Dinas Kesehatan dan KB"}};
        QString error;
        QVERIFY(opd.update(opened.id, opened.values, after, &error));
        QVERIFY(opd.update(opened.id, opd.get(opened.id).values, {{"pic_name", "Budi"}}, &error)); // the colleague
        QVERIFY2(opd.update(opened.id, after, before, &error), qPrintable(error));              // undo
        QCOMPARE(opd.get(opened.id).text("name"), opened.text("name"));
        QCOMPARE(opd.get(opened.id).text("pic_name"), QString("Budi"));
        // Redo, then a colleague renames it: undo is refused rather than overwriting them.
        QVERIFY(opd.update(opened.id, before, after, &error));
        QVERIFY(opd.update(opened.id, opd.get(opened.id).values, {{"name", "Dinkes PPKB"}}, &error));
        QVERIFY(!opd.update(opened.id, after, before, &error));
        QVERIFY2(error.contains("Dinkes PPKB") && error.contains(opened.text("name")), qPrintable(error));
        QCOMPARE(opd.get(opened.id).text("name"), QString("Dinkes PPKB"));
    }

    void cannotDeleteWhatIsStillUsed()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        Database &db = t.db();
        const QString parigi = idOf(db, "kecamatan", "name", "Parigi");
        QString id;
        QString error;
        QVERIFY(repoFor(db, "venues")->insert({{"name", "Aula"}, {"kecamatan_id", parigi}}, &id, &error));
        KecamatanRepository kec(db, Actor::system());
        QVERIFY(!kec.remove(parigi, &error));
        QVERIFY2(error.contains("still used"), qPrintable(error));
        QVERIFY(repoFor(db, "venues")->remove(id, &error));
        QVERIFY2(kec.remove(parigi, &error), qPrintable(error));
    }

    void restoreRefusesACollision()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        OpdRepository opd(t.db(), Actor::system());
        QString first;
        QString second;
        QString error;
        QVERIFY(opd.insert({{"code", "DUP"}, {"name", "Pertama"}}, &first, &error));
        QVERIFY(opd.remove(first, &error));
        QVERIFY(opd.insert({{"code", "DUP"}, {"name", "Kedua"}}, &second, &error)); // code is free again
        QVERIFY(!opd.restore(first, &error));
        QVERIFY(error.contains("already used"));
        QVERIFY(opd.remove(second, &error));
        QVERIFY2(opd.restore(first, &error), qPrintable(error));
        QCOMPARE(opd.findBy("code", "DUP").id, first);
    }

    void lastAdminIsProtected()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const Actor admin = t.addUser("admin", "admin", "sandi-admin-1");
        UserRepository users(t.db(), admin);
        QString error;
        QVERIFY(!users.update(admin.userId, users.get(admin.userId).values, {{"role", "pimpinan"}}, &error));
        QVERIFY(error.contains("last active administrator"));
        QVERIFY(!users.update(admin.userId, users.get(admin.userId).values, {{"active", 0}}, &error));
        QVERIFY(!users.remove(admin.userId, &error));
        const Actor other = t.addUser("admin2", "admin", "sandi-admin-2");
        QVERIFY(!users.remove(admin.userId, &error)); // not yourself
        QVERIFY(error.contains("own account"));
        QVERIFY2(users.update(other.userId, users.get(other.userId).values, {{"role", "pimpinan"}}, &error), qPrintable(error));
    }

    void editingAUserKeepsThePasswordUnlessGiven()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const Actor admin = t.addUser("admin", "admin", "sandi-admin-1");
        const Actor ppid = t.addUser("ppid1", "ppid", "sandi-ppid-1");
        UserRepository users(t.db(), admin);
        QString error;
        QVERIFY(users.update(ppid.userId, users.get(ppid.userId).values, {{"display_name", "Petugas PPID"}, {"password", ""}}, &error));
        Actor a;
        QVERIFY(users.authenticate("ppid1", "sandi-ppid-1", &a, &error));
        QVERIFY(users.update(ppid.userId, users.get(ppid.userId).values, {{"password", "sandi-baru-99"}}, &error));
        QVERIFY(!users.authenticate("ppid1", "sandi-ppid-1", &a, &error));
        QVERIFY(users.authenticate("ppid1", "sandi-baru-99", &a, &error));
    }

    void referenceChoicesAreSorted()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        VenueRepository venues(t.db(), Actor::system());
        const auto choices = venues.referenceChoices(*MasterData::venues().field("kecamatan_id"));
        QCOMPARE(choices.size(), 23);
        QCOMPARE(choices.first().second, QString("Ampibabo"));
        QCOMPARE(choices.last().second, QString("Torue"));
    }
};

QTEST_GUILESS_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
