#pragma once

#include <QCoreApplication>
#include <QStringList>

class QSqlDatabase;

namespace Humas {

/**
 * The hub's schema in PostgreSQL (resources/pg/hub_schema.sql): the tables of the SQLite
 * migrations at schema Version, with PostgreSQL types, for `humasdesk-server --database`.
 *
 * prepare() runs inside the transaction Database opens on a new connection: an empty database
 * gets the whole schema and its humas_schema row; a database at Version is left alone; a newer
 * one, or one that holds tables of another program, is refused without a change.
 */
class PgSchema
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PgSchema)
public:
    /**
     * The SQLite schema version the file matches (Migrations::latestVersion(); a test keeps
     * them equal). A later version adds its upgrade steps to prepare().
     */
    static constexpr int Version = 5;

    /** The statements of hub_schema.sql, in order. */
    static QStringList statements();
    /** Creates, checks or refuses the schema of @p db (see the class); @p where names it in messages. */
    static bool prepare(const QSqlDatabase &db, const QString &where, QString *error);
    /** The version in humas_schema, 0 when the database has none, -1 when it cannot be read. */
    static int version(const QSqlDatabase &db);
};

} // namespace Humas
