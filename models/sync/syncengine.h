#pragma once

#include "store/changefeed.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

#include <functional>

namespace Humas {

class Database;
class SyncTransport;
struct PullReply;

/** What one round did. */
struct SyncReport
{
    bool ok = false;
    int pushed = 0;  ///< ops the hub acknowledged this round
    int pulled = 0;  ///< rows applied from the hub
    int conflicts = 0; ///< conflicts the hub opened for this PC's ops
    int rejected = 0;
    int blobsSent = 0;
    int blobsReceived = 0;
    bool fullResync = false;  ///< the hub id or epoch changed: pulled from the start
    bool hubRestored = false; ///< the hub was behind our cursor: kept entries were pushed again
    ChangeSet changed;        ///< rows the pull wrote locally
    QString message;          ///< translated notes for the person (restored hub, resync)
    QString error;            ///< translated, when !ok
};

/**
 * The client side of sync on the local Database and a SyncTransport (SYNC.md "Push", "Pull").
 *
 * round(): hello; blobs referenced by waiting ops first (only the missing ones); push all
 * waiting outbox entries in batches, marking them acknowledged (acked_at, ack_status,
 * ack_seq) only after the hub's reply; then pull pages until no more. A page is applied in
 * one BEGIN IMMEDIATE that writes no outbox entries, keeps fields with unacknowledged local
 * edits, sets sync_seq, observes the HLC of each row, stores meta sync.cursor and announces
 * each row through the ChangeFeed. A wrong hub id or epoch → full resync from cursor 0; a
 * hub whose high seq is below our cursor was restored from an old copy → the kept entries
 * after hub_sites.last_outbox_seq are pushed again. Acknowledged entries older than 90 days
 * are pruned. After a pull touching holidays or settings the PPID deadlines of requests this
 * site owns are recomputed.
 *
 * A round runs on the thread that owns the Database and needs no event loop.
 */
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SyncEngine)
public:
    SyncEngine(Database &db, SyncTransport &transport);

    SyncReport round();
    /**
     * Only the pull half of a round (no hello checks, no push). A round always pushes first
     * (SYNC.md); this is for tests and diagnostics of the applier.
     */
    SyncReport pullOnly();

    /** Ops per push batch (the transport's limit; 200 for a shared file). */
    void setBatchSize(int ops) { m_batchSize = ops; }
    /** Rows per pull page. */
    void setPageSize(int rows) { m_pageSize = rows; }
    /**
     * Called after each pulled page is stored locally, with the seq the cursor now stands at
     * and the hub's high seq at hello (0 when unknown): a first bootstrap shows a bar from it.
     * Runs on the round's thread.
     */
    void setPullProgress(std::function<void(qint64 seq, qint64 highSeq)> progress)
    {
        m_progress = std::move(progress);
    }
    /** Days acknowledged outbox entries are kept. */
    static constexpr int KeepDays = 90;

    /** Outbox entries not yet acknowledged by a hub. */
    static int waitingCount(Database &db);

private:
    bool pushAll(SyncReport *report);
    bool sendBlobs(const QList<QString> &hashes, SyncReport *report);
    bool pullAll(const QString &hubId, qint64 epoch, SyncReport *report);
    bool applyPage(const PullReply &page, SyncReport *report);
    bool prune(QString *error);
    bool fetchMissingBlobs(SyncReport *report);

    Database &m_db;
    SyncTransport &m_transport;
    int m_batchSize = 200;
    int m_pageSize = 500;
    qint64 m_highSeq = 0;
    std::function<void(qint64, qint64)> m_progress;
    QSet<QString> m_blobsToFetch;
};

} // namespace Humas
