#include "sync/syncengine.h"

#include "auth/passwordhasher.h"
#include "common/clock.h"
#include "common/hybridclock.h"
#include "common/logging.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "store/blobstore.h"
#include "store/database.h"
#include "store/statementcache.h"
#include "sync/syncfaults.h"
#include "sync/syncprotocol.h"
#include "sync/syncsettings.h"
#include "sync/synctransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Humas {

namespace {

const QString CursorKey = QStringLiteral("sync.cursor");
const QString HubKey = QStringLiteral("sync.hub");
const QString PushedKey = QStringLiteral("sync.pushed_through");

QString nowText()
{
    return Clock::instance()->nowUtc().toUTC().toString(Qt::ISODateWithMs);
}

bool failQuery(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = SyncEngine::tr("The local database could not be read or written: %1").arg(q.lastError().text());
    return false;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/** Hashes named by *_blob fields of an op's changes or of a pulled row. */
void collectBlobs(const QJsonObject &changes, bool pairs, QList<QString> *out)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (!it.key().endsWith(QLatin1String("_blob")))
            continue;
        const QString sha = pairs ? it.value().toArray().at(1).toString() : it.value().toString();
        if (!sha.isEmpty() && !out->contains(sha))
            out->append(sha);
    }
}

} // namespace

SyncEngine::SyncEngine(Database &db, SyncTransport &transport) : m_db(db), m_transport(transport) {}

int SyncEngine::waitingCount(Database &db)
{
    QSqlQuery q(db.connection());
    if (q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL")) && q.next())
        return q.value(0).toInt();
    return -1;
}

SyncReport SyncEngine::round()
{
    SyncReport report;
    m_blobsToFetch.clear();
    const auto finish = [&](bool ok) {
        report.ok = ok;
        m_transport.endRound();
        const QString summary = tr("pushed %1, pulled %2, conflicts %3")
                                    .arg(report.pushed)
                                    .arg(report.pulled)
                                    .arg(report.conflicts);
        SyncSettings(m_db).recordRound(ok, summary, ok ? QString() : report.error);
        if (!ok)
            qCWarning(lcSync) << "sync round failed:" << report.error;
        return report;
    };
    if (m_db.transactionDepth() > 0) {
        report.error = tr("A sync round cannot run inside an open transaction.");
        return finish(false);
    }
    if (!m_transport.beginRound(&report.error))
        return finish(false);
    HelloReply hello;
    if (!m_transport.hello(m_db.siteId(), &hello, &report.error))
        return finish(false);
    m_highSeq = hello.highSeq;
    if (hello.schema > Database::latestSchemaVersion()) {
        report.error = tr("The hub has the newer schema %1; update HumasDesk on this PC to sync.").arg(hello.schema);
        return finish(false);
    }
    SyncCursor cursor;
    if (!SyncCursor::parse(m_db.meta(CursorKey), &cursor))
        cursor = SyncCursor();
    const QString knownHub = m_db.meta(HubKey);
    QStringList notes;
    qint64 repushAfter = -1;
    if (!knownHub.isEmpty() && knownHub != hello.hubId) {
        // Another hub (a new shared file): everything from its start, and our kept changes go to it.
        report.fullResync = true;
        repushAfter = hello.siteLastOutboxSeq;
        cursor = SyncCursor();
        notes << tr("The hub is a different one than at the last round: all data is read again from it and the "
                    "changes kept on this PC are sent to it.");
    } else if (!cursor.isStart() && cursor.epoch != hello.epoch) {
        report.fullResync = true;
        cursor = SyncCursor();
        notes << tr("The hub started a new epoch: all data is read again from it.");
    } else if (!cursor.isStart() && hello.highSeq < cursor.seq) {
        const qint64 seen = cursor.seq;
        report.hubRestored = true;
        report.fullResync = true;
        repushAfter = hello.siteLastOutboxSeq;
        cursor = SyncCursor();
        notes << tr("The hub was restored from an older copy (it is at change %1, this PC had seen %2): the changes "
                    "kept on this PC are sent again and all data is read again.")
                     .arg(hello.highSeq)
                     .arg(seen);
    }
    if (repushAfter >= 0) {
        SyncFaults::reached("restore.before_repush");
        QString error;
        Transaction tx(m_db, &error);
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE outbox SET acked_at = NULL, ack_status = NULL, ack_seq = NULL "
                                 "WHERE acked_at IS NOT NULL AND site_id = ? AND seq > ?"));
        q.addBindValue(m_db.siteId());
        q.addBindValue(repushAfter);
        if (!tx.isActive() || !q.exec() || !m_db.setMeta(CursorKey, QStringLiteral("0"), &error) ||
            !tx.commit(&error)) {
            report.error = error.isEmpty() ? q.lastError().text() : error;
            return finish(false);
        }
    }
    if (knownHub != hello.hubId && !m_db.setMeta(HubKey, hello.hubId, &report.error))
        return finish(false);
    if (hello.maxBatch > 0)
        m_batchSize = qMin(m_batchSize, hello.maxBatch);

    if (!pushAll(&report) || !pullAll(hello.hubId, hello.epoch, &report) || !fetchMissingBlobs(&report) ||
        !prune(&report.error))
        return finish(false);

    if (report.changed.containsAny({QStringLiteral("holidays"), QStringLiteral("settings")})) {
        QString error;
        if (PpidDeadlineRecompute::afterSyncPull(m_db, &error) < 0)
            notes << tr("The PPID deadlines could not be recomputed: %1").arg(error);
    }
    report.message = notes.join(QLatin1Char('\n'));
    return finish(true);
}

