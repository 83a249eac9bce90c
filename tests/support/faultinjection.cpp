#include "faultinjection.h"

#include <utility>

namespace HumasTest {

using namespace Humas;

FaultInjectingTransport::FaultInjectingTransport(SyncTransport &inner, quint32 seed, FaultRates rates)
    : m_inner(inner), m_rng(seed), m_rates(rates)
{
}

FaultInjectingTransport::Fault FaultInjectingTransport::draw(bool mayDelay)
{
    ++m_counts.requests;
    const double x = m_rng.generateDouble();
    double edge = m_rates.drop;
    if (x < edge)
        return Fault::Drop;
    edge += m_rates.lostReply;
    if (x < edge)
        return Fault::LostReply;
    edge += m_rates.duplicate;
    if (x < edge)
        return Fault::Duplicate;
    edge += m_rates.delay;
    if (mayDelay && x < edge)
        return Fault::Delay;
    return Fault::None;
}

bool FaultInjectingTransport::failed(QString *error, const char *what)
{
    if (error)
        *error = QString::fromLatin1("fault injected: %1").arg(QLatin1String(what));
    return false;
}

bool FaultInjectingTransport::innerPush(const PushRequest &request, PushReply *reply, QString *error)
{
    if (!m_inner.push(request, reply, error))
        return false;
    if (m_observer)
        m_observer(request, *reply);
    return true;
}

bool FaultInjectingTransport::deliver(Held &held, QString *error)
{
    ++m_counts.deliveredLate;
    if (held.isPush) {
        PushReply ignored;
        return innerPush(held.push, &ignored, error);
    }
    return m_inner.putBlob(held.sha256, held.data, held.mime, error);
}

void FaultInjectingTransport::maybeDeliverHeld(int count)
{
    // Only the @p count requests held before the current one; their replies go nowhere.
    QList<Held> stay;
    const QList<Held> older = m_held.mid(0, count);
    const QList<Held> newer = m_held.mid(count);
    m_held.clear();
    for (Held h : older) {
        QString ignored;
        if (m_rng.bounded(2) == 0 || !deliver(h, &ignored))
            stay << h;
    }
    m_held = stay + newer + m_held;
}

bool FaultInjectingTransport::deliverHeld(QString *error)
{
    while (!m_held.isEmpty()) {
        Held held = m_held.takeAt(int(m_rng.bounded(quint32(m_held.size()))));
        if (!deliver(held, error))
            return false;
    }
    return true;
}

bool FaultInjectingTransport::beginRound(QString *error)
{
    return m_inner.beginRound(error);
}

void FaultInjectingTransport::endRound()
{
    m_inner.endRound();
}

bool FaultInjectingTransport::hello(const QString &site, HelloReply *reply, QString *error)
{
    const HeldAfter later(this);
    switch (draw(false)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "hello dropped");
    case Fault::LostReply: {
        ++m_counts.lostReplies;
        HelloReply lost;
        m_inner.hello(site, &lost, error);
        return failed(error, "hello reply lost");
    }
    case Fault::Duplicate: {
        ++m_counts.duplicated;
        HelloReply first;
        if (!m_inner.hello(site, &first, error))
            return false;
        return m_inner.hello(site, reply, error);
    }
    default:
        return m_inner.hello(site, reply, error);
    }
}

bool FaultInjectingTransport::push(const PushRequest &request, PushReply *reply, QString *error)
{
    const HeldAfter later(this);
    switch (draw(true)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "push dropped");
    case Fault::LostReply: {
        ++m_counts.lostReplies;
        PushReply lost;
        if (!innerPush(request, &lost, error))
            return false;
        return failed(error, "push reply lost");
    }
    case Fault::Duplicate: {
        ++m_counts.duplicated;
        PushReply first, second;
        if (!innerPush(request, &first, error) || !innerPush(request, &second, error))
            return false;
        // The client sees whichever reply comes back first.
        *reply = m_rng.bounded(2) == 0 ? first : second;
        return true;
    }
    case Fault::Delay: {
        ++m_counts.delayed;
        Held held;
        held.isPush = true;
        held.push = request;
        m_held << held;
        return failed(error, "push timed out (held back)");
    }
    case Fault::None:
        break;
    }
    return innerPush(request, reply, error);
}

bool FaultInjectingTransport::pull(const QString &cursor, int limit, PullReply *reply, QString *error)
{
    const HeldAfter later(this);
    switch (draw(false)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "pull dropped");
    case Fault::LostReply: {
        ++m_counts.lostReplies;
        PullReply lost;
        m_inner.pull(cursor, limit, &lost, error);
        return failed(error, "pull reply lost");
    }
    case Fault::Duplicate: {
        ++m_counts.duplicated;
        PullReply first;
        if (!m_inner.pull(cursor, limit, &first, error))
            return false;
        return m_inner.pull(cursor, limit, reply, error);
    }
    default:
        return m_inner.pull(cursor, limit, reply, error);
    }
}

bool FaultInjectingTransport::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error)
{
    switch (draw(false)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "missing-blobs dropped");
    case Fault::LostReply: {
        ++m_counts.lostReplies;
        QStringList lost;
        m_inner.missingBlobs(hashes, &lost, error);
        return failed(error, "missing-blobs reply lost");
    }
    default:
        return m_inner.missingBlobs(hashes, missing, error);
    }
}

bool FaultInjectingTransport::putBlob(const QString &sha256, const QByteArray &data, const QString &mime,
                                      QString *error)
{
    switch (draw(true)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "blob upload dropped");
    case Fault::LostReply:
        ++m_counts.lostReplies;
        m_inner.putBlob(sha256, data, mime, error);
        return failed(error, "blob upload reply lost");
    case Fault::Duplicate:
        ++m_counts.duplicated;
        if (!m_inner.putBlob(sha256, data, mime, error))
            return false;
        return m_inner.putBlob(sha256, data, mime, error);
    case Fault::Delay: {
        ++m_counts.delayed;
        Held held;
        held.isPush = false;
        held.sha256 = sha256;
        held.data = data;
        held.mime = mime;
        m_held << held;
        return failed(error, "blob upload timed out (held back)");
    }
    case Fault::None:
        break;
    }
    return m_inner.putBlob(sha256, data, mime, error);
}

bool FaultInjectingTransport::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error)
{
    switch (draw(false)) {
    case Fault::Drop:
        ++m_counts.dropped;
        return failed(error, "blob download dropped");
    case Fault::LostReply: {
        ++m_counts.lostReplies;
        QByteArray lost;
        QString lostMime;
        m_inner.getBlob(sha256, &lost, &lostMime, error);
        return failed(error, "blob download reply lost");
    }
    default:
        return m_inner.getBlob(sha256, data, mime, error);
    }
}

} // namespace HumasTest
