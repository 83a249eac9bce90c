#pragma once

#include "store/statementcache.h"
#include "sync/syncprotocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <functional>

namespace Humas {

class Database;

/**
 * The one hub implementation (SYNC.md "Hub"), on a Database that holds the synced tables and
 * the hub_* tables of schema 5: the shared file of SharedFileTransport and, in the next
 * issue, the server's database.
 *
 * push() judges a batch in one transaction, each op in its own savepoint:
 * - an op id already in hub_ops → "duplicate" with its first result; nothing changes;
 * - the reject hook (role checks of the server) refuses it → "rejected";
 * - per field: concurrent when hub_fields.seq > the op's base_seq and the last writer is
 *   another site; not concurrent → written; concurrent with the same value → nothing;
 *   otherwise the hub keeps its value and opens a sync_conflicts row with base, hub and
 *   incoming values (each with site, actor, HLC and time) → "conflict";
 *   edits of different fields of one row merge ("merged" when the row was changed by
 *   another site after base_seq);
 * - a delete against a concurrent edit → "delete_edit" conflict (the row stays);
 * - a violated unique index → the op's savepoint is rolled back, "unique" conflict.
 * Every committed change takes the next number of hub_counter, so seq order = commit order.
 * The conflicts opened are rows of the synced table sync_conflicts and reach every PC.
 */
class HubStore
{
    Q_DECLARE_TR_FUNCTIONS(Humas::HubStore)
public:
    /** Returns an empty string to allow @p op, else the (translated) reason to reject it. */
    using RejectHook = std::function<QString(const SyncOp &op)>;
    /**
     * Shapes a row before it is handed to a puller (the server's role filter): may mask values
     * in place; returns false when the puller may not see the row at all, which then goes out
     * as a "gone" entry (PulledRow::gone) so a copy the puller holds is dropped.
     */
    using RowShaper = std::function<bool(PulledRow *row)>;

    explicit HubStore(Database &db);

    /** Makes the database a hub (hub_meta with a new hub id, epoch 1) unless it is one. */
    bool initialise(QString *error);
    bool isInitialised() const;
    /** Starts a new epoch: every client's cursor becomes stale and it resyncs from 0. */
    bool bumpEpoch(QString *error);

    bool hello(const QString &site, HelloReply *reply, QString *error) const;
    bool push(const PushRequest &request, PushReply *reply, QString *error);
    /** Rows with seq after @p cursor, in seq order (a cursor of another hub/epoch reads from 0). */
    bool changes(const QString &cursor, int limit, PullReply *reply, QString *error) const;

    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) const;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error);
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) const;

    void setRejectHook(RejectHook hook) { m_reject = std::move(hook); }
    void setRowShaper(RowShaper shaper) { m_shaper = std::move(shaper); }
    /** The highest seq committed so far. */
    qint64 highSeq() const;
    /** Largest batch a push may carry. */
    static constexpr int MaxBatch = 500;

private:
    struct OpOutcome;
    bool applyOp(const SyncOp &op, OpResult *result, QString *error);
    bool judgeOp(const SyncOp &op, OpResult *result, QString *error);
    qint64 nextSeq(QString *error);
    bool touchRow(const QString &entity, const QString &rowId, qint64 seq, int *rev, QString *error);
    bool writeFieldClock(const QString &entity, const QString &rowId, const QStringList &fields, qint64 seq,
                         const SyncOp &op, QString *error);
    bool openConflict(const SyncOp &op, const QString &kind, const QString &field, const QJsonValue &base,
                      const QJsonValue &hubValue, const QString &hubSite, const QString &hubActor,
                      const QString &hubHlc, const QString &hubAt, QString *conflictId, QString *error);
    QStringList columns(const QString &table) const;
    /** A kept prepared statement of this hub's connection, run with @p binds. */
    QSqlQuery &run(const QString &sql, const QVariantList &binds, bool *ok) const { return m_sql.run(sql, binds, ok); }

    Database &m_db;
    RejectHook m_reject;
    RowShaper m_shaper;
    mutable QHash<QString, QStringList> m_columns;
    mutable StatementCache m_sql;
};

} // namespace Humas
