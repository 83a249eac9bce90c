#include "ppid/ppidrequestrepository.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "common/textrules.h"
#include "master/validators.h"
#include "ppid/personaldata.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrecords.h"
#include "ppid/registrationnumber.h"
#include "ppid/workingcalendar.h"
#include "store/blobstore.h"
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

const QString Table = QStringLiteral("ppid_requests");
const QString HistoryTable = QStringLiteral("ppid_status_history");

const QString SelectColumns = QStringLiteral(
    "SELECT id, rev, reg_number, received_at, channel, requester_type, requester_name, requester_nik, "
    "requester_address, requester_occupation, requester_phone, requester_email, proxy_name, information, purpose, "
    "obtain_method, delivery_method, opd_id, status, decision_reason, pasal17_letter, consequence_test, "
    "withheld_info, referred_to, extension_reason, due_date, notice_date, fee, handed_over_date, notes, attachments "
    "FROM ppid_requests WHERE deleted = 0 ");

PpidRequest fromQuery(const QSqlQuery &q)
{
    PpidRequest r;
    r.id = q.value(0).toString();
    r.rev = q.value(1).toInt();
    r.regNumber = q.value(2).toString();
    r.receivedAt = PpidRecords::utcFromText(q.value(3).toString());
    Ppid::fromCode(q.value(4).toString(), &r.channel);
    Ppid::fromCode(q.value(5).toString(), &r.requesterType);
    r.requesterName = q.value(6).toString();
    r.requesterNik = q.value(7).toString();
    r.requesterAddress = q.value(8).toString();
    r.requesterOccupation = q.value(9).toString();
    r.requesterPhone = q.value(10).toString();
    r.requesterEmail = q.value(11).toString();
    r.proxyName = q.value(12).toString();
    r.information = q.value(13).toString();
    r.purpose = q.value(14).toString();
    r.obtainMethod = q.value(15).toString();
    r.deliveryMethod = q.value(16).toString();
    r.opdId = q.value(17).toString();
    Ppid::fromCode(q.value(18).toString(), &r.status);
    Ppid::fromCode(q.value(19).toString(), &r.reason);
    r.pasal17Letter = q.value(20).toString();
    r.consequenceTest = q.value(21).toString();
    r.withheldInfo = q.value(22).toString();
    r.referredTo = q.value(23).toString();
    r.extensionReason = q.value(24).toString();
    r.dueDate = PpidRecords::dateFromText(q.value(25).toString());
    r.noticeDate = PpidRecords::dateFromText(q.value(26).toString());
    r.feeRupiah = q.value(27).toLongLong();
    r.handedOverDate = PpidRecords::dateFromText(q.value(28).toString());
    r.notes = q.value(29).toString();
    r.attachments = PpidRecords::listFromJson(q.value(30).toString());
    return r;
}

/** The fields a registrar edits (everything but number, receipt time, status and deadline). */
QVariantMap editableValues(const PpidRequest &r)
{
    return {
        {QStringLiteral("channel"), Ppid::code(r.channel)},
        {QStringLiteral("requester_type"), Ppid::code(r.requesterType)},
        {QStringLiteral("requester_name"), text(r.requesterName)},
        {QStringLiteral("requester_nik"), text(r.requesterNik)},
        {QStringLiteral("requester_address"), text(r.requesterAddress)},
        {QStringLiteral("requester_occupation"), text(r.requesterOccupation)},
        {QStringLiteral("requester_phone"), text(r.requesterPhone)},
        {QStringLiteral("requester_email"), text(r.requesterEmail)},
        {QStringLiteral("proxy_name"), text(r.proxyName)},
        {QStringLiteral("information"), text(r.information)},
        {QStringLiteral("purpose"), text(r.purpose)},
        {QStringLiteral("obtain_method"), text(r.obtainMethod)},
        {QStringLiteral("delivery_method"), text(r.deliveryMethod)},
        {QStringLiteral("opd_id"), PpidRecords::nullable(r.opdId)},
        {QStringLiteral("notice_date"), PpidRecords::dateValue(r.noticeDate)},
        {QStringLiteral("fee"), r.feeRupiah},
        {QStringLiteral("handed_over_date"), PpidRecords::dateValue(r.handedOverDate)},
        {QStringLiteral("notes"), text(r.notes)},
        {QStringLiteral("attachments"), PpidRecords::jsonList(r.attachments)},
    };
}

