#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

class QTextDocument;

namespace Humas {

class AppSettings;

/** Who signs a printed report (DOMAIN.md "Kop surat": place and date, position, name, NIP). */
struct SignatureInfo
{
    /** Where it is signed; empty means AppSettings::city(). */
    QString place;
    /** The signing date; invalid means the report's own (first) day. */
    QDate date;
    QString position;
    QString name;
    /** The civil-servant number without the "NIP." prefix; empty leaves the line out. */
    QString nip;
};

/**
 * The kop surat (letterhead) and the signature block of printed reports, as HTML for a
 * QTextDocument: the emblem on the left, the letterhead lines centred (the first larger,
 * bold, uppercase), the office address, a double rule under it.
 */
class Letterhead
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Letterhead)
public:
    /** The resource name the emblem is registered under in the document. */
    static QString emblemResourceName();

    /**
     * The letterhead block. When the settings hold an emblem and @p document is given, the
     * image is added to @p document as a resource (QTextDocument::ImageResource) and shown.
     */
    static QString html(const AppSettings &settings, QTextDocument *document);

    /** The signature block, right-hand side of the page. @p fallbackDate is used when info.date is invalid. */
    static QString signatureHtml(const SignatureInfo &info, const QString &defaultPlace, const QDate &fallbackDate);
};

} // namespace Humas
