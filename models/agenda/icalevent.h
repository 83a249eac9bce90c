#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * One calendar event as exchanged through iCalendar (RFC 5545): what IcalReader produces and
 * IcalWriter consumes. A plain value type with no tie to the database; the importer maps it
 * to the events table.
 *
 * Timed events carry start and end as QDateTime in UTC, a fixed offset or a time zone; two
 * events compare equal when their times denote the same instants. All-day events (DATE values)
 * carry midnight of their first day and midnight after their last day (the end is exclusive, as
 * in iCalendar); use firstDay() and lastDay() for the inclusive range.
 */
struct IcalEvent
{
    /** STATUS of a VEVENT; Unspecified when the property is absent. */
    enum class Status { Unspecified, Tentative, Confirmed, Cancelled };
    /** CLASS of a VEVENT; PUBLIC is the iCalendar default. */
    enum class Classification { Public, Private, Confidential };

    QString uid;
    QString summary;
    QString description;
    QString location;
    QDateTime start;
    /** Exclusive end; for all-day events midnight after the last day. */
    QDateTime end;
    bool allDay = false;
    Status status = Status::Unspecified;
    Classification classification = Classification::Public;
    /** Official codes, carried in X-HUMAS-OFFICIALS. */
    QStringList officials;
    /** Organising OPD code, carried in X-HUMAS-OPD. */
    QString opd;
    QDateTime lastModified;
    QDateTime dtstamp;

    /** First day of an all-day event (the start date for timed events). */
    QDate firstDay() const;
    /** Last day of an all-day event, inclusive (never before firstDay()). */
    QDate lastDay() const;
    /** Makes this an all-day event covering @p first to @p last inclusive. */
    void setAllDayRange(const QDate &first, const QDate &last);
    /** True when the event may appear in the public agenda (CLASS:PUBLIC). */
    bool isPublic() const { return classification == Classification::Public; }

    friend bool operator==(const IcalEvent &a, const IcalEvent &b);
    friend bool operator!=(const IcalEvent &a, const IcalEvent &b) { return !(a == b); }
};

} // namespace Humas
