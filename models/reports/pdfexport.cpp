#include "pdfexport.h"

#include "store/openfiles.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <memory>

namespace Humas {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QPageLayout PdfExport::pageLayout(QPageLayout::Orientation orientation)
{
    return QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm),
                       QPageLayout::Millimeter);
}

bool PdfExport::write(QTextDocument *document, const QString &file, QPageLayout::Orientation orientation,
                      QString *error)
{
    if (!document)
        return fail(error, tr("There is nothing to export."));
    if (file.trimmed().isEmpty())
        return fail(error, tr("No file name was given for the PDF."));
    // Renaming the PDF over the open database (or its WAL) would replace it under SQLite.
    if (!OpenDatabaseFiles::checkNotDatabaseFile(file, error))
        return false;
    const QFileInfo target(file);
    if (target.exists() && (target.isDir() || !target.isWritable()))
        return fail(error,
                    tr("The file %1 cannot be written.").arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    const QFileInfo folder(target.absolutePath());
    if (!folder.isDir())
        return fail(error,
                    tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.absoluteFilePath())));

    const QString partName = target.absoluteFilePath() + QStringLiteral(".part");
    QFile part(partName);
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(error, tr("The file %1 cannot be written: %2")
                               .arg(QDir::toNativeSeparators(target.absoluteFilePath()), part.errorString()));

    {
        QPdfWriter writer(&part);
        writer.setResolution(Resolution);
        writer.setPageLayout(pageLayout(orientation));
        writer.setTitle(document->metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("HumasDesk"));

        // Lay a copy out on the writer itself, one page per paintable area, so fonts,
        // images and table widths are measured at the printer's resolution and the page
        // margins are those of the layout (no extra margin or page numbers from print()).
        std::unique_ptr<QTextDocument> copy(document->clone());
        copy->documentLayout()->setPaintDevice(&writer);
        copy->setPageSize(QSizeF(writer.width(), writer.height()));
        copy->print(&writer);
    }

    const bool flushed = part.flush();
    const bool ok = flushed && part.error() == QFileDevice::NoError && part.size() > 0;
    const QString writeError = part.errorString();
    part.close();
    if (!ok) {
        part.remove();
        return fail(error, tr("The PDF could not be written: %1").arg(writeError));
    }
    if (QFile::exists(target.absoluteFilePath()) && !QFile::remove(target.absoluteFilePath())) {
        QFile::remove(partName);
        return fail(error,
                    tr("The file %1 cannot be replaced.").arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    }
    if (!QFile::rename(partName, target.absoluteFilePath())) {
        QFile::remove(partName);
        return fail(error,
                    tr("The file %1 cannot be written.").arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    }
    return true;
}

} // namespace Humas