QVariantMap decisionValues(const PpidRequest &r)
{
    return {
        {QStringLiteral("decision_reason"), Ppid::code(r.reason)},
        {QStringLiteral("pasal17_letter"), text(r.pasal17Letter)},
        {QStringLiteral("consequence_test"), text(r.consequenceTest)},
        {QStringLiteral("withheld_info"), text(r.withheldInfo)},
        {QStringLiteral("referred_to"), text(r.referredTo)},
    };
}

/** Lengths and characters of every text field a registrar types (TextRules). */
bool checkRequestText(const PpidRequest &r, QString *error)
{
    using L = TextRules::Lines;
    return TextRules::checkAll(
        {{r.requesterName, PpidRequestRepository::tr("The requester's name"), TextRules::NameLength, L::Single},
         {r.requesterNik, PpidRequestRepository::tr("The NIK or deed number"), TextRules::CodeLength, L::Single},
         {r.requesterAddress, PpidRequestRepository::tr("The address"), TextRules::AddressLength, L::Multi},
         {r.requesterOccupation, PpidRequestRepository::tr("The occupation"), TextRules::NameLength, L::Single},
         {r.requesterPhone, PpidRequestRepository::tr("The phone number"), TextRules::CodeLength, L::Single},
         {r.requesterEmail, PpidRequestRepository::tr("The email address"), TextRules::EmailLength, L::Single},
         {r.proxyName, PpidRequestRepository::tr("The proxy's name"), TextRules::NameLength, L::Single},
         {r.information, PpidRequestRepository::tr("The information requested"), TextRules::NoteLength, L::Multi},
         {r.purpose, PpidRequestRepository::tr("The purpose"), TextRules::NoteLength, L::Multi},
         {r.consequenceTest, PpidRequestRepository::tr("The consequence test"), TextRules::NoteLength, L::Multi},
         {r.withheldInfo, PpidRequestRepository::tr("What was withheld"), TextRules::NoteLength, L::Multi},
         {r.referredTo, PpidRequestRepository::tr("The body referred to"), TextRules::NameLength, L::Single},
         {r.extensionReason, PpidRequestRepository::tr("The reason of the extension"), TextRules::NoteLength, L::Multi},
         {r.notes, PpidRequestRepository::tr("The notes"), TextRules::NoteLength, L::Multi}},
        error);
}

/** The text fields of a decision (setStatus); the rest of a stored request is not checked again. */
bool checkDecisionText(const PpidRequest &r, QString *error)
{
    using L = TextRules::Lines;
    return TextRules::checkAll(
        {{r.consequenceTest, PpidRequestRepository::tr("The consequence test"), TextRules::NoteLength, L::Multi},
         {r.withheldInfo, PpidRequestRepository::tr("What was withheld"), TextRules::NoteLength, L::Multi},
         {r.referredTo, PpidRequestRepository::tr("The body referred to"), TextRules::NameLength, L::Single}},
        error);
}

