#include "syncworker.h"

#include "common/hybridclock.h"
#include "common/uilogging.h"
#include "store/database.h"
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
    m_db = std::make_unique<Humas::Database>(
        QStringLiteral("syncRound_%1").arg(reinterpret_cast<quintptr>(QThread::currentThread())));
    m_db->setIntegrityCheck(Humas::Database::IntegrityCheck::WhenChanged);
    return m_db->open(m_path, error);
}

void SyncWorker::runRound(const QString &sharedFile, const QString &guiStamp)
{
    Humas::SyncReport report;
    // A share that is not mounted has no folder: say so plainly instead of SQLite's words.
    if (sharedFile.isEmpty() || !QFileInfo(sharedFile).absoluteDir().exists()) {
        report.error = SyncController::unreachableMessage();
        Q_EMIT roundFinished(report, QString());
        return;
    }
    QString error;
    if (!ensureOpen(&error)) {
        qCWarning(lcUi) << "sync worker cannot open the local database:" << error;
        m_db.reset();
        report.error = error;
        Q_EMIT roundFinished(report, QString());
        return;
    }
    if (!guiStamp.isEmpty())
        m_db->hybridClock()->observe(guiStamp);
    Humas::SharedFileTransport transport(sharedFile);
    Humas::SyncEngine engine(*m_db, transport);
    engine.setBatchSize(Humas::SharedFileTransport::MaxBatch);
    report = engine.round();
    if (!report.ok)
        qCWarning(lcUi) << "sync round failed:" << report.error;
    Q_EMIT roundFinished(report, m_db->hybridClock()->tick());
}

} // namespace HumasUi
