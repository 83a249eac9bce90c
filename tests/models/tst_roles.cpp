#include "auth/userrepository.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

Actor actorWith(Role role)
{
    Actor a;
    a.username = Roles::code(role) + "-user";
    a.role = role;
    return a;
}

std::unique_ptr<RecordRepository> repoFor(Database &db, const QString &table, const Actor &actor)
{
    if (table == "opd")
        return std::make_unique<OpdRepository>(db, actor);
    if (table == "officials")
        return std::make_unique<OfficialRepository>(db, actor);
    if (table == "kecamatan")
        return std::make_unique<KecamatanRepository>(db, actor);
    if (table == "holidays")
        return std::make_unique<HolidayRepository>(db, actor);
    if (table == "users")
        return std::make_unique<UserRepository>(db, actor);
    return {};
}

QVariantMap sampleRow(const QString &table)
{
    if (table == "opd")
        return {{"code", "BARU"}, {"name", "Dinas Baru"}};
    if (table == "officials")
        return {{"code", "STAFAHLI1"}, {"position", "Staf Ahli Bupati"}, {"sort_order", 7}};
    if (table == "kecamatan")
        return {{"name", "Kecamatan Uji"}};
    if (table == "holidays")
        return {{"date", "2027-01-01"}, {"kind", "libur_nasional"}, {"name", "Tahun Baru 2027"}};
    return {
        {"username", "baru"}, {"display_name", "Pengguna Baru"}, {"role", "pimpinan"}, {"password", "sandi-panjang"}};
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void codesRoundTrip()
    {
        for (Role r : Roles::all()) {
            Role back;
            QVERIFY(Roles::fromCode(Roles::code(r), &back));
            QCOMPARE(back, r);
            QVERIFY(!Roles::displayName(r).isEmpty());
        }
        QVERIFY(!Roles::fromCode("superuser", nullptr));
        QVERIFY(Roles::canSeePersonalData(Role::Ppid));
        QVERIFY(Roles::canSeePersonalData(Role::Admin));
        QVERIFY(!Roles::canSeePersonalData(Role::Protokol));
        QVERIFY(!Roles::canSeePersonalData(Role::Pimpinan));
        QVERIFY(!Roles::canSeePersonalData(Role::Opd));
    }

    void writeRights_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        const QStringList tables = {"opd", "officials", "kecamatan", "holidays", "users"};
        // Who may change what (DESIGN.md roles): admin everything; protokol the agenda's
        // reference data; ppid the holidays its deadlines depend on; nobody else.
        const QMap<QString, QStringList> writers = {{"admin", tables},
                                                    {"protokol", {"officials", "kecamatan"}},
                                                    {"ppid", {"holidays"}},
                                                    {"redaksi", {}},
                                                    {"opd", {}},
                                                    {"pimpinan", {}}};
        for (auto it = writers.cbegin(); it != writers.cend(); ++it) {
            for (const QString &table : tables) {
                QTest::addRow("%s %s", qPrintable(it.key()), qPrintable(table))
                    << table << it.key() << it.value().contains(table);
            }
        }
    }

    void writeRights()
    {
        QFETCH(QString, table);
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        TestDatabase t(TestDatabase::Seed::Base);
        Role r;
        QVERIFY(Roles::fromCode(role, &r));
        auto repo = repoFor(t.db(), table, actorWith(r));
        QCOMPARE(repo->canWrite(), allowed);
        const int rows = t.count(table);
        const int outbox = t.count("outbox");
        QString id;
        QString error;
        const bool ok = repo->insert(sampleRow(table), &id, &error);
        QCOMPARE(ok, allowed);
        if (allowed) {
            QCOMPARE(t.count(table), rows + 1);
            return;
        }
        QVERIFY2(error.contains("may not"), qPrintable(error));
        QCOMPARE(t.count(table), rows);
        QCOMPARE(t.count("outbox"), outbox);
        // Updates and deletes are refused as well.
        const QList<Record> existing = repoFor(t.db(), table, Actor::system())->list();
        if (!existing.isEmpty()) {
            QVERIFY(!repo->remove(existing.first().id, &error));
            QVERIFY(!repo->update(existing.first().id, {}, {}, &error));
            QCOMPARE(t.count("outbox"), outbox);
        }
    }

    void settingsAreAdminOnly()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        for (Role r : Roles::all()) {
            AppSettings s(t.db(), actorWith(r));
            QString error;
            const bool ok = s.setValue(AppSettings::RegencyName, "Kabupaten " + Roles::code(r), &error);
            QCOMPARE(ok, r == Role::Admin);
            if (!ok)
                QVERIFY(!error.isEmpty());
        }
        QCOMPARE(AppSettings(t.db(), actorWith(Role::Pimpinan)).regencyName(), QString("Kabupaten admin"));
    }

    void authenticateGivesTheRole()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const Actor admin = t.addUser("admin", "admin", "sandi-admin-1");
        QCOMPARE(admin.role, Role::Admin);
        UserRepository users(t.db(), admin);
        QString id;
        QString error;
        QVERIFY2(users.insert({{"username", "Protokol1"},
                               {"display_name", "Staf Protokol"},
                               {"role", "protokol"},
                               {"password", "protokol-2026"}},
                              &id, &error),
                 qPrintable(error));
        Actor a;
        QVERIFY(users.authenticate("protokol1", "protokol-2026", &a, &error)); // user names ignore case
        QCOMPARE(a.role, Role::Protokol);
        QCOMPARE(a.userId, id);
        QVERIFY(!users.authenticate("protokol1", "salah-sandi", &a, &error));
        const QString wrongPassword = error;
        QVERIFY(!users.authenticate("tidak-ada", "salah-sandi", &a, &error));
        QCOMPARE(error, wrongPassword); // does not reveal which user names exist
        QVERIFY(users.update(id, users.get(id).values, {{"active", 0}}, &error));
        QVERIFY(!users.authenticate("protokol1", "protokol-2026", &a, &error));
        QVERIFY(error.contains("disabled"));
        // The password is stored hashed only.
        QVERIFY(!users.get(id).text("password_hash").contains("protokol-2026"));
    }

    void firstAdmin()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        UserRepository users(t.db(), Actor());
        QVERIFY(users.needsFirstAdmin());
        QString error;
        QVERIFY(!users.createFirstAdmin("admin", "Admin", "pendek", &error)); // too short
        QVERIFY(error.contains("8"));
        QVERIFY2(users.createFirstAdmin("admin", "Administrator", "sandi-panjang", &error), qPrintable(error));
        QVERIFY(!users.needsFirstAdmin());
        QVERIFY(!users.createFirstAdmin("admin2", "Second", "sandi-panjang", &error));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
