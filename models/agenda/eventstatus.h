#pragma once

#include "agenda/eventspan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Humas {

/**
 * Codes, names and the allowed life cycle of EventSpan::Status (DOMAIN.md "Agenda"):
 * diajukan → terjadwal → selesai; diajukan and terjadwal may also go to ditunda or
 * dibatalkan; a postponed event goes back to diajukan or terjadwal. Everything else,
 * including anything out of selesai or dibatalkan, is refused.
 */
class EventStatus
{
    Q_DECLARE_TR_FUNCTIONS(Humas::EventStatus)
public:
    using Status = EventSpan::Status;

    static QList<Status> all();
    /** The stored code: "diajukan", "terjadwal", "selesai", "ditunda" or "dibatalkan". */
    static QString code(Status status);
    /** Parses a stored code; returns false for an unknown code. */
    static bool fromCode(const QString &code, Status *status);
    /** Translated name for the UI. */
    static QString displayName(Status status);
    /** Whether an event may go from @p from to @p to (a status never "moves" to itself). */
    static bool canTransition(Status from, Status to);
    /** Translated reason why @p from → @p to is refused. */
    static QString transitionError(Status from, Status to);
};

} // namespace Humas
