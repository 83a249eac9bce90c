#include "testdatabase.h"

#include "auth/userrepository.h"
#include "master/seeder.h"

#include <QSqlQuery>
#include <QtTest>

namespace HumasTest {

TestDatabase::TestDatabase(Seed seed) : m_path(m_dir.filePath("test.sqlite")), m_db(std::make_unique<Humas::Database>())
{
    if (!m_db->open(m_path, &m_error))
        return;
    if (seed != Seed::None) {
        QString summary;
        Humas::Seeder::init(*m_db, seed == Seed::ParigiMoutong ? "parigi-moutong" : QString(), nullptr, &summary,
                            &m_error);
    }
}

bool TestDatabase::reopen()
{
    m_db->close();
    return m_db->open(m_path, &m_error);
}

int TestDatabase::count(const QString &table, const QString &where)
{
    QSqlQuery q(m_db->connection());
    const QString sql = "SELECT count(*) FROM " + table + (where.isEmpty() ? QString() : " WHERE " + where);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

Humas::Actor TestDatabase::addUser(const QString &username, const QString &role, const QString &password,
                                   const QString &opdId)
{
    Humas::UserRepository repo(*m_db, Humas::Actor::system());
    QString id;
    QString error;
    QVariantMap values{
        {"username", username}, {"display_name", username}, {"role", role}, {"password", password}, {"active", 1}};
    if (!opdId.isEmpty())
        values.insert("opd_id", opdId);
    if (!repo.insert(values, &id, &error))
        qWarning() << "addUser failed:" << error;
    Humas::Actor actor;
    repo.authenticate(username, password, &actor, &error);
    return actor;
}

} // namespace HumasTest
