#include "ppid/ppidobjectionrepository.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "common/textrules.h"
#include "ppid/personaldata.h"
#include "ppid/ppidrecords.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/registrationnumber.h"
#include "ppid/workingcalendar.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Humas {

namespace {

QString text(const QString &value)
{
    return PpidRecords::text(value);
}

const QString Table = QStringLiteral("ppid_objections");

const QString SelectColumns = QStringLiteral(
    "SELECT id, rev, obj_number, request_id, filed_at, filed_by, ground, summary, due_date, atasan_decision, "
    "atasan_decision_date, requester_response, dispute_stage, dispute_outcome, dispute_due_date, notes "
    "FROM ppid_objections WHERE deleted = 0 ");

PpidObjection fromQuery(const QSqlQuery &q)
{
    PpidObjection o;
    o.id = q.value(0).toString();
    o.rev = q.value(1).toInt();
    o.number = q.value(2).toString();
    o.requestId = q.value(3).toString();
    o.filedAt = PpidRecords::utcFromText(q.value(4).toString());
    o.filedBy = q.value(5).toString();
    o.ground = q.value(6).toString();
    o.summary = q.value(7).toString();
    o.dueDate = PpidRecords::dateFromText(q.value(8).toString());
    o.atasanDecision = q.value(9).toString();
    o.atasanDecisionDate = PpidRecords::dateFromText(q.value(10).toString());
    o.requesterResponse = q.value(11).toString();
    o.disputeStage = q.value(12).toString();
    o.disputeOutcome = q.value(13).toString();
    o.disputeDueDate = PpidRecords::dateFromText(q.value(14).toString());
    o.notes = q.value(15).toString();
    return o;
}

QVariantMap editableValues(const PpidObjection &o)
{
    return {
        {QStringLiteral("filed_by"), text(o.filedBy)},
        {QStringLiteral("ground"), o.ground},
        {QStringLiteral("summary"), text(o.summary)},
        {QStringLiteral("atasan_decision"), text(o.atasanDecision)},
        {QStringLiteral("atasan_decision_date"), PpidRecords::dateValue(o.atasanDecisionDate)},
        {QStringLiteral("requester_response"), text(o.requesterResponse)},
        {QStringLiteral("dispute_stage"), text(o.disputeStage)},
        {QStringLiteral("dispute_outcome"), text(o.disputeOutcome)},
        {QStringLiteral("dispute_due_date"), PpidRecords::dateValue(o.disputeDueDate)},
        {QStringLiteral("notes"), text(o.notes)},
    };
}

} // namespace

