// Another program on the same database file, for tst_filedialoglocks:
//   sqlitepeer write DB SQL   runs SQL, checkpoints the WAL (TRUNCATE) and closes
//   sqlitepeer query DB SQL   prints each row's first column on its own line
// Exit code 0 on success, 1 on any SQL error (printed to stderr).

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: sqlitepeer write|query DB SQL\n");
        return 2;
    }
    int rc = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peer");
        db.setDatabaseName(args.at(2));
        db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=5000");
        if (!db.open()) {
            std::fprintf(stderr, "%s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        QSqlQuery q(db);
        if (!q.exec(args.at(3))) {
            std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
            rc = 1;
        } else if (args.at(1) == "query") {
            while (q.next())
                std::printf("%s\n", qPrintable(q.value(0).toString()));
        } else if (!q.exec("PRAGMA wal_checkpoint(TRUNCATE)")) {
            std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
            rc = 1;
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("peer");
    return rc;
}
