#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace Humas {

/**
 * The rotating daily backup: on the first start of a day a copy of the database is written
 * to <database folder>/backups/humasdesk-YYYY-MM-DD.sqlite and only the newest seven are
 * kept. Opens its own connection, so it may run on a worker thread.
 */
class AutoBackup
{
    Q_DECLARE_TR_FUNCTIONS(Humas::AutoBackup)
public:
    static constexpr int KeepDays = 7;

    static QString backupFolder(const QString &databasePath);
    static QString fileFor(const QString &databasePath, const QDate &day);

    /**
     * Makes today's backup unless it exists; then removes all but the newest KeepDays backups.
     * @p created is set to the new file (empty when nothing was due).
     */
    static bool runIfDue(const QString &databasePath, const QDate &today, QString *created, QString *error);
};

} // namespace Humas
