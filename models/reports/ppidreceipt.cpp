#include "ppidreceipt.h"

#include "common/datetext.h"
#include "ppid/personaldata.h"
#include "ppid/workingcalendar.h"
#include "reports/letterhead.h"
#include "settings/appsettings.h"

#include <QFont>
#include <QTextDocument>
#include <QTimeZone>

namespace Humas {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QTextDocument *newDocument(const QString &title, QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    QFont font;
    font.setFamilies(
        {QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(10.5);
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    return document;
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td width=\"34%\" valign=\"top\">%1</td><td width=\"2%\" valign=\"top\">:</td>"
                          "<td width=\"64%\" valign=\"top\">%2</td></tr>")
        .arg(esc(label), valueHtml);
}

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("-") : esc(text.trimmed());
}

/** The two signature columns: the requester on the left, the officer on the right. */
QString signatures(const QString &placeDate, const QString &requester, const QString &officer)
{
    const QString blank = QStringLiteral("<p style=\"margin:0;\">&nbsp;</p>").repeated(4);
    const QString cell = QStringLiteral("<td width=\"50%\" align=\"center\" valign=\"top\">"
                                        "<p align=\"center\" style=\"margin:0;\">%1</p>"
                                        "<p align=\"center\" style=\"margin:0;\">%2</p>%3"
                                        "<p align=\"center\" style=\"margin:0;\">( <b>%4</b> )</p></td>");
    const QString dots = QStringLiteral("....................................");
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" "
                          "style=\"margin-top:18px;\"><tr>") +
           cell.arg(QStringLiteral("&nbsp;"), esc(PpidReceipt::tr("Requester")), blank,
                    requester.trimmed().isEmpty() ? dots : esc(requester.trimmed())) +
           cell.arg(esc(placeDate), esc(PpidReceipt::tr("Information service officer")), blank,
                    officer.trimmed().isEmpty() ? dots : esc(officer.trimmed())) +
           QStringLiteral("</tr></table>");
}

QString rights(const QString &dueText)
{
    const QStringList items = {
        PpidReceipt::tr("The PPID gives you a written notice within %1 working days of receipt, at the latest on %2.")
            .arg(PpidDeadlines::Response)
            .arg(dueText),
        PpidReceipt::tr("The PPID may extend this time once, by at most %1 more working days, with written reasons.")
            .arg(PpidDeadlines::Extension),
        PpidReceipt::tr("If your request is refused, not answered in time or not handled as requested, you may file "
                        "an objection with the Atasan PPID within %1 working days (Law 14/2008, Articles 35 and 36).")
            .arg(PpidDeadlines::ObjectionFiling),
        PpidReceipt::tr("The Atasan PPID answers an objection within %1 working days; if you are not satisfied with "
                        "the answer you may take the dispute to the Komisi Informasi within %2 working days "
                        "(Article 37).")
            .arg(PpidDeadlines::AtasanAnswer)
            .arg(PpidDeadlines::KomisiInformasi),
        PpidReceipt::tr("Keep this receipt: quote its registration number in every enquiry about your request."),
    };
    QString html = QStringLiteral("<p style=\"margin-top:12px; margin-bottom:2px;\"><b>%1</b></p><ol "
                                  "style=\"margin-top:0; margin-bottom:0;\">")
                       .arg(esc(PpidReceipt::tr("Your rights as a requester")));
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(esc(item));
    return html + QStringLiteral("</ol>");
}

} // namespace

QString PpidReceipt::title()
{
    return tr("RECEIPT OF A REQUEST FOR PUBLIC INFORMATION");
}

QString PpidReceipt::dueDateText(const QDate &dueDate)
{
    return dueDate.isValid() ? DateText::longDate(dueDate) : QString();
}

PpidRequest PpidReceipt::forRole(const PpidRequest &request, Role viewer)
{
    return PersonalData::canSee(viewer) ? request : PersonalData::masked(request);
}

QTextDocument *PpidReceipt::document(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                     const PpidReceiptInfo &info, QObject *parent)
{
    const PpidRequest r = forRole(request, viewer);
    QTextDocument *document = newDocument(title(), parent);
    const QDateTime received = r.receivedAt.toTimeZone(settings.timeZone());
    const QString dueText = dueDateText(r.dueDate);

    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body>");
    html += Letterhead::html(settings, document);
    html += QStringLiteral("<p align=\"center\" style=\"margin-top:14px; margin-bottom:0; font-size:12.5pt; "
                           "font-weight:bold;\">%1</p>"
                           "<p align=\"center\" style=\"margin-top:2px; margin-bottom:10px; font-size:11pt;\">%2</p>")
                .arg(esc(title()), esc(tr("Registration number: %1").arg(r.regNumber)));

    const bool legalEntity = r.requesterType == Ppid::RequesterType::BadanHukum;
    QString rows;
    rows += row(tr("Received on"), esc(DateText::dateTime(received, settings.timeZoneCode())));
    rows += row(tr("Channel"), esc(Ppid::displayName(r.channel)));
    rows += row(tr("Requester"), QStringLiteral("<b>%1</b>").arg(orDash(r.requesterName)));
    rows += row(tr("Type of requester"), esc(Ppid::displayName(r.requesterType)));
    rows += row(legalEntity ? tr("Deed number") : tr("NIK"), orDash(r.requesterNik));
    rows += row(tr("Address"), orDash(r.requesterAddress));
    rows += row(tr("Occupation"), orDash(r.requesterOccupation));
    rows += row(tr("Telephone"), orDash(r.requesterPhone));
    rows += row(tr("Email"), orDash(r.requesterEmail));
    if (!r.proxyName.trimmed().isEmpty())
        rows += row(tr("Represented by (proxy)"), esc(r.proxyName.trimmed()));
    rows += row(tr("Information requested"), orDash(r.information));
    rows += row(tr("Purpose"), orDash(r.purpose));
    rows += row(tr("How to obtain the information"), orDash(Ppid::obtainMethodName(r.obtainMethod)));
    rows += row(tr("How to receive a copy"), orDash(Ppid::deliveryMethodName(r.deliveryMethod)));
    if (!info.opdName.trimmed().isEmpty())
        rows += row(tr("PPID Pembantu (agency)"), esc(info.opdName.trimmed()));
    rows += row(tr("Written notice due by"),
                QStringLiteral("<b>%1</b>").arg(dueText.isEmpty() ? QStringLiteral("-") : esc(dueText)));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" border=\"0\">") + rows +
            QStringLiteral("</table>");
    html += rights(dueText.isEmpty() ? tr("the due date") : dueText);

    const QString city = settings.city().trimmed();
    const QString date = DateText::date(received.date());
    const QString placeDate =
        city.isEmpty() ? date : Letterhead::tr("%1, %2", "place, date above a signature").arg(city, date);
    html += signatures(placeDate, r.proxyName.trimmed().isEmpty() ? r.requesterName : r.proxyName, info.officerName);
    html += QStringLiteral("</body></html>");
    document->setHtml(html);
    // setHtml() takes the title from <title>; keep ours for the PDF and the print job.
    document->setMetaInformation(QTextDocument::DocumentTitle, title());
    return document;
}

} // namespace Humas