SyncReport SyncEngine::pullOnly()
{
    SyncReport report;
    HelloReply hello;
    if (m_transport.beginRound(&report.error) && m_transport.hello(m_db.siteId(), &hello, &report.error)) {
        m_highSeq = hello.highSeq;
        report.ok = pullAll(hello.hubId, hello.epoch, &report);
    }
    m_transport.endRound();
    return report;
}

bool SyncEngine::sendBlobs(const QList<QString> &hashes, SyncReport *report)
{
    if (hashes.isEmpty())
        return true;
    QStringList missing;
    if (!m_transport.missingBlobs(hashes, &missing, &report->error))
        return false;
    for (const QString &sha : missing) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT data, mime FROM blobs WHERE sha256 = ?"));
        q.addBindValue(sha);
        if (!q.exec())
            return failQuery(q, &report->error);
        if (!q.next())
            continue; // not here either: the hub rejects the op, which says so
        SyncFaults::reached("blob.before_upload");
        if (!m_transport.putBlob(sha, q.value(0).toByteArray(), q.value(1).toString(), &report->error))
            return false;
        ++report->blobsSent;
    }
    return true;
}

bool SyncEngine::pushAll(SyncReport *report)
{
    for (;;) {
        PushRequest request;
        request.site = m_db.siteId();
        QList<QString> blobs;
        {
            QSqlQuery q(m_db.connection());
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT seq, op_id, entity, row_id, op, changes, base_rev, rev, hlc, site_id, "
                                     "actor, created_at, base_seq FROM outbox WHERE acked_at IS NULL "
                                     "ORDER BY seq LIMIT ?"));
            q.addBindValue(m_batchSize);
            if (!q.exec())
                return failQuery(q, &report->error);
            while (q.next()) {
                SyncOp op;
                op.outboxSeq = q.value(0).toLongLong();
                op.opId = q.value(1).toString();
                op.entity = q.value(2).toString();
                op.rowId = q.value(3).toString();
                op.op = q.value(4).toString();
                op.changes = parseObject(q.value(5).toString());
                op.baseRev = q.value(6).toInt();
                op.rev = q.value(7).toInt();
                op.hlc = q.value(8).toString();
                op.site = q.value(9).toString();
                op.actor = q.value(10).toString();
                op.createdAt = q.value(11).toString();
                op.baseSeq = q.value(12).toLongLong();
                collectBlobs(op.changes, true, &blobs);
                request.ops.append(op);
            }
        }
        if (request.ops.isEmpty())
            return true;
        if (!sendBlobs(blobs, report))
            return false;
        PushReply reply;
        if (!m_transport.push(request, &reply, &report->error))
            return false;
        SyncFaults::reached("push.before_local_ack");
        QHash<QString, OpResult> byId;
        for (const OpResult &r : reply.results)
            byId.insert(r.opId, r);
        Transaction tx(m_db, &report->error);
        if (!tx.isActive())
            return false;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE outbox SET acked_at = ?, ack_status = ?, ack_seq = ? WHERE op_id = ?"));
        const QString now = nowText();
        int acked = 0;
        for (const SyncOp &op : request.ops) {
            const auto it = byId.constFind(op.opId);
            if (it == byId.cend())
                continue;
            q.bindValue(0, now);
            // A duplicate (its first reply was lost) keeps the result the hub gave it the first time.
            const bool repeat = it->status == QLatin1String("duplicate") && !it->firstStatus.isEmpty();
            q.bindValue(1, repeat ? it->firstStatus : it->status);
            q.bindValue(2, it->seq);
            q.bindValue(3, op.opId);
            if (!q.exec())
                return failQuery(q, &report->error);
            ++acked;
            if (it->status == QLatin1String("conflict"))
                ++report->conflicts;
            else if (it->status == QLatin1String("rejected"))
                ++report->rejected;
        }
        if (!m_db.setMeta(PushedKey, QString::number(reply.ackedThrough), &report->error) ||
            !tx.commit(&report->error))
            return false;
        SyncFaults::reached("push.after_local_ack");
        report->pushed += acked;
        if (acked == 0) {
            report->error = tr("The hub answered without acknowledging any of the %1 changes sent.")
                                .arg(request.ops.size());
            return false;
        }
    }
}

