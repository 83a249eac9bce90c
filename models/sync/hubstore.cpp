#include "sync/hubstore.h"

#include "common/clock.h"
#include "common/logging.h"
#include "common/uuid7.h"
#include "store/blobstore.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "store/sqldialect.h"
#include "sync/syncfaults.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Humas {

namespace {

struct FieldClock
{
    qint64 seq = 0;
    QString site;
    QString hlc;
    QString actor;
    QString at;
};

QString nowText()
{
    return Clock::instance()->nowUtc().toUTC().toString(Qt::ISODateWithMs);
}

bool failQuery(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = HubStore::tr("The hub could not be read or written: %1").arg(q.lastError().text());
    return false;
}

/** Text as stored: never NULL (a missing actor or site of a malformed op is ""). */
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

bool isSyncMetaColumn(const QString &column)
{
    return column != QLatin1String("deleted") && ChangeWriter::syncColumns().contains(column);
}

} // namespace

/** What applying one op did (the savepoint is released or rolled back by the caller). */
struct HubStore::OpOutcome
{
    enum Kind { Done, Unique, Invalid } kind = Done;
    QString uniqueField;
    QString message;
};

HubStore::HubStore(Database &db) : m_db(db), m_sql(db.connection()) {}

QStringList HubStore::columns(const QString &table) const
{
    auto it = m_columns.constFind(table);
    if (it != m_columns.constEnd())
        return it.value();
    QStringList cols;
    const QSqlRecord rec = m_db.connection().record(table);
    for (int i = 0; i < rec.count(); ++i)
        cols << rec.fieldName(i);
    m_columns.insert(table, cols);
    return cols;
}

bool HubStore::isInitialised() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT 1 FROM hub_meta WHERE id = 1")) && q.next();
}

bool HubStore::initialise(QString *error)
{
    if (isInitialised())
        return true;
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO hub_meta (id, hub_id, epoch, schema, created_at) VALUES (1,?,1,?,?) "
                             "ON CONFLICT(id) DO NOTHING"));
    q.addBindValue(Uuid7::createString());
    q.addBindValue(Database::latestSchemaVersion());
    q.addBindValue(nowText());
    if (!q.exec())
        return failQuery(q, error);
    if (!q.exec(QStringLiteral("INSERT INTO hub_counter (id, seq) VALUES (1, 0) ON CONFLICT(id) DO NOTHING")))
        return failQuery(q, error);
    SyncFaults::reached("shared.init_inside");
    return tx.commit(error);
}

bool HubStore::bumpEpoch(QString *error)
{
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("UPDATE hub_meta SET epoch = epoch + 1 WHERE id = 1")))
        return failQuery(q, error);
    return tx.commit(error);
}

qint64 HubStore::highSeq() const
{
    bool ok = false;
    QSqlQuery &q = run(QStringLiteral("SELECT seq FROM hub_counter WHERE id = 1"), {}, &ok);
    const qint64 seq = ok && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return seq;
}

bool HubStore::hello(const QString &site, HelloReply *reply, QString *error) const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT hub_id, epoch, schema FROM hub_meta WHERE id = 1")))
        return failQuery(q, error);
    if (!q.next()) {
        if (error)
            *error = tr("%1 is a HumasDesk database but not a sync hub.").arg(m_db.path());
        return false;
    }
    *reply = HelloReply();
    reply->hubId = q.value(0).toString();
    reply->epoch = q.value(1).toLongLong();
    reply->schema = q.value(2).toInt();
    reply->highSeq = highSeq();
    reply->maxBatch = MaxBatch;
    q.finish();
    if (site.isEmpty())
        return true;
    bool ok = false;
    QSqlQuery &s = run(QStringLiteral("SELECT last_outbox_seq FROM hub_sites WHERE site = ?"), {site}, &ok);
    if (ok && s.next())
        reply->siteLastOutboxSeq = s.value(0).toLongLong();
    s.finish();
    return true;
}

