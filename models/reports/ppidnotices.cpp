#include "ppidnotices.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/workingcalendar.h"
#include "reports/ppidreceipt.h"
#include "settings/appsettings.h"

#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTimeZone>

namespace Humas {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("-") : text.trimmed();
}

QTextDocument *newDocument(const QString &title, QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    QFont font;
    font.setFamilies(
        {QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(11);
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    return document;
}

QString heading(const QString &title, const QString &subtitle)
{
    return QStringLiteral("<p align=\"center\" style=\"margin-top:14px; margin-bottom:0; font-size:12.5pt; "
                          "font-weight:bold;\">%1</p>"
                          "<p align=\"center\" style=\"margin-top:2px; margin-bottom:12px;\">%2</p>")
        .arg(esc(title), esc(subtitle));
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p align=\"justify\" style=\"margin-top:6px; margin-bottom:6px;\">%1</p>").arg(esc(text));
}

/** A label : value table; values are plain text. */
QString facts(const QList<QPair<QString, QString>> &rows)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" border=\"0\" "
                                  "style=\"margin-left:12px;\">");
    for (const auto &r : rows)
        html += QStringLiteral("<tr><td width=\"32%\" valign=\"top\">%1</td><td width=\"2%\" valign=\"top\">:</td>"
                               "<td width=\"66%\" valign=\"top\">%2</td></tr>")
                    .arg(esc(r.first), esc(orDash(r.second)));
    return html + QStringLiteral("</table>");
}

QDate localToday(const AppSettings &settings)
{
    return Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
}

QString rupiah(qint64 amount)
{
    return PpidNotices::tr("Rp %1", "an amount in rupiah").arg(QLocale().toString(amount));
}

QMap<QString, QString> requestFields(const AppSettings &settings, const PpidRequest &r)
{
    QStringList contact;
    if (!r.requesterPhone.trimmed().isEmpty())
        contact << r.requesterPhone.trimmed();
    if (!r.requesterEmail.trimmed().isEmpty())
        contact << r.requesterEmail.trimmed();
    return {
        {QStringLiteral("number"), r.regNumber},
        {QStringLiteral("received"), DateText::longDate(r.receivedAt.toTimeZone(settings.timeZone()).date())},
        {QStringLiteral("name"), r.requesterName.trimmed()},
        {QStringLiteral("address"), r.requesterAddress.trimmed()},
        {QStringLiteral("contact"), contact.join(QStringLiteral(" / "))},
        {QStringLiteral("information"), r.information.trimmed()},
        {QStringLiteral("purpose"), r.purpose.trimmed()},
        {QStringLiteral("due"), PpidReceipt::dueDateText(r.dueDate)},
        {QStringLiteral("reason"), r.extensionReason.trimmed()},
        {QStringLiteral("letter"), r.pasal17Letter},
        {QStringLiteral("letterDescription"), Ppid::pasal17Description(r.pasal17Letter)},
        {QStringLiteral("consequence"), r.consequenceTest.trimmed()},
        {QStringLiteral("withheld"), r.withheldInfo.trimmed()},
        {QStringLiteral("referred"), r.referredTo.trimmed()},
        {QStringLiteral("objectionDays"), QString::number(PpidDeadlines::ObjectionFiling)},
        {QStringLiteral("extensionDays"), QString::number(PpidDeadlines::Extension)},
        {QStringLiteral("disputeDays"), QString::number(PpidDeadlines::KomisiInformasi)},
    };
}

/** The requester block every request notice starts with. */
QString requesterBlock(const PpidRequest &r, const QMap<QString, QString> &fields)
{
    return facts({
        {PpidNotices::tr("Registration number"), r.regNumber},
        {PpidNotices::tr("Name"), fields.value(QStringLiteral("name"))},
        {PpidNotices::tr("Address"), fields.value(QStringLiteral("address"))},
        {PpidNotices::tr("Telephone / email"), fields.value(QStringLiteral("contact"))},
        {PpidNotices::tr("Information requested"), fields.value(QStringLiteral("information"))},
        {PpidNotices::tr("Purpose"), fields.value(QStringLiteral("purpose"))},
    });
}

