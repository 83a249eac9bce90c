#include "agenda/eventspan.h"

namespace Humas {

namespace {
constexpr qint64 MsPerDay = 24 * 60 * 60 * 1000LL;
} // namespace

EventSpan::EventSpan(const QString &id, qint64 startMs, qint64 endMs) : m_id(id), m_startMs(startMs), m_endMs(endMs) {}

EventSpan EventSpan::timed(const QString &id, qint64 startMs, qint64 endMs)
{
    return EventSpan(id, startMs, endMs);
}

EventSpan EventSpan::allDay(const QString &id, const QDate &firstDate, const QDate &lastDate, int utcOffsetSeconds)
{
    EventSpan span;
    span.setId(id);
    span.setAllDay(firstDate, lastDate, utcOffsetSeconds);
    return span;
}

qint64 EventSpan::localMidnightMs(const QDate &date, int utcOffsetSeconds)
{
    static const qint64 epochJulianDay = QDate(1970, 1, 1).toJulianDay();
    return (date.toJulianDay() - epochJulianDay) * MsPerDay - qint64(utcOffsetSeconds) * 1000;
}

void EventSpan::setTimes(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
    m_allDay = false;
    m_firstDate = QDate();
    m_lastDate = QDate();
}

void EventSpan::setAllDay(const QDate &firstDate, const QDate &lastDate, int utcOffsetSeconds)
{
    m_allDay = true;
    m_firstDate = firstDate;
    m_lastDate = lastDate.isValid() ? lastDate : firstDate;
    m_startMs = localMidnightMs(m_firstDate, utcOffsetSeconds);
    m_endMs = localMidnightMs(m_lastDate.addDays(1), utcOffsetSeconds);
}

bool EventSpan::canClash() const
{
    return m_status != Status::Ditunda && m_status != Status::Dibatalkan && m_endMs > m_startMs;
}

} // namespace Humas
