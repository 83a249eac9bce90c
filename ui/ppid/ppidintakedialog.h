#pragma once

#include "auth/role.h"
#include "ppid/ppiddialogprinting.h"
#include "ppid/ppidrequest.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextDocument;

namespace Humas {
class Database;
} // namespace Humas

namespace HumasUi {

class ErrorLabel;

/**
 * Registers a request for public information while the requester waits at the desk
 * ("ppidIntakeDialog"): one form, driven by the keyboard from top to bottom.
 *
 * Enter moves to the next field (in the multi-line fields Enter is a new line and
 * Ctrl+Enter or Tab moves on). Each field is checked as the user leaves it, and what is
 * wrong is written beside it ("<field>Error": name, NIK — 16 digits with a plausible birth
 * date, Validators::isNik —, phone, email, information). Ctrl+S, or Enter on the last field,
 * saves through PpidRequestRepository::add and prints the receipt (PpidReceipt) at once:
 * by default the print preview opens; with "Print directly" checked it goes to the default
 * printer. Invalid input stores nothing.
 *
 * Object names: channelCombo, receivedEdit, requesterTypeCombo, nameEdit, nikEdit,
 * addressEdit, occupationEdit, phoneEdit, emailEdit, proxyEdit, informationEdit,
 * purposeEdit, obtainCombo, deliveryCombo, opdCombo, printDirectCheck, saveButton.
 */
class PpidIntakeDialog : public QDialog
{
    Q_OBJECT
public:
    PpidIntakeDialog(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);
    ~PpidIntakeDialog() override;

    /** The test seam: PpidPrintMode::None builds the receipt without printing it. */
    void setPrintMode(PpidPrintMode mode);
    PpidPrintMode printMode() const { return m_printMode; }

    /** The request as entered (not stored: no id, number or due date). */
    Humas::PpidRequest request() const;
    /** The request stored by the last successful save (invalid before). */
    Humas::PpidRequest savedRequest() const { return m_saved; }
    /** The receipt of the last saved request, or nullptr. */
    QTextDocument *receipt() const { return m_receipt.get(); }
    /** The widgets in the order Enter walks through them. */
    QList<QWidget *> fieldOrder() const { return m_order; }

    /** Checks every field, writes the messages beside them; true when all are valid. */
    bool validateAll();
    /** Whether anything was typed that a close would lose. */
    bool hasInput() const;

public Q_SLOTS:
    /** Validates, stores, prints the receipt and closes; false (and nothing stored) otherwise. */
    bool save();
    /** Closes without saving; asks first (MessageBox) when something was typed. */
    void reject() override;

Q_SIGNALS:
    void requestSaved(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildForm();
    void addRow(QGridLayout *grid, int *row, const QString &label, QWidget *field, QLabel *message = nullptr);
    QLabel *messageLabel(const QString &objectName);
    void moveOn(QWidget *from);
    /** Checks @p field; shows or clears its message; returns the message. */
    QString validateField(QWidget *field);
    void updateRequesterType();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    PpidPrintMode m_printMode = PpidPrintMode::Preview;

    QComboBox *m_channel = nullptr;
    QDateTimeEdit *m_received = nullptr;
    QComboBox *m_requesterType = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nikLabel = nullptr;
    QLineEdit *m_nik = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_occupation = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_proxy = nullptr;
    QPlainTextEdit *m_information = nullptr;
    QPlainTextEdit *m_purpose = nullptr;
    QComboBox *m_obtain = nullptr;
    QComboBox *m_delivery = nullptr;
    QComboBox *m_opd = nullptr;
    QCheckBox *m_printDirect = nullptr;
    QPushButton *m_saveButton = nullptr;
    ErrorLabel *m_error = nullptr;

    QList<QWidget *> m_order;
    QHash<QWidget *, QLabel *> m_messages;
    Humas::PpidRequest m_saved;
    std::unique_ptr<QTextDocument> m_receipt;
};

} // namespace HumasUi
