#include "agenda/eventform.h"

#include "agenda/agendamodel.h"
#include "agenda/eventformattachment.h"
#include "agenda/eventformofficials.h"
#include "agenda/eventformtimes.h"
#include "agenda/eventstatus.h"
#include "common/clock.h"
#include "common/textrules.h"
#include "sync/syncconflictmark.h"

#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace HumasUi {

using Humas::EventRecord;
using Status = Humas::EventSpan::Status;

namespace {

const QTime DefaultStart(9, 0);

/** (text, id) pairs sorted by text the way people read them. */
QList<QPair<QString, QString>> sortedChoices(const QHash<QString, QString> &names)
{
    QList<QPair<QString, QString>> choices;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        choices.append({it.value(), it.key()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(choices.begin(), choices.end(),
              [&collator](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    return choices;
}

/** A form label whose mnemonic moves the focus to @p buddy (a row holding a layout has none). */
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

void makeSearchable(QComboBox *combo)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

} // namespace

EventForm::EventForm(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent)
    : QWidget(parent), m_db(db), m_model(model)
{
    setObjectName(QStringLiteral("eventForm"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("eventTabs"));
    m_tabs->addTab(buildEventPage(), tr("&Event"));
    m_tabs->addTab(buildOfficialsPage(), tr("&Officials"));
    m_tabs->addTab(buildLetterPage(), tr("&Invitation"));
    m_tabs->addTab(buildDetailsPage(), tr("&Details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    fillChoices();
    EventRecord blank;
    if (m_model->repository().canSchedule())
        blank.status = Status::Terjadwal;
    setEvent(blank);
}

EventForm::~EventForm() = default;

QWidget *EventForm::buildEventPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_title = new QLineEdit(page);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setMaxLength(Humas::TextRules::NameLength);
    form->addRow(tr("&Title *"), m_title);

    m_opd = new QComboBox(page);
    m_opd->setObjectName(QStringLiteral("opdCombo"));
    makeSearchable(m_opd);
    m_opd->lineEdit()->setPlaceholderText(tr("Type to search the organising OPD"));
    form->addRow(tr("Organising &OPD"), m_opd);

    m_picName = new QLineEdit(page);
    m_picName->setObjectName(QStringLiteral("picNameEdit"));
    m_picName->setMaxLength(Humas::TextRules::NameLength);
    m_picPhone = new QLineEdit(page);
    m_picPhone->setObjectName(QStringLiteral("picPhoneEdit"));
    m_picPhone->setMaxLength(Humas::TextRules::CodeLength);
    m_picPhone->setPlaceholderText(tr("Phone"));
    auto *pic = new QHBoxLayout;
    pic->addWidget(m_picName, 3);
    pic->addWidget(m_picPhone, 2);
    form->addRow(buddyLabel(tr("Contact &person"), m_picName), pic);

    m_times = new EventFormTimes(m_model->repository(), m_model->zoneCode(), page);
    form->addRow(tr("&When *"), m_times);
    connect(m_times, &EventFormTimes::timesChanged, this, &EventForm::emitConflictInputsChanged);

    m_venue = new QComboBox(page);
    m_venue->setObjectName(QStringLiteral("venueCombo"));
    makeSearchable(m_venue);
    m_venue->lineEdit()->setPlaceholderText(tr("Pick a venue or type a new one"));
    form->addRow(tr("&Venue"), m_venue);

    m_kecamatan = new QComboBox(page);
    m_kecamatan->setObjectName(QStringLiteral("kecamatanCombo"));
    form->addRow(tr("&District (kecamatan)"), m_kecamatan);
    m_venueHint = new QLabel(page);
    m_venueHint->setObjectName(QStringLiteral("venueHint"));
    m_venueHint->setWordWrap(true);
    m_venueHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_venueHint);

    m_status = new QComboBox(page);
    m_status->setObjectName(QStringLiteral("statusCombo"));
    form->addRow(tr("&Status"), m_status);

    m_public = new QCheckBox(tr("&Public: shown on the regency's public agenda"), page);
    m_public->setObjectName(QStringLiteral("publicCheck"));
    form->addRow(QString(), m_public);

    connect(m_venue, &QComboBox::activated, this, [this](int index) {
        const int k =
            m_kecamatan->findData(m_model->directory().venueKecamatan.value(m_venue->itemData(index).toString()));
        if (k >= 0)
            m_kecamatan->setCurrentIndex(k);
    });
    for (QComboBox *combo : {m_venue, m_kecamatan}) {
        connect(combo, &QComboBox::currentTextChanged, this, [this] {
            updateVenueHint();
            emitConflictInputsChanged();
        });
    }
    connect(m_status, &QComboBox::currentIndexChanged, this, &EventForm::emitConflictInputsChanged);
    return page;
}

QWidget *EventForm::buildOfficialsPage()
{
    auto *page = new QWidget(this);
    auto *column = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Tick the officials the invitation asks for. When one is represented (diwakilkan), "
                               "choose who goes instead; both stay on record."),
                            page);
    hint->setWordWrap(true);
    column->addWidget(hint);
    m_officials = new EventFormOfficials(m_model->directory().officials, page);
    column->addWidget(m_officials);
    connect(m_officials, &EventFormOfficials::officialsChanged, this, &EventForm::emitConflictInputsChanged);
    return page;
}

QWidget *EventForm::buildLetterPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_letterNumber = new QLineEdit(page);
    m_letterNumber->setObjectName(QStringLiteral("letterNumberEdit"));
    m_letterNumber->setMaxLength(Humas::TextRules::NameLength);
    form->addRow(tr("Letter &number"), m_letterNumber);

    m_letterDated = new QCheckBox(page);
    m_letterDated->setObjectName(QStringLiteral("letterDatedCheck"));
    m_letterDated->setAccessibleName(tr("The letter is dated"));
    m_letterDate = new QDateEdit(page);
    m_letterDate->setObjectName(QStringLiteral("letterDateEdit"));
    m_letterDate->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_letterDate->setCalendarPopup(true);
    m_letterDate->setEnabled(false);
    connect(m_letterDated, &QCheckBox::toggled, m_letterDate, &QWidget::setEnabled);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_letterDated);
    dateRow->addWidget(m_letterDate, 1);
    form->addRow(buddyLabel(tr("Letter &date"), m_letterDated), dateRow);

    m_attachment = new EventFormAttachment(m_db, page);
    form->addRow(tr("Invitation scan"), m_attachment);
    return page;
}

QWidget *EventForm::buildDetailsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_dressCode = new QComboBox(page);
    m_dressCode->setObjectName(QStringLiteral("dressCodeCombo"));
    m_dressCode->setEditable(true);
    m_dressCode->setInsertPolicy(QComboBox::NoInsert);
    // The names of Indonesian dress codes are the same in every language.
    m_dressCode->addItems({QString(), QStringLiteral("PDH"), QStringLiteral("PDU"), QStringLiteral("Batik"),
                           QStringLiteral("Bebas rapi")});
    form->addRow(tr("Dress &code"), m_dressCode);

