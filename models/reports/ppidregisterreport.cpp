#include "ppidregisterreport.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "ppid/ppidobjectionrepository.h"
#include "reports/letterhead.h"
#include "reports/ppidreceipt.h"
#include "settings/appsettings.h"

#include <QFont>
#include <QLocale>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimeZone>

namespace Humas {

namespace {

QString esc(const QString &text)
{
    return text.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QTextDocument *newDocument(const QString &title, QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    QFont font;
    // Seventeen columns on a landscape page: a condensed face where the machine has one.
    font.setFamilies({QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif"),
                      QStringLiteral("DejaVu Serif Condensed"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setStretch(QFont::SemiCondensed);
    font.setPointSizeF(7.5);
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    return document;
}

/** A header cell: text, column and row span. */
struct Head
{
    QString text;
    int columns = 1;
    int rows = 1;
};

QString headerRows(const QList<Head> &groups, const QList<Head> &columns)
{
    auto cells = [](const QList<Head> &list) {
        QString html;
        for (const Head &h : list)
            html += QStringLiteral("<th bgcolor=\"#d9d9d9\" align=\"center\" valign=\"middle\" colspan=\"%1\" "
                                   "rowspan=\"%2\" style=\"font-size:7pt;\">%3</th>")
                        .arg(h.columns)
                        .arg(h.rows)
                        .arg(esc(h.text));
        return html;
    };
    return QStringLiteral("<thead><tr>") + cells(groups) + QStringLiteral("</tr><tr>") + cells(columns) +
           QStringLiteral("</tr></thead>");
}

QString numberRow(int columns)
{
    // The column numbers under the headers, as the official forms print them.
    QString html = QStringLiteral("<tr>");
    for (int i = 1; i <= columns; ++i)
        html += QStringLiteral("<td align=\"center\" bgcolor=\"#f2f2f2\"><i>%1</i></td>").arg(i);
    return html + QStringLiteral("</tr>");
}

QString cell(const QString &html, const char *align = "left")
{
    return QStringLiteral("<td valign=\"top\" align=\"%1\">%2</td>").arg(QLatin1String(align), html);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? esc(QLocale().toString(date, QStringLiteral("dd/MM/yyyy"))) : QString();
}

QString tableStart()
{
    return QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
                          "style=\"border-collapse:collapse; border-color:#000000;\">");
}

QString heading(const QString &title, const QString &period)
{
    QString html = QStringLiteral("<p align=\"center\" style=\"margin-top:10px; margin-bottom:0; font-size:12pt; "
                                  "font-weight:bold;\">%1</p>")
                       .arg(esc(title));
    if (!period.trimmed().isEmpty())
        html += QStringLiteral("<p align=\"center\" style=\"margin-top:2px; margin-bottom:0; font-size:10pt;\">%1</p>")
                    .arg(esc(period));
    return html + QStringLiteral("<p style=\"margin:0; font-size:4pt;\">&nbsp;</p>");
}

QString requestRow(int number, const PpidRequest &r, const AppSettings &settings,
                   const QHash<QString, QString> &opdNames, const QDate &today)
{
    const QDateTime received = r.receivedAt.toTimeZone(settings.timeZone());
    QStringList contact;
    if (!r.requesterPhone.trimmed().isEmpty())
        contact << esc(r.requesterPhone);
    if (!r.requesterEmail.trimmed().isEmpty())
        contact << esc(r.requesterEmail);
    QStringList obtain;
    if (!r.obtainMethod.isEmpty())
        obtain << esc(Ppid::obtainMethodName(r.obtainMethod));
    if (!r.deliveryMethod.isEmpty())
        obtain << esc(Ppid::deliveryMethodName(r.deliveryMethod));

    QString name = esc(r.requesterName);
    if (!r.requesterNik.trimmed().isEmpty())
        name += QStringLiteral("<br>") +
                esc((r.requesterType == Ppid::RequesterType::BadanHukum ? PpidRegisterReport::tr("Deed: %1")
                                                                        : PpidRegisterReport::tr("NIK: %1"))
                        .arg(r.requesterNik));
    if (r.requesterType != Ppid::RequesterType::Perorangan)
        name += QStringLiteral("<br><i>") + esc(Ppid::displayName(r.requesterType)) + QStringLiteral("</i>");

    QString decision;
    QString reason;
    if (Ppid::isDecision(r.status) || r.status == Ppid::Status::Selesai) {
        decision = esc(Ppid::displayName(r.status));
        if (r.reason == Ppid::Reason::Pasal17)
            reason = esc(PpidRegisterReport::tr("Article 17 letter %1").arg(r.pasal17Letter));
        else if (r.reason != Ppid::Reason::None)
            reason = esc(Ppid::displayName(r.reason));
        if (r.reason == Ppid::Reason::TidakDikuasai && !r.referredTo.trimmed().isEmpty())
            reason += QStringLiteral("<br>") + esc(PpidRegisterReport::tr("Referred to %1").arg(r.referredTo));
        if (!r.withheldInfo.trimmed().isEmpty())
            reason += QStringLiteral("<br>") + esc(PpidRegisterReport::tr("Withheld: %1").arg(r.withheldInfo));
    }

    QStringList remarks;
    if (!Ppid::isDecision(r.status) && r.status != Ppid::Status::Selesai)
        remarks << esc(Ppid::displayName(r.status));
    if (r.dueDate.isValid())
        remarks << esc(
            PpidRegisterReport::tr("Due %1").arg(QLocale().toString(r.dueDate, QStringLiteral("dd/MM/yyyy"))));
    if (Ppid::isOpen(r.status) && r.dueDate.isValid() && r.dueDate < today)
        remarks << QStringLiteral("<b>%1</b>").arg(esc(PpidRegisterReport::tr("Overdue")));
    if (!r.extensionReason.trimmed().isEmpty())
        remarks << esc(PpidRegisterReport::tr("Extended: %1").arg(r.extensionReason));
    if (!r.proxyName.trimmed().isEmpty())
        remarks << esc(PpidRegisterReport::tr("Proxy: %1").arg(r.proxyName));
    if (!r.notes.trimmed().isEmpty())
        remarks << esc(r.notes);

    const QString fee =
        r.feeRupiah > 0 || r.handedOverDate.isValid()
            ? esc(PpidRegisterReport::tr("Rp %1", "an amount in rupiah").arg(QLocale().toString(r.feeRupiah)))
            : QString();
    return QStringLiteral("<tr>") + cell(QString::number(number), "center") + cell(esc(r.regNumber)) +
           cell(dateText(received.date()) + QStringLiteral("<br>") + esc(DateText::time(received.time()))) +
           cell(name) + cell(esc(r.requesterAddress)) + cell(contact.join(QStringLiteral("<br>"))) +
           cell(esc(r.requesterOccupation)) + cell(esc(r.information)) + cell(esc(r.purpose)) +
           cell(obtain.join(QStringLiteral("<br>"))) + cell(esc(opdNames.value(r.opdId))) + cell(decision) +
           cell(reason) + cell(dateText(r.noticeDate)) + cell(dateText(r.handedOverDate)) + cell(fee, "right") +
           cell(remarks.join(QStringLiteral("<br>"))) + QStringLiteral("</tr>");
}

QString nameOr(const QString &name, const QString &code)
{
    return name.isEmpty() ? code : name;
}

QString objectionRow(int number, const PpidObjection &o, const PpidRequest &r, const AppSettings &settings)
{
    const QDate filed = o.filedAt.toTimeZone(settings.timeZone()).date();
    QString requester = esc(r.requesterName);
    if (!o.filedBy.trimmed().isEmpty() && o.filedBy.trimmed() != r.requesterName.trimmed())
        requester = esc(o.filedBy) + QStringLiteral("<br>") +
                    esc(PpidRegisterReport::tr("for %1").arg(r.requesterName.trimmed()));
    const QString ground = esc(o.ground) + QStringLiteral(". ") + esc(PpidObjection::groundDescription(o.ground));
    return QStringLiteral("<tr>") + cell(QString::number(number), "center") + cell(esc(o.number)) +
           cell(dateText(filed)) + cell(requester) + cell(esc(r.regNumber)) + cell(esc(r.information)) +
           cell(esc(r.purpose)) + cell(ground) + cell(esc(o.summary)) + cell(dateText(o.dueDate)) +
           cell(esc(nameOr(PpidObjectionRepository::decisionName(o.atasanDecision), o.atasanDecision))) +
           cell(dateText(o.atasanDecisionDate)) + cell(esc(o.requesterResponse)) +
           cell(esc(nameOr(PpidObjectionRepository::disputeStageName(o.disputeStage), o.disputeStage))) +
           cell(esc(o.disputeOutcome)) + cell(esc(o.notes)) + QStringLiteral("</tr>");
}

/** Column widths in percent of the page, in the order of the official layout. */
const QList<double> RequestWidths = {2.5, 6.5, 6, 7, 7, 7.5, 6.5, 8.5, 5.5, 5.5, 6, 5, 5.5, 5, 5, 4.5, 6.5};
const QList<double> ObjectionWidths = {2.5, 6.5, 5, 7.5, 7, 9, 6, 7.5, 10, 5, 6.5, 5, 6, 5.5, 6, 5};

/**
 * Gives the register table its column widths and makes it repeat its header rows on every
 * page. Done on the table format, because the HTML importer's handling of <thead> and of
 * widths in spanned header cells is not something to rely on across Qt versions.
 */
void formatTable(QTextDocument *document, const QList<double> &widths)
{
    if (QTextTable *table = PpidRegisterReport::registerTable(document)) {
        QTextTableFormat format = table->format();
        format.setHeaderRowCount(PpidRegisterReport::HeaderRows);
        QList<QTextLength> constraints;
        for (const double w : widths)
            constraints.append(QTextLength(QTextLength::PercentageLength, w));
        if (constraints.size() == table->columns())
            format.setColumnWidthConstraints(constraints);
        table->setFormat(format);
    }
}

QString emptyRow(int columns)
{
    return QStringLiteral("<tr><td colspan=\"%1\" align=\"center\"><i>%2</i></td></tr>")
        .arg(columns)
        .arg(esc(PpidRegisterReport::tr("No entries in this period.")));
}

} // namespace

QString PpidRegisterReport::requestTitle()
{
    return tr("REGISTER OF REQUESTS FOR PUBLIC INFORMATION");
}

QString PpidRegisterReport::objectionTitle()
{
    return tr("REGISTER OF OBJECTIONS");
}

QTextTable *PpidRegisterReport::registerTable(QTextDocument *document)
{
    if (!document)
        return nullptr;
    QTextTable *widest = nullptr;
    const QList<QTextFrame *> frames = document->rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (table && (!widest || table->columns() > widest->columns()))
            widest = table;
    }
    return widest;
}

QTextDocument *PpidRegisterReport::requests(const AppSettings &settings, const QList<PpidRequest> &requests,
                                            Role viewer, const QHash<QString, QString> &opdNames, const QString &period,
                                            QObject *parent)
{
    QTextDocument *document = newDocument(requestTitle(), parent);
    const QDate today = Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
    const QList<Head> groups = {
        {tr("No."), 1, 2},
        {tr("Registration number"), 1, 2},
        {tr("Date received"), 1, 2},
        {tr("Requester"), 4, 1},
        {tr("Information requested"), 1, 2},
        {tr("Purpose"), 1, 2},
        {tr("How to obtain / receive"), 1, 2},
        {tr("PPID Pembantu"), 1, 2},
        {tr("Decision"), 2, 1},
        {tr("Date of written notice"), 1, 2},
        {tr("Information handed over"), 2, 1},
        {tr("Remarks"), 1, 2},
    };
    const QList<Head> columns = {
        {tr("Name / NIK")}, {tr("Address")},  {tr("Telephone / email")},
        {tr("Occupation")}, {tr("Decision")}, {tr("Reason")},
        {tr("Date")},       {tr("Cost")},
    };

    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body>");
    html += Letterhead::html(settings, document) + heading(requestTitle(), period);
    html += tableStart() + headerRows(groups, columns) + QStringLiteral("<tbody>") + numberRow(RequestColumns);
    int number = 0;
    for (const PpidRequest &request : requests)
        html += requestRow(++number, PpidReceipt::forRole(request, viewer), settings, opdNames, today);
    if (requests.isEmpty())
        html += emptyRow(RequestColumns);
    html += QStringLiteral("</tbody></table></body></html>");
    document->setHtml(html);
    // setHtml() takes the title from <title>; keep ours for the PDF and the print job.
    document->setMetaInformation(QTextDocument::DocumentTitle, requestTitle());
    formatTable(document, RequestWidths);
    return document;
}

QTextDocument *PpidRegisterReport::objections(const AppSettings &settings, const QList<PpidObjection> &objections,
                                              const QHash<QString, PpidRequest> &requestsById, Role viewer,
                                              const QString &period, QObject *parent)
{
    QTextDocument *document = newDocument(objectionTitle(), parent);
    const QList<Head> groups = {
        {tr("No."), 1, 2},
        {tr("Objection number"), 1, 2},
        {tr("Date filed"), 1, 2},
        {tr("Requester / proxy"), 1, 2},
        {tr("Request"), 3, 1},
        {tr("Ground (Article 35(1))"), 1, 2},
        {tr("Summary of the case"), 1, 2},
        {tr("Answer due"), 1, 2},
        {tr("Decision of the Atasan PPID"), 2, 1},
        {tr("Requester's response"), 1, 2},
        {tr("Komisi Informasi"), 2, 1},
        {tr("Remarks"), 1, 2},
    };
    const QList<Head> columns = {
        {tr("Registration number")},
        {tr("Information requested")},
        {tr("Purpose")},
        {tr("Decision")},
        {tr("Date")},
        {tr("Stage")},
        {tr("Outcome")},
    };

    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body>");
    html += Letterhead::html(settings, document) + heading(objectionTitle(), period);
    html += tableStart() + headerRows(groups, columns) + QStringLiteral("<tbody>") + numberRow(ObjectionColumns);
    int number = 0;
    for (const PpidObjection &objection : objections) {
        const PpidRequest request = PpidReceipt::forRole(requestsById.value(objection.requestId), viewer);
        html += objectionRow(++number, objection, request, settings);
    }
    if (objections.isEmpty())
        html += emptyRow(ObjectionColumns);
    html += QStringLiteral("</tbody></table></body></html>");
    document->setHtml(html);
    document->setMetaInformation(QTextDocument::DocumentTitle, objectionTitle());
    formatTable(document, ObjectionWidths);
    return document;
}

} // namespace Humas
