#pragma once

#include "auth/role.h"
#include "ppid/ppidrequest.h"
#include "reports/ppidreceipt.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPageLayout>
#include <QPair>
#include <QString>

class QTextDocument;
class QWidget;

namespace Humas {
class Database;
} // namespace Humas

namespace HumasUi {

/**
 * How the PPID dialogs hand a printed document on: Preview opens QPrintPreviewDialog,
 * Direct prints on the default printer (the preview when there is none), None prints
 * nothing (the seam tests use; the document is still built and kept).
 */
enum class PpidPrintMode { None, Preview, Direct };

/** Printing and look-ups shared by the PPID dialogs. */
class PpidDialogPrinting
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::PpidDialogPrinting)
public:
    /** Hands @p document to the printer as @p mode says. */
    static void print(QWidget *parent, const QTextDocument &document, QPageLayout::Orientation orientation,
                      PpidPrintMode mode);
    /** (id, name) of the live OPDs, by name. */
    static QList<QPair<QString, QString>> opdChoices(Humas::Database &db, const Humas::Actor &actor);
    static QHash<QString, QString> opdNames(Humas::Database &db, const Humas::Actor &actor);
    /** The full name of the signed-in user, or the user name. */
    static QString officerName(Humas::Database &db, const Humas::Actor &actor);
    /** The receipt's extra names for @p request. */
    static Humas::PpidReceiptInfo receiptInfo(Humas::Database &db, const Humas::Actor &actor,
                                              const Humas::PpidRequest &request);
};

} // namespace HumasUi
