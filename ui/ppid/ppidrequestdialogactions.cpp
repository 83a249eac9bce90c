#include "ppid/ppidrequestdialogactions.h"

#include "common/clock.h"
#include "common/messagebox.h"
#include "common/stalefields.h"
#include "common/textrules.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/workingcalendar.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
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

QDateEdit *dateEdit(QWidget *parent, const char *name)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    return edit;
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

} // namespace

PpidRequestActions::PpidRequestActions(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor)
{
    // Two columns, so the whole handling fits the dialog without scrolling: the steps before
    // and after the decision on the left, the decision with its reasons on the right.
    auto *left = new QVBoxLayout;
    left->addWidget(buildProcess());
    left->addWidget(buildCompletion());
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(buildDecision());
    right->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
    updateDecisionRows();
}

QGroupBox *PpidRequestActions::buildProcess()
{
    auto *box = new QGroupBox(tr("Processing"), this);
    m_processButton = button(tr("Start &processing"), "processButton", box);
    connect(m_processButton, &QPushButton::clicked, this, &PpidRequestActions::process);
    m_extensionReason = multiLine(box, "extensionReasonEdit", 2);
    m_extensionReason->setPlaceholderText(tr("The written reason for the extension (required)"));
    m_extendButton =
        button(tr("E&xtend by %n working day(s)", nullptr, Humas::PpidDeadlines::Extension), "extendButton", box);
    connect(m_extendButton, &QPushButton::clicked, this, &PpidRequestActions::extend);

    auto *form = new QFormLayout(box);
    form->addRow(QString(), m_processButton);
    form->addRow(tr("Extension reason:"), m_extensionReason);
    form->addRow(QString(), m_extendButton);
    return box;
}

QGroupBox *PpidRequestActions::buildDecision()
{
    m_decisionBox = new QGroupBox(tr("Decision"), this);
    m_decision = new QComboBox(m_decisionBox);
    m_decision->setObjectName(QStringLiteral("decisionCombo"));
    for (const auto status : {Humas::Ppid::Status::DikabulkanSeluruhnya, Humas::Ppid::Status::DikabulkanSebagian,
                              Humas::Ppid::Status::Ditolak})
        m_decision->addItem(Humas::Ppid::displayName(status), Humas::Ppid::code(status));
    m_reason = new QComboBox(m_decisionBox);
    m_reason->setObjectName(QStringLiteral("reasonCombo"));
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reason->setMinimumContentsLength(24);
    for (const auto reason : {Humas::Ppid::Reason::Pasal17, Humas::Ppid::Reason::BelumDikuasai,
                              Humas::Ppid::Reason::BelumDidokumentasikan, Humas::Ppid::Reason::TidakDikuasai})
        m_reason->addItem(Humas::Ppid::displayName(reason), Humas::Ppid::code(reason));
    m_pasal17 = new QComboBox(m_decisionBox);
    m_pasal17->setObjectName(QStringLiteral("pasal17Combo"));
    // The descriptions are long; the list shows them in full, the box need not be as wide.
    m_pasal17->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pasal17->setMinimumContentsLength(24);
    m_pasal17->addItem(tr("(choose the letter)"), QString());
    for (const QString &letter : Humas::Ppid::pasal17Letters())
        m_pasal17->addItem(tr("Letter %1: %2").arg(letter, Humas::Ppid::pasal17Description(letter)), letter);
    m_consequence = multiLine(m_decisionBox, "consequenceEdit", 3);
    m_consequence->setPlaceholderText(tr("Consequence test: what harm disclosing the information would cause"));
    m_withheld = multiLine(m_decisionBox, "withheldEdit", 2);
    m_referred = new QLineEdit(m_decisionBox);
    m_referred->setObjectName(QStringLiteral("referredEdit"));
    m_referred->setMaxLength(Humas::TextRules::NameLength);
    m_noticeDate = dateEdit(m_decisionBox, "noticeDateEdit");
    m_fee = new QSpinBox(m_decisionBox);
    m_fee->setObjectName(QStringLiteral("feeSpin"));
    m_fee->setRange(0, 100000000);
    m_fee->setSingleStep(1000);
    m_fee->setGroupSeparatorShown(true);
    m_fee->setPrefix(tr("Rp", "currency before an amount") + QLatin1Char(' '));
    m_decisionNote = new QLineEdit(m_decisionBox);
    m_decisionNote->setObjectName(QStringLiteral("decisionNoteEdit"));
    m_decisionNote->setMaxLength(Humas::TextRules::NoteLength);
    m_decideButton = button(tr("Record the &decision"), "decideButton", m_decisionBox);

    m_decisionForm = new QFormLayout(m_decisionBox);
    m_decisionForm->addRow(tr("Decision:"), m_decision);
    m_decisionForm->addRow(tr("Withheld information:"), m_withheld);
    m_decisionForm->addRow(tr("Reason:"), m_reason);
    m_decisionForm->addRow(tr("Article 17 letter:"), m_pasal17);
    m_decisionForm->addRow(tr("Consequence test:"), m_consequence);
    m_decisionForm->addRow(tr("Referred to:"), m_referred);
    m_decisionForm->addRow(tr("Notice date:"), m_noticeDate);
    m_decisionForm->addRow(tr("Fee:"), m_fee);
    m_decisionForm->addRow(tr("Note:"), m_decisionNote);
    m_decisionForm->addRow(QString(), m_decideButton);

    connect(m_decision, &QComboBox::currentIndexChanged, this, &PpidRequestActions::updateDecisionRows);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &PpidRequestActions::updateDecisionRows);
    connect(m_decideButton, &QPushButton::clicked, this, &PpidRequestActions::decide);
    return m_decisionBox;
}