qint64 HubStore::nextSeq(QString *error)
{
    // One statement takes the number inside the push transaction: seq order is commit order.
    bool ok = false;
    QSqlQuery &q = run(QStringLiteral("UPDATE hub_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq"), {}, &ok);
    if (!ok || !q.next()) {
        failQuery(q, error);
        return -1;
    }
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

bool HubStore::touchRow(const QString &entity, const QString &rowId, qint64 seq, int *rev, QString *error)
{
    bool ok = false;
    QSqlQuery &q = run(QStringLiteral("INSERT INTO hub_rows (entity, row_id, seq, rev) VALUES (?,?,?,1) "
                                      "ON CONFLICT(entity, row_id) DO UPDATE SET seq = excluded.seq, rev = hub_rows.rev + 1 "
                                      "RETURNING rev"),
                       {entity, rowId, seq}, &ok);
    if (!ok || !q.next())
        return failQuery(q, error);
    *rev = q.value(0).toInt();
    q.finish();
    return true;
}

bool HubStore::writeFieldClock(const QString &entity, const QString &rowId, const QStringList &fields, qint64 seq,
                               const SyncOp &op, QString *error)
{
    const QString sql = QStringLiteral("INSERT INTO hub_fields (entity, row_id, field, seq, site, hlc, actor, written_at) "
                                       "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(entity, row_id, field) DO UPDATE SET "
                                       "seq = excluded.seq, site = excluded.site, hlc = excluded.hlc, "
                                       "actor = excluded.actor, written_at = excluded.written_at");
    for (const QString &field : fields) {
        bool ok = false;
        QSqlQuery &q = run(sql, {entity, rowId, field, seq, text(op.site), text(op.hlc), text(op.actor),
                                 text(op.createdAt)},
                           &ok);
        if (!ok)
            return failQuery(q, error);
    }
    return true;
}

bool HubStore::openConflict(const SyncOp &op, const QString &kind, const QString &field, const QJsonValue &base,
                            const QJsonValue &hubValue, const QString &hubSite, const QString &hubActor,
                            const QString &hubHlc, const QString &hubAt, QString *conflictId, QString *error)
{
    const qint64 seq = nextSeq(error);
    if (seq < 0)
        return false;
    const QString id = Uuid7::createString();
    const QJsonValue incoming = op.changes.value(field).toArray().at(1);
    QVariantMap values{
        {QStringLiteral("entity"), op.entity},
        {QStringLiteral("row_id"), op.rowId},
        {QStringLiteral("field"), field},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("base_value"), SyncProtocol::jsonText(base)},
        {QStringLiteral("hub_value"), SyncProtocol::jsonText(hubValue)},
        {QStringLiteral("hub_site"), text(hubSite)},
        {QStringLiteral("hub_actor"), text(hubActor)},
        {QStringLiteral("hub_hlc"), text(hubHlc)},
        {QStringLiteral("hub_at"), text(hubAt)},
        {QStringLiteral("incoming_value"), SyncProtocol::jsonText(incoming)},
        {QStringLiteral("incoming_site"), text(op.site)},
        {QStringLiteral("incoming_actor"), text(op.actor)},
        {QStringLiteral("incoming_hlc"), text(op.hlc)},
        {QStringLiteral("incoming_at"), text(op.createdAt)},
        {QStringLiteral("status"), QStringLiteral("open")},
    };
    QStringList names = {QStringLiteral("id"),         QStringLiteral("rev"),     QStringLiteral("deleted"),
                         QStringLiteral("updated_at"), QStringLiteral("updated_by"), QStringLiteral("site_id"),
                         QStringLiteral("hlc"),        QStringLiteral("sync_seq")};
    QVariantList binds = {id, 1, 0, text(op.createdAt), text(op.actor), m_db.siteId(), text(op.hlc), seq};
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        names << it.key();
        binds << it.value();
    }
    QStringList marks;
    marks.fill(QStringLiteral("?"), names.size());
    bool ok = false;
    QSqlQuery &q = run(QStringLiteral("INSERT INTO sync_conflicts (%1) VALUES (%2)")
                           .arg(names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))),
                       binds, &ok);
    if (!ok)
        return failQuery(q, error);
    int rev = 0;
    if (!touchRow(QStringLiteral("sync_conflicts"), id, seq, &rev, error))
        return false;
    SyncOp stamp = op;
    stamp.site = m_db.siteId(); // the hub wrote the conflict row; a resolution from any PC is not concurrent to it
    if (!writeFieldClock(QStringLiteral("sync_conflicts"), id, values.keys(), seq, stamp, error))
        return false;
    if (conflictId->isEmpty())
        *conflictId = id;
    qCInfo(lcSync) << "conflict" << kind << op.entity << op.rowId << field;
    return true;
}

