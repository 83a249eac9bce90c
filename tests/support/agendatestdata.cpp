#include "agendatestdata.h"

#include "agenda/eventrepository.h"
#include "master/referencerepositories.h"
#include "store/database.h"

#include <QDebug>
#include <QSqlQuery>
#include <QTime>

namespace HumasTest {

using namespace Humas;

AgendaTestData::AgendaTestData(Database &db) : m_db(db) {}

QString AgendaTestData::id(const QString &table, const QString &field, const QString &value) const
{
    // @p table and @p field are the tests' own constants, never user input.
    QSqlQuery q(m_db.connection());
    q.prepare("SELECT id FROM " + table + " WHERE deleted = 0 AND " + field + " = ?");
    q.addBindValue(value);
    if (!q.exec() || !q.next()) {
        qWarning() << "no" << table << value;
        return {};
    }
    return q.value(0).toString();
}

QString AgendaTestData::venue(const QString &name, const QString &kecamatan) const
{
    VenueRepository venues(m_db, Actor::system());
    QString venueId;
    QString error;
    if (!venues.insert({{"name", name}, {"kecamatan_id", id("kecamatan", "name", kecamatan)}}, &venueId, &error))
        qWarning() << "venue:" << error;
    return venueId;
}

EventRecord AgendaTestData::timed(const QString &title, const QDate &day, const QString &from, const QString &to,
                                  const QStringList &officialCodes, const QString &venueId,
                                  EventSpan::Status status) const
{
    const EventRepository repo(m_db, Actor::system());
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, QTime::fromString(from, "HH:mm"));
    e.end = repo.localToUtc(day, QTime::fromString(to, "HH:mm"));
    for (const QString &code : officialCodes)
        e.officialsRequested << official(code);
    e.venueId = venueId;
    e.status = status;
    return e;
}

QString AgendaTestData::add(EventRecord event, const Actor &actor) const
{
    EventRepository repo(m_db, actor);
    QString error;
    if (!repo.add(&event, &error)) {
        qWarning() << "add:" << error;
        return {};
    }
    return event.id;
}

QString AgendaTestData::add(const QString &title, const QDate &day, const QString &from, const QString &to,
                            const QStringList &officialCodes, const QString &venueId, EventSpan::Status status,
                            const QString &opdCode) const
{
    EventRecord e = timed(title, day, from, to, officialCodes, venueId, status);
    if (!opdCode.isEmpty())
        e.opdId = id("opd", "code", opdCode);
    return add(e);
}

} // namespace HumasTest