QGroupBox *PpidRequestActions::buildCompletion()
{
    auto *box = new QGroupBox(tr("Handing over and notes"), this);
    m_handedOver = dateEdit(box, "handedOverDateEdit");
    m_finishButton = button(tr("&Finish (information handed over)"), "finishButton", box);
    connect(m_finishButton, &QPushButton::clicked, this, &PpidRequestActions::finish);
    m_notes = multiLine(box, "notesEdit", 2);
    m_saveDetailsButton = button(tr("&Save dates, fee and notes"), "saveDetailsButton", box);
    connect(m_saveDetailsButton, &QPushButton::clicked, this, &PpidRequestActions::saveDetails);

    auto *form = new QFormLayout(box);
    form->addRow(tr("Handed over on:"), m_handedOver);
    form->addRow(QString(), m_finishButton);
    form->addRow(tr("Notes:"), m_notes);
    form->addRow(QString(), m_saveDetailsButton);
    return box;
}

void PpidRequestActions::updateDecisionRows()
{
    const Humas::Ppid::Status decision = chosenDecision();
    const Humas::Ppid::Reason reason = chosenReason();
    const bool needsReason = decision != Humas::Ppid::Status::DikabulkanSeluruhnya;
    m_decisionForm->setRowVisible(m_withheld, decision == Humas::Ppid::Status::DikabulkanSebagian);
    m_decisionForm->setRowVisible(m_reason, needsReason);
    m_decisionForm->setRowVisible(m_pasal17, needsReason && reason == Humas::Ppid::Reason::Pasal17);
    m_decisionForm->setRowVisible(m_consequence, needsReason && reason == Humas::Ppid::Reason::Pasal17);
    m_decisionForm->setRowVisible(m_referred, needsReason && reason == Humas::Ppid::Reason::TidakDikuasai);
}

Humas::Ppid::Status PpidRequestActions::chosenDecision() const
{
    Humas::Ppid::Status status = Humas::Ppid::Status::DikabulkanSeluruhnya;
    Humas::Ppid::fromCode(m_decision->currentData().toString(), &status);
    return status;
}

Humas::Ppid::Reason PpidRequestActions::chosenReason() const
{
    Humas::Ppid::Reason reason = Humas::Ppid::Reason::None;
    Humas::Ppid::fromCode(m_reason->currentData().toString(), &reason);
    return reason;
}

QDate PpidRequestActions::today() const
{
    const QTimeZone zone = Humas::AppSettings(m_db, m_actor).timeZone();
    return Humas::Clock::instance()->nowUtc().toTimeZone(zone).date();
}

