#pragma once

#include "sync/synctransport.h"

#include <QRandomGenerator>

namespace HumasTest {

/**
 * A SyncTransport wrapper that misbehaves like a network (Nextcloud desktop's
 * syncenginetestutils.h): with seeded probabilities it drops a request before the hub sees
 * it, loses the reply after the hub committed, or delivers a push twice. Deterministic for a
 * seed; no timing involved.
 */
class FaultyTransport : public Humas::SyncTransport
{
public:
    FaultyTransport(Humas::SyncTransport &inner, quint32 seed) : m_inner(inner), m_random(seed) {}

    double dropRate = 0.0;      ///< request never reaches the hub
    double loseReplyRate = 0.0; ///< hub did the work, the reply is lost
    double duplicateRate = 0.0; ///< the push reaches the hub twice

    int dropped = 0;
    int lostReplies = 0;
    int duplicates = 0;

    bool beginRound(QString *error) override { return m_inner.beginRound(error); }
    void endRound() override { m_inner.endRound(); }
    bool hello(const QString &site, Humas::HelloReply *reply, QString *error) override;
    bool push(const Humas::PushRequest &request, Humas::PushReply *reply, QString *error) override;
    bool pull(const QString &cursor, int limit, Humas::PullReply *reply, QString *error) override;
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) override;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) override;
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) override;

private:
    bool roll(double rate) { return rate > 0 && m_random.generateDouble() < rate; }
    bool dropNow(QString *error);
    bool loseNow(QString *error);

    Humas::SyncTransport &m_inner;
    QRandomGenerator m_random;
};

} // namespace HumasTest
