#include "synccontroller.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "common/hybridclock.h"
#include "settings/appsettings.h"
#include "store/database.h"
#include "sync/restclient.h"
#include "sync/serveraccount.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncconflicts.h"
#include "sync/syncsettings.h"
#include "sync/syncworker.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QThread>
#include <QTimer>

namespace HumasUi {

namespace {
constexpr int MsPerMinute = 60 * 1000;
}

SyncController::SyncController(Humas::Database &db, const Humas::Actor &actor, QObject *parent)
    : QObject(parent), m_db(db), m_actor(actor), m_timer(new QTimer(this))
{
    qRegisterMetaType<Humas::SyncReport>();
    m_timer->setObjectName(QStringLiteral("syncTimer"));
    connect(m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    // Local edits add waiting changes; rows that arrive (or a resolution) change the conflicts.
    connect(m_db.changeFeed(), &Humas::ChangeFeed::committed, this, &SyncController::scheduleRefresh);
    restartTimer();
    m_waiting = Humas::SyncEngine::waitingCount(m_db);
    m_conflicts = Humas::SyncConflicts(m_db).openConflicts().size();
}

SyncController::~SyncController()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait(); // a running round ends first: it must not outlive the program
    }
}

bool SyncController::isConfigured() const
{
    const Humas::SyncSettings settings(m_db);
    switch (settings.transport()) {
    case Humas::SyncSettings::Transport::SharedFile:
        return !settings.sharedFile().isEmpty();
    case Humas::SyncSettings::Transport::Server:
        return !settings.serverUrl().isEmpty();
    case Humas::SyncSettings::Transport::None:
        break;
    }
    return false;
}

bool SyncController::usesServer() const
{
    return Humas::SyncSettings(m_db).transport() == Humas::SyncSettings::Transport::Server;
}

QString SyncController::serverUrl() const
{
    return Humas::SyncSettings(m_db).serverUrl();
}

QString SyncController::serverUser() const
{
    return Humas::SyncSettings(m_db).serverSignIn().username;
}

bool SyncController::isSignedIn() const
{
    const Humas::SyncSettings settings(m_db);
    return settings.hasValidToken(settings.serverUrl());
}

QDateTime SyncController::signedInUntil() const
{
    return isSignedIn() ? Humas::SyncSettings(m_db).serverSignIn().expiresAt : QDateTime();
}

QString SyncController::connectionOkMessage(const QString &url, int schema)
{
    return tr("The HumasDesk server at %1 answers (data version %2).").arg(url).arg(schema);
}

QString SyncController::signOutNotToldMessage(const QString &error)
{
    return tr("Signed out on this PC, but the server could not be told (%1); the sign-in stays valid there until "
              "it expires or an administrator revokes it.")
        .arg(error);
}

bool SyncController::isRunning() const
{
    return m_running;
}

QString SyncController::sharedFile() const
{
    return Humas::SyncSettings(m_db).sharedFile();
}

int SyncController::intervalMinutes() const
{
    return Humas::SyncSettings(m_db).intervalMinutes();
}

QDateTime SyncController::lastRoundAt() const
{
    QDateTime at = QDateTime::fromString(Humas::SyncSettings(m_db).lastRoundAt(), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(Humas::SyncSettings(m_db).lastRoundAt(), Qt::ISODate);
    return at.toUTC();
}

bool SyncController::lastRoundOk() const
{
    return Humas::SyncSettings(m_db).lastResult() == QLatin1String("ok");
}

QString SyncController::lastSummary() const
{
    return Humas::SyncSettings(m_db).lastSummary();
}

QString SyncController::lastError() const
{
    return Humas::SyncSettings(m_db).lastError();
}

QString SyncController::unreachableMessage()
{
    return tr("The shared file cannot be reached; changes are kept on this PC and sent later.");
}

bool SyncController::checkFolder(const QString &folder, QString *error)
{
    const QFileInfo info(folder);
    if (folder.isEmpty() || !info.exists() || !info.isDir()) {
        *error = tr("The folder %1 cannot be reached.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    // QFileInfo::isWritable() guesses from permission bits, which an SMB share does not
    // report faithfully: a real file tells.
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".humasdesk-probe-XXXXXX")));
    if (!probe.open()) {
        *error = tr("HumasDesk cannot write in the folder %1. Choose a folder where you may create files, or ask "
                    "the administrator of the share for write access.")
                     .arg(QDir::toNativeSeparators(folder));
        return false;
    }
    return true;
}

