#include "syncconflicttext.h"

#include "common/datetext.h"
#include "master/masterdata.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace HumasUi {

namespace {

constexpr int MaxValueChars = 120;

/** The table a foreign-key column of events and requests refers to. */
QString referencedTable(const QString &entity, const QString &field)
{
    if (const Humas::TableSpec *spec = Humas::MasterData::byTable(entity)) {
        if (const Humas::FieldSpec *f = spec->field(field); f && !f->refTable.isEmpty())
            return f->refTable;
    }
    static const QHash<QString, QString> common{{QStringLiteral("opd_id"), QStringLiteral("opd")},
                                                {QStringLiteral("venue_id"), QStringLiteral("venues")},
                                                {QStringLiteral("kecamatan_id"), QStringLiteral("kecamatan")}};
    return common.value(field);
}

} // namespace

SyncConflictText::SyncConflictText(Humas::Database &db) : m_db(db) {}

QString SyncConflictText::entityName(const QString &entity)
{
    if (entity == QLatin1String("events"))
        return tr("Event");
    if (entity == QLatin1String("ppid_requests"))
        return tr("Information request");
    if (entity == QLatin1String("ppid_objections"))
        return tr("Objection");
    if (entity == QLatin1String("opd"))
        return tr("OPD");
    if (entity == QLatin1String("officials"))
        return tr("Official");
    if (entity == QLatin1String("kecamatan"))
        return tr("District");
    if (entity == QLatin1String("venues"))
        return tr("Venue");
    if (entity == QLatin1String("holidays"))
        return tr("Holiday");
    if (entity == QLatin1String("users"))
        return tr("User");
    if (const Humas::TableSpec *spec = Humas::MasterData::byTable(entity))
        return Humas::MasterData::label(spec->title);
    return entity;
}

QString SyncConflictText::recordTitle(const QString &entity, const QString &rowId) const
{
    const QVariantMap row = m_db.writer().row(entity, rowId);
    QStringList candidates;
    if (const Humas::TableSpec *spec = Humas::MasterData::byTable(entity))
        candidates << spec->displayField;
    candidates << QStringLiteral("title") << QStringLiteral("reg_number") << QStringLiteral("name")
               << QStringLiteral("display_name") << QStringLiteral("requester_name");
    for (const QString &column : std::as_const(candidates)) {
        const QString text = row.value(column).toString().trimmed();
        if (!text.isEmpty())
            return text;
    }
    return rowId;
}

QString SyncConflictText::fieldLabel(const QString &entity, const QString &field)
{
    if (const Humas::TableSpec *spec = Humas::MasterData::byTable(entity)) {
        if (const Humas::FieldSpec *f = spec->field(field))
            return Humas::MasterData::label(f->label);
    }
    static const QHash<QString, const char *> labels{
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("opd_id"), QT_TR_NOOP("OPD")},
        {QStringLiteral("pic_name"), QT_TR_NOOP("Contact person")},
        {QStringLiteral("pic_phone"), QT_TR_NOOP("Contact phone")},
        {QStringLiteral("letter_number"), QT_TR_NOOP("Letter number")},
        {QStringLiteral("letter_date"), QT_TR_NOOP("Letter date")},
        {QStringLiteral("officials_requested"), QT_TR_NOOP("Officials requested")},
        {QStringLiteral("officials_attending"), QT_TR_NOOP("Officials attending")},
        {QStringLiteral("venue_id"), QT_TR_NOOP("Venue")},
        {QStringLiteral("starts_at"), QT_TR_NOOP("Start")},
        {QStringLiteral("ends_at"), QT_TR_NOOP("End")},
        {QStringLiteral("all_day"), QT_TR_NOOP("All day")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("dress_code"), QT_TR_NOOP("Dress code")},
        {QStringLiteral("speech_needed"), QT_TR_NOOP("Speech needed")},
        {QStringLiteral("staff"), QT_TR_NOOP("Staff assigned")},
        {QStringLiteral("is_public"), QT_TR_NOOP("Public")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("requester_name"), QT_TR_NOOP("Requester")},
        {QStringLiteral("requester_address"), QT_TR_NOOP("Address")},
        {QStringLiteral("requester_phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("requester_email"), QT_TR_NOOP("E-mail")},
        {QStringLiteral("information"), QT_TR_NOOP("Information requested")},
        {QStringLiteral("purpose"), QT_TR_NOOP("Purpose")},
        {QStringLiteral("decision"), QT_TR_NOOP("Decision")},
        {QStringLiteral("decision_reason"), QT_TR_NOOP("Reason")},
        {QStringLiteral("due_date"), QT_TR_NOOP("Due date")},
        {QStringLiteral("deleted"), QT_TR_NOOP("Deleted")},
    };
    if (const char *label = labels.value(field))
        return tr(label);
    return field;
}

QString SyncConflictText::plainValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString SyncConflictText::valueText(const QString &entity, const QString &field, const QJsonValue &value) const
{
    QString text = plainValue(value);
    if (text.isEmpty())
        return tr("(empty)");
    const QString table = referencedTable(entity, field);
    if (!table.isEmpty()) {
        const QString name = recordTitle(table, text);
        if (!name.isEmpty())
            text = name;
    } else if (field.endsWith(QLatin1String("_at")) && text.contains(QLatin1Char('T'))) {
        const QDateTime at = QDateTime::fromString(text, Qt::ISODate);
        if (at.isValid()) {
            const Humas::AppSettings settings(m_db, Humas::Actor::system());
            text = Humas::DateText::dateTime(at.toTimeZone(settings.timeZone()), settings.timeZoneCode());
        }
    }
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > MaxValueChars)
        text = text.left(MaxValueChars - 1) + QChar(0x2026);
    return text;
}

QString SyncConflictText::whoWhen(const QString &actorId, const QString &site, const QString &at) const
{
    QString who = m_db.writer().row(QStringLiteral("users"), actorId).value(QStringLiteral("display_name")).toString();
    if (who.isEmpty())
        who = tr("someone");
    const QString where = site == m_db.siteId() ? tr("this PC") : tr("another PC");
    const QDateTime stamp = QDateTime::fromString(at, Qt::ISODate);
    if (!stamp.isValid())
        return tr("%1 (%2)").arg(who, where);
    const Humas::AppSettings settings(m_db, Humas::Actor::system());
    return tr("%1 (%2), %3")
        .arg(who, where, Humas::DateText::dateTime(stamp.toTimeZone(settings.timeZone()), settings.timeZoneCode()));
}

QString SyncConflictText::summary(const Humas::SyncConflict &c) const
{
    return tr("Sync conflict in “%1”\nMine: %2 — %3\nTheirs: %4 — %5\nResolve it on the Synchronisation page.")
        .arg(fieldLabel(c.entity, c.field), valueText(c.entity, c.field, c.mine),
             whoWhen(c.mineActor, c.mineSite, c.mineAt), valueText(c.entity, c.field, c.theirs),
             whoWhen(c.theirsActor, c.theirsSite, c.theirsAt));
}

} // namespace HumasUi