void PpidRequestActions::setRequest(const Humas::PpidRequest &request)
{
    using Humas::Ppid;
    m_request = request;
    const bool writer = Humas::PpidRequestRepository(m_db, m_actor).canWrite();
    const Ppid::Status status = request.status;
    m_processButton->setEnabled(writer && Ppid::canTransition(status, Ppid::Status::Diproses));
    const bool canExtend = writer && Ppid::canTransition(status, Ppid::Status::Diperpanjang);
    m_extendButton->setEnabled(canExtend);
    m_extensionReason->setEnabled(canExtend);
    m_extensionReason->setPlainText(request.extensionReason);
    const bool open = writer && Ppid::isOpen(status);
    for (QWidget *w : std::initializer_list<QWidget *>{m_decision, m_reason, m_pasal17, m_consequence, m_withheld,
                                                       m_referred, m_decisionNote, m_decideButton})
        w->setEnabled(open);
    const bool decided = Ppid::isDecision(status) || status == Ppid::Status::Selesai;
    m_noticeDate->setEnabled(writer && (open || decided));
    m_fee->setEnabled(writer && (open || decided));
    m_finishButton->setEnabled(writer && Ppid::canTransition(status, Ppid::Status::Selesai));
    m_handedOver->setEnabled(writer && decided && status != Ppid::Status::Ditolak);
    m_notes->setEnabled(writer);
    m_saveDetailsButton->setEnabled(writer);

    // Show the recorded decision, or sensible defaults for the one to come.
    if (Ppid::isDecision(status))
        m_decision->setCurrentIndex(qMax(0, m_decision->findData(Ppid::code(status))));
    if (request.reason != Ppid::Reason::None)
        m_reason->setCurrentIndex(qMax(0, m_reason->findData(Ppid::code(request.reason))));
    m_pasal17->setCurrentIndex(qMax(0, m_pasal17->findData(request.pasal17Letter)));
    m_consequence->setPlainText(request.consequenceTest);
    m_withheld->setPlainText(request.withheldInfo);
    m_referred->setText(request.referredTo);
    const QDate now = today();
    m_noticeDate->setDate(request.noticeDate.isValid() ? request.noticeDate : now);
    m_fee->setValue(int(request.feeRupiah));
    m_handedOver->setDate(request.handedOverDate.isValid() ? request.handedOverDate : now);
    m_notes->setPlainText(request.notes);
    updateDecisionRows();
}

bool PpidRequestActions::done(bool ok, const QString &error)
{
    if (ok)
        Q_EMIT changed();
    else
        Q_EMIT failed(error);
    return ok;
}

void PpidRequestActions::process()
{
    QString error;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    done(repository.setStatus(m_request, Humas::Ppid::Status::Diproses, QString(), &error), error);
}

void PpidRequestActions::extend()
{
    QString error;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    done(repository.extend(m_request.id, m_extensionReason->toPlainText().trimmed(), &error), error);
}

void PpidRequestActions::decide()
{
    using Humas::Ppid;
    Humas::PpidRequest d = m_request;
    const Ppid::Status decision = chosenDecision();
    d.reason = decision == Ppid::Status::DikabulkanSeluruhnya ? Ppid::Reason::None : chosenReason();
    d.pasal17Letter = d.reason == Ppid::Reason::Pasal17 ? m_pasal17->currentData().toString() : QString();
    d.consequenceTest = d.reason == Ppid::Reason::Pasal17 ? m_consequence->toPlainText().trimmed() : QString();
    d.withheldInfo = decision == Ppid::Status::DikabulkanSebagian ? m_withheld->toPlainText().trimmed() : QString();
    d.referredTo = d.reason == Ppid::Reason::TidakDikuasai ? m_referred->text().trimmed() : QString();
    d.noticeDate = m_noticeDate->date();
    d.feeRupiah = m_fee->value();
    QString error;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    done(repository.setStatus(d, decision, m_decisionNote->text().trimmed(), &error), error);
}

void PpidRequestActions::finish()
{
    Humas::PpidRequest d = m_request;
    if (m_handedOver->isEnabled())
        d.handedOverDate = m_handedOver->date();
    QString error;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    done(repository.setStatus(d, Humas::Ppid::Status::Selesai, QString(), &error), error);
}

void PpidRequestActions::saveDetails()
{
    Humas::PpidRequest d = m_request;
    if (m_noticeDate->isEnabled() && !Humas::Ppid::isOpen(d.status)) {
        d.noticeDate = m_noticeDate->date();
        d.feeRupiah = m_fee->value();
    }
    // Before the request is finished the date belongs to "Finish".
    if (m_handedOver->isEnabled() && d.status == Humas::Ppid::Status::Selesai)
        d.handedOverDate = m_handedOver->date();
    d.notes = m_notes->toPlainText().trimmed();
    QString error;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    // A patch against the request as this dialog read it: a colleague's save of another field
    // survives; a colleague's save of the same field refuses this one, the typing stays.
    QList<Humas::StaleField> stale;
    const bool ok = repository.update(m_request, d, &error, &stale);
    if (!ok && !stale.isEmpty()) {
        error = staleFieldsMessage(stale, {{QStringLiteral("notice_date"), m_noticeDate},
                                           {QStringLiteral("fee"), m_fee},
                                           {QStringLiteral("handed_over_date"), m_handedOver},
                                           {QStringLiteral("notes"), m_notes}});
        MessageBox::critical(this, window()->windowTitle(), error);
    }
    done(ok, error);
}

} // namespace HumasUi
