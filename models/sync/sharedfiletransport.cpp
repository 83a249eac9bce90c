#include "sync/sharedfiletransport.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/syncfaults.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace Humas {

namespace {

/** Attempts while another PC holds the file's lock (each after SQLite's own 5 s busy timeout). */
constexpr int Attempts = 6;

bool isBusy(const QString &error)
{
    return error.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("busy"), Qt::CaseInsensitive);
}

} // namespace

SharedFileTransport::SharedFileTransport(QString path) : m_path(std::move(path)) {}

SharedFileTransport::~SharedFileTransport()
{
    endRound();
}

bool SharedFileTransport::isWalFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = f.read(100);
    return header.size() >= 20 && header.startsWith("SQLite format 3") && (header.at(18) == 2 || header.at(19) == 2);
}

template<typename F>
bool SharedFileTransport::withRetry(F &&call, QString *error)
{
    for (int attempt = 1;; ++attempt) {
        QString e;
        if (call(&e))
            return true;
        if (attempt >= Attempts || !isBusy(e)) {
            if (error)
                *error = e;
            return false;
        }
        // Jitter, so PCs that met at the lock do not meet there again.
        const int ms = 50 + int(QRandomGenerator::global()->bounded(200 * attempt));
        qCInfo(lcSync) << "shared file busy, retrying in" << ms << "ms";
        QThread::msleep(ulong(ms));
    }
}

bool SharedFileTransport::beginRound(QString *error)
{
    endRound();
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("No shared file is set for sync.");
        return false;
    }
    const QFileInfo fi(m_path);
    if (!fi.absoluteDir().exists()) {
        if (error)
            *error = tr("The shared file cannot be reached (%1); the changes stay on this PC and are sent later.")
                         .arg(fi.absolutePath());
        return false;
    }
    if (isWalFile(m_path)) {
        if (error)
            *error = tr("%1 is in WAL mode, which does not work on a network share and can corrupt it. It was not "
                        "changed; switch it to a rollback journal (sqlite3 FILE \"PRAGMA journal_mode=DELETE\") on "
                        "the PC that shares it.")
                         .arg(m_path);
        return false;
    }
    const bool ok = withRetry(
        [this](QString *e) {
            m_db = std::make_unique<Database>(QStringLiteral("humas-shared-") + QUuid::createUuid().toString(QUuid::Id128));
            m_db->setIntegrityCheck(Database::IntegrityCheck::Never);
            Database::OpenOptions options;
            options.journal = Database::Journal::Rollback;
            options.initialiseEmpty = true; // a new or empty file becomes a hub
            if (!m_db->open(m_path, e, options)) {
                m_db.reset();
                return false;
            }
            SyncFaults::reached("shared.after_open");
            m_hub = std::make_unique<HubStore>(*m_db);
            return m_hub->initialise(e);
        },
        error);
    if (!ok) {
        endRound();
        return false;
    }
    if (!dailyCheck(error)) {
        endRound();
        return false;
    }
    return true;
}

void SharedFileTransport::endRound()
{
    m_hub.reset();
    if (m_db)
        m_db->close();
    m_db.reset();
}

bool SharedFileTransport::ensureOpen(QString *error)
{
    if (m_hub)
        return true;
    if (error)
        *error = tr("The shared file is not open (no round in progress).");
    return false;
}

