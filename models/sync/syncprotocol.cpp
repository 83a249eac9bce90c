#include "sync/syncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Humas {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

QJsonValue SyncProtocol::toJsonValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QJsonValue(value.toLongLong());
    case QMetaType::Bool:
        return QJsonValue(qint64(value.toBool() ? 1 : 0));
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    case QMetaType::QByteArray:
        return QJsonValue(QString::fromLatin1(value.toByteArray().toBase64()));
    default:
        return QJsonValue(value.toString());
    }
}

QVariant SyncProtocol::fromJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger();
        if (double(i) == d)
            return i;
        return d;
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QString::fromUtf8(QJsonDocument(value.isArray() ? QJsonDocument(value.toArray())
                                                               : QJsonDocument(value.toObject()))
                                     .toJson(QJsonDocument::Compact));
    }
}

QString SyncProtocol::jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue SyncProtocol::parseJsonText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    if (!doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Null);
    return doc.array().at(0);
}

const QStringList &SyncProtocol::syncedTables()
{
    static const QStringList tables = {
        QStringLiteral("settings"),         QStringLiteral("users"),          QStringLiteral("opd"),
        QStringLiteral("officials"),        QStringLiteral("kecamatan"),      QStringLiteral("venues"),
        QStringLiteral("travel_times"),     QStringLiteral("holidays"),       QStringLiteral("events"),
        QStringLiteral("ppid_requests"),    QStringLiteral("ppid_status_history"),
        QStringLiteral("ppid_objections"),  QStringLiteral("ppid_sequences"), QStringLiteral("sync_conflicts"),
    };
    return tables;
}

QString SyncCursor::toString() const
{
    if (hubId.isEmpty())
        return QStringLiteral("0");
    return hubId + QLatin1Char('.') + QString::number(epoch) + QLatin1Char('.') + QString::number(seq);
}

bool SyncCursor::parse(const QString &text, SyncCursor *cursor)
{
    *cursor = SyncCursor();
    if (text.isEmpty() || text == QLatin1String("0"))
        return true;
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty())
        return false;
    bool okEpoch = false;
    bool okSeq = false;
    cursor->hubId = parts.at(0);
    cursor->epoch = parts.at(1).toLongLong(&okEpoch);
    cursor->seq = parts.at(2).toLongLong(&okSeq);
    if (!okEpoch || !okSeq || cursor->seq < 0) {
        *cursor = SyncCursor();
        return false;
    }
    return true;
}

QJsonObject HelloReply::toJson() const
{
    return {{QStringLiteral("hub"), hubId},         {QStringLiteral("epoch"), epoch},
            {QStringLiteral("schema"), schema},     {QStringLiteral("high_seq"), highSeq},
            {QStringLiteral("site_last_outbox_seq"), siteLastOutboxSeq}, {QStringLiteral("max_batch"), maxBatch}};
}

HelloReply HelloReply::fromJson(const QJsonObject &o)
{
    HelloReply r;
    r.hubId = str(o, "hub");
    r.epoch = num(o, "epoch");
    r.schema = int(num(o, "schema"));
    r.highSeq = num(o, "high_seq");
    r.siteLastOutboxSeq = num(o, "site_last_outbox_seq");
    r.maxBatch = int(o.value(QLatin1String("max_batch")).toInteger(500));
    return r;
}

QJsonObject SyncOp::toJson() const
{
    return {{QStringLiteral("op_id"), opId},       {QStringLiteral("entity"), entity},
            {QStringLiteral("row_id"), rowId},     {QStringLiteral("op"), op},
            {QStringLiteral("changes"), changes},  {QStringLiteral("base_rev"), baseRev},
            {QStringLiteral("rev"), rev},          {QStringLiteral("base_seq"), baseSeq},
            {QStringLiteral("outbox_seq"), outboxSeq}, {QStringLiteral("hlc"), hlc},
            {QStringLiteral("site"), site},        {QStringLiteral("actor"), actor},
            {QStringLiteral("created_at"), createdAt}};
}