bool SyncController::checkFile(const QString &file, QString *error)
{
    const QFileInfo info(file);
    if (!info.exists() || !info.isFile()) {
        *error = tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(file));
        return false;
    }
    if (!checkFolder(info.absolutePath(), error))
        return false; // SQLite writes its journal beside the file
    if (!info.isWritable()) {
        *error = tr("HumasDesk cannot write to %1. Ask the administrator of the share for write access.")
                     .arg(QDir::toNativeSeparators(file));
        return false;
    }
    if (Humas::SharedFileTransport::isWalFile(file)) {
        *error = tr("%1 is in WAL mode, which does not work on a network share. Choose another file or a folder.")
                     .arg(QDir::toNativeSeparators(file));
        return false;
    }
    return true;
}

bool SyncController::configure(bool sharedFile, const QString &path, QString *error)
{
    Humas::SyncSettings settings(m_db);
    if (sharedFile && !settings.setSharedFile(path, error))
        return false;
    const auto transport =
        sharedFile ? Humas::SyncSettings::Transport::SharedFile : Humas::SyncSettings::Transport::None;
    if (!settings.setTransport(transport, error))
        return false;
    restartTimer();
    Q_EMIT stateChanged();
    return true;
}

bool SyncController::configureServer(const QString &url, QString *error)
{
    QUrl base;
    if (!Humas::RestClient::parseBaseUrl(url, &base, error))
        return false;
    Humas::SyncSettings settings(m_db);
    if (!settings.setServerUrl(Humas::ServerAccount::urlKey(base), error) ||
        !settings.setTransport(Humas::SyncSettings::Transport::Server, error))
        return false;
    restartTimer();
    Q_EMIT stateChanged();
    return true;
}

bool SyncController::setIntervalMinutes(int minutes, QString *error)
{
    if (!Humas::SyncSettings(m_db).setIntervalMinutes(minutes, error))
        return false;
    restartTimer();
    Q_EMIT stateChanged();
    return true;
}

void SyncController::restartTimer()
{
    const int minutes = intervalMinutes();
    if (minutes > 0 && isConfigured())
        m_timer->start(minutes * MsPerMinute);
    else
        m_timer->stop();
}

SyncWorker *SyncController::worker()
{
    if (!m_thread) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("syncRounds"));
        auto *worker = new SyncWorker(m_db.path());
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &SyncWorker::roundFinished, this,
                [this](const Humas::SyncReport &report, const QString &stamp) {
                    if (!stamp.isEmpty())
                        m_db.hybridClock()->observe(stamp);
                    onRoundFinished(report);
                });
        connect(worker, &SyncWorker::pullProgressed, this, &SyncController::pullProgressed);
        connect(worker, &SyncWorker::connectionTested, this, [this](bool ok, const QString &message) {
            endJob();
            Q_EMIT connectionTested(ok, message);
        });
        connect(worker, &SyncWorker::signInFinished, this, [this](bool ok, const QString &message) {
            endJob();
            restartTimer();
            Q_EMIT signInFinished(ok, message);
        });
        connect(worker, &SyncWorker::signOutFinished, this, [this](bool ok, const QString &message) {
            endJob();
            Q_EMIT signOutFinished(ok, message);
        });
        m_worker = worker;
        m_thread = thread;
        thread->start(QThread::LowPriority);
    }
    return m_worker;
}

bool SyncController::startJob(QString *error)
{
    if (m_running || m_busy) {
        if (error)
            *error = tr("Synchronisation is busy; try again when the current step has finished.");
        return false;
    }
    m_busy = true;
    worker();
    Q_EMIT stateChanged();
    return true;
}

void SyncController::endJob()
{
    m_busy = false;
    Q_EMIT stateChanged();
}

bool SyncController::testConnection(const QString &url, QString *error)
{
    if (!startJob(error))
        return false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker.data(), url] { worker->testConnection(url); }, Qt::QueuedConnection);
    return true;
}

bool SyncController::signIn(const QString &url, const QString &username, const QString &password, QString *error)
{
    if (!configureServer(url, error) || !startJob(error))
        return false;
    const QString stored = serverUrl();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker.data(), stored, username, password] { worker->signIn(stored, username, password); },
        Qt::QueuedConnection);
    return true;
}

bool SyncController::signOut()
{
    if (!startJob(nullptr))
        return false;
    QMetaObject::invokeMethod(m_worker, &SyncWorker::signOut, Qt::QueuedConnection);
    return true;
}

