#include "agenda/eventformtimes.h"

#include "agenda/eventrepository.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace HumasUi {

namespace {

QString timeFormat()
{
    // Indonesian writes 08.00, English 08:00 (as DateText does).
    return QLocale().language() == QLocale::Indonesian ? QStringLiteral("HH.mm") : QStringLiteral("HH:mm");
}

} // namespace

EventFormTimes::EventFormTimes(const Humas::EventRepository &repository, const QString &zoneCode, QWidget *parent)
    : QWidget(parent), m_repository(repository)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    m_allDay = new QCheckBox(tr("&All day (one or more whole days)"), this);
    m_allDay->setObjectName(QStringLiteral("allDayCheck"));
    column->addWidget(m_allDay);
    m_stack = new QStackedWidget(this);
    column->addWidget(m_stack);

    auto *timed = new QWidget(m_stack);
    auto *timedRow = new QHBoxLayout(timed);
    timedRow->setContentsMargins(0, 0, 0, 0);
    m_start = new QDateTimeEdit(timed);
    m_start->setObjectName(QStringLiteral("startEdit"));
    m_start->setAccessibleName(tr("Start"));
    m_end = new QDateTimeEdit(timed);
    m_end->setObjectName(QStringLiteral("endEdit"));
    m_end->setAccessibleName(tr("End"));
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("ddd, dd/MM/yyyy  ") + timeFormat());
        edit->setCalendarPopup(true);
    }
    timedRow->addWidget(m_start, 1);
    timedRow->addWidget(new QLabel(tr("until"), timed));
    timedRow->addWidget(m_end, 1);
    timedRow->addWidget(new QLabel(zoneCode, timed));

    auto *allDay = new QWidget(m_stack);
    auto *allDayRow = new QHBoxLayout(allDay);
    allDayRow->setContentsMargins(0, 0, 0, 0);
    m_firstDate = new QDateEdit(allDay);
    m_firstDate->setObjectName(QStringLiteral("firstDateEdit"));
    m_firstDate->setAccessibleName(tr("First day"));
    m_lastDate = new QDateEdit(allDay);
    m_lastDate->setObjectName(QStringLiteral("lastDateEdit"));
    m_lastDate->setAccessibleName(tr("Last day"));
    for (QDateEdit *edit : {m_firstDate, m_lastDate}) {
        edit->setDisplayFormat(QStringLiteral("ddd, dd/MM/yyyy"));
        edit->setCalendarPopup(true);
    }
    allDayRow->addWidget(m_firstDate, 1);
    allDayRow->addWidget(new QLabel(tr("until"), allDay));
    allDayRow->addWidget(m_lastDate, 1);
    allDayRow->addStretch();

    m_stack->addWidget(timed);
    m_stack->addWidget(allDay);

    connect(m_allDay, &QCheckBox::toggled, this, &EventFormTimes::onAllDayToggled);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &EventFormTimes::onStartChanged);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, [this] {
        const qint64 secs = m_start->dateTime().secsTo(m_end->dateTime());
        if (secs > 0)
            m_durationSecs = secs;
        changed();
    });
    connect(m_firstDate, &QDateEdit::dateChanged, this, [this](const QDate &first) {
        if (m_lastDate->date() < first)
            m_lastDate->setDate(first);
        changed();
    });
    connect(m_lastDate, &QDateEdit::dateChanged, this, &EventFormTimes::changed);
}

void EventFormTimes::load(const Humas::EventRecord &event, const QDateTime &fallbackStartUtc)
{
    m_loading = true;
    QDateTime start = toWallClock(fallbackStartUtc);
    QDateTime end = start.addSecs(3600);
    if (!event.allDay && event.start.isValid() && event.end.isValid()) {
        start = toWallClock(event.start);
        end = toWallClock(event.end);
    }
    const QDate first = event.allDay && event.firstDate.isValid() ? event.firstDate : start.date();
    const QDate last = event.allDay && event.lastDate.isValid() ? event.lastDate : first;
    if (event.allDay) {
        start = QDateTime(first, start.time(), Qt::UTC);
        end = start.addSecs(3600);
    }
    m_start->setDateTime(start);
    m_end->setDateTime(end);
    m_durationSecs = std::max<qint64>(start.secsTo(end), 60);
    m_firstDate->setDate(first);
    m_lastDate->setDate(last);
    m_allDay->setChecked(event.allDay);
    m_stack->setCurrentIndex(event.allDay ? 1 : 0);
    m_loading = false;
}

void EventFormTimes::apply(Humas::EventRecord *e) const
{
    e->allDay = m_allDay->isChecked();
    if (e->allDay) {
        e->firstDate = m_firstDate->date();
        e->lastDate = m_lastDate->date();
        e->start = m_repository.localToUtc(e->firstDate, QTime(0, 0));
        e->end = m_repository.localToUtc(e->lastDate.addDays(1), QTime(0, 0));
    } else {
        e->firstDate = {};
        e->lastDate = {};
        e->start = toUtc(m_start->dateTime());
        e->end = toUtc(m_end->dateTime());
    }
}

void EventFormTimes::setTimes(const QDateTime &startUtc, const QDateTime &endUtc)
{
    m_loading = true;
    m_allDay->setChecked(false);
    m_start->setDateTime(toWallClock(startUtc));
    m_end->setDateTime(toWallClock(endUtc));
    m_durationSecs = std::max<qint64>(startUtc.secsTo(endUtc), 60);
    m_loading = false;
    Q_EMIT timesChanged();
}

bool EventFormTimes::isAllDay() const
{
    return m_allDay->isChecked();
}

void EventFormTimes::changed()
{
    if (!m_loading)
        Q_EMIT timesChanged();
}

void EventFormTimes::onStartChanged()
{
    if (m_loading)
        return;
    // Moving the start keeps the length, as calendars do.
    m_loading = true;
    m_end->setDateTime(m_start->dateTime().addSecs(m_durationSecs));
    m_loading = false;
    Q_EMIT timesChanged();
}

void EventFormTimes::onAllDayToggled(bool allDay)
{
    m_stack->setCurrentIndex(allDay ? 1 : 0);
    if (m_loading)
        return;
    m_loading = true;
    if (allDay) {
        m_firstDate->setDate(m_start->date());
        m_lastDate->setDate(std::max(m_start->date(), m_end->dateTime().addSecs(-1).date()));
    } else {
        m_start->setDateTime(QDateTime(m_firstDate->date(), m_start->time(), Qt::UTC));
        m_end->setDateTime(m_start->dateTime().addSecs(m_durationSecs));
    }
    m_loading = false;
    Q_EMIT timesChanged();
}

QDateTime EventFormTimes::toUtc(const QDateTime &wallClock) const
{
    return m_repository.localToUtc(wallClock.date(), wallClock.time());
}

QDateTime EventFormTimes::toWallClock(const QDateTime &utc) const
{
    const QDateTime local = m_repository.utcToLocal(utc);
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

} // namespace HumasUi