    m_speech = new QCheckBox(tr("A &speech (sambutan) is needed"), page);
    m_speech->setObjectName(QStringLiteral("speechCheck"));
    form->addRow(QString(), m_speech);

    m_staff = new QLineEdit(page);
    m_staff->setObjectName(QStringLiteral("staffEdit"));
    m_staff->setMaxLength(Humas::TextRules::AddressLength);
    m_staff->setPlaceholderText(tr("Protocol and coverage staff"));
    form->addRow(tr("S&taff assigned"), m_staff);

    m_notes = new QPlainTextEdit(page);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    form->addRow(tr("&Notes"), m_notes);
    return page;
}

void EventForm::fillChoices()
{
    const Humas::AgendaDirectory &dir = m_model->directory();
    m_opd->addItem(QString(), QString());
    for (const auto &[name, id] : sortedChoices(dir.opdNames)) {
        const QString code = dir.opdCodes.value(id);
        m_opd->addItem(code.isEmpty() ? name : tr("%1 (%2)").arg(name, code), id);
    }
    m_venue->addItem(QString(), QString());
    for (const auto &[name, id] : sortedChoices(dir.venueNames))
        m_venue->addItem(name, id);
    m_kecamatan->addItem(tr("— choose —"), QString());
    for (const auto &[name, id] : sortedChoices(dir.kecamatanNames))
        m_kecamatan->addItem(name, id);
}

