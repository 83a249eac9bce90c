#include "agendareport.h"

#include "common/datetext.h"
#include "settings/appsettings.h"

#include <QFont>
#include <QTextDocument>
#include <QTimeZone>

#include <algorithm>

namespace Humas {

namespace {

constexpr int ColumnCount = 6;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString documentHead()
{
    return QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body style=\"font-size:10pt;\">");
}

QString heading(const QString &title, const QString &subtitle)
{
    return QStringLiteral("<p align=\"center\" style=\"margin-top:14px; margin-bottom:0; font-size:13pt; "
                          "font-weight:bold;\">%1</p>"
                          "<p align=\"center\" style=\"margin-top:2px; margin-bottom:10px; font-size:11pt;\">%2</p>")
        .arg(esc(title), esc(subtitle));
}

QString tableStart()
{
    const QString th = QStringLiteral("<th bgcolor=\"#d9d9d9\" align=\"center\" width=\"%1\">%2</th>");
    return QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                          "style=\"border-collapse:collapse; border-color:#000000;\"><thead><tr>") +
           th.arg(QStringLiteral("6%"), esc(AgendaReport::tr("No."))) +
           th.arg(QStringLiteral("16%"), esc(AgendaReport::tr("Time"))) +
           th.arg(QStringLiteral("28%"), esc(AgendaReport::tr("Activity"))) +
           th.arg(QStringLiteral("20%"), esc(AgendaReport::tr("Place"))) +
           th.arg(QStringLiteral("10%"), esc(AgendaReport::tr("Dress code"))) +
           th.arg(QStringLiteral("20%"), esc(AgendaReport::tr("Remarks"))) + QStringLiteral("</tr></thead>");
}

QString itemRow(int number, const AgendaReportItem &item, const QString &officialPosition, const QDate &day,
                const QTimeZone &zone, const QString &zoneCode)
{
    QString activity = QStringLiteral("<b>%1</b>").arg(esc(item.title));
    if (!item.organiser.trimmed().isEmpty())
        activity += QStringLiteral("<br>") + esc(AgendaReport::tr("Organiser: %1").arg(item.organiser.trimmed()));

    QStringList place;
    if (!item.venueName.trimmed().isEmpty())
        place << esc(item.venueName.trimmed());
    if (!item.kecamatanName.trimmed().isEmpty())
        place << esc(AgendaReport::tr("District %1").arg(item.kecamatanName.trimmed()));

    QStringList remarks;
    const bool delegatedAway = !officialPosition.isEmpty() && item.officialsRequested.contains(officialPosition) &&
                               !item.officialsAttending.contains(officialPosition);
    if (delegatedAway && !item.officialsAttending.isEmpty())
        remarks << esc(AgendaReport::tr("Represented by %1").arg(item.officialsAttending.join(QStringLiteral(", "))));
    else if (delegatedAway)
        remarks << esc(AgendaReport::tr("Represented"));
    else if (!item.officialsAttending.isEmpty())
        remarks << esc(AgendaReport::tr("Attending: %1").arg(item.officialsAttending.join(QStringLiteral(", "))));
    if (item.speechNeeded)
        remarks << QStringLiteral("<b>%1</b>").arg(esc(AgendaReport::tr("Speech required")));
    if (item.status == QLatin1String("diajukan"))
        remarks << QStringLiteral("<i>%1</i>").arg(esc(AgendaReport::tr("Not yet confirmed")));
    if (!item.notes.trimmed().isEmpty())
        remarks << esc(item.notes.trimmed()).replace(QLatin1Char('\n'), QStringLiteral("<br>"));

    return QStringLiteral("<tr><td align=\"center\" valign=\"top\">%1</td><td valign=\"top\">%2</td>"
                          "<td valign=\"top\">%3</td><td valign=\"top\">%4</td><td valign=\"top\">%5</td>"
                          "<td valign=\"top\">%6</td></tr>")
        .arg(QString::number(number), esc(AgendaReport::timeText(item, day, zone, zoneCode)), activity,
             place.join(QStringLiteral("<br>")), esc(item.dressCode.trimmed()), remarks.join(QStringLiteral("<br>")));
}

/** setHtml() clears the document's meta information; the title names the PDF, so keep it. */
void setHtmlKeepingTitle(QTextDocument *document, const QString &html)
{
    const QString title = document->metaInformation(QTextDocument::DocumentTitle);
    document->setHtml(html);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
}