QString reasonText(const PpidRequest &r, const QMap<QString, QString> &fields)
{
    switch (r.reason) {
    case Ppid::Reason::Pasal17:
        return PpidNotices::fill(
            PpidNotices::tr("exempt information under Article 17 letter {letter} of Law 14/2008 ({letterDescription})"),
            fields);
    case Ppid::Reason::BelumDikuasai:
        return PpidNotices::tr("the information requested is not yet in our possession");
    case Ppid::Reason::BelumDidokumentasikan:
        return PpidNotices::tr("the information requested has not yet been documented");
    case Ppid::Reason::TidakDikuasai:
        return PpidNotices::fill(
            PpidNotices::tr("the information requested is not held by us; it is held by {referred}"), fields);
    case Ppid::Reason::None:
        break;
    }
    return {};
}

QString signature(const AppSettings &settings, const PpidNoticeInfo &info, const QDate &noticeDate,
                  const QString &defaultPosition)
{
    SignatureInfo signer = info.signer;
    if (signer.position.trimmed().isEmpty())
        signer.position = defaultPosition;
    if (noticeDate.isValid())
        signer.date = noticeDate;
    return Letterhead::signatureHtml(signer, settings.city(), localToday(settings));
}

QString decisionText(const QString &code)
{
    const QString name = PpidObjectionRepository::decisionName(code);
    return name.isEmpty() ? code : name;
}

QString ppidPosition()
{
    return PpidNotices::tr("Information and Documentation Management Officer (PPID)");
}

QString objectionRight(const QMap<QString, QString> &fields)
{
    return PpidNotices::fill(PpidNotices::tr("If you do not agree with this decision you may file an objection with "
                                             "the Atasan PPID within {objectionDays} working days of receiving this "
                                             "notice (Law 14/2008, Article 35)."),
                             fields);
}

QTextDocument *build(PpidNotices::Kind kind, const AppSettings &settings, const QString &subtitle, const QString &body,
                     QObject *parent)
{
    QTextDocument *document = newDocument(PpidNotices::title(kind), parent);
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body>");
    html += Letterhead::html(settings, document);
    html += heading(PpidNotices::title(kind), subtitle);
    html += body;
    html += QStringLiteral("</body></html>");
    document->setHtml(html);
    // setHtml() takes the title from <title>; keep ours for the PDF and the print job.
    document->setMetaInformation(QTextDocument::DocumentTitle, PpidNotices::title(kind));
    return document;
}

} // namespace

QString PpidNotices::title(Kind kind)
{
    switch (kind) {
    case Kind::Decision:
        return tr("WRITTEN NOTICE");
    case Kind::Extension:
        return tr("NOTICE OF EXTENSION");
    case Kind::Refusal:
        return tr("DECISION OF THE PPID ON THE REFUSAL OF A REQUEST FOR INFORMATION");
    case Kind::ObjectionAnswer:
        return tr("ANSWER TO AN OBJECTION");
    }
    return {};
}

bool PpidNotices::kindFor(const PpidRequest &request, Kind *kind)
{
    Kind k = Kind::Decision;
    switch (request.status) {
    case Ppid::Status::Diterima:
    case Ppid::Status::Diproses:
        return false;
    case Ppid::Status::Diperpanjang:
        k = Kind::Extension;
        break;
    case Ppid::Status::DikabulkanSeluruhnya:
    case Ppid::Status::DikabulkanSebagian:
        k = Kind::Decision;
        break;
    case Ppid::Status::Ditolak:
        k = Kind::Refusal;
        break;
    case Ppid::Status::Selesai:
        // A grant in part also carries a reason, but names what was withheld.
        k = request.reason != Ppid::Reason::None && request.withheldInfo.trimmed().isEmpty() ? Kind::Refusal
                                                                                             : Kind::Decision;
        break;
    }
    if (kind)
        *kind = k;
    return true;
}

