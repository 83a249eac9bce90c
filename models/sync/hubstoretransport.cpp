#include "sync/hubstoretransport.h"

#include "sync/hubstore.h"

namespace Humas {

bool HubStoreTransport::hello(const QString &site, HelloReply *reply, QString *error)
{
    return m_hub.hello(site, reply, error);
}

bool HubStoreTransport::push(const PushRequest &request, PushReply *reply, QString *error)
{
    return m_hub.push(request, reply, error);
}

bool HubStoreTransport::pull(const QString &cursor, int limit, PullReply *reply, QString *error)
{
    return m_hub.changes(cursor, limit, reply, error);
}

bool HubStoreTransport::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error)
{
    return m_hub.missingBlobs(hashes, missing, error);
}

bool HubStoreTransport::putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error)
{
    return m_hub.putBlob(sha256, data, mime, error);
}

bool HubStoreTransport::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error)
{
    return m_hub.getBlob(sha256, data, mime, error);
}

} // namespace Humas
