#include "faultytransport.h"

namespace HumasTest {

bool FaultyTransport::dropNow(QString *error)
{
    if (!roll(dropRate))
        return false;
    ++dropped;
    if (error)
        *error = QStringLiteral("simulated: request dropped");
    return true;
}

bool FaultyTransport::loseNow(QString *error)
{
    if (!roll(loseReplyRate))
        return false;
    ++lostReplies;
    if (error)
        *error = QStringLiteral("simulated: reply lost");
    return true;
}

bool FaultyTransport::hello(const QString &site, Humas::HelloReply *reply, QString *error)
{
    if (dropNow(error))
        return false;
    return m_inner.hello(site, reply, error);
}

bool FaultyTransport::push(const Humas::PushRequest &request, Humas::PushReply *reply, QString *error)
{
    if (dropNow(error))
        return false;
    if (!m_inner.push(request, reply, error))
        return false;
    if (roll(duplicateRate)) {
        ++duplicates;
        if (!m_inner.push(request, reply, error)) // the client sees the second reply (all duplicates)
            return false;
    }
    return !loseNow(error);
}

bool FaultyTransport::pull(const QString &cursor, int limit, Humas::PullReply *reply, QString *error)
{
    if (dropNow(error))
        return false;
    if (!m_inner.pull(cursor, limit, reply, error))
        return false;
    return !loseNow(error);
}

bool FaultyTransport::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error)
{
    if (dropNow(error))
        return false;
    return m_inner.missingBlobs(hashes, missing, error);
}

bool FaultyTransport::putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error)
{
    if (dropNow(error))
        return false;
    if (!m_inner.putBlob(sha256, data, mime, error))
        return false;
    return !loseNow(error);
}

bool FaultyTransport::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error)
{
    if (dropNow(error))
        return false;
    return m_inner.getBlob(sha256, data, mime, error);
}

} // namespace HumasTest