bool SharedFileTransport::dailyCheck(QString *error)
{
    m_ranCheck = false;
    const QDateTime now = Clock::instance()->nowUtc().toUTC();
    const QString today = now.date().toString(Qt::ISODate);
    const QString site = m_db->siteId() + QLatin1Char('@') + QString::number(QCoreApplication::applicationPid());
    bool mine = false;
    // Take the lease in a short transaction: only when nobody did today's check and no one
    // else holds an unexpired lease.
    const bool took = withRetry(
        [&](QString *e) {
            Transaction tx(*m_db, e);
            if (!tx.isActive())
                return false;
            QSqlQuery q(m_db->connection());
            q.prepare(QStringLiteral("INSERT OR IGNORE INTO hub_lease (name) VALUES ('maintenance')"));
            if (!q.exec()) {
                *e = q.lastError().text();
                return false;
            }
            q.prepare(QStringLiteral("UPDATE hub_lease SET holder = ?, expires_at = ? WHERE name = 'maintenance' "
                                     "AND last_done_on <> ? AND (holder = '' OR expires_at < ?)"));
            q.addBindValue(site);
            q.addBindValue(now.addSecs(600).toString(Qt::ISODate));
            q.addBindValue(today);
            q.addBindValue(now.toString(Qt::ISODate));
            if (!q.exec()) {
                *e = q.lastError().text();
                return false;
            }
            mine = q.numRowsAffected() > 0;
            return tx.commit(e);
        },
        error);
    if (!took)
        return false;
    if (!mine)
        return true;
    QSqlQuery q(m_db->connection());
    QString result = QStringLiteral("ok");
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        result = q.lastError().text();
    else
        result = q.value(0).toString();
    m_ranCheck = true;
    QString e;
    Transaction tx(*m_db, &e);
    q.prepare(QStringLiteral("UPDATE hub_lease SET holder = '', expires_at = '', last_done_on = ?, last_result = ? "
                             "WHERE name = 'maintenance' AND holder = ?"));
    q.addBindValue(today);
    q.addBindValue(result);
    q.addBindValue(site);
    if (!tx.isActive() || !q.exec() || !tx.commit(&e))
        qCWarning(lcSync) << "could not release the maintenance lease:" << e << q.lastError().text();
    if (result != QLatin1String("ok")) {
        if (error)
            *error = tr("The shared file %1 is damaged (%2). Nothing was synchronised; restore it from a backup.")
                         .arg(m_path, result);
        return false;
    }
    return true;
}

bool SharedFileTransport::hello(const QString &site, HelloReply *reply, QString *error)
{
    if (!ensureOpen(error))
        return false;
    return withRetry(
        [&](QString *e) {
            // A short write each round: the site is known to the hub from its first round on.
            Transaction tx(*m_db, e);
            if (!tx.isActive())
                return false;
            QSqlQuery q(m_db->connection());
            q.prepare(QStringLiteral("INSERT INTO hub_sites (site, last_seen_at) VALUES (?, ?) "
                                     "ON CONFLICT(site) DO UPDATE SET last_seen_at = excluded.last_seen_at"));
            q.addBindValue(site);
            q.addBindValue(Clock::instance()->nowUtc().toUTC().toString(Qt::ISODate));
            if (!q.exec()) {
                *e = q.lastError().text();
                return false;
            }
            SyncFaults::reached("shared.inside_transaction");
            if (!tx.commit(e))
                return false;
            if (!m_hub->hello(site, reply, e))
                return false;
            reply->maxBatch = qMin(reply->maxBatch, MaxBatch);
            return true;
        },
        error);
}

bool SharedFileTransport::push(const PushRequest &request, PushReply *reply, QString *error)
{
    if (!ensureOpen(error))
        return false;
    if (request.ops.size() > MaxBatch) {
        if (error)
            *error = tr("At most %1 changes go to a shared file in one transaction.").arg(MaxBatch);
        return false;
    }
    return withRetry([&](QString *e) { return m_hub->push(request, reply, e); }, error);
}

bool SharedFileTransport::pull(const QString &cursor, int limit, PullReply *reply, QString *error)
{
    if (!ensureOpen(error))
        return false;
    return withRetry([&](QString *e) { return m_hub->changes(cursor, limit, reply, e); }, error);
}

bool SharedFileTransport::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error)
{
    if (!ensureOpen(error))
        return false;
    return withRetry([&](QString *e) { return m_hub->missingBlobs(hashes, missing, e); }, error);
}

bool SharedFileTransport::putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error)
{
    if (!ensureOpen(error))
        return false;
    return withRetry([&](QString *e) { return m_hub->putBlob(sha256, data, mime, e); }, error);
}

bool SharedFileTransport::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error)
{
    if (!ensureOpen(error))
        return false;
    return withRetry([&](QString *e) { return m_hub->getBlob(sha256, data, mime, e); }, error);
}

} // namespace Humas
