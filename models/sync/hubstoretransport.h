#pragma once

#include "sync/synctransport.h"

namespace Humas {

class HubStore;

/** A SyncTransport that calls a HubStore in the same process (tests, benchmarks). */
class HubStoreTransport : public SyncTransport
{
public:
    explicit HubStoreTransport(HubStore &hub) : m_hub(hub) {}

    bool hello(const QString &site, HelloReply *reply, QString *error) override;
    bool push(const PushRequest &request, PushReply *reply, QString *error) override;
    bool pull(const QString &cursor, int limit, PullReply *reply, QString *error) override;
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) override;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) override;
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) override;

private:
    HubStore &m_hub;
};

} // namespace Humas
