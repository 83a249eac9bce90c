#include "syncworker.h"

#include "common/hybridclock.h"
#include "common/uilogging.h"
#include "store/database.h"
#include "sync/restclient.h"
#include "sync/serveraccount.h"
#include "sync/sharedfiletransport.h"
#include "sync/synccontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace HumasUi {

SyncWorker::SyncWorker(QString databasePath) : m_path(std::move(databasePath)) {}

SyncWorker::~SyncWorker() = default; // runs on the worker thread (deleteLater after finished)

bool SyncWorker::ensureOpen(QString *error)
{
    if (m_db && m_db->isOpen())
        return true;
    m_account.reset(); // it refers to the connection
    m_db = std::make_unique<Humas::Database>(
        QStringLiteral("syncRound_%1").arg(reinterpret_cast<quintptr>(QThread::currentThread())));
    m_db->setIntegrityCheck(Humas::Database::IntegrityCheck::WhenChanged);
    if (m_db->open(m_path, error))
        return true;
    qCWarning(lcUi) << "sync worker cannot open the local database:" << *error;
    m_db.reset();
    return false;
}

Humas::ServerAccount *SyncWorker::account(QString *error)
{
    if (!ensureOpen(error))
        return nullptr;
    if (!m_account) {
        m_account = std::make_unique<Humas::ServerAccount>(*m_db);
        m_account->setPullProgress([this](qint64 seq, qint64 high) { Q_EMIT pullProgressed(seq, high); });
    }
    return m_account.get();
}

void SyncWorker::runRound(bool server, const QString &sharedFile, const QString &guiStamp)
{
    Humas::SyncReport report;
    // A share that is not mounted has no folder: say so plainly instead of SQLite's words.
    if (!server && (sharedFile.isEmpty() || !QFileInfo(sharedFile).absoluteDir().exists())) {
        report.error = SyncController::unreachableMessage();
        Q_EMIT roundFinished(report, QString());
        return;
    }
    QString error;
    Humas::ServerAccount *serverAccount = server ? account(&error) : nullptr;
    if ((server && !serverAccount) || (!server && !ensureOpen(&error))) {
        report.error = error;
        Q_EMIT roundFinished(report, QString());
        return;
    }
    if (!guiStamp.isEmpty())
        m_db->hybridClock()->observe(guiStamp);
    if (server) {
        report = serverAccount->round();
    } else {
        Humas::SharedFileTransport transport(sharedFile);
        Humas::SyncEngine engine(*m_db, transport);
        engine.setBatchSize(Humas::SharedFileTransport::MaxBatch);
        report = engine.round();
    }
    if (!report.ok)
        qCWarning(lcUi) << "sync round failed:" << report.error;
    Q_EMIT roundFinished(report, m_db->hybridClock()->tick());
}

void SyncWorker::testConnection(const QString &url)
{
    QString error;
    QUrl base;
    Humas::ServerAccount *serverAccount = account(&error);
    int schema = 0;
    const bool ok = serverAccount && Humas::RestClient::parseBaseUrl(url, &base, &error) &&
                    serverAccount->checkConnection(base, &schema, &error);
    Q_EMIT connectionTested(ok, ok ? SyncController::connectionOkMessage(base.toString(), schema) : error);
}

void SyncWorker::signIn(const QString &url, const QString &username, const QString &password)
{
    QString error;
    QUrl base;
    Humas::ServerAccount *serverAccount = account(&error);
    const bool ok = serverAccount && Humas::RestClient::parseBaseUrl(url, &base, &error) &&
                    serverAccount->signIn(base, username, password, &error);
    Q_EMIT signInFinished(ok, error);
}

void SyncWorker::signOut()
{
    QString error;
    bool revoked = false;
    Humas::ServerAccount *serverAccount = account(&error);
    const bool ok = serverAccount && serverAccount->signOut(&revoked, &error);
    Q_EMIT signOutFinished(ok, ok && !revoked ? SyncController::signOutNotToldMessage(error) : error);
}

} // namespace HumasUi
