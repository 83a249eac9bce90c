#pragma once

#include "auth/role.h"

#include <QObject>

namespace Humas {

class ChangeSet;
class Database;

/**
 * Keeps the PPID deadlines in step with the working days: after every commit of @p db that
 * touched holidays or settings (a Data Master edit, a holiday import, the cuti-bersama
 * setting, rows that arrived by sync), it runs PpidDeadlineRecompute::afterHolidaysChanged,
 * which does nothing when the working-day fingerprint is unchanged. So models/master and
 * models/settings need not know that PPID deadlines exist.
 *
 * The program's main window and the CLI commands that write holidays or settings create one
 * per database; the moves are recorded in the requests' history under @p actor's name.
 * Only commits on this connection are seen (another Database object on the same file is a
 * different connection).
 */
class PpidDeadlineWatcher : public QObject
{
    Q_OBJECT
public:
    PpidDeadlineWatcher(Database &db, Actor actor, QObject *parent = nullptr);

    /** Deadlines moved by the most recent recompute this watcher ran (0 when none moved). */
    int lastMoved() const { return m_lastMoved; }

Q_SIGNALS:
    /** A recompute ran after a holidays or settings commit and moved @p moved deadlines (≥ 0). */
    void recomputed(int moved);
    /** A recompute failed; the deadlines stay as they were until the next change. */
    void failed(const QString &error);

private:
    void onCommitted(const ChangeSet &changes);

    Database &m_db;
    Actor m_actor;
    int m_lastMoved = 0;
};

} // namespace Humas
