#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPageLayout>
#include <QString>

class QObject;
class QTextDocument;
class QTextTable;

namespace Humas {

class AppSettings;

/**
 * The request register (buku register permohonan informasi publik) and the objection
 * register (register keberatan) printed in their official column layout: A4 landscape, the
 * letterhead on the first page, two header rows (column groups over their columns) repeated
 * at the top of every page (QTextTableFormat::headerRowCount). Personal data (address,
 * telephone, email) is masked unless PersonalData::canSee(viewer).
 *
 * Print and export them with orientation(): QPrinter / PdfExport::write(..., orientation()).
 */
class PpidRegisterReport
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidRegisterReport)
public:
    /** The header rows of both registers (groups, then columns). */
    static constexpr int HeaderRows = 2;
    static constexpr int RequestColumns = 17;
    static constexpr int ObjectionColumns = 16;

    /** Both registers are printed landscape. */
    static QPageLayout::Orientation orientation() { return QPageLayout::Landscape; }

    static QString requestTitle();
    static QString objectionTitle();

    /**
     * The request register of @p requests in the order given. @p opdNames maps OPD ids to
     * the names shown; @p period is printed under the title ("Januari–Juni 2026"), may be empty.
     */
    static QTextDocument *requests(const AppSettings &settings, const QList<PpidRequest> &requests, Role viewer,
                                   const QHash<QString, QString> &opdNames, const QString &period,
                                   QObject *parent = nullptr);
    /**
     * The objection register of @p objections; @p requestsById supplies each objection's
     * request (registration number, information requested, purpose).
     */
    static QTextDocument *objections(const AppSettings &settings, const QList<PpidObjection> &objections,
                                     const QHash<QString, PpidRequest> &requestsById, Role viewer,
                                     const QString &period, QObject *parent = nullptr);

    /** The register table of a document made here (the widest table), or nullptr. */
    static QTextTable *registerTable(QTextDocument *document);
};

} // namespace Humas