bool validateRequest(Database &db, PpidRequest *r, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    r->requesterName = r->requesterName.trimmed();
    r->information = r->information.trimmed();
    r->requesterNik = r->requesterNik.trimmed();
    r->requesterPhone = r->requesterPhone.trimmed();
    r->requesterEmail = r->requesterEmail.trimmed();
    if (r->requesterName.isEmpty())
        return fail(PpidRequestRepository::tr("The requester's name is required."));
    if (!checkRequestText(*r, error))
        return false;
    if (r->information.isEmpty())
        return fail(PpidRequestRepository::tr("Describe the information requested."));
    if (!r->requesterNik.isEmpty()) {
        QString why;
        if (r->requesterType == Ppid::RequesterType::BadanHukum) {
            if (r->requesterNik.size() > TextRules::CodeLength)
                return fail(PpidRequestRepository::tr("The deed number is too long."));
        } else if (!Validators::isNik(r->requesterNik, &why)) {
            return fail(PpidRequestRepository::tr("The NIK is not valid: %1").arg(why));
        } else {
            r->requesterNik = Validators::compactDigits(r->requesterNik, false);
        }
    }
    if (!r->requesterPhone.isEmpty() && !Validators::isPhone(r->requesterPhone))
        return fail(PpidRequestRepository::tr("The phone number is not valid (0… or +62…, 9 to 15 digits)."));
    if (!r->requesterEmail.isEmpty() && !Validators::isEmail(r->requesterEmail))
        return fail(PpidRequestRepository::tr("The email address is not valid."));
    if (!r->obtainMethod.isEmpty() && !Ppid::obtainMethods().contains(r->obtainMethod))
        return fail(PpidRequestRepository::tr("Unknown way to obtain the information \"%1\".").arg(r->obtainMethod));
    if (!r->deliveryMethod.isEmpty() && !Ppid::deliveryMethods().contains(r->deliveryMethod))
        return fail(PpidRequestRepository::tr("Unknown way to receive a copy \"%1\".").arg(r->deliveryMethod));
    if (!r->opdId.isEmpty() && !PpidRecords::exists(db, QStringLiteral("opd"), r->opdId))
        return fail(PpidRequestRepository::tr("Unknown OPD \"%1\".").arg(r->opdId));
    if (r->feeRupiah < 0)
        return fail(PpidRequestRepository::tr("The fee cannot be negative."));
    const BlobStore blobs(db);
    for (const QString &sha : r->attachments) {
        if (!blobs.contains(sha))
            return fail(PpidRequestRepository::tr("An attachment is not in the attachment store."));
    }
    if (r->noticeDate.isValid() && r->noticeDate < PpidRecords::Zone(db).localDate(r->receivedAt))
        return fail(PpidRequestRepository::tr("The notice cannot be dated before the request was received."));
    if (r->handedOverDate.isValid() && r->handedOverDate < PpidRecords::Zone(db).localDate(r->receivedAt))
        return fail(
            PpidRequestRepository::tr("The information cannot be handed over before the request was received."));
    return true;
}

bool validateDecision(Ppid::Status status, const PpidRequest &r, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const auto checkReason = [&]() {
        switch (r.reason) {
        case Ppid::Reason::None:
            return fail(PpidRequestRepository::tr("Give the reason why information is withheld or refused."));
        case Ppid::Reason::Pasal17:
            if (!Ppid::pasal17Letters().contains(r.pasal17Letter.trimmed().toLower()))
                return fail(
                    PpidRequestRepository::tr("Choose the letter of Article 17 (a–j) that exempts the information."));
            if (r.consequenceTest.trimmed().isEmpty())
                return fail(
                    PpidRequestRepository::tr("An Article 17 exemption needs the consequence test (uji konsekuensi)."));
            return true;
        case Ppid::Reason::TidakDikuasai:
            if (r.referredTo.trimmed().isEmpty())
                return fail(PpidRequestRepository::tr("Name the body that holds the information."));
            return true;
        case Ppid::Reason::BelumDikuasai:
        case Ppid::Reason::BelumDidokumentasikan:
            return true;
        }
        return true;
    };
    switch (status) {
    case Ppid::Status::DikabulkanSeluruhnya:
        if (r.reason != Ppid::Reason::None)
            return fail(PpidRequestRepository::tr("A request granted in full has no refusal reason."));
        return true;
    case Ppid::Status::DikabulkanSebagian:
        if (r.withheldInfo.trimmed().isEmpty())
            return fail(PpidRequestRepository::tr("Say what was withheld from a request granted in part."));
        return checkReason();
    case Ppid::Status::Ditolak:
        return checkReason();
    default:
        return true;
    }
}