void EventForm::applyRole()
{
    const Humas::EventRepository &repository = m_model->repository();
    const bool writable = repository.canWrite();
    const bool schedules = repository.canSchedule();
    if (!schedules) {
        // An OPD account submits for its own OPD only, and only as "diajukan"; the repository
        // enforces it, the form shows it.
        m_opd->setCurrentIndex(std::max(0, m_opd->findData(repository.actor().opdId)));
        m_status->setCurrentIndex(std::max(0, m_status->findData(int(Status::Diajukan))));
    }
    m_opd->setEnabled(schedules && writable);
    m_status->setEnabled(schedules && writable);
    m_officials->setDelegationEnabled(schedules);
    m_officials->setReadOnly(!writable);
    for (QLineEdit *edit : {m_title, m_picName, m_picPhone, m_letterNumber, m_staff})
        edit->setReadOnly(!writable);
    m_notes->setReadOnly(!writable);
    for (QWidget *w : std::initializer_list<QWidget *>{m_venue, m_kecamatan, m_times, m_dressCode, m_speech, m_public,
                                                       m_letterDated})
        w->setEnabled(writable);
    m_attachment->setWritable(writable);
    m_letterDate->setEnabled(writable && m_letterDated->isChecked());
}

void EventForm::setEvent(const EventRecord &event)
{
    m_loading = true;
    m_original = event;
    m_title->setText(event.title);
    m_opd->setCurrentIndex(std::max(0, m_opd->findData(event.opdId)));
    m_picName->setText(event.picName);
    m_picPhone->setText(event.picPhone);
    m_letterNumber->setText(event.letterNumber);
    m_letterDated->setChecked(event.letterDate.isValid());
    const QDateTime now = Humas::Clock::instance()->nowUtc();
    m_letterDate->setDate(event.letterDate.isValid() ? event.letterDate : m_model->repository().utcToLocal(now).date());
    m_attachment->setBlob(event.letterBlob);
    m_officials->setOfficials(event.officialsRequested, event.officialsAttending);
    setVenue(event.venueId);
    const QDate tomorrow = m_model->repository().utcToLocal(now).date().addDays(1);
    m_times->load(event, m_model->repository().localToUtc(tomorrow, DefaultStart));
    loadStatus(event);
    m_dressCode->setCurrentText(event.dressCode);
    m_speech->setChecked(event.speechNeeded);
    m_staff->setText(event.staff);
    m_notes->setPlainText(event.notes);
    m_public->setChecked(event.isPublic);
    applyRole();
    SyncConflictMark::markFields(m_db, QStringLiteral("events"), event.id, syncFields());
    m_loading = false;
    updateVenueHint();
    Q_EMIT conflictInputsChanged();
}

QHash<QString, QWidget *> EventForm::syncFields() const
{
    return {{QStringLiteral("title"), m_title},
            {QStringLiteral("opd_id"), m_opd},
            {QStringLiteral("pic_name"), m_picName},
            {QStringLiteral("pic_phone"), m_picPhone},
            {QStringLiteral("letter_number"), m_letterNumber},
            {QStringLiteral("letter_date"), m_letterDate},
            {QStringLiteral("officials_requested"), m_officials},
            {QStringLiteral("officials_attending"), m_officials},
            {QStringLiteral("venue_id"), m_venue},
            {QStringLiteral("starts_at"), m_times},
            {QStringLiteral("ends_at"), m_times},
            {QStringLiteral("all_day"), m_times},
            {QStringLiteral("status"), m_status},
            {QStringLiteral("dress_code"), m_dressCode},
            {QStringLiteral("speech_needed"), m_speech},
            {QStringLiteral("staff"), m_staff},
            {QStringLiteral("notes"), m_notes},
            {QStringLiteral("is_public"), m_public},
            {QStringLiteral("*"), m_title}};
}

void EventForm::loadStatus(const EventRecord &event)
{
    m_status->clear();
    for (const Status s : Humas::EventStatus::all())
        m_status->addItem(Humas::EventStatus::displayName(s), int(s));
    m_status->setCurrentIndex(std::max(0, m_status->findData(int(event.status))));
    // A stored event may only move along its life cycle: offer the allowed steps only.
    auto *items = qobject_cast<QStandardItemModel *>(m_status->model());
    if (!event.isValid() || !items)
        return;
    for (int row = 0; row < m_status->count(); ++row) {
        const auto s = Status(m_status->itemData(row).toInt());
        const bool allowed = s == event.status || Humas::EventStatus::canTransition(event.status, s);
        items->item(row)->setEnabled(allowed);
    }
}

