#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Humas {
class Database;
} // namespace Humas

namespace HumasUi {

/**
 * The objections of one request (the "Objections" tab of PpidRequestDialog) through
 * PpidObjectionRepository: the list ("objectionTable"), a new objection (ground of
 * Article 35(1) a–g "groundCombo", "filedByEdit", "summaryEdit", "addObjectionButton"),
 * and for the selected one the Atasan PPID's decision and date ("atasanDecisionCombo",
 * "atasanDateEdit"), the requester's response ("responseEdit"), the Komisi Informasi stage
 * and outcome ("disputeStageCombo", "disputeOutcomeEdit"), "saveObjectionButton" and
 * "printAnswerButton". Refusals come back through failed() and change nothing.
 */
class PpidObjectionWidget : public QWidget
{
    Q_OBJECT
public:
    PpidObjectionWidget(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);

    void setRequest(const Humas::PpidRequest &request);
    QList<Humas::PpidObjection> objections() const { return m_objections; }
    /** The objection selected in the list, or an invalid one. */
    Humas::PpidObjection currentObjection() const;
    /** Selects the objection at @p row of the list. */
    void selectRow(int row);

public Q_SLOTS:
    void addObjection();
    void saveObjection();

Q_SIGNALS:
    void changed();
    void failed(const QString &message);
    void answerPrintRequested(const Humas::PpidObjection &objection);

private:
    QGroupBox *buildNew();
    QGroupBox *buildSelected();
    void reload(const QString &selectId = {});
    void showCurrent();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    Humas::PpidRequest m_request;
    QList<Humas::PpidObjection> m_objections;
    bool m_writer = false;

    QTableWidget *m_table = nullptr;
    QComboBox *m_ground = nullptr;
    QLineEdit *m_filedBy = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPushButton *m_addButton = nullptr;
    QGroupBox *m_selectedBox = nullptr;
    QComboBox *m_decision = nullptr;
    QDateEdit *m_decisionDate = nullptr;
    QPlainTextEdit *m_response = nullptr;
    QComboBox *m_disputeStage = nullptr;
    QLineEdit *m_disputeOutcome = nullptr;
    QLineEdit *m_notes = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_printButton = nullptr;
};

} // namespace HumasUi
