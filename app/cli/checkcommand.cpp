#include "checkcommand.h"

#include "console.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>

namespace HumasCli {

namespace {

/** The tables whose live rows check counts, in the order they are printed; outbox counts all entries. */
const QStringList CountedTables = {
    QStringLiteral("officials"), QStringLiteral("opd"),           QStringLiteral("kecamatan"),
    QStringLiteral("venues"),    QStringLiteral("holidays"),      QStringLiteral("users"),
    QStringLiteral("events"),    QStringLiteral("ppid_requests"), QStringLiteral("outbox"),
};

/** A read-only SQLite connection that removes itself when it goes out of scope. */
class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name());
        Humas::Database::configureReadOnly(&db, path);
        db.open();
    }
    ~ReadOnlyConnection() { QSqlDatabase::removeDatabase(name()); }
    ReadOnlyConnection(const ReadOnlyConnection &) = delete;
    ReadOnlyConnection &operator=(const ReadOnlyConnection &) = delete;

    /** -1 when the count cannot be read (e.g. the table is missing in an older schema). */
    qint64 count(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(name(), false));
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private:
    static QString name() { return QStringLiteral("humasdesk-cli-check"); }
};

} // namespace

QString CheckCommand::summary() const
{
    return tr("Check schema, integrity and row counts without changing anything.");
}

void CheckCommand::addOptions(QCommandLineParser *) const {}

QString CheckCommand::schemaText(const Humas::DatabaseInfo &info)
{
    const int latest = Humas::Database::latestSchemaVersion();
    if (info.schemaVersion == latest)
        return tr("%1 (current)").arg(info.schemaVersion);
    return tr("%1 (older than this program's %2; it will be upgraded when HumasDesk opens it)")
        .arg(info.schemaVersion)
        .arg(latest);
}

int CheckCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 0, name()))
        return ExitUsage;
    const QString &path = databasePath;
    QTextStream &out = Console::out();
    const QLocale locale;
    out << tr("Database: %1").arg(path) << Qt::endl;
    Humas::DatabaseInfo info;
    QString error;
    const bool passed = Humas::Database::inspect(path, &info, &error);
    if (!info.exists) {
        Console::error(tr("%1 does not exist.").arg(path));
        return ExitDatabase;
    }
    out << tr("Size: %1 bytes").arg(locale.toString(info.sizeBytes)) << Qt::endl;
    if (!passed) {
        Console::error(error);
        return ExitDatabase;
    }
    if (!info.isHumasDesk || info.schemaVersion < 1) {
        // An empty file would be set up afresh by HumasDesk, but where a database was expected
        // it usually means lost data, so check does not call it usable.
        Console::error(tr("%1 holds no HumasDesk data (it is empty); \"humasdesk-cli init\" sets it up.").arg(path));
        return ExitDatabase;
    }
    out << tr("Schema: %1").arg(schemaText(info)) << Qt::endl;
    out << tr("Integrity: %1").arg(info.integrity) << Qt::endl;
    printRowCounts(path);
    if (info.isReadOnly)
        out << tr("The database is usable for reading; it is read-only for this user, so HumasDesk cannot save "
                  "changes to it.")
            << Qt::endl;
    else
        out << tr("The database is usable.") << Qt::endl;
    return ExitOk;
}

void CheckCommand::printRowCounts(const QString &path)
{
    QTextStream &out = Console::out();
    const QLocale locale;
    const ReadOnlyConnection connection(path);
    out << tr("Rows:") << Qt::endl;
    for (const QString &table : CountedTables) {
        const QString condition = table == QLatin1String("outbox") ? QString() : QStringLiteral(" WHERE deleted = 0");
        const qint64 n = connection.count(QStringLiteral("SELECT count(*) FROM ") + table + condition);
        if (n >= 0)
            out << QStringLiteral("  %1%2").arg(table, -16).arg(locale.toString(n), 10) << Qt::endl;
    }
}

} // namespace HumasCli
