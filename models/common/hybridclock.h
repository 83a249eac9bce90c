#pragma once

#include <QMutex>
#include <QString>

namespace Humas {

class Clock;

/**
 * Hybrid logical clock (Kulkarni et al. 2014). Stamps are text that sorts in causal
 * order: 13 hex digits of physical milliseconds, '-', 4 hex digits of logical counter,
 * '-', the site id. Sync observes remote stamps so local stamps never fall behind them.
 */
class HybridClock
{
public:
    HybridClock(Clock *clock, QString siteId);

    /** A new stamp for a local event. */
    QString tick();
    /** Merge a stamp received from another site. Malformed stamps are ignored. */
    void observe(const QString &remoteStamp);

    static bool parse(const QString &stamp, qint64 *ms, int *logical, QString *site = nullptr);
    static QString format(qint64 ms, int logical, const QString &site);

private:
    Clock *m_clock;
    QString m_siteId;
    QMutex m_mutex;
    qint64 m_lastMs = 0;
    int m_logical = 0;
};

} // namespace Humas
