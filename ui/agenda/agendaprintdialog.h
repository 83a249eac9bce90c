#pragma once

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPrinter;
class QRadioButton;
class QTextDocument;

namespace Humas {
class AgendaModel;
class Database;
} // namespace Humas

namespace HumasUi {

class ErrorLabel;

/**
 * Prints the daily or weekly agenda of one official on the letterhead. Preview, print and
 * PDF export share one code path: document() builds the QTextDocument (AgendaReport), which
 * QPrintPreviewDialog, QPrintDialog and PdfExport all render. The signer is remembered on
 * this PC.
 */
class AgendaPrintDialog : public QDialog
{
    Q_OBJECT
public:
    AgendaPrintDialog(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent = nullptr);

    void setDate(const QDate &date);
    void setOfficialId(const QString &id);
    void setWeekly(bool weekly);
    bool isWeekly() const;
    QString officialId() const;

    /** The report as chosen; the caller owns it (parented to @p parent). */
    QTextDocument *document(QObject *parent) const;
    /** Writes the report to @p file as PDF; false with a translated message on failure. */
    bool exportPdf(const QString &file, QString *error) const;

public Q_SLOTS:
    void preview();
    void print();
    void savePdf();

private:
    void render(QPrinter *printer) const;
    void rememberSigner() const;

    Humas::Database &m_db;
    Humas::AgendaModel *m_model;
    QRadioButton *m_daily = nullptr;
    QRadioButton *m_weekly = nullptr;
    QComboBox *m_official = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_signerPosition = nullptr;
    QLineEdit *m_signerName = nullptr;
    QLineEdit *m_signerNip = nullptr;
    ErrorLabel *m_error = nullptr;
};

} // namespace HumasUi