QString PpidNotices::fill(const QString &text, const QMap<QString, QString> &fields)
{
    static const QRegularExpression field(QStringLiteral("\\{([A-Za-z]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = field.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        out += fields.contains(name) ? fields.value(name) : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QTextDocument *PpidNotices::notice(Kind kind, const AppSettings &settings, const PpidRequest &request, Role viewer,
                                   const PpidNoticeInfo &info, QObject *parent)
{
    switch (kind) {
    case Kind::Decision:
        return decision(settings, request, viewer, info, parent);
    case Kind::Extension:
        return extension(settings, request, viewer, info, parent);
    case Kind::Refusal:
        return refusal(settings, request, viewer, info, parent);
    case Kind::ObjectionAnswer:
        break;
    }
    return nullptr;
}

QTextDocument *PpidNotices::decision(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                     const PpidNoticeInfo &info, QObject *parent)
{
    const PpidRequest r = PpidReceipt::forRole(request, viewer);
    const QMap<QString, QString> fields = requestFields(settings, r);
    QString body = paragraph(fill(tr("Following your request for information received on {received} under "
                                     "registration number {number}, we inform you as follows:"),
                                  fields));
    body += requesterBlock(r, fields);

    const bool partly = !r.withheldInfo.trimmed().isEmpty() || r.status == Ppid::Status::DikabulkanSebagian;
    body += QStringLiteral("<p style=\"margin-top:10px; margin-bottom:4px;\"><b>%1</b></p>")
                .arg(esc(tr("A. The information can be provided")));
    QList<QPair<QString, QString>> rows = {
        {tr("Decision"),
         Ppid::displayName(partly ? Ppid::Status::DikabulkanSebagian : Ppid::Status::DikabulkanSeluruhnya)},
        {tr("Held by"), info.opdName.trimmed().isEmpty() ? tr("Us") : info.opdName.trimmed()},
        {tr("Form in which it is available"), Ppid::obtainMethodName(r.obtainMethod)},
        {tr("How a copy is delivered"), Ppid::deliveryMethodName(r.deliveryMethod)},
        {tr("Cost"), rupiah(r.feeRupiah)},
        {tr("Provided on"), r.handedOverDate.isValid() ? DateText::longDate(r.handedOverDate) : QString()},
    };
    if (partly) {
        rows.append({tr("Information withheld"), r.withheldInfo});
        rows.append({tr("Why it is withheld"), reasonText(r, fields)});
        if (r.reason == Ppid::Reason::Pasal17)
            rows.append({tr("Consequence test"), r.consequenceTest});
    }
    body += facts(rows);
    if (partly)
        body += paragraph(objectionRight(fields));
    body += signature(settings, info, r.noticeDate, ppidPosition());
    return build(Kind::Decision, settings, tr("Registration number: %1").arg(r.regNumber), body, parent);
}

QTextDocument *PpidNotices::extension(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                      const PpidNoticeInfo &info, QObject *parent)
{
    const PpidRequest r = PpidReceipt::forRole(request, viewer);
    const QMap<QString, QString> fields = requestFields(settings, r);
    QString body = paragraph(fill(tr("Following your request for information received on {received} under "
                                     "registration number {number}, we inform you that we need more time to "
                                     "answer it."),
                                  fields));
    body += requesterBlock(r, fields);
    body += paragraph(fill(tr("Under Article 22(8) of Law 14/2008 the time to answer is extended once, by at most "
                              "{extensionDays} working days, for this reason:"),
                           fields));
    body += QStringLiteral("<p style=\"margin-left:24px; margin-top:2px; margin-bottom:6px;\"><i>%1</i></p>")
                .arg(esc(orDash(r.extensionReason)));
    body += QStringLiteral("<p style=\"margin-top:6px; margin-bottom:6px;\">%1 <b>%2</b>.</p>")
                .arg(esc(tr("The written notice on your request will be given at the latest on")),
                     esc(orDash(fields.value(QStringLiteral("due")))));
    body += signature(settings, info, r.noticeDate, ppidPosition());
    return build(Kind::Extension, settings, tr("Registration number: %1").arg(r.regNumber), body, parent);
}

QTextDocument *PpidNotices::refusal(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                    const PpidNoticeInfo &info, QObject *parent)
{
    const PpidRequest r = PpidReceipt::forRole(request, viewer);
    const QMap<QString, QString> fields = requestFields(settings, r);
    QString body = paragraph(fill(tr("Following the request for information received on {received} under "
                                     "registration number {number}:"),
                                  fields));
    body += requesterBlock(r, fields);
    if (r.reason == Ppid::Reason::Pasal17) {
        body += QStringLiteral("<p style=\"margin-top:10px; margin-bottom:4px;\">%1 <b>%2</b></p>")
                    .arg(esc(tr("the PPID decides that the information requested is")), esc(tr("EXEMPT INFORMATION")));
        body += paragraph(fill(tr("The exemption rests on Article 17 letter {letter} of Law 14/2008: the information "
                                  "{letterDescription}."),
                               fields));
        body += paragraph(tr("Consequence test: disclosing the information would have the following consequence:"));
        body += QStringLiteral("<p align=\"justify\" style=\"margin-left:24px; margin-top:2px; "
                               "margin-bottom:6px;\"><i>%1</i></p>")
                    .arg(esc(orDash(r.consequenceTest)));
    } else {
        body += paragraph(tr("the information cannot be provided because:"));
        body += QStringLiteral("<p style=\"margin-left:24px; margin-top:2px; margin-bottom:6px;\"><b>%1</b></p>")
                    .arg(esc(orDash(reasonText(r, fields))));
    }
    body += QStringLiteral("<p align=\"center\" style=\"margin-top:10px; margin-bottom:6px;\"><b>%1</b></p>")
                .arg(esc(tr("THE REQUEST FOR INFORMATION IS REFUSED")));
    body += paragraph(objectionRight(fields));
    body += signature(settings, info, r.noticeDate, ppidPosition());
    return build(Kind::Refusal, settings, tr("Registration number: %1").arg(r.regNumber), body, parent);
}

QTextDocument *PpidNotices::objectionAnswer(const AppSettings &settings, const PpidRequest &request,
                                            const PpidObjection &objection, Role viewer, const PpidNoticeInfo &info,
                                            QObject *parent)
{
    const PpidRequest r = PpidReceipt::forRole(request, viewer);
    QMap<QString, QString> fields = requestFields(settings, r);
    fields.insert(QStringLiteral("objection"), objection.number);
    fields.insert(QStringLiteral("filed"),
                  objection.filedAt.isValid()
                      ? DateText::longDate(objection.filedAt.toTimeZone(settings.timeZone()).date())
                      : QString());
    fields.insert(QStringLiteral("disputeDue"), PpidReceipt::dueDateText(objection.disputeDueDate));

    QString body = paragraph(fill(tr("Following the objection filed on {filed} under number {objection} against "
                                     "the answer to request {number}, the Atasan PPID answers as follows:"),
                                  fields));
    body += facts({
        {tr("Objection number"), objection.number},
        {tr("Filed by"), objection.filedBy.trimmed().isEmpty() ? r.requesterName : objection.filedBy},
        {tr("Address"), fields.value(QStringLiteral("address"))},
        {tr("Registration number of the request"), r.regNumber},
        {tr("Information requested"), r.information},
        {tr("Ground of the objection"),
         tr("Article 35(1) letter %1: %2").arg(objection.ground, PpidObjection::groundDescription(objection.ground))},
        {tr("Summary of the case"), objection.summary},
        {tr("Decision of the Atasan PPID"), decisionText(objection.atasanDecision)},
        {tr("Date of the decision"),
         objection.atasanDecisionDate.isValid() ? DateText::longDate(objection.atasanDecisionDate) : QString()},
    });
    const QString dispute =
        objection.disputeDueDate.isValid()
            ? tr("If you are not satisfied with this answer you may take the dispute to the Komisi Informasi within "
                 "{disputeDays} working days of receiving it, at the latest on {disputeDue} (Law 14/2008, "
                 "Article 37).")
            : tr("If you are not satisfied with this answer you may take the dispute to the Komisi Informasi within "
                 "{disputeDays} working days of receiving it (Law 14/2008, Article 37).");
    body += paragraph(fill(dispute, fields));
    body += signature(settings, info, objection.atasanDecisionDate, tr("Atasan PPID"));
    return build(Kind::ObjectionAnswer, settings, tr("Objection number: %1").arg(objection.number), body, parent);
}

} // namespace Humas
