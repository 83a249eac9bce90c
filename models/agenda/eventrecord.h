#pragma once

#include "agenda/eventspan.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * One stored agenda event (the `events` table) as a plain value.
 *
 * A timed event uses start/end (UTC, half-open [start, end)). An all-day event uses
 * firstDate/lastDate (local dates, last inclusive); EventRepository stores it as the span
 * from local midnight of the first day to local midnight after the last, in UTC, and fills
 * start/end with that span when reading.
 */
struct EventRecord
{
    QString id;
    int rev = 0;

    QString title;
    QString opdId; ///< organising OPD; empty when none
    QString picName;
    QString picPhone;
    QString letterNumber;
    QDate letterDate;
    QString letterBlob; ///< SHA-256 of the invitation scan in the blob store; empty when none

    QStringList officialsRequested; ///< official ids asked for by the invitation
    QStringList officialsAttending; ///< official ids who go (after delegation); empty = as requested
    QString venueId;

    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive
    bool allDay = false;
    QDate firstDate; ///< all-day only
    QDate lastDate;  ///< all-day only, inclusive

    EventSpan::Status status = EventSpan::Status::Diajukan;
    QString dressCode;
    bool speechNeeded = false;
    QString staff;
    bool isPublic = true;
    QString notes;

    bool isValid() const { return !id.isEmpty(); }
    /** The officials who go: officialsAttending, or officialsRequested when none are set. */
    QStringList attending() const;
};

} // namespace Humas
