#pragma once

#include "auth/role.h"
#include "ppid/ppidrequest.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Humas {
class Database;
} // namespace Humas

namespace HumasUi {

/**
 * The "Handling" tab of PpidRequestDialog: moves a request along the status flow through
 * PpidRequestRepository. Each action is enabled only where the flow allows it
 * (Ppid::canTransition); what the repository refuses (an extension without a reason, a
 * refusal under Article 17 without its letter or consequence test, …) comes back through
 * failed() and changes nothing.
 *
 * Object names: processButton; extensionReasonEdit, extendButton; decisionCombo,
 * reasonCombo, pasal17Combo, consequenceEdit, withheldEdit, referredEdit, noticeDateEdit,
 * feeSpin, decisionNoteEdit, decideButton; handedOverDateEdit, finishButton; notesEdit,
 * saveDetailsButton.
 */
class PpidRequestActions : public QWidget
{
    Q_OBJECT
public:
    PpidRequestActions(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);

    /** Shows @p request (as read for a writer: unmasked) and enables what its status allows. */
    void setRequest(const Humas::PpidRequest &request);

public Q_SLOTS:
    void process();
    void extend();
    void decide();
    void finish();
    void saveDetails();

Q_SIGNALS:
    /** The request was changed in the database. */
    void changed();
    /** A change was refused; @p message says why (translated). */
    void failed(const QString &message);

private:
    QGroupBox *buildProcess();
    QGroupBox *buildDecision();
    QGroupBox *buildCompletion();
    void updateDecisionRows();
    Humas::Ppid::Status chosenDecision() const;
    Humas::Ppid::Reason chosenReason() const;
    QDate today() const;
    bool done(bool ok, const QString &error);

    Humas::Database &m_db;
    Humas::Actor m_actor;
    Humas::PpidRequest m_request;

    QPushButton *m_processButton = nullptr;
    QPlainTextEdit *m_extensionReason = nullptr;
    QPushButton *m_extendButton = nullptr;
    QGroupBox *m_decisionBox = nullptr;
    QFormLayout *m_decisionForm = nullptr;
    QComboBox *m_decision = nullptr;
    QComboBox *m_reason = nullptr;
    QComboBox *m_pasal17 = nullptr;
    QPlainTextEdit *m_consequence = nullptr;
    QPlainTextEdit *m_withheld = nullptr;
    QLineEdit *m_referred = nullptr;
    QDateEdit *m_noticeDate = nullptr;
    QSpinBox *m_fee = nullptr;
    QLineEdit *m_decisionNote = nullptr;
    QPushButton *m_decideButton = nullptr;
    QDateEdit *m_handedOver = nullptr;
    QPushButton *m_finishButton = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPushButton *m_saveDetailsButton = nullptr;
};

} // namespace HumasUi
