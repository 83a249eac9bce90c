#include "agenda/agendaprintdialog.h"

#include "agenda/agendamodel.h"
#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "reports/agendareport.h"
#include "reports/pdfexport.h"
#include "settings/appsettings.h"
#include "settings/localpreferences.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include <memory>

namespace HumasUi {

AgendaPrintDialog::AgendaPrintDialog(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(model)
{
    setWindowTitle(tr("Print agenda"));
    m_daily = new QRadioButton(tr("&Daily agenda"), this);
    m_daily->setObjectName(QStringLiteral("printDaily"));
    m_weekly = new QRadioButton(tr("&Weekly agenda"), this);
    m_weekly->setObjectName(QStringLiteral("printWeekly"));
    m_daily->setChecked(true);
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_daily);
    kinds->addWidget(m_weekly);
    kinds->addStretch(1);

    m_official = new QComboBox(this);
    m_official->setObjectName(QStringLiteral("printOfficial"));
    for (const auto &official : m_model->directory().officials)
        m_official->addItem(official.position, official.id);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("printDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));

    const QStringList signer = Humas::LocalPreferences().agendaSigner();
    m_signerPosition = new QLineEdit(signer.value(0), this);
    m_signerPosition->setObjectName(QStringLiteral("printSignerPosition"));
    m_signerPosition->setPlaceholderText(tr("e.g. Head of Protocol and Leadership Communication"));
    m_signerName = new QLineEdit(signer.value(1), this);
    m_signerName->setObjectName(QStringLiteral("printSignerName"));
    m_signerNip = new QLineEdit(signer.value(2), this);
    m_signerNip->setObjectName(QStringLiteral("printSignerNip"));
    m_signerNip->setInputMask(QStringLiteral("999999999999999999;_"));

    auto *form = new QFormLayout;
    form->addRow(tr("Report:"), kinds);
    form->addRow(tr("&Official:"), m_official);
    form->addRow(tr("D&ay:"), m_date);
    form->addRow(tr("Signed by (position):"), m_signerPosition);
    form->addRow(tr("&Name:"), m_signerName);
    form->addRow(tr("NIP:"), m_signerNip);

    m_error = new ErrorLabel(this);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *previewButton = buttons->addButton(tr("&Preview…"), QDialogButtonBox::AcceptRole);
    previewButton->setObjectName(QStringLiteral("printPreview"));
    previewButton->setDefault(true);
    QPushButton *printButton = buttons->addButton(tr("P&rint…"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    pdfButton->setObjectName(QStringLiteral("printPdf"));
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(previewButton, &QPushButton::clicked, this, &AgendaPrintDialog::preview);
    connect(printButton, &QPushButton::clicked, this, &AgendaPrintDialog::print);
    connect(pdfButton, &QPushButton::clicked, this, &AgendaPrintDialog::savePdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_official->setFocus();
}

void AgendaPrintDialog::setDate(const QDate &date)
{
    m_date->setDate(date);
}

void AgendaPrintDialog::setOfficialId(const QString &id)
{
    const int index = m_official->findData(id);
    if (index >= 0)
        m_official->setCurrentIndex(index);
}

void AgendaPrintDialog::setWeekly(bool weekly)
{
    (weekly ? m_weekly : m_daily)->setChecked(true);
}

bool AgendaPrintDialog::isWeekly() const
{
    return m_weekly->isChecked();
}

QString AgendaPrintDialog::officialId() const
{
    return m_official->currentData().toString();
}

QTextDocument *AgendaPrintDialog::document(QObject *parent) const
{
    const Humas::EventRepository &repo = m_model->repository();
    const QString official = officialId();
    const QDate day = m_date->date();
    const QDate from = isWeekly() ? day.addDays(1 - day.dayOfWeek()) : day;
    const QDate to = isWeekly() ? from.addDays(7) : day.addDays(1);
    QList<Humas::AgendaReportItem> items;
    for (const Humas::EventRecord &e :
         repo.eventsBetween(repo.localToUtc(from, QTime(0, 0)), repo.localToUtc(to, QTime(0, 0)))) {
        if (e.attending().contains(official))
            items.append(m_model->reportItem(e));
    }
    Humas::SignatureInfo signature;
    signature.position = m_signerPosition->text().simplified();
    signature.name = m_signerName->text().simplified();
    signature.nip = m_signerNip->text().remove(QLatin1Char('_')).trimmed();
    const Humas::AppSettings settings(m_db, repo.actor());
    const QString position = m_official->currentText();
    return isWeekly() ? Humas::AgendaReport::weeklyAgenda(settings, position, day, items, signature, parent)
                      : Humas::AgendaReport::dailyAgenda(settings, position, day, items, signature, parent);
}

void AgendaPrintDialog::render(QPrinter *printer) const
{
    if (!FileDialogs::checkPrintTarget(window(), *printer))
        return;
    const std::unique_ptr<QTextDocument> doc(document(nullptr));
    doc->print(printer);
}

void AgendaPrintDialog::rememberSigner() const
{
    Humas::LocalPreferences prefs;
    prefs.setAgendaSigner({m_signerPosition->text().simplified(), m_signerName->text().simplified(),
                           m_signerNip->text().remove(QLatin1Char('_')).trimmed()});
}

void AgendaPrintDialog::preview()
{
    rememberSigner();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(Humas::PdfExport::pageLayout(QPageLayout::Portrait));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print preview"));
    dialog.resize(900, 700);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &AgendaPrintDialog::render);
    dialog.exec();
}

void AgendaPrintDialog::print()
{
    rememberSigner();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(Humas::PdfExport::pageLayout(QPageLayout::Portrait));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        render(&printer);
}

bool AgendaPrintDialog::exportPdf(const QString &file, QString *error) const
{
    const std::unique_ptr<QTextDocument> doc(document(nullptr));
    return Humas::PdfExport::write(doc.get(), file, QPageLayout::Portrait, error);
}

void AgendaPrintDialog::savePdf()
{
    rememberSigner();
    const QString suggested =
        QStringLiteral("agenda-%1-%2.pdf")
            .arg(m_model->directory().officialCode(officialId()).toLower(), m_date->date().toString(Qt::ISODate));
    const QString file = FileDialogs::saveFile(this, FileDialogs::Kind::Pdf, tr("Save agenda as PDF"), suggested,
                                               tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportPdf(file, &error)) {
        m_error->showMessage(error);
        return;
    }
    m_error->clearMessage();
    MessageBox::information(this, tr("Agenda saved"), tr("The agenda was saved to %1.").arg(file));
}

} // namespace HumasUi
