#pragma once

#include "sync/syncreportmetatype.h"

#include <QObject>

#include <memory>

namespace Humas {
class ServerAccount;
}

namespace HumasUi {

/**
 * Runs sync rounds on the thread it lives in, with its own Database connection to the
 * program's local file (opened at the first round, closed with the worker), a SyncEngine and a
 * SharedFileTransport, or a Humas::ServerAccount for humasdesk-server (whose
 * QNetworkAccessManager and RestTransport are made here, in the worker thread, so their waits
 * never block the window). Signing in and out and the connection test run here too. It touches
 * nothing of the GUI thread: results go back by signal.
 */
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(QString databasePath);
    ~SyncWorker() override;

public Q_SLOTS:
    /**
     * One round with the hub at @p sharedFile, or with the signed-in server when @p server.
     * @p guiStamp is the GUI connection's hybrid clock now: both connections stamp changes of
     * the same site, so each observes the other.
     */
    void runRound(bool server, const QString &sharedFile, const QString &guiStamp);
    /** GET health at @p url. */
    void testConnection(const QString &url);
    /** Signs in at @p url (stored through this worker's connection); the password is not kept. */
    void signIn(const QString &url, const QString &username, const QString &password);
    void signOut();

Q_SIGNALS:
    /** @p workerStamp is this connection's hybrid clock after the round (see runRound). */
    void roundFinished(const Humas::SyncReport &report, const QString &workerStamp);
    /** A pulled page was stored: the cursor's seq and the hub's high seq. */
    void pullProgressed(qint64 seq, qint64 highSeq);
    void connectionTested(bool ok, const QString &message);
    void signInFinished(bool ok, const QString &message);
    void signOutFinished(bool ok, const QString &message);

private:
    bool ensureOpen(QString *error);
    Humas::ServerAccount *account(QString *error);

    QString m_path;
    std::unique_ptr<Humas::Database> m_db;
    std::unique_ptr<Humas::ServerAccount> m_account;
};

} // namespace HumasUi