Ppid::Status decisionOf(Database &db, const QString &id)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT decision FROM ppid_requests WHERE id = ?"));
    q.addBindValue(id);
    Ppid::Status status = Ppid::Status::DikabulkanSeluruhnya;
    if (q.exec() && q.next())
        Ppid::fromCode(q.value(0).toString(), &status);
    return status;
}

bool wasExtended(Database &db, const QString &id)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
        "SELECT 1 FROM ppid_status_history WHERE deleted = 0 AND request_id = ? AND to_status = 'diperpanjang'"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

bool addHistory(ChangeWriter &writer, const Actor &actor, const QString &id, Ppid::Status from, Ppid::Status to,
                const QString &note, QString *error, const QDateTime &at = Clock::instance()->nowUtc())
{
    return writer.insert(actor.userId, HistoryTable,
                         {{QStringLiteral("request_id"), id},
                          {QStringLiteral("from_status"), Ppid::code(from)},
                          {QStringLiteral("to_status"), Ppid::code(to)},
                          {QStringLiteral("changed_at"), PpidRecords::utcMsText(at)},
                          {QStringLiteral("changed_by"), PpidRecords::text(actor.username)},
                          {QStringLiteral("note"), PpidRecords::text(note)}},
                         nullptr, error);
}

PpidRequest loadRow(Database &db, const QString &id)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(SelectColumns + QStringLiteral("AND id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return {};
}

/** The live requests @p actor may read (PpidRecords::scopeOf), masked when the role may not see personal data. */
QList<PpidRequest> queryRows(Database &db, const Actor &actor, const QString &where, const QVariantList &binds,
                             QString *error = nullptr)
{
    QList<PpidRequest> requests;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    QVariantList all = binds;
    const QString scope = PpidRecords::scopeSql(actor, QStringLiteral("opd_id"), &all);
    const bool ok = q.prepare(SelectColumns + where + scope + QStringLiteral(" ORDER BY received_at, reg_number"));
    const bool mask = !PersonalData::canSee(actor.role);
    for (const QVariant &v : std::as_const(all))
        q.addBindValue(v);
    if (!ok || !q.exec()) {
        if (error)
            *error = PpidRequestRepository::tr("The register cannot be read: %1").arg(q.lastError().text().trimmed());
        return requests;
    }
    while (q.next()) {
        PpidRequest r = fromQuery(q);
        requests.append(mask ? PersonalData::masked(r) : r);
    }
    return requests;
}

} // namespace

