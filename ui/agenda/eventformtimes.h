#pragma once

#include "agenda/eventrecord.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QDateTimeEdit;
class QStackedWidget;

namespace Humas {
class EventRepository;
}

namespace HumasUi {

/**
 * When an event takes place: start and end ("startEdit", "endEdit") in the regency's local
 * wall-clock time with its zone code beside them, or all day from a first to a last date
 * ("allDayCheck", "firstDateEdit", "lastDateEdit"). Moving the start keeps the length.
 *
 * The edits hold local wall-clock time with Qt::UTC as their spec, so the computer's own time
 * zone (and its daylight saving time) never shifts them; EventRepository converts with the
 * regency's fixed offset.
 */
class EventFormTimes : public QWidget
{
    Q_OBJECT
public:
    EventFormTimes(const Humas::EventRepository &repository, const QString &zoneCode, QWidget *parent = nullptr);

    /** Loads the times of @p event; @p fallbackStartUtc is used when it has none (a new event). */
    void load(const Humas::EventRecord &event, const QDateTime &fallbackStartUtc);
    /** Writes allDay, firstDate/lastDate and start/end (UTC) into @p event. */
    void apply(Humas::EventRecord *event) const;
    /** Sets a timed span (UTC); turns all-day off. */
    void setTimes(const QDateTime &startUtc, const QDateTime &endUtc);
    bool isAllDay() const;

Q_SIGNALS:
    void timesChanged();

private:
    void onStartChanged();
    void onAllDayToggled(bool allDay);
    void changed();
    QDateTime toUtc(const QDateTime &wallClock) const;
    QDateTime toWallClock(const QDateTime &utc) const;

    const Humas::EventRepository &m_repository;
    QCheckBox *m_allDay = nullptr;
    QStackedWidget *m_stack = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QDateEdit *m_firstDate = nullptr;
    QDateEdit *m_lastDate = nullptr;
    qint64 m_durationSecs = 3600;
    bool m_loading = false;
};

} // namespace HumasUi
