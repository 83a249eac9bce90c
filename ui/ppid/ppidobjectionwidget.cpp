#include "ppid/ppidobjectionwidget.h"

#include "common/clock.h"
#include "common/messagebox.h"
#include "common/stalefields.h"
#include "common/textrules.h"
#include "ppid/ppidobjectionrepository.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace HumasUi {

namespace {

QPlainTextEdit *multiLine(QWidget *parent, const char *name, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setTabChangesFocus(true);
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() + 8);
    return edit;
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

QString shortDate(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("dd/MM/yyyy")) : QString();
}

} // namespace

PpidObjectionWidget::PpidObjectionWidget(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor)
{
    m_writer = Humas::PpidObjectionRepository(m_db, m_actor).canWrite();
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("objectionTable"));
    m_table->setHorizontalHeaderLabels({tr("Number"), tr("Filed"), tr("Ground"), tr("Answer due"),
                                        tr("Decision of the Atasan PPID"), tr("Komisi Informasi")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(110);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PpidObjectionWidget::showCurrent);

    auto *boxes = new QHBoxLayout;
    boxes->addWidget(buildNew(), 1);
    boxes->addWidget(buildSelected(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(boxes);
    showCurrent();
}

QGroupBox *PpidObjectionWidget::buildNew()
{
    auto *box = new QGroupBox(tr("New objection"), this);
    m_ground = new QComboBox(box);
    m_ground->setObjectName(QStringLiteral("groundCombo"));
    for (const QString &letter : Humas::PpidObjection::grounds())
        m_ground->addItem(tr("%1. %2").arg(letter, Humas::PpidObjection::groundDescription(letter)), letter);
    m_filedBy = new QLineEdit(box);
    m_filedBy->setObjectName(QStringLiteral("filedByEdit"));
    m_filedBy->setMaxLength(Humas::TextRules::NameLength);
    m_filedBy->setPlaceholderText(tr("The requester, or the proxy"));
    m_summary = multiLine(box, "summaryEdit", 3);
    m_addButton = button(tr("&Register objection"), "addObjectionButton", box);
    connect(m_addButton, &QPushButton::clicked, this, &PpidObjectionWidget::addObjection);

    auto *form = new QFormLayout(box);
    form->addRow(tr("Ground (Article 35(1)):"), m_ground);
    form->addRow(tr("Filed by:"), m_filedBy);
    form->addRow(tr("Summary of the case:"), m_summary);
    form->addRow(QString(), m_addButton);
    box->setEnabled(m_writer);
    return box;
}

QGroupBox *PpidObjectionWidget::buildSelected()
{
    m_selectedBox = new QGroupBox(tr("Selected objection"), this);
    m_decision = new QComboBox(m_selectedBox);
    m_decision->setObjectName(QStringLiteral("atasanDecisionCombo"));
    m_decision->addItem(tr("(not decided yet)"), QString());
    for (const QString &code : Humas::PpidObjectionRepository::decisions())
        m_decision->addItem(Humas::PpidObjectionRepository::decisionName(code), code);
    m_decisionDate = new QDateEdit(m_selectedBox);
    m_decisionDate->setObjectName(QStringLiteral("atasanDateEdit"));
    m_decisionDate->setCalendarPopup(true);
    m_decisionDate->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_response = multiLine(m_selectedBox, "responseEdit", 2);
    m_disputeStage = new QComboBox(m_selectedBox);
    m_disputeStage->setObjectName(QStringLiteral("disputeStageCombo"));
    m_disputeStage->addItem(tr("(none)"), QString());
    for (const QString &code : Humas::PpidObjectionRepository::disputeStages())
        m_disputeStage->addItem(Humas::PpidObjectionRepository::disputeStageName(code), code);
    m_disputeOutcome = new QLineEdit(m_selectedBox);
    m_disputeOutcome->setObjectName(QStringLiteral("disputeOutcomeEdit"));
    m_disputeOutcome->setMaxLength(Humas::TextRules::NoteLength);
    m_notes = new QLineEdit(m_selectedBox);
    m_notes->setObjectName(QStringLiteral("objectionNotesEdit"));
    m_notes->setMaxLength(Humas::TextRules::NoteLength);
    m_saveButton = button(tr("Sa&ve objection"), "saveObjectionButton", m_selectedBox);
    m_printButton = button(tr("Print the &answer…"), "printAnswerButton", m_selectedBox);
    connect(m_saveButton, &QPushButton::clicked, this, &PpidObjectionWidget::saveObjection);
    connect(m_printButton, &QPushButton::clicked, this, [this] {
        const Humas::PpidObjection objection = currentObjection();
        if (objection.isValid())
            Q_EMIT answerPrintRequested(objection);
    });
    connect(m_decision, &QComboBox::currentIndexChanged, this,
            [this] { m_decisionDate->setEnabled(m_writer && !m_decision->currentData().toString().isEmpty()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_printButton);
    buttons->addStretch(1);
    auto *form = new QFormLayout(m_selectedBox);
    form->addRow(tr("Decision of the Atasan PPID:"), m_decision);
    form->addRow(tr("Decided on:"), m_decisionDate);
    form->addRow(tr("Requester's response:"), m_response);
    form->addRow(tr("Komisi Informasi stage:"), m_disputeStage);
    form->addRow(tr("Outcome:"), m_disputeOutcome);
    form->addRow(tr("Notes:"), m_notes);
    form->addRow(buttons);
    return m_selectedBox;
}

void PpidObjectionWidget::setRequest(const Humas::PpidRequest &request)
{
    const QString keep = currentObjection().id;
    m_request = request;
    reload(keep);
}

void PpidObjectionWidget::reload(const QString &selectId)
{
    m_objections = Humas::PpidObjectionRepository(m_db, m_actor).listForRequest(m_request.id);
    const QTimeZone zone = Humas::AppSettings(m_db, m_actor).timeZone();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_objections.size()));
    int selectRowIndex = m_objections.isEmpty() ? -1 : int(m_objections.size()) - 1;
    for (int row = 0; row < m_objections.size(); ++row) {
        const Humas::PpidObjection &o = m_objections.at(row);
        if (o.id == selectId)
            selectRowIndex = row;
        QString dispute = Humas::PpidObjectionRepository::disputeStageName(o.disputeStage);
        if (!o.disputeOutcome.isEmpty())
            dispute += QStringLiteral(": ") + o.disputeOutcome;
        QString decision = Humas::PpidObjectionRepository::decisionName(o.atasanDecision);
        if (o.atasanDecisionDate.isValid())
            decision += QStringLiteral(" (") + shortDate(o.atasanDecisionDate) + QLatin1Char(')');
        const QStringList cells = {o.number,
                                   shortDate(o.filedAt.toTimeZone(zone).date()),
                                   tr("%1. %2").arg(o.ground, Humas::PpidObjection::groundDescription(o.ground)),
                                   shortDate(o.dueDate),
                                   decision,
                                   dispute};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (selectRowIndex >= 0)
        m_table->selectRow(selectRowIndex);
    else
        m_table->clearSelection();
    showCurrent();
}

Humas::PpidObjection PpidObjectionWidget::currentObjection() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_objections.size())
        return {};
    return m_objections.at(rows.first().row());
}

void PpidObjectionWidget::selectRow(int row)
{
    m_table->selectRow(row);
}

void PpidObjectionWidget::showCurrent()
{
    const Humas::PpidObjection o = currentObjection();
    m_selectedBox->setEnabled(o.isValid());
    for (QWidget *w : std::initializer_list<QWidget *>{m_decision, m_response, m_disputeStage, m_disputeOutcome,
                                                       m_notes, m_saveButton})
        w->setEnabled(m_writer);
    if (!o.isValid())
        return;
    m_decision->setCurrentIndex(qMax(0, m_decision->findData(o.atasanDecision)));
    const QDate today =
        Humas::Clock::instance()->nowUtc().toTimeZone(Humas::AppSettings(m_db, m_actor).timeZone()).date();
    m_decisionDate->setDate(o.atasanDecisionDate.isValid() ? o.atasanDecisionDate : today);
    m_decisionDate->setEnabled(m_writer && !o.atasanDecision.isEmpty());
    m_response->setPlainText(o.requesterResponse);
    m_disputeStage->setCurrentIndex(qMax(0, m_disputeStage->findData(o.disputeStage)));
    m_disputeOutcome->setText(o.disputeOutcome);
    m_notes->setText(o.notes);
}

void PpidObjectionWidget::addObjection()
{
    Humas::PpidObjection o;
    o.requestId = m_request.id;
    o.ground = m_ground->currentData().toString();
    o.filedBy = m_filedBy->text().simplified();
    o.summary = m_summary->toPlainText().trimmed();
    QString error;
    if (!Humas::PpidObjectionRepository(m_db, m_actor).add(&o, &error)) {
        Q_EMIT failed(error);
        return;
    }
    m_filedBy->clear();
    m_summary->clear();
    reload(o.id);
    Q_EMIT changed();
}

void PpidObjectionWidget::saveObjection()
{
    const Humas::PpidObjection before = currentObjection(); // as this widget read it
    Humas::PpidObjection o = before;
    if (!o.isValid())
        return;
    o.atasanDecision = m_decision->currentData().toString();
    o.atasanDecisionDate = o.atasanDecision.isEmpty() ? QDate() : m_decisionDate->date();
    o.requesterResponse = m_response->toPlainText().trimmed();
    o.disputeStage = m_disputeStage->currentData().toString();
    o.disputeOutcome = m_disputeOutcome->text().trimmed();
    o.notes = m_notes->text().trimmed();
    QString error;
    QList<Humas::StaleField> stale;
    if (!Humas::PpidObjectionRepository(m_db, m_actor).update(before, o, &error, &stale)) {
        // The fields keep what the user typed; the message names both values.
        if (!stale.isEmpty()) {
            error = staleFieldsMessage(stale, {{QStringLiteral("atasan_decision"), m_decision},
                                               {QStringLiteral("atasan_decision_date"), m_decisionDate},
                                               {QStringLiteral("dispute_due_date"), m_decisionDate},
                                               {QStringLiteral("requester_response"), m_response},
                                               {QStringLiteral("dispute_stage"), m_disputeStage},
                                               {QStringLiteral("dispute_outcome"), m_disputeOutcome},
                                               {QStringLiteral("notes"), m_notes}});
            MessageBox::critical(this, window()->windowTitle(), error);
        }
        Q_EMIT failed(error);
        return;
    }
    reload(o.id);
    Q_EMIT changed();
}

} // namespace HumasUi