SyncOp SyncOp::fromJson(const QJsonObject &o)
{
    SyncOp op;
    op.opId = str(o, "op_id");
    op.entity = str(o, "entity");
    op.rowId = str(o, "row_id");
    op.op = str(o, "op");
    op.changes = o.value(QLatin1String("changes")).toObject();
    op.baseRev = int(num(o, "base_rev"));
    op.rev = int(num(o, "rev"));
    op.baseSeq = num(o, "base_seq");
    op.outboxSeq = num(o, "outbox_seq");
    op.hlc = str(o, "hlc");
    op.site = str(o, "site");
    op.actor = str(o, "actor");
    op.createdAt = str(o, "created_at");
    return op;
}

QJsonObject PushRequest::toJson() const
{
    QJsonArray list;
    for (const SyncOp &op : ops)
        list.append(op.toJson());
    return {{QStringLiteral("site"), site}, {QStringLiteral("ops"), list}};
}

PushRequest PushRequest::fromJson(const QJsonObject &o)
{
    PushRequest r;
    r.site = str(o, "site");
    const QJsonArray list = o.value(QLatin1String("ops")).toArray();
    for (const QJsonValue &v : list)
        r.ops.append(SyncOp::fromJson(v.toObject()));
    return r;
}

QJsonObject OpResult::toJson() const
{
    QJsonObject o{{QStringLiteral("op_id"), opId}, {QStringLiteral("status"), status}, {QStringLiteral("seq"), seq}};
    if (!conflictId.isEmpty())
        o.insert(QStringLiteral("conflict_id"), conflictId);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (!firstStatus.isEmpty())
        o.insert(QStringLiteral("first_status"), firstStatus);
    return o;
}

OpResult OpResult::fromJson(const QJsonObject &o)
{
    OpResult r;
    r.opId = str(o, "op_id");
    r.status = str(o, "status");
    r.seq = num(o, "seq");
    r.conflictId = str(o, "conflict_id");
    r.error = str(o, "error");
    r.firstStatus = str(o, "first_status");
    return r;
}

QJsonObject PushReply::toJson() const
{
    QJsonArray list;
    for (const OpResult &r : results)
        list.append(r.toJson());
    return {{QStringLiteral("acked_through"), ackedThrough}, {QStringLiteral("results"), list}};
}

PushReply PushReply::fromJson(const QJsonObject &o)
{
    PushReply r;
    r.ackedThrough = num(o, "acked_through");
    const QJsonArray list = o.value(QLatin1String("results")).toArray();
    for (const QJsonValue &v : list)
        r.results.append(OpResult::fromJson(v.toObject()));
    return r;
}

QJsonObject PulledRow::toJson() const
{
    QJsonObject o{{QStringLiteral("entity"), entity},
                  {QStringLiteral("row_id"), rowId},
                  {QStringLiteral("seq"), seq},
                  {QStringLiteral("values"), values}};
    if (gone)
        o.insert(QStringLiteral("gone"), true);
    return o;
}

PulledRow PulledRow::fromJson(const QJsonObject &o)
{
    PulledRow r;
    r.entity = str(o, "entity");
    r.rowId = str(o, "row_id");
    r.seq = num(o, "seq");
    r.values = o.value(QLatin1String("values")).toObject();
    r.gone = o.value(QLatin1String("gone")).toBool();
    return r;
}

QJsonObject PullReply::toJson() const
{
    QJsonArray list;
    for (const PulledRow &r : rows)
        list.append(r.toJson());
    return {{QStringLiteral("rows"), list}, {QStringLiteral("next_cursor"), nextCursor}, {QStringLiteral("more"), more}};
}

PullReply PullReply::fromJson(const QJsonObject &o)
{
    PullReply r;
    const QJsonArray list = o.value(QLatin1String("rows")).toArray();
    for (const QJsonValue &v : list)
        r.rows.append(PulledRow::fromJson(v.toObject()));
    r.nextCursor = str(o, "next_cursor");
    r.more = o.value(QLatin1String("more")).toBool();
    return r;
}

} // namespace Humas
