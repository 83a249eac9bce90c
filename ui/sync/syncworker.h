#pragma once

#include "sync/syncreportmetatype.h"

#include <QObject>

#include <memory>

namespace HumasUi {

/**
 * Runs sync rounds on the thread it lives in, with its own Database connection to the
 * program's local file (opened at the first round, closed with the worker), a SyncEngine and a
 * SharedFileTransport. It touches nothing of the GUI thread: the report goes back by signal.
 */
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(QString databasePath);
    ~SyncWorker() override;

public Q_SLOTS:
    /**
     * One round with the hub at @p sharedFile. @p guiStamp is the GUI connection's hybrid
     * clock now: both connections stamp changes of the same site, so each observes the other.
     */
    void runRound(const QString &sharedFile, const QString &guiStamp);

Q_SIGNALS:
    /** @p workerStamp is this connection's hybrid clock after the round (see runRound). */
    void roundFinished(const Humas::SyncReport &report, const QString &workerStamp);

private:
    bool ensureOpen(QString *error);

    QString m_path;
    std::unique_ptr<Humas::Database> m_db;
};

} // namespace HumasUi
