#include "ppid/ppidrecords.h"

#include "common/clock.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>

namespace Humas {

PpidRecords::Zone::Zone(Database &db)
{
    const QTimeZone zone = AppSettings(db, Actor::system()).timeZone();
    // Any instant gives the same offset: the Indonesian zones have had no DST for decades.
    m_offset = zone.offsetFromUtc(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
}

QDate PpidRecords::Zone::localDate(const QDateTime &utc) const
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().addSecs(m_offset).date();
}

QDateTime PpidRecords::Zone::startOfDay(const QDate &date) const
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).addSecs(-m_offset);
}

QDate PpidRecords::Zone::today() const
{
    return localDate(Clock::instance()->nowUtc());
}

QVariant PpidRecords::dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QDate PpidRecords::dateFromText(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text.left(10), Qt::ISODate);
}

QString PpidRecords::utcText(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

QString PpidRecords::utcMsText(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime PpidRecords::utcFromText(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.toUTC();
}

QString PpidRecords::jsonList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

QStringList PpidRecords::listFromJson(const QString &text)
{
    QStringList items;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        items << v.toString();
    return items;
}

bool PpidRecords::exists(Database &db, const QString &table, const QString &id)
{
    if (id.isEmpty())
        return false;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ? AND deleted = 0"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

bool PpidRecords::checkWriter(bool allowed, const Actor &actor, QString *error)
{
    if (allowed)
        return true;
    if (error)
        *error =
            tr("Your role (%1) may not change the information-service registers.").arg(Roles::displayName(actor.role));
    return false;
}

bool PpidRecords::patch(Database &db, const Actor &actor, const QString &table, const QString &id,
                        const QVariantMap &before, const QVariantMap &after, QString *error, QList<StaleField> *stale)
{
    QVariantMap started;
    QVariantMap values;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const QVariant was = ChangeWriter::storageValue(before.value(it.key()));
        if (ChangeWriter::sameValue(was, ChangeWriter::storageValue(it.value())))
            continue;
        started.insert(it.key(), was);
        values.insert(it.key(), it.value());
    }
    if (values.isEmpty())
        return true; // the user changed nothing
    return db.writer().patch(actor.userId, table, id, started, values, error, stale);
}

PpidRecords::Scope PpidRecords::scopeOf(const Actor &actor)
{
    switch (actor.role) {
    case Role::Admin:
    case Role::Ppid:
    case Role::Pimpinan:
        return Scope::All;
    case Role::Opd:
        return actor.opdId.isEmpty() ? Scope::None : Scope::OwnOpd;
    case Role::Protokol:
    case Role::Redaksi:
        return Scope::None;
    }
    return Scope::None;
}

QString PpidRecords::scopeSql(const Actor &actor, const QString &opdColumn, QVariantList *binds)
{
    switch (scopeOf(actor)) {
    case Scope::All:
        return {};
    case Scope::OwnOpd:
        binds->append(actor.opdId);
        return QStringLiteral(" AND ") + opdColumn + QStringLiteral(" = ? ");
    case Scope::None:
        break;
    }
    return QStringLiteral(" AND 0 ");
}

} // namespace Humas