bool SyncController::syncNow()
{
    if (m_running || m_busy || !isConfigured())
        return false;
    worker();
    m_running = true;
    const bool server = usesServer();
    const QString file = sharedFile();
    const QString stamp = m_db.hybridClock()->tick();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker.data(), server, file, stamp] { worker->runRound(server, file, stamp); },
        Qt::QueuedConnection);
    Q_EMIT roundStarted();
    Q_EMIT stateChanged();
    return true;
}

void SyncController::onRoundFinished(const Humas::SyncReport &report)
{
    m_running = false;
    QString summary;
    QString error;
    if (report.ok) {
        summary =
            tr("%1 sent, %2 received, %3 new conflicts").arg(report.pushed).arg(report.pulled).arg(report.conflicts);
        if (!report.message.isEmpty())
            summary = summary + QStringLiteral(" — ") + report.message;
    } else if (report.error == unreachableMessage()) {
        error = report.error;
    } else {
        error = tr("Synchronisation failed: %1 Changes are kept on this PC and sent later.").arg(report.error);
    }
    Humas::SyncSettings(m_db).recordRound(report.ok, summary, error);
    // The worker's connection wrote these rows; this connection's views learn of them here.
    m_db.announce(report.changed);
    restartTimer(); // the next automatic round counts from the end of this one
    refresh();
    Q_EMIT roundFinished(report);
}

void SyncController::scheduleRefresh()
{
    // A batch of commits (an import, a pull) costs one recount.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(this, &SyncController::refresh, Qt::QueuedConnection);
}

void SyncController::refresh()
{
    m_refreshQueued = false;
    m_waiting = Humas::SyncEngine::waitingCount(m_db);
    m_conflicts = Humas::SyncConflicts(m_db).openConflicts().size();
    Q_EMIT stateChanged();
}

QString SyncController::lastRoundText() const
{
    const QDateTime at = lastRoundAt();
    if (!at.isValid())
        return {};
    const Humas::AppSettings settings(m_db, m_actor);
    const QDateTime local = at.toTimeZone(settings.timeZone());
    return tr("%1, %2").arg(Humas::DateText::longDate(local.date()),
                            Humas::DateText::time(local.time(), settings.timeZoneCode()));
}

QString SyncController::statusText() const
{
    if (!isConfigured())
        return tr("Sync: not configured");
    QStringList parts;
    if (m_running) {
        parts << tr("Syncing…");
    } else if (!lastRoundAt().isValid()) {
        parts << tr("Sync: not run yet");
    } else if (!lastRoundOk()) {
        parts << tr("Sync failed — %n change(s) waiting", nullptr, m_waiting);
    } else {
        const Humas::AppSettings settings(m_db, m_actor);
        const QDateTime local = lastRoundAt().toTimeZone(settings.timeZone());
        const QDate today = Humas::Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
        const QString when = local.date() == today ? Humas::DateText::time(local.time())
                                                   : tr("%1 %2").arg(Humas::DateText::date(local.date()),
                                                                     Humas::DateText::time(local.time()));
        parts << tr("Synced %1").arg(when);
    }
    if (m_waiting > 0 && (m_running || !lastRoundAt().isValid() || lastRoundOk()))
        parts << tr("%n change(s) waiting", nullptr, m_waiting);
    if (m_conflicts > 0)
        parts << tr("%n conflict(s)", nullptr, m_conflicts);
    return parts.join(QStringLiteral(" · "));
}

QString SyncController::statusToolTip() const
{
    if (!isConfigured())
        return tr("Synchronisation with colleagues has not been set up on this computer.");
    if (usesServer()) {
        const QString where = isSignedIn() ? tr("Server: %1 (signed in as %2)").arg(serverUrl(), serverUser())
                                           : tr("Server: %1 (not signed in)").arg(serverUrl());
        if (!lastRoundAt().isValid())
            return where;
        return tr("%1\nLast round %2: %3").arg(where, lastRoundText(), lastRoundOk() ? lastSummary() : lastError());
    }
    const QString file = QDir::toNativeSeparators(sharedFile());
    if (!lastRoundAt().isValid())
        return tr("Shared file: %1").arg(file);
    if (!lastRoundOk())
        return tr("Shared file: %1\nLast round %2: %3").arg(file, lastRoundText(), lastError());
    return tr("Shared file: %1\nLast round %2: %3").arg(file, lastRoundText(), lastSummary());
}

} // namespace HumasUi
