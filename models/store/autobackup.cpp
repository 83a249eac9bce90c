#include "autobackup.h"

#include "common/logging.h"
#include "store/database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Humas {

namespace {
QAtomicInt s_counter;
const QString Prefix = QStringLiteral("humasdesk-");
} // namespace

QString AutoBackup::backupFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/backups");
}

QString AutoBackup::fileFor(const QString &databasePath, const QDate &day)
{
    return backupFolder(databasePath) + QLatin1Char('/') + Prefix + day.toString(Qt::ISODate) +
           QStringLiteral(".sqlite");
}

bool AutoBackup::runIfDue(const QString &databasePath, const QDate &today, QString *created, QString *error)
{
    if (created)
        created->clear();
    const QString target = fileFor(databasePath, today);
    if (!QFileInfo::exists(target)) {
        if (!QDir().mkpath(backupFolder(databasePath))) {
            if (error)
                *error = tr("Cannot create the backup folder %1.").arg(backupFolder(databasePath));
            return false;
        }
        const QString name = QStringLiteral("humas-backup-%1").arg(s_counter.fetchAndAddRelaxed(1));
        bool ok = false;
        QString message;
        {
            // A second SQLite connection on the program's open database is safe although its
            // close() closes a descriptor of that file: SQLite keeps one lock record per file
            // for the whole process and defers closing while other connections hold locks
            // (tst_filedialoglocks checks that the program keeps its locks).
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(databasePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
            QString partial;
            if (!Database::reservePartialFile(target, &partial)) {
                message = tr("no temporary file can be created in %1").arg(backupFolder(databasePath));
            } else if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("VACUUM INTO ?"));
                q.addBindValue(partial);
                ok = q.exec() && QFile::rename(partial, target);
                if (!ok) {
                    message = q.lastError().text();
                    QFile::remove(partial); // our own, freshly made temporary file
                }
                db.close();
            } else {
                message = db.lastError().text();
                QFile::remove(partial);
            }
        }
        QSqlDatabase::removeDatabase(name);
        if (!ok) {
            if (error)
                *error = tr("The daily backup failed: %1").arg(message);
            return false;
        }
        if (created)
            *created = target;
        qCInfo(lcStore) << "daily backup written to" << target;
    }
    QDir dir(backupFolder(databasePath));
    static const QRegularExpression dated(QStringLiteral("^humasdesk-\\d{4}-\\d{2}-\\d{2}\\.sqlite$"));
    const QStringList backups =
        dir.entryList({Prefix + QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name | QDir::Reversed).filter(dated);
    for (int i = KeepDays; i < backups.size(); ++i)
        dir.remove(backups.at(i));
    return true;
}

} // namespace Humas
