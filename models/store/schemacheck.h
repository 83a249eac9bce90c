#pragma once

#include <QCoreApplication>
#include <QStringList>

class QSqlDatabase;

namespace Humas {

/**
 * Compares the schema of a database with the one the numbered migrations build for the
 * version its PRAGMA user_version claims: every table with its columns (name, declared type,
 * NOT NULL, primary key), every index with its table and columns, every trigger and view.
 *
 * A dropped table, a missing column or index, or a schema newer than its user_version says
 * (so the next migration would fail half-way with "duplicate column name") is a problem, and
 * nothing is written: the expected schema is built in a private in-memory database, and the
 * database under test is only read.
 */
class SchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SchemaCheck)
public:
    /**
     * The differences between @p db and schema @p version, one translated line each; empty
     * when they match. On a failed read the one line says what failed.
     */
    static QStringList problems(const QSqlDatabase &db, int version);

    /** The schema of @p db as lines "table t: c TYPE notnull pk", "index i on t(c)", …, sorted. */
    static QStringList describe(const QSqlDatabase &db, QString *error = nullptr);

    /** describe() of the schema the migrations build for @p version (cached per version). */
    static QStringList expected(int version, QString *error = nullptr);
};

} // namespace Humas
