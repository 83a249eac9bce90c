#pragma once

// A fault harness for sync (issue 9 part 5), in the spirit of Nextcloud desktop's
// test/syncenginetestutils.h (fake replies that fail, hang or get lost): a SyncTransport that
// wraps the real one and, driven by a seeded QRandomGenerator, drops requests before they reach
// the hub, loses replies after the hub committed, delivers requests twice, and holds pushes back
// to deliver them later (after newer requests: reordering). Every fault is reported to the
// engine as an unreachable hub, which is what a client sees of all of them.

#include "sync/synctransport.h"

#include <QList>
#include <QRandomGenerator>

#include <functional>

namespace HumasTest {

struct FaultRates
{
    double drop = 0;      ///< the request never reaches the hub
    double lostReply = 0; ///< the hub handles (and commits) the request, the reply is lost
    double duplicate = 0; ///< the hub gets the request twice; the client sees one of the replies
    double delay = 0;     ///< a push (or blob upload) is held and delivered later, out of order
};

struct FaultCounts
{
    int requests = 0;
    int dropped = 0;
    int lostReplies = 0;
    int duplicated = 0;
    int delayed = 0;
    int deliveredLate = 0;
};

class FaultInjectingTransport : public Humas::SyncTransport
{
public:
    /** Called for every push the inner hub answered (also when the client never sees the reply). */
    using PushObserver = std::function<void(const Humas::PushRequest &, const Humas::PushReply &)>;

    FaultInjectingTransport(Humas::SyncTransport &inner, quint32 seed, FaultRates rates = {});

    void setRates(const FaultRates &rates) { m_rates = rates; }
    FaultRates rates() const { return m_rates; }
    void setPushObserver(PushObserver observer) { m_observer = std::move(observer); }
    const FaultCounts &counts() const { return m_counts; }
    /** Requests held back and not yet delivered. */
    int heldCount() const { return int(m_held.size()); }
    /** Delivers every held request now, in random order (their replies go nowhere). */
    bool deliverHeld(QString *error);

    bool beginRound(QString *error) override;
    void endRound() override;
    bool hello(const QString &site, Humas::HelloReply *reply, QString *error) override;
    bool push(const Humas::PushRequest &request, Humas::PushReply *reply, QString *error) override;
    bool pull(const QString &cursor, int limit, Humas::PullReply *reply, QString *error) override;
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) override;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) override;
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) override;

private:
    enum class Fault { None, Drop, LostReply, Duplicate, Delay };
    struct Held
    {
        bool isPush = true;
        Humas::PushRequest push;
        QString sha256;
        QByteArray data;
        QString mime;
    };

    Fault draw(bool mayDelay);
    bool failed(QString *error, const char *what);
    /** Delivers some held requests (each with probability 1/2) after the current one: they overtake nothing. */
    void maybeDeliverHeld(int count);
    /** Calls maybeDeliverHeld() when the current request is done (whatever it returned). */
    struct HeldAfter
    {
        explicit HeldAfter(FaultInjectingTransport *t) : t(t), before(int(t->m_held.size())) {}
        ~HeldAfter()
        {
            if (before > 0)
                t->maybeDeliverHeld(before);
        }
        FaultInjectingTransport *t;
        int before;
    };
    bool deliver(Held &held, QString *error);
    bool innerPush(const Humas::PushRequest &request, Humas::PushReply *reply, QString *error);

    Humas::SyncTransport &m_inner;
    QRandomGenerator m_rng;
    FaultRates m_rates;
    FaultCounts m_counts;
    PushObserver m_observer;
    QList<Held> m_held;
};

} // namespace HumasTest