void EventForm::setVenue(const QString &venueId)
{
    const Humas::AgendaDirectory &dir = m_model->directory();
    const int index = venueId.isEmpty() ? 0 : m_venue->findData(venueId);
    if (index >= 0) {
        m_venue->setCurrentIndex(index);
    } else {
        // A venue the directory no longer lists: keep its id as text rather than losing it.
        m_venue->setCurrentIndex(0);
        m_venue->setEditText(venueId);
    }
    m_kecamatan->setCurrentIndex(std::max(0, m_kecamatan->findData(dir.venueKecamatan.value(venueId))));
}

QString EventForm::venueName() const
{
    return m_venue->currentText().trimmed();
}

QString EventForm::kecamatanId() const
{
    return m_kecamatan->currentData().toString();
}

QString EventForm::venueId() const
{
    const QString name = venueName();
    if (name.isEmpty())
        return {};
    const Humas::AgendaDirectory &dir = m_model->directory();
    const QString kecamatan = kecamatanId();
    for (auto it = dir.venueNames.cbegin(); it != dir.venueNames.cend(); ++it) {
        if (it.value().compare(name, Qt::CaseInsensitive) == 0 && dir.venueKecamatan.value(it.key()) == kecamatan)
            return it.key();
    }
    // A stored event whose venue is no longer listed keeps it.
    if (name == m_original.venueId && !dir.venueNames.contains(name))
        return name;
    return {};
}

QString EventForm::newVenueName() const
{
    return venueId().isEmpty() ? venueName() : QString();
}

void EventForm::updateVenueHint()
{
    const QString name = newVenueName();
    if (name.isEmpty())
        m_venueHint->clear();
    else if (kecamatanId().isEmpty())
        m_venueHint->setText(tr("\"%1\" is a new venue: choose its district.").arg(name));
    else
        m_venueHint->setText(
            tr("\"%1\" is a new venue: it will be added to %2.").arg(name, m_kecamatan->currentText()));
    m_venueHint->setVisible(!m_venueHint->text().isEmpty());
}

QString EventForm::opdId() const
{
    const QString text = m_opd->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int index = m_opd->findText(text, Qt::MatchFixedString);
    return index >= 0 ? m_opd->itemData(index).toString() : QString();
}

QString EventForm::inputError() const
{
    const QString opdText = m_opd->currentText().trimmed();
    if (!opdText.isEmpty() && opdId().isEmpty())
        return tr("Unknown OPD \"%1\": pick one from the list.").arg(opdText);
    if (!newVenueName().isEmpty() && kecamatanId().isEmpty())
        return tr("\"%1\" is a new venue: choose its district (kecamatan).").arg(newVenueName());
    return {};
}

EventRecord EventForm::event() const
{
    EventRecord e = m_original;
    e.title = m_title->text().trimmed();
    e.opdId = opdId();
    e.picName = m_picName->text().trimmed();
    e.picPhone = m_picPhone->text().trimmed();
    e.letterNumber = m_letterNumber->text().trimmed();
    e.letterDate = m_letterDated->isChecked() ? m_letterDate->date() : QDate();
    e.letterBlob = m_attachment->blob();
    e.officialsRequested = m_officials->requested();
    const QStringList attending = m_officials->attending();
    e.officialsAttending = attending == e.officialsRequested ? QStringList() : attending;
    e.venueId = venueId();
    m_times->apply(&e);
    e.status = Status(m_status->currentData().toInt());
    e.dressCode = m_dressCode->currentText().trimmed();
    e.speechNeeded = m_speech->isChecked();
    e.staff = m_staff->text().trimmed();
    e.notes = m_notes->toPlainText().trimmed();
    e.isPublic = m_public->isChecked();
    return e;
}

void EventForm::setTimes(const QDateTime &startUtc, const QDateTime &endUtc)
{
    m_times->setTimes(startUtc, endUtc);
}

void EventForm::emitConflictInputsChanged()
{
    if (!m_loading)
        Q_EMIT conflictInputsChanged();
}

QWidget *EventForm::firstField() const
{
    return m_title;
}

} // namespace HumasUi