bool HubStore::push(const PushRequest &request, PushReply *reply, QString *error)
{
    *reply = PushReply();
    if (request.ops.size() > MaxBatch) {
        if (error)
            *error = tr("A push may carry at most %1 changes.").arg(MaxBatch);
        return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    qint64 through = 0;
    for (const SyncOp &op : request.ops) {
        OpResult result;
        SyncOp checked = op;
        if (checked.site != request.site) {
            result.opId = op.opId;
            result.status = QStringLiteral("rejected");
            result.error = tr("The change was made at another site than the one sending it.");
        } else if (!judgeOp(checked, &result, error)) {
            return false;
        }
        reply->results.append(result);
        through = qMax(through, op.outboxSeq);
        SyncFaults::reached("push.between_ops");
    }
    bool ok = false;
    QSqlQuery &q = run(QStringLiteral("INSERT INTO hub_sites (site, last_outbox_seq, last_seen_at) VALUES (?,?,?) "
                                      "ON CONFLICT(site) DO UPDATE SET last_outbox_seq = CASE WHEN excluded.last_outbox_seq > "
                                      "hub_sites.last_outbox_seq THEN excluded.last_outbox_seq ELSE "
                                      "hub_sites.last_outbox_seq END, last_seen_at = excluded.last_seen_at"),
                       {request.site, through, nowText()}, &ok);
    if (!ok)
        return failQuery(q, error);
    SyncFaults::reached("push.before_hub_commit");
    if (!tx.commit(error))
        return false;
    SyncFaults::reached("push.after_hub_commit");
    QSqlQuery &last = run(QStringLiteral("SELECT last_outbox_seq FROM hub_sites WHERE site = ?"), {request.site}, &ok);
    if (ok && last.next())
        reply->ackedThrough = last.value(0).toLongLong();
    last.finish();
    return true;
}

bool HubStore::judgeOp(const SyncOp &op, OpResult *result, QString *error)
{
    result->opId = op.opId;
    {
        bool ok = false;
        QSqlQuery &q = run(QStringLiteral("SELECT result, seq, conflict_id, error FROM hub_ops WHERE op_id = ?"),
                           {op.opId}, &ok);
        if (!ok)
            return failQuery(q, error);
        if (q.next()) {
            result->status = QStringLiteral("duplicate");
            result->firstStatus = q.value(0).toString();
            result->seq = q.value(1).toLongLong();
            result->conflictId = q.value(2).toString();
            result->error = q.value(3).toString();
            q.finish();
            return true;
        }
        q.finish();
    }

    QString reason;
    if (op.opId.isEmpty() || op.rowId.isEmpty() || !SyncProtocol::syncedTables().contains(op.entity) ||
        (op.op != QLatin1String("upsert") && op.op != QLatin1String("delete")))
        reason = tr("The change is malformed (entity %1).").arg(op.entity);
    if (reason.isEmpty() && m_reject)
        reason = m_reject(op);
    if (reason.isEmpty()) {
        // An op that refers to a blob the hub lacks is refused (the engine sends blobs first).
        for (auto it = op.changes.constBegin(); it != op.changes.constEnd(); ++it) {
            const QString sha = it.value().toArray().at(1).toString();
            if (it.key().endsWith(QLatin1String("_blob")) && !sha.isEmpty() && !BlobStore(m_db).contains(sha)) {
                reason = tr("The attachment %1 has not reached the hub.").arg(sha.left(12));
                break;
            }
        }
    }
    if (reason.isEmpty()) {
        if (!m_db.begin(error)) // a savepoint: this op alone can be undone
            return false;
        const bool ok = applyOp(op, result, error);
        if (!ok && result->status.isEmpty()) {
            m_db.rollback();
            return false;
        }
        if (result->status == QLatin1String("unique")) {
            m_db.rollback();
            const QString field = result->error;
            result->status = QStringLiteral("conflict");
            result->error.clear();
            result->conflictId.clear(); // conflicts of the rolled-back attempt are gone with it
            const QJsonArray change = op.changes.value(field).toArray();
            if (!openConflict(op, QStringLiteral("unique"), field, change.at(0), QJsonValue(QJsonValue::Null), {},
                              {}, {}, {}, &result->conflictId, error))
                return false;
            result->seq = highSeq();
        } else if (result->status == QLatin1String("rejected")) {
            m_db.rollback();
        } else if (!m_db.commit(error)) {
            return false;
        }
    } else {
        result->status = QStringLiteral("rejected");
        result->error = reason;
    }
    bool ok = false;
    QSqlQuery &ledger = run(QStringLiteral("INSERT INTO hub_ops (op_id, site, outbox_seq, seq, result, conflict_id, "
                                           "error) VALUES (?,?,?,?,?,?,?)"),
                            {op.opId, op.site, op.outboxSeq, result->seq, result->status,
                             result->conflictId.isEmpty() ? QVariant() : QVariant(result->conflictId),
                             result->error.isEmpty() ? QVariant() : QVariant(result->error)},
                            &ok);
    if (!ok)
        return failQuery(ledger, error);
    return true;
}

bool HubStore::applyOp(const SyncOp &op, OpResult *result, QString *error)
{
    const QStringList cols = columns(op.entity);
    // The hub's row and its field clocks.
    QVariantMap hubRow;
    {
        bool ok = false;
        QSqlQuery &q = run(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(cols.join(QLatin1Char(',')), op.entity),
                           {op.rowId}, &ok);
        if (!ok)
            return failQuery(q, error);
        if (q.next()) {
            for (int i = 0; i < cols.size(); ++i)
                hubRow.insert(cols.at(i), q.value(i));
        }
        q.finish();
    }
    QHash<QString, FieldClock> clocks;
    {
        bool ok = false;
        QSqlQuery &q = run(QStringLiteral("SELECT field, seq, site, hlc, actor, written_at FROM hub_fields "
                                          "WHERE entity = ? AND row_id = ?"),
                           {op.entity, op.rowId}, &ok);
        if (!ok)
            return failQuery(q, error);
        while (q.next())
            clocks.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toString(),
                                                  q.value(3).toString(), q.value(4).toString(),
                                                  q.value(5).toString()});
        q.finish();
    }
    const bool exists = !hubRow.isEmpty();
    auto concurrent = [&](const QString &field) {
        const auto it = clocks.constFind(field);
        return it != clocks.cend() && it->seq > op.baseSeq && it->site != op.site;
    };
    bool touchedByOthers = false;
    for (auto it = clocks.cbegin(); it != clocks.cend(); ++it)
        touchedByOthers = touchedByOthers || (it->seq > op.baseSeq && it->site != op.site);

    QStringList write;
    QVariantMap newValues;
    struct Pending
    {
        QString kind, field;
        QJsonValue base, hub;
        FieldClock clock;
    };
    QList<Pending> conflicts;
    bool sameSeen = false;
    for (auto it = op.changes.constBegin(); it != op.changes.constEnd(); ++it) {
        const QString &field = it.key();
        if (!cols.contains(field) || isSyncMetaColumn(field)) {
            result->status = QStringLiteral("rejected");
            result->error = tr("%1 has no field %2.").arg(op.entity, field);
            return false;
        }
        const QJsonArray pair = it.value().toArray();
        const QVariant incoming = SyncProtocol::fromJsonValue(pair.at(1));
        if (!exists || !concurrent(field)) {
            write << field;
            newValues.insert(field, incoming);
        } else if (ChangeWriter::sameValue(hubRow.value(field), incoming)) {
            sameSeen = true;
        } else {
            const QString kind = field == QLatin1String("deleted") ? QStringLiteral("delete_edit")
                                                                    : QStringLiteral("field");
            conflicts.append({kind, field, pair.at(0), SyncProtocol::toJsonValue(hubRow.value(field)),
                              clocks.value(field)});
        }
    }
    // A delete against a concurrent edit of any other field: the row stays, a person decides.
    if (exists && op.op == QLatin1String("delete") && newValues.value(QStringLiteral("deleted")).toInt() == 1 &&
        hubRow.value(QStringLiteral("deleted")).toInt() == 0) {
        FieldClock latest;
        for (auto it = clocks.cbegin(); it != clocks.cend(); ++it) {
            if (it.key() != QLatin1String("deleted") && it->seq > op.baseSeq && it->site != op.site &&
                it->seq > latest.seq)
                latest = it.value();
        }
        if (latest.seq > 0) {
            write.removeAll(QStringLiteral("deleted"));
            newValues.remove(QStringLiteral("deleted"));
            conflicts.append({QStringLiteral("delete_edit"), QStringLiteral("deleted"), QJsonValue(qint64(0)),
                              QJsonValue(qint64(0)), latest});
        }
    }
    // An edit against a concurrent delete: the edit is kept on the tombstone, a person decides
    // whether the row comes back.
    if (exists && op.op == QLatin1String("upsert") && !op.changes.contains(QStringLiteral("deleted")) &&
        hubRow.value(QStringLiteral("deleted")).toInt() == 1 && concurrent(QStringLiteral("deleted"))) {
        SyncOp edit = op;
        edit.changes.insert(QStringLiteral("deleted"), QJsonArray{qint64(0), qint64(0)});
        conflicts.append({QStringLiteral("delete_edit"), QStringLiteral("deleted"), QJsonValue(qint64(0)),
                          QJsonValue(qint64(1)), clocks.value(QStringLiteral("deleted"))});
        // openConflict reads the incoming value from the op's changes.
        for (const Pending &c : conflicts) {
            if (c.field == QLatin1String("deleted") && !openConflict(edit, c.kind, c.field, c.base, c.hub,
                                                                     c.clock.site, c.clock.actor, c.clock.hlc,
                                                                     c.clock.at, &result->conflictId, error))
                return false;
        }
        conflicts.erase(std::remove_if(conflicts.begin(), conflicts.end(),
                                       [](const Pending &c) { return c.field == QLatin1String("deleted"); }),
                        conflicts.end());
    }

    qint64 seq = 0;
    if (!write.isEmpty()) {
        seq = nextSeq(error);
        if (seq < 0)
            return false;
        int rev = 0;
        if (!touchRow(op.entity, op.rowId, seq, &rev, error))
            return false;
        const QString hlc = exists && hubRow.value(QStringLiteral("hlc")).toString() > op.hlc
                                ? hubRow.value(QStringLiteral("hlc")).toString()
                                : op.hlc;
        QStringList names;
        QVariantList binds;
        for (const QString &field : write) {
            names << field;
            binds << newValues.value(field);
        }
        names << QStringLiteral("rev") << QStringLiteral("updated_at") << QStringLiteral("updated_by")
              << QStringLiteral("site_id") << QStringLiteral("hlc") << QStringLiteral("sync_seq");
        binds << rev << text(op.createdAt) << text(op.actor) << text(op.site) << text(hlc) << seq;
        QString sql;
        if (exists) {
            QStringList sets;
            for (const QString &n : names)
                sets << n + QStringLiteral("=?");
            sql = QStringLiteral("UPDATE %1 SET %2 WHERE id=?").arg(op.entity, sets.join(QLatin1Char(',')));
            binds << op.rowId;
        } else {
            names << QStringLiteral("id");
            binds << op.rowId;
            QStringList marks;
            marks.fill(QStringLiteral("?"), names.size());
            sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(op.entity, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
        }
        bool ok = false;
        QSqlQuery &q = run(sql, binds, &ok);
        if (!ok) {
            const QString field = SqlDialect::uniqueViolationField(q.lastError(), cols);
            if (!field.isEmpty()) {
                result->status = QStringLiteral("unique");
                result->error = op.changes.contains(field) ? field : write.value(0);
            } else {
                result->status = QStringLiteral("rejected");
                result->error = tr("The hub refused the change: %1").arg(q.lastError().databaseText());
            }
            return false;
        }
        if (!writeFieldClock(op.entity, op.rowId, write, seq, op, error))
            return false;
    } else if (exists && (!conflicts.isEmpty() || !result->conflictId.isEmpty())) {
        // The hub kept its values: a new seq for the row brings them back to the pusher, whose
        // copy still holds the refused value (the conflict row holds it for the person).
        seq = nextSeq(error);
        int rev = 0;
        if (seq < 0 || !touchRow(op.entity, op.rowId, seq, &rev, error))
            return false;
        bool ok = false;
        QSqlQuery &q = run(QStringLiteral("UPDATE %1 SET rev = ?, sync_seq = ? WHERE id = ?").arg(op.entity),
                           {rev, seq, op.rowId}, &ok);
        if (!ok)
            return failQuery(q, error);
    }
    for (const Pending &c : conflicts) {
        if (!openConflict(op, c.kind, c.field, c.base, c.hub, c.clock.site, c.clock.actor, c.clock.hlc, c.clock.at,
                          &result->conflictId, error))
            return false;
    }
    if (!result->conflictId.isEmpty())
        result->status = QStringLiteral("conflict");
    else if (sameSeen || touchedByOthers)
        result->status = QStringLiteral("merged");
    else
        result->status = QStringLiteral("applied");
    result->seq = seq > 0 ? seq : highSeq();
    return true;
}

