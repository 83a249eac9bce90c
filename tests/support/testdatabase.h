#pragma once

#include "auth/role.h"
#include "store/database.h"

#include <QTemporaryDir>

#include <memory>

namespace HumasTest {

/**
 * A fresh database file in its own temporary folder, opened and migrated; optionally
 * seeded (Seeder::init) with or without a preset. Removed when the object goes away.
 */
class TestDatabase
{
public:
    enum class Seed { None, Base, ParigiMoutong };
    explicit TestDatabase(Seed seed = Seed::None);

    Humas::Database &db() { return *m_db; }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    bool isOpen() const { return m_db && m_db->isOpen(); }
    QString error() const { return m_error; }
    /** Closes and reopens the same file (e.g. to check what survived). */
    bool reopen();
    /** Count rows of @p table matching an optional SQL condition. */
    int count(const QString &table, const QString &where = QString());
    /** Adds a user with role code and password; returns the actor. */
    Humas::Actor addUser(const QString &username, const QString &role, const QString &password = "rahasia123",
                         const QString &opdId = QString());

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_error;
    std::unique_ptr<Humas::Database> m_db;
};

} // namespace HumasTest
