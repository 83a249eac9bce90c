#pragma once

#include "auth/role.h"
#include "sync/syncreportmetatype.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QThread;
class QTimer;

namespace HumasUi {
class SyncWorker;
}

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * This PC's synchronisation as the window sees it: the settings (Humas::SyncSettings), the
 * automatic timer and the rounds. A round runs on a worker QThread with its own Database
 * connection to the same local file (like the daily backup), a SyncEngine and a
 * SharedFileTransport there, or a Humas::ServerAccount for humasdesk-server; when it ends, the
 * rows the pull wrote are announced on the window's Database feed (Database::announce), so open
 * views refresh. Signing in and out of the server and its connection test run on the same
 * worker (network waits never block the window); one job runs at a time.
 *
 * The Sinkronisasi page and the status bar show the same state from here: stateChanged()
 * follows rounds, settings and local commits.
 */
class SyncController : public QObject
{
    Q_OBJECT
public:
    /** Folder + this name when a folder is chosen. */
    static QString sharedFileName() { return QStringLiteral("humasdesk-bersama.sqlite"); }

    SyncController(Humas::Database &db, const Humas::Actor &actor, QObject *parent = nullptr);
    ~SyncController() override;

    Humas::Database &database() const { return m_db; }
    const Humas::Actor &actor() const { return m_actor; }

    /** A shared file is chosen and the transport is "shared file", or a server address is set. */
    bool isConfigured() const;
    bool isRunning() const;
    /** A sign-in, sign-out or connection test is under way (no round starts meanwhile). */
    bool isBusy() const { return m_busy; }
    QString sharedFile() const;
    /** Whether the chosen transport is the server. */
    bool usesServer() const;
    QString serverUrl() const;
    /** The user name of the stored sign-in (also after signing out, for the next sign-in). */
    QString serverUser() const;
    /** An unexpired token is stored for the server address. */
    bool isSignedIn() const;
    QDateTime signedInUntil() const;

    /** Outbox entries not yet acknowledged (cached; refreshed after commits and rounds). */
    int waitingCount() const { return m_waiting; }
    /** Open conflicts (cached like waitingCount). */
    int conflictCount() const { return m_conflicts; }

    /** When the last round ended (UTC), invalid before the first. */
    QDateTime lastRoundAt() const;
    bool lastRoundOk() const;
    /** The last round's summary ("3 sent, 2 received") or, when it failed, the plain message. */
    QString lastSummary() const;
    QString lastError() const;

    /** The one-line state the status bar shows ("Synced 14.05 · 3 changes waiting"). */
    QString statusText() const;
    QString statusToolTip() const;
    /** The last round's time in the regency's zone, written the Indonesian way. */
    QString lastRoundText() const;

    /**
     * Checks that @p folder can take the shared file: it exists and a file can be created
     * there. False with a translated message otherwise.
     */
    static bool checkFolder(const QString &folder, QString *error);
    /** Checks an existing shared file: writable, its folder writable, not in WAL mode. */
    static bool checkFile(const QString &file, QString *error);
    /** The message of a shared file that cannot be reached. */
    static QString unreachableMessage();

    /** Saves "not synchronised" or "shared file at @p path" (path checked by the caller). */
    bool configure(bool sharedFile, const QString &path, QString *error);
    /** Saves "server at @p url" after checking how it is written (not whether it answers). */
    bool configureServer(const QString &url, QString *error);

    static QString connectionOkMessage(const QString &url, int schema);
    static QString signOutNotToldMessage(const QString &error);
    bool setIntervalMinutes(int minutes, QString *error);
    int intervalMinutes() const;

public Q_SLOTS:
    /** Starts a round when configured and none is running; false otherwise. */
    bool syncNow();
    /** Recounts waiting changes and conflicts and emits stateChanged(). */
    void refresh();
    /** GET health at @p url on the worker; connectionTested() tells. False when it cannot start. */
    bool testConnection(const QString &url, QString *error = nullptr);
    /** Signs in at @p url on the worker; signInFinished() tells. The password is not kept. */
    bool signIn(const QString &url, const QString &username, const QString &password, QString *error = nullptr);
    /** Revokes the token at the server and forgets it; signOutFinished() tells. */
    bool signOut();

Q_SIGNALS:
    void roundStarted();
    void roundFinished(const Humas::SyncReport &report);
    /** Anything the page or the status bar shows changed. */
    void stateChanged();
    /** A pulled page was stored (a first bootstrap shows a bar): cursor seq of the hub's high seq. */
    void pullProgressed(qint64 seq, qint64 highSeq);
    void connectionTested(bool ok, const QString &message);
    void signInFinished(bool ok, const QString &message);
    /** @p message is empty when the server revoked the token, otherwise it says what went wrong. */
    void signOutFinished(bool ok, const QString &message);

private:
    void restartTimer();
    SyncWorker *worker();
    bool startJob(QString *error);
    void endJob();
    void onRoundFinished(const Humas::SyncReport &report);
    void scheduleRefresh();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QTimer *m_timer = nullptr;
    QPointer<QThread> m_thread;
    QPointer<SyncWorker> m_worker;
    bool m_running = false;
    bool m_busy = false;
    bool m_refreshQueued = false;
    int m_waiting = 0;
    int m_conflicts = 0;
};

} // namespace HumasUi
