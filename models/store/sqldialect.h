#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

namespace Humas {

/**
 * The few places where SQLite and PostgreSQL (the server's hub, issue 10) need different
 * handling. Everything else HubStore, BlobStore and ChangeWriter run is SQL both accept
 * (INSERT … ON CONFLICT, UPDATE … RETURNING, CASE instead of SQLite's scalar max()), so there is
 * one copy of each statement; this helper reads the drivers' errors.
 */
class SqlDialect
{
public:
    /** Whether @p db is a PostgreSQL connection (Qt's QPSQL driver). */
    static bool isPostgres(const QSqlDatabase &db);

    /**
     * The column a violated unique index or primary key names, one of @p columns (the table's);
     * empty when @p e is another error. SQLite says "UNIQUE constraint failed: opd.code";
     * PostgreSQL (SQLSTATE 23505) says 'Key (lower((code COLLATE "C")))=(…) already exists.'
     * or, without the detail, only the index name "opd_code". Reads nothing from the database:
     * on PostgreSQL the transaction is aborted until the savepoint is rolled back.
     */
    static QString uniqueViolationField(const QSqlError &e, const QStringList &columns);

    /**
     * Whether @p e means "try again later" rather than "this cannot be done": SQLite's busy and
     * locked, PostgreSQL's lock timeout, deadlock and serialization failure.
     */
    static bool isBusy(const QSqlError &e);
};

} // namespace Humas
