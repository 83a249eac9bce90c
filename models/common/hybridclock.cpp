#include "hybridclock.h"

#include "clock.h"

#include <QStringList>

#include <cstdio>

namespace Humas {

HybridClock::HybridClock(Clock *clock, QString siteId) : m_clock(clock), m_siteId(std::move(siteId)) {}

QString HybridClock::tick()
{
    QMutexLocker lock(&m_mutex);
    const qint64 physical = m_clock->nowUtc().toMSecsSinceEpoch();
    if (physical > m_lastMs) {
        m_lastMs = physical;
        m_logical = 0;
    } else {
        ++m_logical;
    }
    return format(m_lastMs, m_logical, m_siteId);
}

void HybridClock::observe(const QString &remoteStamp)
{
    qint64 remoteMs = 0;
    int remoteLogical = 0;
    if (!parse(remoteStamp, &remoteMs, &remoteLogical))
        return;
    QMutexLocker lock(&m_mutex);
    const qint64 physical = m_clock->nowUtc().toMSecsSinceEpoch();
    const qint64 newMs = std::max({m_lastMs, remoteMs, physical});
    if (newMs == m_lastMs && newMs == remoteMs)
        m_logical = std::max(m_logical, remoteLogical) + 1;
    else if (newMs == m_lastMs)
        ++m_logical;
    else if (newMs == remoteMs)
        m_logical = remoteLogical + 1;
    else
        m_logical = 0;
    m_lastMs = newMs;
}

bool HybridClock::parse(const QString &stamp, qint64 *ms, int *logical, QString *site)
{
    const int first = stamp.indexOf(QLatin1Char('-'));
    const int second = stamp.indexOf(QLatin1Char('-'), first + 1);
    if (first != 13 || second != 18)
        return false;
    bool ok1 = false;
    bool ok2 = false;
    const qint64 m = stamp.left(13).toLongLong(&ok1, 16);
    const int l = stamp.mid(14, 4).toInt(&ok2, 16);
    if (!ok1 || !ok2)
        return false;
    if (ms)
        *ms = m;
    if (logical)
        *logical = l;
    if (site)
        *site = stamp.mid(19);
    return true;
}

QString HybridClock::format(qint64 ms, int logical, const QString &site)
{
    // Every write stamps one, so this avoids QString::arg's generic machinery.
    char buffer[24];
    const int n = std::snprintf(buffer, sizeof buffer, "%013llx-%04x-", static_cast<unsigned long long>(ms),
                                static_cast<unsigned>(logical & 0xffff));
    return QString::fromLatin1(buffer, n) + site;
}

} // namespace Humas
