#include "ppid/ppiddialogprinting.h"

#include "auth/userrepository.h"
#include "common/filedialogs.h"
#include "master/referencerepositories.h"
#include "reports/pdfexport.h"

#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QTextDocument>

#include <memory>

namespace HumasUi {

namespace {

void render(QWidget *parent, const QTextDocument &document, QPrinter *printer)
{
    if (!FileDialogs::checkPrintTarget(parent, *printer))
        return;
    const std::unique_ptr<QTextDocument> copy(document.clone());
    copy->print(printer);
}

void preview(QWidget *parent, const QTextDocument &document, QPageLayout::Orientation orientation)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(Humas::PdfExport::pageLayout(orientation));
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(PpidDialogPrinting::tr("Print preview"));
    dialog.resize(900, 760);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [parent, &document](QPrinter *p) { render(parent, document, p); });
    dialog.exec();
}

} // namespace

void PpidDialogPrinting::print(QWidget *parent, const QTextDocument &document, QPageLayout::Orientation orientation,
                               PpidPrintMode mode)
{
    switch (mode) {
    case PpidPrintMode::None:
        return;
    case PpidPrintMode::Preview:
        preview(parent, document, orientation);
        return;
    case PpidPrintMode::Direct:
        break;
    }
    // A desk without a printer still needs the receipt: show it so it can be saved as PDF.
    if (QPrinterInfo::defaultPrinter().isNull()) {
        preview(parent, document, orientation);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(Humas::PdfExport::pageLayout(orientation));
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    render(parent, document, &printer);
}

QList<QPair<QString, QString>> PpidDialogPrinting::opdChoices(Humas::Database &db, const Humas::Actor &actor)
{
    QList<QPair<QString, QString>> out;
    const Humas::OpdRepository repo(db, actor);
    for (const Humas::Record &record : repo.list())
        out.append({record.id, record.text(QStringLiteral("name"))});
    return out;
}

QHash<QString, QString> PpidDialogPrinting::opdNames(Humas::Database &db, const Humas::Actor &actor)
{
    QHash<QString, QString> out;
    for (const auto &choice : opdChoices(db, actor))
        out.insert(choice.first, choice.second);
    return out;
}

QString PpidDialogPrinting::officerName(Humas::Database &db, const Humas::Actor &actor)
{
    if (!actor.userId.isEmpty()) {
        const Humas::UserRepository users(db, actor);
        const QString name = users.get(actor.userId).text(QStringLiteral("display_name")).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return actor.username;
}

Humas::PpidReceiptInfo PpidDialogPrinting::receiptInfo(Humas::Database &db, const Humas::Actor &actor,
                                                       const Humas::PpidRequest &request)
{
    Humas::PpidReceiptInfo info;
    if (!request.opdId.isEmpty())
        info.opdName = Humas::OpdRepository(db, actor).get(request.opdId).text(QStringLiteral("name"));
    info.officerName = officerName(db, actor);
    return info;
}

} // namespace HumasUi
