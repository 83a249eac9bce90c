#include "sync/syncaccess.h"

#include "master/masterdata.h"
#include "ppid/personaldata.h"
#include "ppid/ppidrecords.h"
#include "store/database.h"
#include "sync/syncprotocol.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Humas {

namespace {

const QString Users = QStringLiteral("users");
const QString Settings = QStringLiteral("settings");
const QString Events = QStringLiteral("events");
const QString Requests = QStringLiteral("ppid_requests");
const QString History = QStringLiteral("ppid_status_history");
const QString Objections = QStringLiteral("ppid_objections");
const QString Sequences = QStringLiteral("ppid_sequences");
const QString Conflicts = QStringLiteral("sync_conflicts");
const QString OpdId = QStringLiteral("opd_id");
const QString Status = QStringLiteral("status");
const QString Deleted = QStringLiteral("deleted");
const QString Submitted = QStringLiteral("diajukan");
const QChar MaskDot(0x2022); // what PersonalData puts in place of hidden characters

/** Conflicted rows can be conflicts themselves (two PCs resolving one conflict); a bound keeps it finite. */
constexpr int MaxDepth = 4;

bool isPpidTable(const QString &table)
{
    return table == Requests || table == History || table == Objections || table == Sequences;
}

/** A column of ppid_requests and the PpidRequest member PersonalData::masked() works on. */
struct RequestColumn
{
    const char *name;
    QString PpidRequest::*member;
    bool personal; ///< NIK, address, phone, email: never written by a role that cannot see them
};

const RequestColumn RequestColumns[] = {
    {"requester_nik", &PpidRequest::requesterNik, true},
    {"requester_address", &PpidRequest::requesterAddress, true},
    {"requester_phone", &PpidRequest::requesterPhone, true},
    {"requester_email", &PpidRequest::requesterEmail, true},
    {"requester_name", &PpidRequest::requesterName, false},
    {"requester_occupation", &PpidRequest::requesterOccupation, false},
    {"proxy_name", &PpidRequest::proxyName, false},
    {"information", &PpidRequest::information, false},
    {"purpose", &PpidRequest::purpose, false},
    {"consequence_test", &PpidRequest::consequenceTest, false},
    {"withheld_info", &PpidRequest::withheldInfo, false},
    {"referred_to", &PpidRequest::referredTo, false},
    {"extension_reason", &PpidRequest::extensionReason, false},
    {"notes", &PpidRequest::notes, false},
};

struct ObjectionColumn
{
    const char *name;
    QString PpidObjection::*member;
};

const ObjectionColumn ObjectionColumns[] = {
    {"filed_by", &PpidObjection::filedBy},
    {"summary", &PpidObjection::summary},
    {"requester_response", &PpidObjection::requesterResponse},
    {"dispute_outcome", &PpidObjection::disputeOutcome},
    {"notes", &PpidObjection::notes},
};

bool isPersonalColumn(const QString &table, const QString &column)
{
    if (table != Requests)
        return false;
    for (const RequestColumn &c : RequestColumns) {
        if (c.personal && column == QLatin1String(c.name))
            return true;
    }
    return false;
}

/** Copies the text columns of @p values into @p record, masks it with @p mask, copies them back. */
template <typename Record, typename Column, size_t N>
void maskColumns(QJsonObject *values, const Column (&columns)[N], Record (*mask)(const Record &))
{
    Record record;
    bool any = false;
    for (const Column &c : columns) {
        const QJsonValue v = values->value(QLatin1String(c.name));
        if (v.isString()) {
            record.*(c.member) = v.toString();
            any = true;
        }
    }
    if (!any)
        return;
    const Record masked = mask(record);
    for (const Column &c : columns) {
        const QString name = QLatin1String(c.name);
        if (values->value(name).isString()) {
            const QString text = masked.*(c.member);
            values->insert(name, text.isNull() ? QStringLiteral("") : text);
        }
    }
}

/** Masks, in place, the values of @p table's columns in @p values as a role without personal data sees them. */
void maskPersonalData(const QString &table, QJsonObject *values)
{
    if (table == Requests) {
        maskColumns<PpidRequest>(values, RequestColumns, &PersonalData::masked);
    } else if (table == Objections) {
        maskColumns<PpidObjection>(values, ObjectionColumns, &PersonalData::masked);
    } else if (table == History) {
        const QString note = QStringLiteral("note");
        if (values->value(note).isString())
            values->insert(note, PersonalData::maskFreeText(values->value(note).toString()));
    }
}

QJsonValue newValue(const SyncOp &op, const QString &field)
{
    return op.changes.value(field).toArray().at(1);
}

QString textOf(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

} // namespace

SyncAccess::SyncAccess(Actor actor, Database &hub) : m_actor(std::move(actor)), m_db(&hub) {}

HubStore::RejectHook SyncAccess::rejectHook() const
{
    return [access = *this](const SyncOp &op) { return access.check(op); };
}

HubStore::RowShaper SyncAccess::rowShaper() const
{
    return [access = *this](PulledRow *row) { return access.shape(row); };
}

bool SyncAccess::isSecretName(const QString &name)
{
    const QString n = name.toLower();
    return n.contains(QLatin1String("password")) || n.contains(QLatin1String("token")) ||
           n.contains(QLatin1String("secret"));
}

QString SyncAccess::refuse(const QString &table) const
{
    return tr("Your role (%1) may not change %2.").arg(Roles::displayName(m_actor.role), table);
}

QString SyncAccess::check(const SyncOp &op) const
{
    return checkTable(op, 0);
}

QString SyncAccess::checkTable(const SyncOp &op, int depth) const
{
    if (m_actor.role == Role::Admin)
        return {};
    if (op.entity == Users) {
        for (auto it = op.changes.constBegin(); it != op.changes.constEnd(); ++it) {
            if (isSecretName(it.key()))
                return tr("Only an administrator may set passwords.");
        }
        return tr("Only an administrator may change users.");
    }
    if (op.entity == Settings)
        return tr("Only an administrator may change the settings.");
    if (m_actor.role == Role::Pimpinan)
        return tr("Your role (%1) may only read.").arg(Roles::displayName(m_actor.role));
    if (!SyncProtocol::syncedTables().contains(op.entity))
        return refuse(op.entity);
    if (op.entity == Conflicts)
        return checkResolution(op, depth);
    if (const TableSpec *spec = MasterData::byTable(op.entity))
        return spec->writers.contains(m_actor.role) ? QString() : refuse(op.entity);
    if (op.entity == Events) {
        if (m_actor.role == Role::Protokol)
            return {};
        return m_actor.role == Role::Opd ? checkOpdEvent(op) : refuse(op.entity);
    }
    if (isPpidTable(op.entity)) {
        QString reason;
        if (m_actor.role == Role::Opd)
            reason = checkOpdPpid(op);
        else if (m_actor.role != Role::Ppid)
            reason = refuse(op.entity);
        return reason.isEmpty() ? checkPersonalData(op) : reason;
    }
    return refuse(op.entity); // a table without a rule here: only admin, until it gets one
}

QString SyncAccess::checkOpdEvent(const SyncOp &op) const
{
    const QString own = tr("An OPD account may only change events of its own OPD.");
    if (m_actor.opdId.isEmpty())
        return own;
    const QString unscheduled = tr("An OPD account may only change events still submitted (diajukan); protokol "
                                   "schedules them.");
    const QVariantMap hub = hubRow(Events, op.rowId, {OpdId, Status});
    if (!hub.isEmpty()) {
        if (textOf(hub.value(OpdId)) != m_actor.opdId)
            return own;
        if (textOf(hub.value(Status)) != Submitted)
            return unscheduled;
    } else if (!op.changes.contains(OpdId)) {
        return own; // a row new to the hub must say whose it is
    }
    if (op.changes.contains(OpdId) && newValue(op, OpdId).toString() != m_actor.opdId)
        return hub.isEmpty() ? own : tr("An OPD account may not move an event to another OPD.");
    if (op.changes.contains(Status) && newValue(op, Status).toString() != Submitted)
        return unscheduled;
    return {};
}

QString SyncAccess::checkOpdPpid(const SyncOp &op) const
{
    const QString assigned = tr("An OPD account may only change the information requests assigned to its OPD.");
    if (m_actor.opdId.isEmpty())
        return assigned;
    if (op.entity == Requests) {
        const QVariantMap hub = hubRow(Requests, op.rowId, {OpdId});
        if (hub.isEmpty() || textOf(hub.value(OpdId)) != m_actor.opdId)
            return assigned; // the PPID assigns requests; an OPD account does not register them
        if (op.op == QLatin1String("delete") || op.changes.contains(Deleted))
            return tr("An OPD account may not delete information requests.");
        if (op.changes.contains(OpdId) && newValue(op, OpdId).toString() != m_actor.opdId)
            return tr("An OPD account may not assign a request to another OPD.");
        return {};
    }
    if (op.entity == History) {
        if (!hubRow(History, op.rowId, {QStringLiteral("id")}).isEmpty() || op.op == QLatin1String("delete"))
            return tr("The status history of a request is only added to, never changed.");
        bool found = false;
        const QString opd = requestOpd(newValue(op, QStringLiteral("request_id")).toString(), &found);
        return found && opd == m_actor.opdId ? QString() : assigned;
    }
    return refuse(op.entity);
}

QString SyncAccess::checkPersonalData(const SyncOp &op) const
{
    if (Roles::canSeePersonalData(m_actor.role))
        return {};
    for (auto it = op.changes.constBegin(); it != op.changes.constEnd(); ++it) {
        if (isPersonalColumn(op.entity, it.key()))
            return tr("Your role (%1) may not change the requester's personal data (%2).")
                .arg(Roles::displayName(m_actor.role), it.key());
        if (newValue(op, it.key()).toString().contains(MaskDot))
            return tr("%1 holds masked personal data; it cannot be saved from this role.").arg(it.key());
    }
    return {};
}

QString SyncAccess::checkResolution(const SyncOp &op, int depth) const
{
    static const QStringList resolutionColumns = {Status, QStringLiteral("resolution"),
                                                  QStringLiteral("resolved_value"), QStringLiteral("resolved_by"),
                                                  QStringLiteral("resolved_at")};
    const QVariantMap conflict =
        hubRow(Conflicts, op.rowId, {QStringLiteral("entity"), QStringLiteral("row_id"), QStringLiteral("field")});
    if (conflict.isEmpty())
        return tr("Only the hub opens sync conflicts.");
    if (op.op == QLatin1String("delete") || op.changes.contains(Deleted))
        return tr("A sync conflict is resolved, not deleted.");
    for (auto it = op.changes.constBegin(); it != op.changes.constEnd(); ++it) {
        if (!resolutionColumns.contains(it.key()))
            return tr("Only the resolution of a sync conflict may be changed (not %1).").arg(it.key());
    }
    if (depth >= MaxDepth)
        return tr("Only an administrator may resolve this sync conflict.");
    // Resolving = writing the chosen value into the conflicted field (SyncConflicts::resolve):
    // the same rules decide, with that value.
    SyncOp target;
    target.opId = op.opId;
    target.entity = conflict.value(QStringLiteral("entity")).toString();
    target.rowId = conflict.value(QStringLiteral("row_id")).toString();
    const QString field = conflict.value(QStringLiteral("field")).toString();
    const QJsonValue chosen = SyncProtocol::parseJsonText(newValue(op, QStringLiteral("resolved_value")).toString());
    target.op = field == Deleted && chosen.toInteger() != 0 ? QStringLiteral("delete") : QStringLiteral("upsert");
    target.changes.insert(field, QJsonArray{QJsonValue(QJsonValue::Null), chosen});
    const QString reason = checkTable(target, depth + 1);
    return reason.isEmpty() ? QString() : tr("You may not resolve this sync conflict: %1").arg(reason);
}

bool SyncAccess::shape(PulledRow *row) const
{
    return shapeRow(row, 0);
}

bool SyncAccess::seesRequestOf(const QString &opdId) const
{
    switch (PpidRecords::scopeOf(m_actor)) {
    case PpidRecords::Scope::All:
        return true;
    case PpidRecords::Scope::OwnOpd:
        return opdId == m_actor.opdId;
    case PpidRecords::Scope::None:
        break;
    }
    return false;
}

bool SyncAccess::shapeRow(PulledRow *row, int depth) const
{
    // Hashes and tokens never leave the server, whoever asks.
    const QStringList keys = row->values.keys();
    for (const QString &key : keys) {
        if (isSecretName(key))
            row->values.remove(key);
    }
    const QString &table = row->entity;
    if (table == Conflicts)
        return shapeConflict(row, depth);
    if (table == Settings)
        return m_actor.role == Role::Admin || !isSecretName(row->values.value(QStringLiteral("key")).toString());
    if (table == Users || table == Events || MasterData::byTable(table))
        return true;
    if (!isPpidTable(table))
        return m_actor.role == Role::Admin; // a table without a rule here
    bool visible = false;
    if (table == Requests) {
        visible = seesRequestOf(row->values.value(OpdId).toString());
    } else if (table == Sequences) {
        visible = PpidRecords::scopeOf(m_actor) == PpidRecords::Scope::All;
    } else {
        bool found = false;
        const QString opd = requestOpd(row->values.value(QStringLiteral("request_id")).toString(), &found);
        visible = PpidRecords::scopeOf(m_actor) == PpidRecords::Scope::All || (found && seesRequestOf(opd));
    }
    if (visible && !Roles::canSeePersonalData(m_actor.role))
        maskPersonalData(table, &row->values);
    return visible;
}

bool SyncAccess::shapeConflict(PulledRow *row, int depth) const
{
    const QString entity = row->values.value(QStringLiteral("entity")).toString();
    const QString field = row->values.value(QStringLiteral("field")).toString();
    // Its values are the secret itself: such a conflict stays on the server (the hub kept its value).
    if (isSecretName(field) || depth >= MaxDepth)
        return false;
    if (!SyncProtocol::syncedTables().contains(entity))
        return m_actor.role == Role::Admin;
    // Visible when the row it is about is: that row, read from the hub and shaped as it would be.
    PulledRow target;
    target.entity = entity;
    target.rowId = row->values.value(QStringLiteral("row_id")).toString();
    QStringList columns;
    const QSqlRecord record = m_db->connection().record(entity);
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i);
    const QVariantMap values = hubRow(entity, target.rowId, columns);
    if (values.isEmpty()) {
        // A unique conflict of an insert the hub rolled back: the row never reached the hub.
        if (isPpidTable(entity) && PpidRecords::scopeOf(m_actor) != PpidRecords::Scope::All)
            return false;
    } else {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            target.values.insert(it.key(), SyncProtocol::toJsonValue(it.value()));
        if (!shapeRow(&target, depth + 1))
            return false;
    }
    if (Roles::canSeePersonalData(m_actor.role) || !isPpidTable(entity))
        return true;
    for (const char *column : {"base_value", "hub_value", "incoming_value", "resolved_value"}) {
        const QString name = QLatin1String(column);
        const QJsonValue stored = row->values.value(name);
        if (!stored.isString())
            continue; // resolved_value is NULL while the conflict is open
        QJsonObject one{{field, SyncProtocol::parseJsonText(stored.toString())}};
        maskPersonalData(entity, &one);
        row->values.insert(name, SyncProtocol::jsonText(one.value(field)));
    }
    return true;
}

QVariantMap SyncAccess::hubRow(const QString &table, const QString &id, const QStringList &columns) const
{
    QVariantMap row;
    if (id.isEmpty() || columns.isEmpty())
        return row;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    // Table and column names come from the migrations (syncedTables), never from the request.
    if (!q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns.join(QLatin1Char(',')), table)))
        return row; // an empty answer refuses: checks fail closed
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        for (int i = 0; i < columns.size(); ++i)
            row.insert(columns.at(i), q.value(i));
    }
    return row;
}

QString SyncAccess::requestOpd(const QString &requestId, bool *found) const
{
    const QVariantMap request = hubRow(Requests, requestId, {OpdId});
    *found = !request.isEmpty();
    return textOf(request.value(OpdId));
}

} // namespace Humas