PpidObjectionRepository::PpidObjectionRepository(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

bool PpidObjectionRepository::canWrite() const
{
    return m_actor.role == Role::Admin || m_actor.role == Role::Ppid;
}

QStringList PpidObjectionRepository::decisions()
{
    return {QStringLiteral("dikabulkan"), QStringLiteral("dikabulkan_sebagian"), QStringLiteral("ditolak")};
}

QString PpidObjectionRepository::decisionName(const QString &code)
{
    if (code == QLatin1String("dikabulkan"))
        return tr("Objection upheld");
    if (code == QLatin1String("dikabulkan_sebagian"))
        return tr("Objection upheld in part");
    if (code == QLatin1String("ditolak"))
        return tr("Objection rejected");
    return {};
}

QStringList PpidObjectionRepository::disputeStages()
{
    return {QStringLiteral("diajukan"), QStringLiteral("mediasi"), QStringLiteral("ajudikasi"),
            QStringLiteral("putusan")};
}

QString PpidObjectionRepository::disputeStageName(const QString &code)
{
    if (code == QLatin1String("diajukan"))
        return tr("Filed with the Information Commission");
    if (code == QLatin1String("mediasi"))
        return tr("Mediation");
    if (code == QLatin1String("ajudikasi"))
        return tr("Adjudication");
    if (code == QLatin1String("putusan"))
        return tr("Decided");
    return {};
}

QDate PpidObjectionRepository::filingDeadline(const PpidRequest &request) const
{
    const QDate cause = request.noticeDate.isValid() ? request.noticeDate : request.dueDate;
    if (!cause.isValid())
        return {};
    return WorkingCalendar::load(m_db).addWorkingDays(cause, PpidDeadlines::ObjectionFiling);
}

bool PpidObjectionRepository::validate(PpidObjection *o, bool isNew, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    o->ground = o->ground.trimmed().toLower();
    o->summary = o->summary.trimmed();
    o->filedBy = o->filedBy.trimmed();
    o->atasanDecision = o->atasanDecision.trimmed();
    o->disputeStage = o->disputeStage.trimmed();
    using L = TextRules::Lines;
    if (!TextRules::checkAll({{o->filedBy, tr("The name of who filed the objection"), TextRules::NameLength, L::Single},
                              {o->summary, tr("The case summary"), TextRules::NoteLength, L::Multi},
                              {o->requesterResponse, tr("The requester's response"), TextRules::NoteLength, L::Multi},
                              {o->disputeOutcome, tr("The outcome of the dispute"), TextRules::NoteLength, L::Multi},
                              {o->notes, tr("The notes"), TextRules::NoteLength, L::Multi}},
                             error))
        return false;
    if (!PpidObjection::grounds().contains(o->ground))
        return fail(tr("Choose the ground of the objection (Article 35(1) a–g)."));
    if (o->summary.isEmpty())
        return fail(tr("Summarise the case of the objection."));
    if (!o->atasanDecision.isEmpty() && !decisions().contains(o->atasanDecision))
        return fail(tr("Unknown decision of the Atasan PPID \"%1\".").arg(o->atasanDecision));
    if (o->atasanDecision.isEmpty() != !o->atasanDecisionDate.isValid())
        return fail(tr("The Atasan PPID's decision and its date go together."));
    const PpidRecords::Zone zone(m_db);
    const QDate filed = zone.localDate(o->filedAt);
    if (o->atasanDecisionDate.isValid() && o->atasanDecisionDate < filed)
        return fail(tr("The Atasan PPID cannot decide before the objection was filed."));
    if (!o->disputeStage.isEmpty()) {
        if (!disputeStages().contains(o->disputeStage))
            return fail(tr("Unknown dispute stage \"%1\".").arg(o->disputeStage));
        // Pasal 37: after the Atasan's answer, or when none came within the 30 working days.
        if (!o->atasanDecisionDate.isValid() && !(o->dueDate.isValid() && zone.today() > o->dueDate))
            return fail(tr("A dispute goes to the Information Commission only after the Atasan PPID has answered "
                           "or the answer is overdue."));
    }
    if (isNew && !PpidRecords::exists(m_db, QStringLiteral("ppid_requests"), o->requestId))
        return fail(tr("The objection must refer to a registered request."));
    return true;
}

bool PpidObjectionRepository::add(PpidObjection *objection, QString *error)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    PpidObjection o = *objection;
    const QDateTime now = Clock::instance()->nowUtc();
    if (!o.filedAt.isValid())
        o.filedAt = now;
    o.filedAt = o.filedAt.toUTC();
    o.filedAt.setTime(QTime(o.filedAt.time().hour(), o.filedAt.time().minute(), o.filedAt.time().second()));
    o.atasanDecision.clear();
    o.atasanDecisionDate = {};
    o.disputeStage.clear();
    o.disputeOutcome.clear();
    if (!validate(&o, true, error))
        return false;
    if (o.filedAt > now.addSecs(5 * 60)) {
        if (error)
            *error = tr("The filing time lies in the future.");
        return false;
    }
    const PpidRequest request = PpidRequestRepository(m_db, Actor::system()).get(o.requestId);
    if (o.filedBy.isEmpty())
        o.filedBy = request.requesterName;
    const PpidRecords::Zone zone(m_db);
    const QDate filed = zone.localDate(o.filedAt);
    if (filed < zone.localDate(request.receivedAt)) {
        if (error)
            *error = tr("An objection cannot be filed before the request was received.");
        return false;
    }
    const QDate lastDay = filingDeadline(request);
    if (lastDay.isValid() && filed > lastDay) {
        if (error)
            *error = tr("An objection must be filed within 30 working days of its cause; the last day was %1.")
                         .arg(DateText::date(lastDay));
        return false;
    }

    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    RegistrationNumber::Taken number;
    if (!RegistrationNumber::take(m_db, m_actor.userId, RegistrationNumber::Series::Objection, filed, &number, error))
        return false;
    o.number = number.number;
    o.dueDate = WorkingCalendar::load(m_db).addWorkingDays(filed, PpidDeadlines::AtasanAnswer);
    o.disputeDueDate = {};
    QVariantMap values = editableValues(o);
    values.insert(QStringLiteral("obj_number"), o.number);
    values.insert(QStringLiteral("desk_code"), number.desk);
    values.insert(QStringLiteral("reg_year"), number.year);
    values.insert(QStringLiteral("reg_seq"), number.seq);
    values.insert(QStringLiteral("request_id"), o.requestId);
    values.insert(QStringLiteral("filed_at"), PpidRecords::utcText(o.filedAt));
    values.insert(QStringLiteral("due_date"), PpidRecords::dateValue(o.dueDate));
    ChangeWriter &writer = m_db.writer();
    QString id;
    if (!writer.insert(m_actor.userId, Table, values, &id, error) || !tx.commit(error))
        return false;
    o.id = id;
    o.rev = 1;
    *objection = o;
    return true;
}

