#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * The part of an agenda event that conflict detection and free-slot search need: when it
 * happens, who attends and where. A plain value type with no database behind it.
 *
 * Times are UTC milliseconds since the epoch over the half-open interval [start, end): an
 * event ending 10.00 does not touch one starting 10.00. An all-day (or multi-day) event is
 * stored with its first and last local date and blocks [local midnight of the first day,
 * local midnight after the last day), converted with the regency's fixed UTC offset
 * (WIB/WITA/WIT have no daylight saving time).
 */
class EventSpan
{
public:
    /** Life cycle of an event (DOMAIN.md "Agenda"). */
    enum class Status {
        Diajukan,   ///< submitted
        Terjadwal,  ///< scheduled
        Selesai,    ///< done
        Ditunda,    ///< postponed: never clashes
        Dibatalkan, ///< cancelled: never clashes
    };

    EventSpan() = default;
    /** A timed event over [startMs, endMs) in UTC milliseconds. */
    EventSpan(const QString &id, qint64 startMs, qint64 endMs);

    /** A timed event over [startMs, endMs) in UTC milliseconds. */
    static EventSpan timed(const QString &id, qint64 startMs, qint64 endMs);
    /**
     * An all-day event covering the local dates firstDate..lastDate (inclusive) in a zone
     * @p utcOffsetSeconds east of UTC (WITA = 8 * 3600).
     */
    static EventSpan allDay(const QString &id, const QDate &firstDate, const QDate &lastDate, int utcOffsetSeconds);
    /** UTC milliseconds of local midnight starting @p date in a zone @p utcOffsetSeconds east of UTC. */
    static qint64 localMidnightMs(const QDate &date, int utcOffsetSeconds);

    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }

    /** Start of the blocked interval, UTC milliseconds (inclusive). */
    qint64 startMs() const { return m_startMs; }
    /** End of the blocked interval, UTC milliseconds (exclusive). */
    qint64 endMs() const { return m_endMs; }
    /** Makes the event timed over [startMs, endMs); clears the all-day flag. */
    void setTimes(qint64 startMs, qint64 endMs);
    /** Makes the event all-day over the local dates firstDate..lastDate (see allDay()). */
    void setAllDay(const QDate &firstDate, const QDate &lastDate, int utcOffsetSeconds);

    bool isAllDay() const { return m_allDay; }
    /** First local date of an all-day event; invalid for a timed event. */
    QDate firstDate() const { return m_firstDate; }
    /** Last local date (inclusive) of an all-day event; invalid for a timed event. */
    QDate lastDate() const { return m_lastDate; }

    Status status() const { return m_status; }
    void setStatus(Status status) { m_status = status; }
    /**
     * Whether the event can clash at all: postponed and cancelled events never do, nor does
     * an empty interval (end not after start).
     */
    bool canClash() const;

    /**
     * The officials who actually attend. After a delegation (diwakilkan) this already holds
     * the representative, not the official originally requested.
     */
    QStringList attendingOfficials() const { return m_officials; }
    void setAttendingOfficials(const QStringList &officialIds) { m_officials = officialIds; }

    /** Venue id; empty when unknown (an unknown venue never causes a venue clash). */
    QString venueId() const { return m_venueId; }
    void setVenueId(const QString &venueId) { m_venueId = venueId; }

    /** Kecamatan id of the venue; empty when unknown. */
    QString kecamatanId() const { return m_kecamatanId; }
    void setKecamatanId(const QString &kecamatanId) { m_kecamatanId = kecamatanId; }

    /** Whether the two half-open intervals share at least one instant. */
    bool overlaps(const EventSpan &other) const { return m_startMs < other.m_endMs && other.m_startMs < m_endMs; }

private:
    QString m_id;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    bool m_allDay = false;
    QDate m_firstDate;
    QDate m_lastDate;
    Status m_status = Status::Terjadwal;
    QStringList m_officials;
    QString m_venueId;
    QString m_kecamatanId;
};

} // namespace Humas
