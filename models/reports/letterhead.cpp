#include "letterhead.h"

#include "common/datetext.h"
#include "settings/appsettings.h"

#include <QImage>
#include <QTextDocument>
#include <QUrl>

namespace Humas {

namespace {

/** Emblem height on paper, in CSS pixels (1/96 inch): about 2.4 cm. */
constexpr int EmblemHeight = 90;

} // namespace

QString Letterhead::emblemResourceName()
{
    return QStringLiteral("humasdesk-emblem.png");
}

QString Letterhead::html(const AppSettings &settings, QTextDocument *document)
{
    QImage emblem;
    if (document) {
        const QByteArray data = settings.emblem();
        if (!data.isEmpty())
            emblem.loadFromData(data);
    }
    QString emblemCell;
    if (!emblem.isNull()) {
        document->addResource(QTextDocument::ImageResource, QUrl(emblemResourceName()), emblem);
        const int width = qMax(1, emblem.width() * EmblemHeight / qMax(1, emblem.height()));
        emblemCell = QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\">")
                         .arg(emblemResourceName())
                         .arg(width)
                         .arg(EmblemHeight);
    }

    QString lines;
    const QStringList letterhead = settings.letterheadLines();
    for (int i = 0; i < letterhead.size(); ++i) {
        const QString line = letterhead.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (i == 0)
            lines += QStringLiteral("<p align=\"center\" style=\"margin:0; font-size:13pt; font-weight:bold;\">%1</p>")
                         .arg(line.toUpper().toHtmlEscaped());
        else
            lines += QStringLiteral("<p align=\"center\" style=\"margin:0; font-size:12pt; font-weight:bold;\">%1</p>")
                         .arg(line.toHtmlEscaped());
    }
    const QString address = settings.officeAddress().trimmed();
    if (!address.isEmpty())
        lines += QStringLiteral("<p align=\"center\" style=\"margin:0; font-size:10pt;\">%1</p>")
                     .arg(address.toHtmlEscaped());

    // Three columns, the outer two equally wide, so the text is centred on the page even
    // with the emblem on the left.
    QString out = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr>"
                                 "<td width=\"12%\" valign=\"middle\">%1</td>"
                                 "<td width=\"76%\" valign=\"middle\">%2</td>"
                                 "<td width=\"12%\"></td>"
                                 "</tr></table>")
                      .arg(emblemCell, lines);
    // The double rule of an Indonesian kop surat: a thick line over a thin one.
    out += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" style=\"margin-top:4px;\">"
        "<tr><td bgcolor=\"#000000\" style=\"font-size:2pt;\">&nbsp;</td></tr>"
        "<tr><td style=\"font-size:1pt;\">&nbsp;</td></tr>"
        "<tr><td bgcolor=\"#000000\" style=\"font-size:0.5pt;\">&nbsp;</td></tr>"
        "</table>");
    return out;
}

QString Letterhead::signatureHtml(const SignatureInfo &info, const QString &defaultPlace, const QDate &fallbackDate)
{
    const QString place = info.place.trimmed().isEmpty() ? defaultPlace.trimmed() : info.place.trimmed();
    const QDate date = info.date.isValid() ? info.date : fallbackDate;
    const QString dateText = date.isValid() ? DateText::date(date) : QString();
    QString placeDate;
    if (!place.isEmpty() && !dateText.isEmpty())
        placeDate = tr("%1, %2", "place, date above a signature").arg(place, dateText);
    else
        placeDate = place.isEmpty() ? dateText : place;

    QString block;
    block += QStringLiteral("<p align=\"center\" style=\"margin:0;\">%1</p>").arg(placeDate.toHtmlEscaped());
    if (!info.position.trimmed().isEmpty())
        block += QStringLiteral("<p align=\"center\" style=\"margin:0;\">%1</p>")
                     .arg(info.position.trimmed().toHtmlEscaped());
    // Room for the signature and the stamp.
    block += QStringLiteral("<p style=\"margin:0;\">&nbsp;</p><p style=\"margin:0;\">&nbsp;</p>"
                            "<p style=\"margin:0;\">&nbsp;</p><p style=\"margin:0;\">&nbsp;</p>");
    block += QStringLiteral("<p align=\"center\" style=\"margin:0;\"><b><u>%1</u></b></p>")
                 .arg(info.name.trimmed().toHtmlEscaped());
    if (!info.nip.trimmed().isEmpty())
        block +=
            QStringLiteral("<p align=\"center\" style=\"margin:0;\">%1</p>")
                .arg(tr("NIP. %1", "civil-servant number under a signature").arg(info.nip.trimmed()).toHtmlEscaped());

    return QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" style=\"margin-top:24px;\">"
               "<tr><td width=\"55%\"></td><td width=\"45%\">%1</td></tr></table>")
        .arg(block);
}

} // namespace Humas