PpidRequestRepository::PpidRequestRepository(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

bool PpidRequestRepository::canWrite() const
{
    return m_actor.role == Role::Admin || m_actor.role == Role::Ppid;
}

bool PpidRequestRepository::canSeePersonalData() const
{
    return PersonalData::canSee(m_actor.role);
}

bool PpidRequestRepository::add(PpidRequest *request, QString *error)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    PpidRequest r = *request;
    if (!r.receivedAt.isValid())
        r.receivedAt = Clock::instance()->nowUtc();
    r.receivedAt = r.receivedAt.toUTC();
    // Seconds are enough in a register; keeping them out makes stored and read values equal.
    r.receivedAt.setTime(QTime(r.receivedAt.time().hour(), r.receivedAt.time().minute(), r.receivedAt.time().second()));
    r.status = Ppid::Status::Diterima;
    r.reason = Ppid::Reason::None;
    if (!validateRequest(m_db, &r, error))
        return false;
    if (r.receivedAt > Clock::instance()->nowUtc().addSecs(5 * 60)) {
        if (error)
            *error = tr("The time of receipt lies in the future.");
        return false;
    }

    const PpidRecords::Zone zone(m_db);
    const QDate day0 = zone.localDate(r.receivedAt);
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    RegistrationNumber::Taken number;
    if (!RegistrationNumber::take(m_db, m_actor.userId, RegistrationNumber::Series::Request, day0, &number, error))
        return false;
    r.regNumber = number.number;
    r.dueDate = WorkingCalendar::load(m_db).addWorkingDays(day0, PpidDeadlines::Response);

    QVariantMap values = editableValues(r);
    values.insert(decisionValues(r));
    values.insert(QStringLiteral("reg_number"), r.regNumber);
    values.insert(QStringLiteral("desk_code"), number.desk);
    values.insert(QStringLiteral("reg_year"), number.year);
    values.insert(QStringLiteral("reg_seq"), number.seq);
    values.insert(QStringLiteral("received_at"), PpidRecords::utcText(r.receivedAt));
    values.insert(QStringLiteral("status"), Ppid::code(r.status));
    values.insert(QStringLiteral("extension_reason"), QStringLiteral(""));
    values.insert(QStringLiteral("due_date"), PpidRecords::dateValue(r.dueDate));

    ChangeWriter &writer = m_db.writer();
    QString id;
    if (!writer.insert(m_actor.userId, Table, values, &id, error))
        return false;
    r.id = id;
    if (!addHistory(writer, m_actor, id, r.status, r.status, QString(), error))
        return false;
    if (!tx.commit(error))
        return false;
    r.rev = 1;
    *request = r;
    return true;
}

bool PpidRequestRepository::update(const PpidRequest &request, QString *error)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const PpidRequest current = loadRow(m_db, request.id);
    if (!current.isValid())
        return fail(tr("The request no longer exists."));
    if (!request.regNumber.isEmpty() && request.regNumber != current.regNumber)
        return fail(tr("A registration number never changes once it is given (%1).").arg(current.regNumber));
    if (request.receivedAt.isValid() && request.receivedAt.toUTC() != current.receivedAt)
        return fail(tr("The time of receipt is part of the register and cannot be changed."));
    if (request.status != current.status)
        return fail(tr("Change the status with the status actions, not by editing the request."));
    PpidRequest r = request;
    r.regNumber = current.regNumber;
    r.receivedAt = current.receivedAt;
    if (!validateRequest(m_db, &r, error))
        return false;
    QVariantMap values = editableValues(r);
    // The reasons of a decision may be corrected, under the same rules as when deciding.
    if (Ppid::isDecision(current.status) || current.status == Ppid::Status::Selesai) {
        if (!validateDecision(current.status == Ppid::Status::Selesai ? decisionOf(m_db, current.id) : current.status,
                              r, error))
            return false;
        values.insert(decisionValues(r));
    }
    ChangeWriter &writer = m_db.writer();
    return writer.update(m_actor.userId, Table, r.id, values, error);
}