QTextDocument *newDocument(const QString &title, QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    // Official letters use a Times-like serif; fall back to what the machine has.
    QFont font;
    font.setFamilies(
        {QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(10);
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    return document;
}

} // namespace

QString AgendaReport::dailyTitle(const QString &officialPosition)
{
    if (officialPosition.trimmed().isEmpty())
        return tr("AGENDA OF ACTIVITIES");
    return tr("AGENDA OF THE %1").arg(officialPosition.trimmed().toUpper());
}

QString AgendaReport::weeklyTitle(const QString &officialPosition)
{
    if (officialPosition.trimmed().isEmpty())
        return tr("WEEKLY AGENDA OF ACTIVITIES");
    return tr("WEEKLY AGENDA OF THE %1").arg(officialPosition.trimmed().toUpper());
}

QString AgendaReport::emptyDayText()
{
    return tr("No activities are scheduled for this day.");
}

QString AgendaReport::timeText(const AgendaReportItem &item, const QDate &day, const QTimeZone &zone,
                               const QString &zoneCode)
{
    if (item.allDay)
        return tr("All day");
    const QDateTime start = item.start.toTimeZone(zone);
    const QDateTime end = item.end.isValid() && item.end > item.start ? item.end.toTimeZone(zone) : QDateTime();
    if (!end.isValid())
        return DateText::time(start.time(), zoneCode);
    // An event running over several days: the parts that are not on this day show their date.
    const QString from = start.date() == day
                             ? DateText::time(start.time())
                             : DateText::date(start.date()) + QLatin1Char(' ') + DateText::time(start.time());
    const QString until = end.date() == day
                              ? DateText::time(end.time(), zoneCode)
                              : DateText::date(end.date()) + QLatin1Char(' ') + DateText::time(end.time(), zoneCode);
    return from + QChar(0x2013) + until;
}

QList<AgendaReportItem> AgendaReport::itemsOfDay(const QList<AgendaReportItem> &items, const QDate &day,
                                                 const QTimeZone &zone)
{
    QList<AgendaReportItem> out;
    for (const AgendaReportItem &item : items) {
        if (item.isPrinted() && item.covers(day, zone))
            out << item;
    }
    std::stable_sort(out.begin(), out.end(), [](const AgendaReportItem &a, const AgendaReportItem &b) {
        if (a.allDay != b.allDay)
            return a.allDay;
        if (a.start != b.start)
            return a.start < b.start;
        return a.end < b.end;
    });
    return out;
}

QTextDocument *AgendaReport::dailyAgenda(const AppSettings &settings, const QString &officialPosition, const QDate &day,
                                         const QList<AgendaReportItem> &items, const SignatureInfo &signature,
                                         QObject *parent)
{
    const QString title = dailyTitle(officialPosition);
    QTextDocument *document = newDocument(title, parent);
    const QTimeZone zone = settings.timeZone();
    const QString zoneCode = settings.timeZoneCode();
    const QList<AgendaReportItem> dayItems = itemsOfDay(items, day, zone);

    QString html = documentHead() + Letterhead::html(settings, document) + heading(title, DateText::longDate(day));
    if (dayItems.isEmpty()) {
        html += QStringLiteral("<p align=\"center\" style=\"margin-top:12px;\"><i>%1</i></p>").arg(esc(emptyDayText()));
    } else {
        html += tableStart();
        int number = 0;
        for (const AgendaReportItem &item : dayItems)
            html += itemRow(++number, item, officialPosition, day, zone, zoneCode);
        html += QStringLiteral("</table>");
    }
    html += Letterhead::signatureHtml(signature, settings.city(), day);
    html += QStringLiteral("</body></html>");
    setHtmlKeepingTitle(document, html);
    return document;
}

QTextDocument *AgendaReport::weeklyAgenda(const AppSettings &settings, const QString &officialPosition,
                                          const QDate &dayInWeek, const QList<AgendaReportItem> &items,
                                          const SignatureInfo &signature, QObject *parent)
{
    const QString title = weeklyTitle(officialPosition);
    QTextDocument *document = newDocument(title, parent);
    const QTimeZone zone = settings.timeZone();
    const QString zoneCode = settings.timeZoneCode();
    const QDate monday = dayInWeek.addDays(1 - dayInWeek.dayOfWeek());
    const QDate sunday = monday.addDays(6);

    const QString range = tr("%1 to %2", "a date range").arg(DateText::date(monday), DateText::date(sunday));
    QString html = documentHead() + Letterhead::html(settings, document) + heading(title, range);
    html += tableStart();
    for (QDate day = monday; day <= sunday; day = day.addDays(1)) {
        html += QStringLiteral("<tr><td colspan=\"%1\" bgcolor=\"#eeeeee\"><b>%2</b></td></tr>")
                    .arg(ColumnCount)
                    .arg(esc(DateText::longDate(day)));
        const QList<AgendaReportItem> dayItems = itemsOfDay(items, day, zone);
        if (dayItems.isEmpty()) {
            html += QStringLiteral("<tr><td></td><td colspan=\"%1\"><i>%2</i></td></tr>")
                        .arg(ColumnCount - 1)
                        .arg(esc(emptyDayText()));
            continue;
        }
        int number = 0;
        for (const AgendaReportItem &item : dayItems)
            html += itemRow(++number, item, officialPosition, day, zone, zoneCode);
    }
    html += QStringLiteral("</table>");
    html += Letterhead::signatureHtml(signature, settings.city(), monday);
    html += QStringLiteral("</body></html>");
    setHtmlKeepingTitle(document, html);
    return document;
}

} // namespace Humas
