#include "uuid7.h"

#include "clock.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

namespace Humas {

namespace {

struct Uuid7State
{
    QMutex mutex;
    qint64 lastMs = -1;
    quint32 counter = 0; // 12 bits used
};

Uuid7State &state()
{
    static Uuid7State s;
    return s;
}

QUuid build(qint64 ms, quint32 counter)
{
    QRandomGenerator *rng = QRandomGenerator::system();
    const quint64 randB = rng->generate64();
    // QUuid::Id128Bytes arrived in Qt 6.6; build the RFC 4122 byte string instead.
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((quint64(ms) >> (8 * (5 - i))) & 0xff);
    bytes[6] = char(0x70 | ((counter >> 8) & 0x0f));
    bytes[7] = char(counter & 0xff);
    bytes[8] = char(0x80 | ((randB >> 56) & 0x3f));
    for (int i = 9; i < 16; ++i)
        bytes[i] = char((randB >> (8 * (15 - i))) & 0xff);
    return QUuid::fromRfc4122(bytes);
}

} // namespace

QUuid Uuid7::create()
{
    return createAt(Clock::instance()->nowUtc().toMSecsSinceEpoch());
}

QString Uuid7::createString()
{
    return create().toString(QUuid::WithoutBraces);
}

QUuid Uuid7::createAt(qint64 unixMs)
{
    Uuid7State &s = state();
    QMutexLocker lock(&s.mutex);
    qint64 ms = unixMs;
    if (ms > s.lastMs) {
        s.lastMs = ms;
        // Start each millisecond low in the counter space so that many ids fit.
        s.counter = QRandomGenerator::system()->bounded(0x200u);
    } else {
        ms = s.lastMs; // clock went back or same millisecond: stay monotonic
        if (++s.counter > 0xfff) {
            s.lastMs = ++ms;
            s.counter = 0;
        }
    }
    return build(ms, s.counter);
}

QUuid Uuid7::encode(qint64 unixMs, quint32 counter)
{
    return build(unixMs, counter & 0xfff);
}

namespace {
// QUuid::version() only knows versions 1–5 before Qt 6.9, so read the nibble ourselves.
int versionOf(const QByteArray &rfc4122)
{
    return (quint8(rfc4122.at(6)) >> 4) & 0x0f;
}
} // namespace

qint64 Uuid7::timestampOf(const QUuid &id)
{
    const QByteArray b = id.toRfc4122();
    if (id.isNull() || versionOf(b) != 7 || id.variant() != QUuid::DCE)
        return -1;
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | quint8(b.at(i));
    return ms;
}

bool Uuid7::isValid(const QString &text)
{
    if (text.size() != 36)
        return false;
    const QUuid id = QUuid::fromString(text);
    return timestampOf(id) >= 0 && id.toString(QUuid::WithoutBraces) == text;
}

} // namespace Humas