bool PpidObjectionRepository::update(const PpidObjection &before, const PpidObjection &after, QString *error,
                                     QList<StaleField> *stale)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QList<PpidObjection> found = query(QStringLiteral("AND id = ?"), {after.id});
    if (found.isEmpty())
        return fail(tr("The objection no longer exists."));
    const PpidObjection &current = found.constFirst();
    if (!after.number.isEmpty() && after.number != current.number)
        return fail(tr("An objection number never changes once it is given (%1).").arg(current.number));
    if (!after.requestId.isEmpty() && after.requestId != current.requestId)
        return fail(tr("An objection stays with the request it was filed against."));
    if (after.filedAt.isValid() && after.filedAt.toUTC() != current.filedAt)
        return fail(tr("The filing time is part of the register and cannot be changed."));
    PpidObjection o = after;
    o.number = current.number;
    o.requestId = current.requestId;
    o.filedAt = current.filedAt;
    o.dueDate = current.dueDate;
    if (!validate(&o, false, error))
        return false;
    o.disputeDueDate =
        o.atasanDecisionDate.isValid()
            ? WorkingCalendar::load(m_db).addWorkingDays(o.atasanDecisionDate, PpidDeadlines::KomisiInformasi)
            : QDate();
    // The dispute deadline follows the decision date; it is written (and checked) with it.
    QVariantMap afterValues = editableValues(o);
    const QVariantMap beforeValues = editableValues(before);
    if (ChangeWriter::sameValue(ChangeWriter::storageValue(beforeValues.value(QStringLiteral("atasan_decision_date"))),
                                ChangeWriter::storageValue(afterValues.value(QStringLiteral("atasan_decision_date")))))
        afterValues.remove(QStringLiteral("dispute_due_date"));
    return PpidRecords::patch(m_db, m_actor, Table, o.id, beforeValues, afterValues, error, stale);
}

PpidObjection PpidObjectionRepository::get(const QString &id) const
{
    const QList<PpidObjection> found = query(QStringLiteral("AND id = ?"), {id});
    return found.isEmpty() ? PpidObjection() : found.constFirst();
}

