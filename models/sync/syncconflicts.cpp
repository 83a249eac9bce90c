#include "sync/syncconflicts.h"

#include "common/clock.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/syncfaults.h"
#include "sync/syncprotocol.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Humas {

SyncConflicts::SyncConflicts(Database &db) : m_db(db) {}

QList<SyncConflict> SyncConflicts::query(const QString &where, const QStringList &binds) const
{
    QList<SyncConflict> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, entity, row_id, field, kind, base_value, hub_value, hub_site, hub_actor, "
                             "hub_at, incoming_value, incoming_site, incoming_actor, incoming_at FROM sync_conflicts "
                             "WHERE deleted = 0 AND status = 'open' %1 ORDER BY incoming_at, id")
                  .arg(where));
    for (const QString &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return out;
    const QString here = m_db.siteId();
    while (q.next()) {
        SyncConflict c;
        c.id = q.value(0).toString();
        c.entity = q.value(1).toString();
        c.rowId = q.value(2).toString();
        c.field = q.value(3).toString();
        c.kind = q.value(4).toString();
        c.base = SyncProtocol::parseJsonText(q.value(5).toString());
        const QJsonValue hub = SyncProtocol::parseJsonText(q.value(6).toString());
        const QString hubSite = q.value(7).toString();
        const QJsonValue incoming = SyncProtocol::parseJsonText(q.value(10).toString());
        const QString incomingSite = q.value(11).toString();
        // "Mine" is this site's value when one side is ours, else the incoming one.
        c.mineIsIncoming = !(hubSite == here && incomingSite != here);
        if (c.mineIsIncoming) {
            c.mine = incoming;
            c.mineSite = incomingSite;
            c.mineActor = q.value(12).toString();
            c.mineAt = q.value(13).toString();
            c.theirs = hub;
            c.theirsSite = hubSite;
            c.theirsActor = q.value(8).toString();
            c.theirsAt = q.value(9).toString();
        } else {
            c.mine = hub;
            c.mineSite = hubSite;
            c.mineActor = q.value(8).toString();
            c.mineAt = q.value(9).toString();
            c.theirs = incoming;
            c.theirsSite = incomingSite;
            c.theirsActor = q.value(12).toString();
            c.theirsAt = q.value(13).toString();
        }
        out.append(c);
    }
    return out;
}

QList<SyncConflict> SyncConflicts::openConflicts() const
{
    return query({}, {});
}

QList<SyncConflict> SyncConflicts::openConflicts(const QString &entity, const QString &rowId) const
{
    return query(QStringLiteral("AND entity = ? AND row_id = ?"), {entity, rowId});
}

bool SyncConflicts::find(const QString &id, SyncConflict *conflict) const
{
    const QList<SyncConflict> found = query(QStringLiteral("AND id = ?"), {id});
    if (found.isEmpty())
        return false;
    *conflict = found.first();
    return true;
}

bool SyncConflicts::resolve(const QString &id, Choice choice, const QJsonValue &value, const QString &actorId,
                            QString *error)
{
    SyncConflict c;
    if (!find(id, &c)) {
        if (error)
            *error = tr("There is no open sync conflict %1.").arg(id);
        return false;
    }
    const QJsonValue chosen = choice == Choice::Mine ? c.mine : choice == Choice::Theirs ? c.theirs : value;
    ChangeWriter &writer = m_db.writer();
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    if (writer.row(c.entity, c.rowId).isEmpty()) {
        if (error)
            *error = tr("The record of this conflict (%1 %2) is not on this PC.").arg(c.entity, c.rowId);
        return false;
    }
    bool ok = false;
    if (c.field == QLatin1String("deleted")) {
        const bool deleted = SyncProtocol::fromJsonValue(chosen).toInt() != 0;
        const bool isDeleted = writer.row(c.entity, c.rowId).value(QStringLiteral("deleted")).toInt() != 0;
        ok = deleted == isDeleted ? true
             : deleted            ? writer.remove(actorId, c.entity, c.rowId, error)
                                  : writer.restore(actorId, c.entity, c.rowId, error);
    } else {
        ok = writer.update(actorId, c.entity, c.rowId, {{c.field, SyncProtocol::fromJsonValue(chosen)}}, error);
    }
    if (!ok)
        return false;
    const QString resolution = choice == Choice::Mine     ? QStringLiteral("mine")
                               : choice == Choice::Theirs ? QStringLiteral("theirs")
                                                          : QStringLiteral("value");
    if (!writer.update(actorId, QStringLiteral("sync_conflicts"), id,
                       {{QStringLiteral("status"), QStringLiteral("resolved")},
                        {QStringLiteral("resolution"), resolution},
                        {QStringLiteral("resolved_value"), SyncProtocol::jsonText(chosen)},
                        {QStringLiteral("resolved_by"), actorId.isNull() ? QStringLiteral("") : actorId},
                        {QStringLiteral("resolved_at"),
                         Clock::instance()->nowUtc().toUTC().toString(Qt::ISODateWithMs)}},
                       error))
        return false;
    SyncFaults::reached("resolve.inside");
    return tx.commit(error);
}

} // namespace Humas
