#pragma once

#include "sync/syncprotocol.h"

#include <QStringList>

namespace Humas {

/**
 * How a PC reaches its hub. Synchronous calls; each returns false with a translated
 * @p error when the hub could not be reached or refused the request (nothing is changed
 * locally then: the engine tries again at the next round).
 *
 * Implementations: HubStoreTransport (a HubStore in the same process, for tests),
 * SharedFileTransport (a HumasDesk hub file on an SMB share) and, in the next issue, the
 * REST client of humasdesk-server.
 */
class SyncTransport
{
public:
    virtual ~SyncTransport() = default;

    /** Called by the engine before the first request of a round (opens a shared file). */
    virtual bool beginRound(QString *error)
    {
        Q_UNUSED(error);
        return true;
    }
    /** Called after the last request of a round, also after a failed one (closes the file). */
    virtual void endRound() {}

    virtual bool hello(const QString &site, HelloReply *reply, QString *error) = 0;
    virtual bool push(const PushRequest &request, PushReply *reply, QString *error) = 0;
    /** Rows changed after @p cursor ("hub.epoch.seq"), in seq order, at most @p limit. */
    virtual bool pull(const QString &cursor, int limit, PullReply *reply, QString *error) = 0;
    /** Which of @p hashes the hub lacks. */
    virtual bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) = 0;
    /** Stores a blob; the hub verifies its SHA-256. A repeated upload is harmless. */
    virtual bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) = 0;
    virtual bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) = 0;
};

} // namespace Humas