bool PpidRequestRepository::setStatus(const PpidRequest &request, Ppid::Status status, const QString &note,
                                      QString *error)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const PpidRequest current = loadRow(m_db, request.id);
    if (!current.isValid())
        return fail(tr("The request no longer exists."));
    if (current.status == status)
        return true;
    if (!TextRules::check(note.trimmed(), tr("The note"), TextRules::NoteLength, TextRules::Lines::Multi, error))
        return false;
    if (status == Ppid::Status::Diperpanjang)
        return extend(current.id, note, error);
    if (!Ppid::canTransition(current.status, status)) {
        return fail(tr("A request that is \"%1\" cannot become \"%2\".")
                        .arg(Ppid::displayName(current.status), Ppid::displayName(status)));
    }
    const QDateTime now = Clock::instance()->nowUtc();
    const QDate today = PpidRecords::Zone(m_db).localDate(now);
    QVariantMap values = {{QStringLiteral("status"), Ppid::code(status)}};
    if (Ppid::isDecision(status)) {
        // A decision is final (it only leads to "selesai"), so this is the request's one decision.
        values.insert(QStringLiteral("decision"), Ppid::code(status));
        values.insert(QStringLiteral("decided_at"), PpidRecords::utcMsText(now));
        PpidRequest decided = request;
        decided.pasal17Letter = decided.pasal17Letter.trimmed().toLower();
        if (!checkDecisionText(decided, error) || !validateDecision(status, decided, error))
            return false;
        values.insert(decisionValues(decided));
        values.insert(QStringLiteral("notice_date"),
                      PpidRecords::dateValue(decided.noticeDate.isValid() ? decided.noticeDate : today));
        if (decided.feeRupiah < 0)
            return fail(tr("The fee cannot be negative."));
        values.insert(QStringLiteral("fee"), decided.feeRupiah);
    } else if (status == Ppid::Status::Selesai) {
        const bool granted = current.status != Ppid::Status::Ditolak;
        QDate handedOver = request.handedOverDate.isValid() ? request.handedOverDate : current.handedOverDate;
        if (!handedOver.isValid() && granted)
            handedOver = today;
        values.insert(QStringLiteral("handed_over_date"), PpidRecords::dateValue(handedOver));
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!writer.update(m_actor.userId, Table, current.id, values, error) ||
        !addHistory(writer, m_actor, current.id, current.status, status, note.trimmed(), error, now))
        return false;
    return tx.commit(error);
}

bool PpidRequestRepository::extend(const QString &id, const QString &reason, QString *error)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const PpidRequest current = loadRow(m_db, id);
    if (!current.isValid())
        return fail(tr("The request no longer exists."));
    if (reason.trimmed().isEmpty())
        return fail(tr("An extension needs a written reason (UU 14/2008 Article 22(8))."));
    if (!TextRules::check(reason.trimmed(), tr("The reason of the extension"), TextRules::NoteLength,
                          TextRules::Lines::Multi, error))
        return false;
    if (current.status == Ppid::Status::Diperpanjang || !current.extensionReason.isEmpty() || wasExtended(m_db, id))
        return fail(tr("A request can be extended only once."));
    if (current.status == Ppid::Status::Diterima)
        return fail(tr("Mark the request as being processed before extending it."));
    if (current.status != Ppid::Status::Diproses)
        return fail(tr("A request that is \"%1\" can no longer be extended.").arg(Ppid::displayName(current.status)));
    const PpidRecords::Zone zone(m_db);
    if (current.dueDate.isValid() && zone.today() > current.dueDate)
        return fail(tr("The extension must be decided before the deadline (%1), which has passed.")
                        .arg(DateText::date(current.dueDate)));
    const QDate due = WorkingCalendar::load(m_db).addWorkingDays(zone.localDate(current.receivedAt),
                                                                 PpidDeadlines::Response + PpidDeadlines::Extension);
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!writer.update(m_actor.userId, Table, id,
                       {{QStringLiteral("status"), Ppid::code(Ppid::Status::Diperpanjang)},
                        {QStringLiteral("extension_reason"), reason.trimmed()},
                        {QStringLiteral("due_date"), PpidRecords::dateValue(due)}},
                       error) ||
        !addHistory(writer, m_actor, id, current.status, Ppid::Status::Diperpanjang, reason.trimmed(), error))
        return false;
    return tx.commit(error);
}

PpidRequest PpidRequestRepository::get(const QString &id) const
{
    const QList<PpidRequest> found = queryRows(m_db, m_actor, QStringLiteral("AND id = ?"), {id});
    return found.isEmpty() ? PpidRequest() : found.constFirst();
}

PpidRequest PpidRequestRepository::getByNumber(const QString &regNumber) const
{
    const QList<PpidRequest> found = queryRows(m_db, m_actor, QStringLiteral("AND reg_number = ?"), {regNumber});
    return found.isEmpty() ? PpidRequest() : found.constFirst();
}

