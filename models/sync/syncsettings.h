#pragma once

#include <QCoreApplication>
#include <QString>

namespace Humas {

class Database;

/**
 * This PC's sync settings, kept in the local database's meta table (never synced): which
 * transport, the shared file's path, the interval, and the last round's time and result.
 */
class SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SyncSettings)
public:
    enum class Transport { None, SharedFile };

    explicit SyncSettings(Database &db);

    Transport transport() const;
    bool setTransport(Transport transport, QString *error = nullptr);
    QString sharedFile() const;
    bool setSharedFile(const QString &path, QString *error = nullptr);
    /** Minutes between automatic rounds; 0 = only on demand. Default 15. */
    int intervalMinutes() const;
    bool setIntervalMinutes(int minutes, QString *error = nullptr);

    QString lastRoundAt() const; ///< UTC ISO text, empty before the first round
    QString lastResult() const;  ///< "ok" or "failed"
    QString lastError() const;
    /** Records a round's outcome (time from Clock). */
    bool recordRound(bool ok, const QString &summary, const QString &error, QString *errorOut = nullptr);
    QString lastSummary() const;

    static QString transportCode(Transport transport);

private:
    Database &m_db;
};

} // namespace Humas
