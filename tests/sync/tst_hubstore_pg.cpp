// The hub in PostgreSQL (issue 10, humasdesk-server --database): the HubStore cases of
// hubstorecases.cpp against a throw-away PostgreSQL cluster started here, then what only
// PostgreSQL has: its schema file against the SQLite migrations, the schema version row, refused
// databases, savepoints, the writer lock. Fails (never skips) when the cluster cannot start.
#include "hubstorecases.h"

#include "common/hybridclock.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/pgschema.h"
#include "store/sqldialect.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <thread>

using namespace Humas;

namespace {

/** "table: column type notnull default" lines of the SQLite schema the migrations build. */
QStringList sqliteColumns(Database &db, QStringList *indexes, QStringList *checks)
{
    QStringList out;
    QSqlQuery t(db.connection());
    t.exec("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
           "AND name NOT LIKE 'ppid_search%' ORDER BY name");
    while (t.next()) {
        const QString table = t.value(0).toString();
        checks->append(QString("%1: %2 checks").arg(table).arg(t.value(1).toString().count("CHECK (")));
        QSqlQuery c(db.connection());
        c.exec("PRAGMA table_info(" + table + ")");
        while (c.next()) {
            const QString type = c.value(2).toString();
            const bool notNull = c.value(3).toInt() == 1 || c.value(5).toInt() > 0;
            const QString mapped = type == "INTEGER" ? "bigint" : type == "BLOB" ? "bytea" : type.toLower();
            out << QString("%1: %2 %3%4 default %5")
                       .arg(table, c.value(1).toString(), mapped, notNull ? " not null" : "",
                            c.value(4).isNull() ? "-" : c.value(4).toString());
        }
    }
    QSqlQuery i(db.connection());
    i.exec("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
           "AND tbl_name NOT LIKE 'ppid_search%'");
    while (i.next()) {
        const QString sql = i.value(2).toString();
        indexes->append(QString("%1 on %2%3%4")
                            .arg(i.value(0).toString(), i.value(1).toString(),
                                 sql.startsWith("CREATE UNIQUE") ? " unique" : "",
                                 sql.contains(" WHERE ") ? " partial" : ""));
    }
    indexes->sort();
    checks->sort();
    out.sort();
    return out;
}

QStringList pgColumns(Database &db, QStringList *indexes, QStringList *checks)
{
    QStringList out;
    QSqlQuery c(db.connection());
    c.exec("SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
           "WHERE table_schema = current_schema() AND table_name <> 'humas_schema'");
    while (c.next()) {
        QString def = c.value(4).isNull() ? "-" : c.value(4).toString();
        def.remove("::text").remove("::bigint");
        out << QString("%1: %2 %3%4 default %5")
                   .arg(c.value(0).toString(), c.value(1).toString(), c.value(2).toString(),
                        c.value(3).toString() == "NO" ? " not null" : "", def);
    }
    QSqlQuery i(db.connection());
    i.exec("SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
           "AND tablename <> 'humas_schema' AND indexname NOT IN (SELECT conname FROM pg_constraint)");
    while (i.next()) {
        const QString sql = i.value(2).toString();
        indexes->append(QString("%1 on %2%3%4")
                            .arg(i.value(0).toString(), i.value(1).toString(),
                                 sql.startsWith("CREATE UNIQUE") ? " unique" : "",
                                 sql.contains(" WHERE ") ? " partial" : ""));
    }
    QSqlQuery k(db.connection());
    k.exec("SELECT c.relname, count(k.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
           "LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'c' "
           "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'humas_schema' GROUP BY c.relname");
    while (k.next())
        checks->append(QString("%1: %2 checks").arg(k.value(0).toString()).arg(k.value(1).toInt()));
    indexes->sort();
    checks->sort();
    out.sort();
    return out;
}

} // namespace

class TestPgSchema : public QObject
{
    Q_OBJECT

public:
    explicit TestPgSchema(HumasTest::PostgresHubBackend &backend) : m_backend(backend) {}

private:
    HumasTest::PostgresHubBackend &m_backend;

    QString newDatabase()
    {
        QString error;
        const QString url = m_backend.newHub(&error);
        if (url.isEmpty())
            qWarning() << error;
        return url;
    }
    QString scalar(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return "<none: " + q.lastError().text() + ">";
        return q.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QString error;
        QVERIFY2(m_backend.setUp(&error), qPrintable(error));
    }

