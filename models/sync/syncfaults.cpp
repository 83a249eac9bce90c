#include "sync/syncfaults.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <csignal>
#include <cstdlib>

namespace Humas {

namespace {

struct KillPlan
{
    QMutex mutex;
    bool loaded = false;
    QByteArray name;
    int nth = 1;
    QHash<QByteArray, int> seen;
};

KillPlan &plan()
{
    static KillPlan p;
    return p;
}

void load(KillPlan &p)
{
    p.loaded = true;
    p.name.clear();
    p.nth = 1;
    p.seen.clear();
    const QByteArray spec = qgetenv("HUMAS_SYNC_KILL_AT");
    if (spec.isEmpty())
        return;
    const int colon = spec.indexOf(':');
    p.name = colon < 0 ? spec : spec.left(colon);
    if (colon >= 0) {
        bool ok = false;
        const int n = spec.mid(colon + 1).toInt(&ok);
        p.nth = ok && n > 0 ? n : 1;
    }
}

} // namespace

void SyncFaults::reached(const char *name)
{
    KillPlan &p = plan();
    QMutexLocker lock(&p.mutex);
    if (!p.loaded)
        load(p);
    if (p.name.isEmpty() || p.name != name)
        return;
    if (++p.seen[p.name] < p.nth)
        return;
#ifdef SIGKILL
    std::raise(SIGKILL);
#endif
    std::_Exit(137); // platforms without SIGKILL: end at once, without clean-up
}

void SyncFaults::reset()
{
    KillPlan &p = plan();
    QMutexLocker lock(&p.mutex);
    load(p);
}

} // namespace Humas
