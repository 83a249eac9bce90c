#include "ppid/ppiddeadlinewatcher.h"

#include "common/logging.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "store/changefeed.h"
#include "store/database.h"

namespace Humas {

PpidDeadlineWatcher::PpidDeadlineWatcher(Database &db, Actor actor, QObject *parent)
    : QObject(parent), m_db(db), m_actor(std::move(actor))
{
    connect(m_db.changeFeed(), &ChangeFeed::committed, this, &PpidDeadlineWatcher::onCommitted);
}

void PpidDeadlineWatcher::onCommitted(const ChangeSet &changes)
{
    if (!changes.containsAny({QStringLiteral("holidays"), QStringLiteral("settings")}))
        return;
    // The recompute commits request rows, which come back here without holidays or settings.
    QString error;
    const int moved = PpidDeadlineRecompute::afterHolidaysChanged(m_db, m_actor.username, &error);
    if (moved < 0) {
        qCWarning(lcModels) << "recomputing PPID deadlines failed:" << error;
        Q_EMIT failed(error);
        return;
    }
    m_lastMoved = moved;
    Q_EMIT recomputed(moved);
}

} // namespace Humas
