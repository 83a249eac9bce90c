#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * One event as a printed agenda shows it: plain values, already resolved to names (venue,
 * kecamatan, official positions, OPD), so reports need no database.
 */
struct AgendaReportItem
{
    /** Start and end in UTC; the end is exclusive (half-open). */
    QDateTime start;
    QDateTime end;
    /** All-day events cover whole local days from start's date up to (not including) end's date. */
    bool allDay = false;
    QString title;
    QString venueName;
    QString kecamatanName;
    /** Positions of the officials attending (after delegation), e.g. "Bupati", "Wakil Bupati". */
    QStringList officialsAttending;
    /** Positions of the officials the organiser asked for; differs from attending when delegated. */
    QStringList officialsRequested;
    /** The organising OPD's name. */
    QString organiser;
    QString dressCode;
    bool speechNeeded = false;
    QString notes;
    /** The stored status code: "diajukan", "terjadwal", "selesai", "ditunda" or "dibatalkan". */
    QString status;

    /** Postponed and cancelled events are not printed. */
    bool isPrinted() const;
    /** True when an official asked for does not attend (diwakilkan). */
    bool isDelegated() const;
    /** Whether the event covers any part of the local day @p day in @p zone. */
    bool covers(const QDate &day, const QTimeZone &zone) const;
};

} // namespace Humas
