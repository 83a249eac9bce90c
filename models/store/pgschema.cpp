#include "pgschema.h"

#include "common/logging.h"
#include "database.h"
#include "migrations.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace Humas {

QStringList PgSchema::statements()
{
    QFile f(QStringLiteral(":/humasdesk/pg/hub_schema.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return Migrations::split(QString::fromUtf8(f.readAll()));
}

int PgSchema::version(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    // to_regclass: no error (which would abort the open transaction) when the table is missing.
    if (!q.exec(QStringLiteral("SELECT to_regclass('humas_schema') IS NOT NULL")) || !q.next())
        return -1;
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT version, application_id FROM humas_schema WHERE id = 1")))
        return -1;
    if (!q.next() || q.value(1).toLongLong() != Database::ApplicationId)
        return 0;
    return q.value(0).toInt();
}

bool PgSchema::prepare(const QSqlDatabase &db, const QString &where, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const int found = version(db);
    if (found < 0)
        return fail(tr("Cannot read the HumasDesk schema of %1.").arg(where));
    if (found > Version)
        return fail(tr("%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). "
                       "It was not changed; update humasdesk-server.")
                        .arg(where)
                        .arg(found)
                        .arg(Version));
    if (found == Version)
        return true;
    if (found > 0)
        return fail(tr("%1 has the HumasDesk schema %2, which this version cannot upgrade to %3. "
                       "It was not changed.")
                        .arg(where)
                        .arg(found)
                        .arg(Version));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                               "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                               "AND c.relkind IN ('r', 'v', 'm', 'p', 'f')")) ||
        !q.next())
        return fail(tr("Cannot read the tables of %1: %2").arg(where, q.lastError().text()));
    if (q.value(0).toLongLong() > 0)
        return fail(tr("%1 holds tables of another program (no HumasDesk schema). It was not changed; "
                       "give humasdesk-server an empty database.")
                        .arg(where));
    const QStringList sql = statements();
    if (sql.isEmpty())
        return fail(tr("The PostgreSQL schema is missing from this build."));
    for (const QString &statement : sql) {
        if (!q.exec(statement))
            return fail(tr("Setting up %1 failed: %2. Nothing was changed.").arg(where, q.lastError().text()));
    }
    q.prepare(QStringLiteral("INSERT INTO humas_schema (id, application_id, version) VALUES (1, ?, ?)"));
    q.addBindValue(qint64(Database::ApplicationId));
    q.addBindValue(Version);
    if (!q.exec())
        return fail(tr("Setting up %1 failed: %2. Nothing was changed.").arg(where, q.lastError().text()));
    qCInfo(lcStore) << "created the hub schema" << Version << "in" << where;
    return true;
}

} // namespace Humas