    void schemaFileMatchesSqliteMigrations()
    {
        QCOMPARE(PgSchema::Version, Migrations::latestVersion());
        HumasTest::TestDatabase sqlite;
        QVERIFY(sqlite.isOpen());
        Database pg;
        QString error;
        QVERIFY2(pg.open(newDatabase(), &error), qPrintable(error));
        QVERIFY(pg.isPostgres());
        QCOMPARE(pg.schemaVersion(), Migrations::latestVersion());
        QStringList sqliteIndexes, pgIndexes, sqliteChecks, pgChecks;
        const QStringList expected = sqliteColumns(sqlite.db(), &sqliteIndexes, &sqliteChecks);
        const QStringList actual = pgColumns(pg, &pgIndexes, &pgChecks);
        QVERIFY2(expected.size() > 250, qPrintable(QString::number(expected.size())));
        // Compared line by line so that a failure names the column that drifted.
        for (const QString &line : expected)
            QVERIFY2(actual.contains(line), qPrintable("missing or different in PostgreSQL: " + line));
        for (const QString &line : actual)
            QVERIFY2(expected.contains(line), qPrintable("only in PostgreSQL: " + line));
        for (const QString &line : sqliteIndexes)
            QVERIFY2(pgIndexes.contains(line), qPrintable("index missing or different in PostgreSQL: " + line));
        for (const QString &line : pgIndexes)
            QVERIFY2(sqliteIndexes.contains(line), qPrintable("index only in PostgreSQL: " + line));
        QCOMPARE(pgChecks, sqliteChecks);
    }

    void reopenKeepsSchemaAndSiteId()
    {
        const QString url = newDatabase();
        QString first, second, error;
        // Two connections opening the empty database at once set it up once, with one site id.
        std::thread a([&] {
            Database db;
            QString e;
            if (db.open(url, &e))
                first = db.siteId();
            else
                qWarning() << e;
        });
        std::thread b([&] {
            Database db;
            QString e;
            if (db.open(url, &e))
                second = db.siteId();
            else
                qWarning() << e;
        });
        a.join();
        b.join();
        QVERIFY(!first.isEmpty());
        QCOMPARE(second, first);
        Database again;
        QVERIFY2(again.open(url, &error), qPrintable(error));
        QCOMPARE(again.siteId(), first);
        QCOMPARE(scalar(again, "SELECT count(*) FROM humas_schema"), QString("1"));
        QVERIFY(again.hybridClock());
        QVERIFY(!again.hybridClock()->tick().isEmpty());
        // The URL shown in messages carries no password.
        QVERIFY(!again.path().contains(HumasTest::PgTestCluster::Password));
        QVERIFY(!again.path().contains("sandi"));
        QVERIFY(again.path().startsWith("postgresql://humas@127.0.0.1:"));
    }

    void foreignDatabaseIsRefusedUnchanged()
    {
        const QString url = newDatabase();
        const QString name = url.section('/', -1);
        QString error;
        QVERIFY2(m_backend.cluster().exec(name, "CREATE TABLE invoices (id int)", &error), qPrintable(error));
        Database db;
        QVERIFY(!db.open(url, &error));
        QVERIFY2(error.contains("another program"), qPrintable(error));
        QVERIFY(!db.isOpen());
        QVERIFY(m_backend.cluster().exec(name, "SELECT * FROM invoices", &error));
        QVERIFY(!m_backend.cluster().exec(name, "SELECT * FROM humas_schema", &error));
    }

    void newerSchemaIsRefused()
    {
        const QString url = newDatabase();
        QString error;
        {
            Database db;
            QVERIFY2(db.open(url, &error), qPrintable(error));
        }
        QVERIFY(m_backend.cluster().exec(url.section('/', -1), "UPDATE humas_schema SET version = 99", &error));
        Database db;
        QVERIFY(!db.open(url, &error));
        QVERIFY2(error.contains("newer") && error.contains("99"), qPrintable(error));
    }

    void badAddressesSayWhyWithoutThePassword()
    {
        Database db;
        QString error;
        QVERIFY(!db.open("postgresql://humas:geheim@127.0.0.1:1/", &error));
        QVERIFY2(error.contains("not a PostgreSQL address"), qPrintable(error));
        QVERIFY(!error.contains("geheim"));
        QVERIFY(!db.open("postgresql://humas:geheim@127.0.0.1:1/hub?bogus=1", &error));
        QVERIFY2(error.contains("bogus"), qPrintable(error));
        const QString right = newDatabase();
        QString wrong = right;
        wrong.replace(QString::fromLatin1(QUrl::toPercentEncoding(HumasTest::PgTestCluster::Password)), "salah");
        QVERIFY(wrong != right);
        QVERIFY(!db.open(wrong, &error));
        QVERIFY2(error.startsWith("Cannot connect to postgresql://humas@127.0.0.1:"), qPrintable(error));
        QVERIFY(!error.contains("salah"));
        QVERIFY(Database::isPostgresUrl("postgres://h/db"));
        QVERIFY(!Database::isPostgresUrl("/var/lib/humasdesk/hub.sqlite"));
    }

