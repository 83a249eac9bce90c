#pragma once

#include "auth/role.h"
#include "ppid/ppiddialogprinting.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTextDocument;

namespace Humas {
class Database;
} // namespace Humas

namespace HumasUi {

class ErrorLabel;
class PpidObjectionWidget;
class PpidRequestActions;

/**
 * One request of the register ("ppidRequestDialog"): its details ("requestDetails", personal
 * data masked for roles that may not see it), the handling along the status flow
 * (PpidRequestActions: process, extend with a reason, decide with its reasons, notice date,
 * fee, hand over, finish — ppid and admin only), the status history ("historyTable") and the
 * objections (PpidObjectionWidget).
 *
 * Prints the receipt again ("printReceiptButton"), the written notice that fits the status
 * ("printNoticeButton": decision, extension or refusal, PpidNotices) and the answer to an
 * objection. setPrintMode(PpidPrintMode::None) is the test seam; lastDocument() is what was
 * printed last. A refused change is shown in "errorLabel" and changes nothing.
 */
class PpidRequestDialog : public QDialog
{
    Q_OBJECT
public:
    PpidRequestDialog(Humas::Database &db, const Humas::Actor &actor, const QString &requestId,
                      QWidget *parent = nullptr);
    ~PpidRequestDialog() override;

    void setPrintMode(PpidPrintMode mode) { m_printMode = mode; }
    PpidPrintMode printMode() const { return m_printMode; }

    /** The request as this actor reads it (masked unless the role may see personal data). */
    Humas::PpidRequest request() const { return m_request; }
    /** The document printed last (nullptr before). */
    QTextDocument *lastDocument() const { return m_lastDocument.get(); }

public Q_SLOTS:
    /** Reads the request, its history and objections again. */
    void reload();
    void printReceipt();
    void printNotice();
    void printObjectionAnswer(const Humas::PpidObjection &objection);

Q_SIGNALS:
    /** The request or its objections changed in the database. */
    void requestChanged(const QString &id);

private:
    void showDetails();
    void showHistory();
    void print(QTextDocument *document);
    void onChanged();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QString m_id;
    Humas::PpidRequest m_request;
    PpidPrintMode m_printMode = PpidPrintMode::Preview;
    std::unique_ptr<QTextDocument> m_lastDocument;

    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_details = nullptr;
    PpidRequestActions *m_actions = nullptr;
    QTableWidget *m_history = nullptr;
    PpidObjectionWidget *m_objections = nullptr;
    QPushButton *m_printNotice = nullptr;
    ErrorLabel *m_error = nullptr;
};

} // namespace HumasUi