bool HubStore::changes(const QString &cursorText, int limit, PullReply *reply, QString *error) const
{
    *reply = PullReply();
    HelloReply me;
    if (!hello({}, &me, error))
        return false;
    SyncCursor cursor;
    if (!SyncCursor::parse(cursorText, &cursor) || cursor.hubId != me.hubId || cursor.epoch != me.epoch)
        cursor = SyncCursor(); // another hub or epoch: from the start
    limit = qBound(1, limit, 5000);
    // The page's row ids first (the feed statement is finished before the rows are read).
    QList<PulledRow> page;
    {
        bool ok = false;
        QSqlQuery &q = run(QStringLiteral("SELECT entity, row_id, seq FROM hub_rows WHERE seq > ? ORDER BY seq LIMIT ?"),
                           {cursor.seq, limit + 1}, &ok);
        if (!ok)
            return failQuery(q, error);
        while (q.next()) {
            if (page.size() == limit) {
                reply->more = true;
                break;
            }
            PulledRow row;
            row.entity = q.value(0).toString();
            row.rowId = q.value(1).toString();
            row.seq = q.value(2).toLongLong();
            page.append(row);
        }
        q.finish();
    }
    qint64 last = cursor.seq;
    for (PulledRow &row : page) {
        last = row.seq;
        const QStringList cols = columns(row.entity);
        if (cols.isEmpty())
            continue;
        bool ok = false;
        QSqlQuery &r = run(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(cols.join(QLatin1Char(',')), row.entity),
                           {row.rowId}, &ok);
        if (!ok)
            return failQuery(r, error);
        const bool found = r.next();
        if (found) {
            for (int i = 0; i < cols.size(); ++i)
                row.values.insert(cols.at(i), SyncProtocol::toJsonValue(r.value(i)));
            row.values.insert(QStringLiteral("sync_seq"), row.seq);
        }
        r.finish();
        if (!found)
            continue;
        if (m_shaper && !m_shaper(&row)) {
            row.values = QJsonObject();
            row.gone = true;
        }
        reply->rows.append(row);
    }
    SyncCursor next{me.hubId, me.epoch, last};
    reply->nextCursor = next.toString();
    if (last == 0)
        reply->nextCursor = SyncCursor{me.hubId, me.epoch, 0}.toString();
    return true;
}

bool HubStore::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) const
{
    Q_UNUSED(error);
    missing->clear();
    BlobStore blobs(m_db);
    for (const QString &sha : hashes) {
        if (!blobs.contains(sha))
            missing->append(sha);
    }
    return true;
}

bool HubStore::putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error)
{
    if (BlobStore::hashOf(data) != sha256.toLower()) {
        if (error)
            *error = tr("The attachment arrived damaged (its SHA-256 does not match); it was not stored.");
        return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    if (BlobStore(m_db).put(data, mime, error).isEmpty())
        return false;
    SyncFaults::reached("blob.mid_upload");
    return tx.commit(error);
}

bool HubStore::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT data, mime FROM blobs WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec())
        return failQuery(q, error);
    if (!q.next()) {
        if (error)
            *error = tr("The hub has no attachment %1.").arg(sha256.left(12));
        return false;
    }
    *data = q.value(0).toByteArray();
    if (mime)
        *mime = q.value(1).toString();
    return true;
}

} // namespace Humas