QList<PpidRequest> PpidRequestRepository::list(const QDate &from, const QDate &to, QString *error) const
{
    const PpidRecords::Zone zone(m_db);
    QString where;
    QVariantList binds;
    if (from.isValid()) {
        where += QStringLiteral("AND received_at >= ? ");
        binds << PpidRecords::utcText(zone.startOfDay(from));
    }
    if (to.isValid()) {
        where += QStringLiteral("AND received_at < ? ");
        binds << PpidRecords::utcText(zone.startOfDay(to.addDays(1)));
    }
    return queryRows(m_db, m_actor, where, binds, error);
}

QList<PpidStatusChange> PpidRequestRepository::history(const QString &id) const
{
    QList<PpidStatusChange> changes;
    if (PpidRecords::scopeOf(m_actor) != PpidRecords::Scope::All && !get(id).isValid())
        return changes; // outside the actor's scope
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT from_status, to_status, changed_at, changed_by, note FROM ppid_status_history "
                             "WHERE deleted = 0 AND request_id = ? ORDER BY changed_at, hlc"));
    q.addBindValue(id);
    if (!q.exec())
        return changes;
    while (q.next()) {
        PpidStatusChange c;
        c.requestId = id;
        Ppid::fromCode(q.value(0).toString(), &c.from);
        Ppid::fromCode(q.value(1).toString(), &c.to);
        c.at = PpidRecords::utcFromText(q.value(2).toString());
        c.by = q.value(3).toString();
        c.note = q.value(4).toString();
        changes.append(c);
    }
    return changes;
}

int PpidRequestRepository::recomputeDeadlines(const WorkingCalendar &calendar, QString *error,
                                              const QString &onlySiteId)
{
    if (!PpidRecords::checkWriter(canWrite(), m_actor, error))
        return -1;
    const PpidRecords::Zone zone(m_db);
    struct Change
    {
        QString id;
        QString status;
        QDate oldDue;
        QDate newDue;
    };
    QList<Change> changes;
    {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, status, received_at, due_date FROM ppid_requests WHERE deleted = 0 "
                                 "AND status IN ('diterima', 'diproses', 'diperpanjang') AND (? = '' OR site_id = ?)"));
        q.addBindValue(onlySiteId.isNull() ? QStringLiteral("") : onlySiteId);
        q.addBindValue(onlySiteId.isNull() ? QStringLiteral("") : onlySiteId);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return -1;
        }
        while (q.next()) {
            const QString status = q.value(1).toString();
            const int days =
                PpidDeadlines::Response + (status == QLatin1String("diperpanjang") ? PpidDeadlines::Extension : 0);
            const QDate due =
                calendar.addWorkingDays(zone.localDate(PpidRecords::utcFromText(q.value(2).toString())), days);
            const QDate old = PpidRecords::dateFromText(q.value(3).toString());
            if (due != old)
                changes.append({q.value(0).toString(), status, old, due});
        }
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return -1;
    ChangeWriter &writer = m_db.writer();
    for (const Change &c : changes) {
        Ppid::Status status = Ppid::Status::Diterima;
        Ppid::fromCode(c.status, &status);
        // The history shows the move, so whoever watches the deadline sees why it changed.
        const QString note = QStringLiteral("due_date %1 -> %2 (holidays changed)")
                                 .arg(c.oldDue.toString(Qt::ISODate), c.newDue.toString(Qt::ISODate));
        if (!writer.update(m_actor.userId, Table, c.id, {{QStringLiteral("due_date"), PpidRecords::dateValue(c.newDue)}}, error) ||
            !addHistory(writer, m_actor, c.id, status, status, note, error))
            return -1;
    }
    const int objections = PpidObjectionRepository(m_db, m_actor).recomputeDeadlines(writer, calendar, error, onlySiteId);
    if (objections < 0)
        return -1;
    if (!tx.commit(error))
        return -1;
    return int(changes.size()) + objections;
}

} // namespace Humas
