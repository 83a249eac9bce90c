#include "ppid/ppidintakedialog.h"

#include "common/clock.h"
#include "common/errorlabel.h"
#include "common/messagebox.h"
#include "common/textrules.h"
#include "master/validators.h"
#include "ppid/ppidrequestrepository.h"
#include "reports/ppidreceipt.h"
#include "settings/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextDocument>
#include <QVBoxLayout>

namespace HumasUi {

namespace {

/** "Print directly" is remembered for the rest of the session on this PC. */
bool s_printDirect = false;

constexpr int MessageColumnWidth = 300;

QPlainTextEdit *multiLine(QWidget *parent, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    const int height = edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() + 8;
    edit->setFixedHeight(height);
    return edit;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PpidIntakeDialog::PpidIntakeDialog(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QDialog(parent), m_db(db), m_actor(actor)
{
    setObjectName(QStringLiteral("ppidIntakeDialog"));
    setWindowTitle(tr("New request for information"));
    m_printMode = s_printDirect ? PpidPrintMode::Direct : PpidPrintMode::Preview;
    buildForm();

    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, &PpidIntakeDialog::save);

    if (!Humas::PpidRequestRepository(m_db, m_actor).canWrite()) {
        m_saveButton->setEnabled(false);
        m_error->showMessage(tr("Only PPID officers and administrators can register requests."));
    }
    m_channel->setFocus();
}

PpidIntakeDialog::~PpidIntakeDialog() = default;

void PpidIntakeDialog::buildForm()
{
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setColumnMinimumWidth(1, 320);
    grid->setColumnMinimumWidth(2, MessageColumnWidth);
    int row = 0;

    grid->addWidget(sectionLabel(tr("Request"), this), row++, 0, 1, 3);
    m_channel = new QComboBox(this);
    for (const Humas::Ppid::Channel channel : Humas::Ppid::allChannels())
        m_channel->addItem(Humas::Ppid::displayName(channel), Humas::Ppid::code(channel));
    addRow(grid, &row, tr("&Channel:"), m_channel);

    m_received = new QDateTimeEdit(this);
    m_received->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_received->setCalendarPopup(true);
    const QTimeZone zone = Humas::AppSettings(m_db, m_actor).timeZone();
    const QDateTime now = Humas::Clock::instance()->nowUtc().toTimeZone(zone);
    m_received->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
    addRow(grid, &row, tr("&Received:"), m_received);

    grid->addWidget(sectionLabel(tr("Requester"), this), row++, 0, 1, 3);
    m_requesterType = new QComboBox(this);
    for (const auto type : {Humas::Ppid::RequesterType::Perorangan, Humas::Ppid::RequesterType::Kelompok,
                            Humas::Ppid::RequesterType::BadanHukum})
        m_requesterType->addItem(Humas::Ppid::displayName(type), Humas::Ppid::code(type));
    addRow(grid, &row, tr("&Type:"), m_requesterType);

    m_name = new QLineEdit(this);
    m_name->setMaxLength(Humas::TextRules::NameLength);
    addRow(grid, &row, tr("&Name:"), m_name, messageLabel(QStringLiteral("nameError")));
    m_nik = new QLineEdit(this);
    m_nik->setMaxLength(Humas::TextRules::CodeLength);
    addRow(grid, &row, tr("N&IK:"), m_nik, messageLabel(QStringLiteral("nikError")));
    m_nikLabel = qobject_cast<QLabel *>(grid->itemAtPosition(row - 1, 0)->widget());
    m_address = multiLine(this, 2);
    addRow(grid, &row, tr("&Address:"), m_address);
    m_occupation = new QLineEdit(this);
    m_occupation->setMaxLength(Humas::TextRules::NameLength);
    addRow(grid, &row, tr("&Occupation:"), m_occupation);
    m_phone = new QLineEdit(this);
    m_phone->setMaxLength(Humas::TextRules::CodeLength);
    m_phone->setPlaceholderText(tr("e.g. 0812 3456 7890"));
    addRow(grid, &row, tr("Te&lephone:"), m_phone, messageLabel(QStringLiteral("phoneError")));
    m_email = new QLineEdit(this);
    m_email->setMaxLength(Humas::TextRules::EmailLength);
    addRow(grid, &row, tr("&Email:"), m_email, messageLabel(QStringLiteral("emailError")));
    m_proxy = new QLineEdit(this);
    m_proxy->setMaxLength(Humas::TextRules::NameLength);
    m_proxy->setPlaceholderText(tr("Only when someone comes on the requester's behalf"));
    addRow(grid, &row, tr("Pro&xy:"), m_proxy);

    grid->addWidget(sectionLabel(tr("Information"), this), row++, 0, 1, 3);
    m_information = multiLine(this, 3);
    addRow(grid, &row, tr("Information re&quested:"), m_information, messageLabel(QStringLiteral("informationError")));
    m_purpose = multiLine(this, 2);
    addRow(grid, &row, tr("&Purpose:"), m_purpose);
    m_obtain = new QComboBox(this);
    for (const QString &code : Humas::Ppid::obtainMethods())
        m_obtain->addItem(Humas::Ppid::obtainMethodName(code), code);
    m_obtain->setCurrentIndex(qMax(0, m_obtain->findData(QStringLiteral("salinan_hardcopy"))));
    addRow(grid, &row, tr("How to o&btain:"), m_obtain);
    m_delivery = new QComboBox(this);
    for (const QString &code : Humas::Ppid::deliveryMethods())
        m_delivery->addItem(Humas::Ppid::deliveryMethodName(code), code);
    addRow(grid, &row, tr("How to recei&ve a copy:"), m_delivery);
    m_opd = new QComboBox(this);
    m_opd->addItem(tr("(none)"), QString());
    for (const auto &choice : PpidDialogPrinting::opdChoices(m_db, m_actor))
        m_opd->addItem(choice.second, choice.first);
    addRow(grid, &row, tr("PPID Pe&mbantu (agency):"), m_opd);
    // Spare height goes below the form, not between its rows.
    grid->setRowStretch(row, 1);

    const QList<std::pair<QWidget *, const char *>> names = {
        {m_channel, "channelCombo"},
        {m_received, "receivedEdit"},
        {m_requesterType, "requesterTypeCombo"},
        {m_name, "nameEdit"},
        {m_nik, "nikEdit"},
        {m_address, "addressEdit"},
        {m_occupation, "occupationEdit"},
        {m_phone, "phoneEdit"},
        {m_email, "emailEdit"},
        {m_proxy, "proxyEdit"},
        {m_information, "informationEdit"},
        {m_purpose, "purposeEdit"},
        {m_obtain, "obtainCombo"},
        {m_delivery, "deliveryCombo"},
        {m_opd, "opdCombo"},
    };
    for (const auto &[widget, name] : names) {
        widget->setObjectName(QLatin1String(name));
        m_order.append(widget);
        widget->installEventFilter(this);
        // The date-time edit's keys arrive at its inner line edit.
        if (auto *inner = widget->findChild<QLineEdit *>(); inner && widget == m_received)
            inner->installEventFilter(this);
    }
    connect(m_requesterType, &QComboBox::currentIndexChanged, this, &PpidIntakeDialog::updateRequesterType);
    updateRequesterType();

    auto *hint = new QLabel(tr("Enter: next field · Ctrl+Enter: leave a multi-line field · Ctrl+S: save and print "
                               "the receipt"),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_printDirect = new QCheckBox(tr("Print &directly (no preview)"), this);
    m_printDirect->setObjectName(QStringLiteral("printDirectCheck"));
    m_printDirect->setChecked(s_printDirect);
    connect(m_printDirect, &QCheckBox::toggled, this, [this](bool checked) {
        s_printDirect = checked;
        if (m_printMode != PpidPrintMode::None)
            m_printMode = checked ? PpidPrintMode::Direct : PpidPrintMode::Preview;
    });

    m_error = new ErrorLabel(this);
    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save and print receipt"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    // Enter belongs to the fields (next field), never to a default button.
    for (QPushButton *button : {m_saveButton, cancel}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_saveButton, &QPushButton::clicked, this, &PpidIntakeDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_printDirect);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(grid);
    layout->addWidget(m_error);
    layout->addLayout(bottom);
}

void PpidIntakeDialog::addRow(QGridLayout *grid, int *row, const QString &label, QWidget *field, QLabel *message)
{
    auto *caption = new QLabel(label, this);
    caption->setBuddy(field);
    const bool multiLine = qobject_cast<QPlainTextEdit *>(field);
    grid->addWidget(caption, *row, 0, Qt::AlignRight | (multiLine ? Qt::AlignTop : Qt::AlignVCenter));
    grid->addWidget(field, *row, 1);
    if (message) {
        grid->addWidget(message, *row, 2, Qt::AlignLeft | Qt::AlignTop);
        m_messages.insert(field, message);
    }
    ++*row;
}

QLabel *PpidIntakeDialog::messageLabel(const QString &objectName)
{
    auto *label = new ErrorLabel(this);
    label->setObjectName(objectName);
    // A fixed width makes the wrapped height known, so the row can grow to show all of it.
    label->setFixedWidth(MessageColumnWidth);
    return label;
}

void PpidIntakeDialog::updateRequesterType()
{
    const bool legalEntity =
        m_requesterType->currentData().toString() == Humas::Ppid::code(Humas::Ppid::RequesterType::BadanHukum);
    m_nikLabel->setText(legalEntity ? tr("Deed n&umber:") : tr("N&IK:"));
    m_nik->setPlaceholderText(legalEntity ? tr("Number of the deed of establishment") : tr("16 digits"));
    // A message about the other kind of number no longer applies.
    if (auto *message = qobject_cast<ErrorLabel *>(m_messages.value(m_nik)); message && !message->message().isEmpty())
        validateField(m_nik);
}

void PpidIntakeDialog::setPrintMode(PpidPrintMode mode)
{
    m_printMode = mode;
}

Humas::PpidRequest PpidIntakeDialog::request() const
{
    Humas::PpidRequest r;
    const QTimeZone zone = Humas::AppSettings(m_db, m_actor).timeZone();
    const QDateTime local = m_received->dateTime();
    r.receivedAt = QDateTime(local.date(), local.time(), zone).toUTC();
    Humas::Ppid::fromCode(m_channel->currentData().toString(), &r.channel);
    Humas::Ppid::fromCode(m_requesterType->currentData().toString(), &r.requesterType);
    r.requesterName = m_name->text().simplified();
    r.requesterNik = m_nik->text().trimmed();
    if (r.requesterType != Humas::Ppid::RequesterType::BadanHukum)
        r.requesterNik = Humas::Validators::compactDigits(r.requesterNik, false);
    r.requesterAddress = m_address->toPlainText().trimmed();
    r.requesterOccupation = m_occupation->text().simplified();
    r.requesterPhone = m_phone->text().trimmed();
    r.requesterEmail = m_email->text().trimmed();
    r.proxyName = m_proxy->text().simplified();
    r.information = m_information->toPlainText().trimmed();
    r.purpose = m_purpose->toPlainText().trimmed();
    r.obtainMethod = m_obtain->currentData().toString();
    r.deliveryMethod = m_delivery->currentData().toString();
    r.opdId = m_opd->currentData().toString();
    return r;
}

QString PpidIntakeDialog::validateField(QWidget *field)
{
    QString message;
    if (field == m_name) {
        if (m_name->text().trimmed().isEmpty())
            message = tr("Enter the requester's name.");
    } else if (field == m_nik) {
        // Optional, as in the register (a request by letter or telephone may come without
        // one); a NIK that is given must be one. A deed number is free text.
        const QString text = m_nik->text().trimmed();
        const bool legalEntity =
            m_requesterType->currentData().toString() == Humas::Ppid::code(Humas::Ppid::RequesterType::BadanHukum);
        QString why;
        if (!legalEntity && !text.isEmpty() && !Humas::Validators::isNik(text, &why))
            message = tr("Not a valid NIK: %1").arg(why);
    } else if (field == m_phone) {
        if (!m_phone->text().trimmed().isEmpty() && !Humas::Validators::isPhone(m_phone->text()))
            message = tr("Not a valid telephone number: it starts with 0 or +62 and has 9 to 15 digits.");
    } else if (field == m_email) {
        if (!m_email->text().trimmed().isEmpty() && !Humas::Validators::isEmail(m_email->text()))
            message = tr("Not a valid email address.");
    } else if (field == m_information) {
        if (m_information->toPlainText().trimmed().isEmpty())
            message = tr("Describe the information requested.");
    }
    if (auto *label = qobject_cast<ErrorLabel *>(m_messages.value(field))) {
        label->showMessage(message);
        label->setMinimumHeight(message.isEmpty() ? 0 : label->heightForWidth(MessageColumnWidth));
    }
    return message;
}

bool PpidIntakeDialog::validateAll()
{
    QWidget *firstBad = nullptr;
    for (QWidget *field : std::as_const(m_order)) {
        if (m_messages.contains(field) && !validateField(field).isEmpty() && !firstBad)
            firstBad = field;
    }
    if (firstBad) {
        m_error->showMessage(tr("Please correct the fields marked in red."));
        firstBad->setFocus(Qt::OtherFocusReason);
        return false;
    }
    m_error->clearMessage();
    return true;
}

bool PpidIntakeDialog::save()
{
    if (!m_saveButton->isEnabled() || !validateAll())
        return false;
    Humas::PpidRequestRepository repository(m_db, m_actor);
    Humas::PpidRequest r = request();
    QString error;
    if (!repository.add(&r, &error)) {
        m_error->showMessage(error);
        return false;
    }
    m_saved = r;
    Q_EMIT requestSaved(r.id);

    const Humas::AppSettings settings(m_db, m_actor);
    m_receipt.reset(
        Humas::PpidReceipt::document(settings, r, m_actor.role, PpidDialogPrinting::receiptInfo(m_db, m_actor, r)));
    PpidDialogPrinting::print(this, *m_receipt, QPageLayout::Portrait, m_printMode);
    accept();
    return true;
}

bool PpidIntakeDialog::hasInput() const
{
    for (const QLineEdit *line : {m_name, m_nik, m_occupation, m_phone, m_email, m_proxy}) {
        if (!line->text().trimmed().isEmpty())
            return true;
    }
    for (const QPlainTextEdit *text : {m_address, m_information, m_purpose}) {
        if (!text->toPlainText().trimmed().isEmpty())
            return true;
    }
    return false;
}

void PpidIntakeDialog::reject()
{
    // Escape is close at hand on a busy desk; typed data is not thrown away without asking.
    if (!m_saved.isValid() && hasInput() &&
        MessageBox::question(this, tr("Discard the request?"),
                             tr("The request has not been saved. Close the form and discard what was entered?")) !=
            QMessageBox::Yes)
        return;
    QDialog::reject();
}

void PpidIntakeDialog::moveOn(QWidget *from)
{
    if (m_messages.contains(from))
        validateField(from);
    const int index = m_order.indexOf(from);
    for (int next = index + 1; next < m_order.size(); ++next) {
        QWidget *field = m_order.at(next);
        if (field->isEnabled() && !field->isHidden()) {
            field->setFocus(Qt::TabFocusReason);
            if (auto *line = qobject_cast<QLineEdit *>(field))
                line->selectAll();
            return;
        }
    }
    save();
}

bool PpidIntakeDialog::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (widget && !m_order.contains(widget) && widget->parentWidget() == m_received)
        widget = m_received;
    if (!widget || !m_order.contains(widget))
        return QDialog::eventFilter(watched, event);

    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // In a multi-line field a plain Enter is a new line.
            if (qobject_cast<QPlainTextEdit *>(widget) && !(key->modifiers() & Qt::ControlModifier))
                return false;
            moveOn(widget);
            return true;
        }
    } else if (event->type() == QEvent::FocusOut && m_messages.contains(widget)) {
        const auto *focus = static_cast<QFocusEvent *>(event);
        // Leaving the window (a message box, another program) is not leaving the field.
        if (focus->reason() != Qt::ActiveWindowFocusReason && focus->reason() != Qt::PopupFocusReason)
            validateField(widget);
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace HumasUi
