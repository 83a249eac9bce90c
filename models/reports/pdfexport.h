#pragma once

#include <QCoreApplication>
#include <QPageLayout>
#include <QString>

class QTextDocument;

namespace Humas {

/**
 * Writes a report document to a PDF file: A4, 15 mm margins, 300 dpi. The file appears
 * only when complete (written to "<file>.part", then renamed over the target).
 */
class PdfExport
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PdfExport)
public:
    static constexpr int Resolution = 300;
    static constexpr qreal MarginMm = 15.0;

    static QPageLayout pageLayout(QPageLayout::Orientation orientation);
    static bool write(QTextDocument *document, const QString &file,
                      QPageLayout::Orientation orientation = QPageLayout::Portrait, QString *error = nullptr);
};

} // namespace Humas