bool SyncEngine::pullAll(const QString &hubId, qint64 epoch, SyncReport *report)
{
    QString cursor = m_db.meta(CursorKey, QStringLiteral("0"));
    SyncCursor parsed;
    if (!SyncCursor::parse(cursor, &parsed) || (!parsed.isStart() && (parsed.hubId != hubId || parsed.epoch != epoch)))
        cursor = QStringLiteral("0");
    for (;;) {
        PullReply page;
        if (!m_transport.pull(cursor, m_pageSize, &page, &report->error))
            return false;
        if (!applyPage(page, report))
            return false;
        if (m_progress) {
            SyncCursor at;
            if (SyncCursor::parse(page.nextCursor, &at))
                m_progress(at.seq, qMax(m_highSeq, at.seq));
        }
        if (!page.more || page.nextCursor == cursor)
            return true;
        cursor = page.nextCursor;
    }
}

bool SyncEngine::applyPage(const PullReply &page, SyncReport *report)
{
    Transaction tx(m_db, &report->error); // depth 0: BEGIN IMMEDIATE
    if (!tx.isActive())
        return false;
    // Statements prepared once per page: the same few run for every row.
    StatementCache sql(m_db.connection());
    QHash<QString, QStringList> columnsOf;
    const auto columns = [&](const QString &table) -> const QStringList & {
        auto it = columnsOf.find(table);
        if (it == columnsOf.end()) {
            QStringList cols;
            const QSqlRecord rec = m_db.connection().record(table);
            for (int i = 0; i < rec.count(); ++i)
                cols << rec.fieldName(i);
            it = columnsOf.insert(table, cols);
        }
        return it.value();
    };
    HybridClock *clock = m_db.hybridClock();
    bool first = true;
    for (const PulledRow &row : page.rows) {
        if (!first)
            SyncFaults::reached("pull.between_rows");
        first = false;
        if (!SyncProtocol::syncedTables().contains(row.entity))
            continue;
        // Fields with local edits the hub has not judged yet stay as they are here.
        QSet<QString> keep;
        bool ok = false;
        QSqlQuery &pending = sql.run(
            QStringLiteral("SELECT changes FROM outbox WHERE acked_at IS NULL AND entity = ? AND row_id = ?"),
            {row.entity, row.rowId}, &ok);
        if (!ok)
            return failQuery(pending, &report->error);
        while (pending.next()) {
            const QJsonObject changes = parseObject(pending.value(0).toString());
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                keep.insert(it.key());
        }
        pending.finish();
        QSqlQuery &exists = sql.run(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(row.entity), {row.rowId}, &ok);
        if (!ok)
            return failQuery(exists, &report->error);
        const bool present = exists.next();
        exists.finish();
        if (row.gone) {
            // The row left this user's view on the server: the copy here goes, unless it holds
            // edits the hub has not judged yet (the next push sends them; the hub decides).
            if (present && keep.isEmpty()) {
                QSqlQuery &drop = sql.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(row.entity), {row.rowId}, &ok);
                if (!ok)
                    return failQuery(drop, &report->error);
                m_db.noteChanged(row.entity, row.rowId);
                report->changed.add(row.entity, row.rowId);
                ++report->pulled;
            }
            continue;
        }
        if (!keep.isEmpty()) // our edit is newer than the hub's row: keep our revision stamps too
            keep += {QStringLiteral("rev"), QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                     QStringLiteral("site_id"), QStringLiteral("hlc")};
        QStringList names;
        QVariantList binds;
        for (const QString &name : columns(row.entity)) {
            if (!row.values.contains(name) || (present && keep.contains(name)) || name == QLatin1String("id"))
                continue;
            names << name;
            binds << SyncProtocol::fromJsonValue(row.values.value(name));
        }
        QString statement;
        if (present) {
            QStringList sets;
            for (const QString &n : std::as_const(names))
                sets << n + QStringLiteral("=?");
            statement = QStringLiteral("UPDATE %1 SET %2 WHERE id=?").arg(row.entity, sets.join(QLatin1Char(',')));
        } else {
            // humasdesk-server never sends password hashes, but the column is NOT NULL: a user
            // pulled from it gets a hash no password matches (it signs in through the server).
            // An update leaves the local hash alone: absent columns are not written above.
            if (row.entity == QLatin1String("users") && !row.values.contains(QStringLiteral("password_hash"))) {
                names << QStringLiteral("password_hash");
                binds << PasswordHasher::unusableHash();
            }
            names << QStringLiteral("id");
            QStringList marks;
            marks.fill(QStringLiteral("?"), names.size());
            statement = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(row.entity, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
        }
        binds << row.rowId;
        QSqlQuery &q = sql.run(statement, binds, &ok);
        if (!ok) {
            // A unique value held here by a row the hub refused: that row's conflict is open;
            // the statement alone was undone, the rest of the page goes on.
            if (q.lastError().databaseText().contains(QLatin1String("UNIQUE constraint failed"))) {
                qCWarning(lcSync) << "pulled row skipped:" << row.entity << row.rowId << q.lastError().text();
                report->message += tr("%1 %2 could not be stored here: %3\n")
                                       .arg(row.entity, row.rowId, q.lastError().databaseText());
                continue;
            }
            return failQuery(q, &report->error);
        }
        clock->observe(row.values.value(QStringLiteral("hlc")).toString());
        QList<QString> blobs;
        collectBlobs(row.values, false, &blobs);
        for (const QString &sha : blobs)
            m_blobsToFetch.insert(sha);
        m_db.noteChanged(row.entity, row.rowId);
        report->changed.add(row.entity, row.rowId);
        ++report->pulled;
    }
    sql.clear();
    if (!m_db.setMeta(CursorKey, page.nextCursor, &report->error))
        return false;
    SyncFaults::reached("pull.before_commit");
    if (!tx.commit(&report->error))
        return false;
    SyncFaults::reached("pull.after_commit");
    return true;
}

bool SyncEngine::fetchMissingBlobs(SyncReport *report)
{
    BlobStore blobs(m_db);
    for (const QString &sha : std::as_const(m_blobsToFetch)) {
        if (blobs.contains(sha))
            continue;
        QByteArray data;
        QString mime;
        QString error;
        if (!m_transport.getBlob(sha, &data, &mime, &error)) {
            // The row is stored; the attachment comes at a later round.
            report->message += tr("An attachment is not on the hub yet: %1\n").arg(error);
            continue;
        }
        if (BlobStore::hashOf(data) != sha) {
            report->message += tr("An attachment arrived damaged and was not stored (%1).\n").arg(sha.left(12));
            continue;
        }
        if (blobs.put(data, mime, &report->error).isEmpty())
            return false;
        ++report->blobsReceived;
    }
    return true;
}

bool SyncEngine::prune(QString *error)
{
    const QString limit =
        Clock::instance()->nowUtc().toUTC().addDays(-KeepDays).toString(Qt::ISODateWithMs);
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return failQuery(q, error);
    SyncFaults::reached("prune.inside");
    return tx.commit(error);
}

} // namespace Humas
