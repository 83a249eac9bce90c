#pragma once

#include "auth/role.h"
#include "ppid/ppidrequest.h"

#include <QCoreApplication>
#include <QString>

class QObject;
class QTextDocument;

namespace Humas {

class AppSettings;

/** Names the receipt prints that are not part of the request itself. */
struct PpidReceiptInfo
{
    QString opdName;     ///< the PPID Pembantu (OPD) assigned, as shown
    QString officerName; ///< the desk officer who received the request
};

/**
 * The receipt given at once to a requester (tanda bukti penerimaan permohonan informasi
 * publik, UU 14/2008 Pasal 22(4)): on the letterhead, the registration number, the date and
 * time received, the requester, the information requested, how it is to be obtained, the due
 * date of the written notice written out ("Selasa, 7 April 2026"), the requester's rights and
 * the signature lines of the officer and the requester.
 *
 * Personal data is printed in full only for roles that may see it (PersonalData::canSee);
 * every PPID print goes through forRole(). The same QTextDocument feeds print preview,
 * printing and PdfExport (portrait).
 */
class PpidReceipt
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidReceipt)
public:
    /** "RECEIPT OF A REQUEST FOR PUBLIC INFORMATION" (translated). */
    static QString title();
    /** The due date as the receipt writes it: DateText::longDate ("Selasa, 7 April 2026"). */
    static QString dueDateText(const QDate &dueDate);

    /**
     * @p request as printed for @p viewer: NIK (or deed number), address, phone and email
     * masked unless PersonalData::canSee(@p viewer). Masking a masked value changes nothing.
     */
    static PpidRequest forRole(const PpidRequest &request, Role viewer);

    /** The receipt; the caller owns the document (parented to @p parent). */
    static QTextDocument *document(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                   const PpidReceiptInfo &info, QObject *parent = nullptr);
};

} // namespace Humas