PpidObjection PpidObjectionRepository::getByNumber(const QString &number) const
{
    const QList<PpidObjection> found = query(QStringLiteral("AND obj_number = ?"), {number});
    return found.isEmpty() ? PpidObjection() : found.constFirst();
}

QList<PpidObjection> PpidObjectionRepository::listForRequest(const QString &requestId) const
{
    return query(QStringLiteral("AND request_id = ?"), {requestId});
}

QList<PpidObjection> PpidObjectionRepository::list(const QDate &from, const QDate &to) const
{
    const PpidRecords::Zone zone(m_db);
    QString where;
    QVariantList binds;
    if (from.isValid()) {
        where += QStringLiteral("AND filed_at >= ? ");
        binds << PpidRecords::utcText(zone.startOfDay(from));
    }
    if (to.isValid()) {
        where += QStringLiteral("AND filed_at < ? ");
        binds << PpidRecords::utcText(zone.startOfDay(to.addDays(1)));
    }
    return query(where, binds);
}

int PpidObjectionRepository::recomputeDeadlines(ChangeWriter &writer, const WorkingCalendar &calendar, QString *error,
                                                const QString &onlySiteId)
{
    const PpidRecords::Zone zone(m_db);
    QList<QPair<QString, QVariantMap>> changes;
    {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, filed_at, due_date, atasan_decision, atasan_decision_date, "
                                 "dispute_stage, dispute_due_date FROM ppid_objections WHERE deleted = 0 AND "
                                 "(atasan_decision = '' OR dispute_stage = '') AND (? = '' OR site_id = ?)"));
        q.addBindValue(onlySiteId.isNull() ? QStringLiteral("") : onlySiteId);
        q.addBindValue(onlySiteId.isNull() ? QStringLiteral("") : onlySiteId);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return -1;
        }
        while (q.next()) {
            QVariantMap values;
            if (q.value(3).toString().isEmpty()) {
                const QDate due = calendar.addWorkingDays(
                    zone.localDate(PpidRecords::utcFromText(q.value(1).toString())), PpidDeadlines::AtasanAnswer);
                if (due != PpidRecords::dateFromText(q.value(2).toString()))
                    values.insert(QStringLiteral("due_date"), PpidRecords::dateValue(due));
            } else {
                const QDate decided = PpidRecords::dateFromText(q.value(4).toString());
                const QDate due = calendar.addWorkingDays(decided, PpidDeadlines::KomisiInformasi);
                if (decided.isValid() && due != PpidRecords::dateFromText(q.value(6).toString()))
                    values.insert(QStringLiteral("dispute_due_date"), PpidRecords::dateValue(due));
            }
            if (!values.isEmpty())
                changes.append({q.value(0).toString(), values});
        }
    }
    for (const auto &c : changes) {
        if (!writer.update(m_actor.userId, Table, c.first, c.second, error))
            return -1;
    }
    return int(changes.size());
}

QList<PpidObjection> PpidObjectionRepository::query(const QString &where, const QVariantList &binds) const
{
    QList<PpidObjection> objections;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // A PPID Pembantu sees the objections against the requests of its own OPD only.
    QVariantList scopeBinds;
    const QString scope = PpidRecords::scopeSql(
        m_actor, QStringLiteral("(SELECT r.opd_id FROM ppid_requests r WHERE r.id = request_id)"), &scopeBinds);
    if (!q.prepare(SelectColumns + where + scope + QStringLiteral(" ORDER BY filed_at, obj_number")))
        return objections;
    for (const QVariant &v : binds + scopeBinds)
        q.addBindValue(v);
    if (!q.exec())
        return objections;
    const bool mask = !PersonalData::canSee(m_actor.role);
    while (q.next()) {
        const PpidObjection o = fromQuery(q);
        objections.append(mask ? PersonalData::masked(o) : o);
    }
    return objections;
}

} // namespace Humas