    void savepointsAndAbortedTransactions()
    {
        Database db;
        QString error;
        QVERIFY2(db.open(newDatabase(), &error), qPrintable(error));
        QVERIFY(db.begin(&error));
        QVERIFY(db.setMeta("outer", "1"));
        QVERIFY(db.begin(&error)); // SAVEPOINT
        QVERIFY(db.setMeta("inner", "1"));
        db.rollback(); // ROLLBACK TO + RELEASE
        QVERIFY(db.begin(&error));
        {
            // A failing statement aborts a PostgreSQL transaction; its savepoint's rollback repairs it.
            QSqlQuery q(db.connection());
            QVERIFY(!q.exec("INSERT INTO hub_counter (id, seq) VALUES (2, 0)")); // CHECK (id = 1)
        }
        db.rollback();
        QVERIFY(db.setMeta("after", "1"));
        QVERIFY2(db.commit(&error), qPrintable(error));
        QCOMPARE(db.meta("outer"), QString("1"));
        QCOMPARE(db.meta("inner", "-"), QString("-"));
        QCOMPARE(db.meta("after"), QString("1"));
        // An error outside a savepoint: COMMIT would silently roll back; commit() says so instead.
        QVERIFY(db.begin(&error));
        QVERIFY(db.setMeta("lost", "1"));
        {
            QSqlQuery q(db.connection());
            QVERIFY(!q.exec("INSERT INTO hub_counter (id, seq) VALUES (2, 0)"));
        }
        QVERIFY(!db.commit(&error));
        QVERIFY2(error.contains("Saving failed"), qPrintable(error));
        QCOMPARE(db.transactionDepth(), 0);
        QCOMPARE(db.meta("lost", "-"), QString("-"));
    }

    void secondWriterWaitsThenIsBusy()
    {
        const QString url = newDatabase();
        Database holder, waiter;
        QString error;
        QVERIFY2(holder.open(url, &error), qPrintable(error));
        QVERIFY2(waiter.open(url, &error), qPrintable(error));
        QVERIFY(holder.begin(&error));
        // The lock timeout (5 s) runs out: a busy error, which the server answers with 503.
        QVERIFY(!waiter.begin(&error));
        QVERIFY2(error.contains("lock timeout"), qPrintable(error));
        QCOMPARE(waiter.transactionDepth(), 0);
        holder.rollback();
        QVERIFY2(waiter.begin(&error), qPrintable(error));
        waiter.rollback();
        QSqlError busy(QString(), "canceling statement due to lock timeout", QSqlError::StatementError, "55P03");
        QVERIFY(SqlDialect::isBusy(busy));
        QVERIFY(!SqlDialect::isBusy(QSqlError(QString(), "x", QSqlError::StatementError, "23505")));
    }

    void uniqueViolationNamesTheColumn()
    {
        const QStringList cols = {"id", "code", "name", "kecamatan_id"};
        auto pgError = [](const char *text) {
            return QSqlError("QPSQL: Unable to create query", QString::fromUtf8(text), QSqlError::StatementError, "23505");
        };
        QCOMPARE(SqlDialect::uniqueViolationField(
                     pgError("ERROR:  duplicate key value violates unique constraint \"opd_code\"\nDETAIL:  Key "
                             "(lower((code COLLATE \"C\")))=(diskominfo) already exists.\n(23505)"),
                     cols),
                 QString("code"));
        QCOMPARE(SqlDialect::uniqueViolationField(
                     pgError("ERROR:  duplicate key value violates unique constraint \"venues_name\"\nDETAIL:  Key "
                             "(lower((name COLLATE \"C\")), kecamatan_id)=(x, y) already exists."),
                     cols),
                 QString("name"));
        QCOMPARE(SqlDialect::uniqueViolationField(pgError("ERROR:  duplicate key value violates unique constraint "
                                                          "\"opd_pkey\""),
                                                  cols),
                 QString("id"));
        QCOMPARE(SqlDialect::uniqueViolationField(
                     QSqlError("", "UNIQUE constraint failed: venues.name, venues.kecamatan_id", QSqlError::StatementError,
                               "2067"),
                     cols),
                 QString("name"));
        QCOMPARE(SqlDialect::uniqueViolationField(QSqlError("", "CHECK constraint failed", QSqlError::StatementError, "275"),
                                                  cols),
                 QString());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // One cluster for the whole run: the HubStore cases first, then the PostgreSQL-only ones.
    HumasTest::PostgresHubBackend backend;
    int failed = HumasTest::runHubStoreCases(backend, argc, argv);
    TestPgSchema schema(backend);
    failed += QTest::qExec(&schema, argc, argv);
    backend.tearDown();
    return failed;
}

#include "tst_hubstore_pg.moc"
