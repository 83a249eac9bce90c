#include "settingsdialog.h"

#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "common/stalefields.h"
#include "common/translations.h"
#include "ppid/registrationnumber.h"
#include "settings/appsettings.h"
#include "settings/localpreferences.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "store/openfiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::AppSettings;

namespace {
constexpr int EmblemPreviewSize = 72;
}

SettingsDialog::SettingsDialog(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QDialog(parent), m_db(db), m_actor(actor), m_readOnly(actor.role != Humas::Role::Admin)
{
    setObjectName(QStringLiteral("settingsDialog"));
    buildUi();
    load();
    retranslateUi();
}

void SettingsDialog::buildUi()
{
    m_regencyGroup = new QGroupBox(this);
    m_regencyGroup->setObjectName(QStringLiteral("regencyGroup"));
    m_regencyName = new QLineEdit(this);
    m_regencyName->setObjectName(QStringLiteral("regencyNameEdit"));
    m_letterhead = new QPlainTextEdit(this);
    m_letterhead->setObjectName(QStringLiteral("letterheadEdit"));
    m_letterhead->setTabChangesFocus(true);
    m_letterhead->setFixedHeight(m_letterhead->fontMetrics().lineSpacing() * 4 + 12);
    m_officeAddress = new QLineEdit(this);
    m_officeAddress->setObjectName(QStringLiteral("officeAddressEdit"));
    m_city = new QLineEdit(this);
    m_city->setObjectName(QStringLiteral("cityEdit"));
    m_emblemPreview = new QLabel(this);
    m_emblemPreview->setObjectName(QStringLiteral("emblemPreview"));
    m_emblemPreview->setFixedSize(EmblemPreviewSize, EmblemPreviewSize);
    m_emblemPreview->setAlignment(Qt::AlignCenter);
    m_emblemPreview->setFrameShape(QFrame::StyledPanel);
    m_emblemButton = new QPushButton(this);
    m_emblemButton->setObjectName(QStringLiteral("emblemButton"));
    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    for (const QString &code : AppSettings::timeZoneCodes())
        m_timeZone->addItem(code, code);
    m_emblemButton->setAutoDefault(false);
    m_cutiBersama = new QCheckBox(this);
    m_cutiBersama->setObjectName(QStringLiteral("cutiBersamaCheck"));
    m_workStart = new QTimeEdit(this);
    m_workStart->setObjectName(QStringLiteral("workStartEdit"));
    m_workEnd = new QTimeEdit(this);
    m_workEnd->setObjectName(QStringLiteral("workEndEdit"));
    for (QTimeEdit *edit : {m_workStart, m_workEnd}) {
        edit->setDisplayFormat(QStringLiteral("HH.mm"));
        edit->setTimeRange(QTime(0, 0), QTime(23, 59));
    }
    m_ppidPattern = new QLineEdit(this);
    m_ppidPattern->setObjectName(QStringLiteral("ppidPatternEdit"));
    m_ppidPattern->setPlaceholderText(Humas::RegistrationNumber::defaultPattern());
    m_deskCode = new QLineEdit(this);
    m_deskCode->setObjectName(QStringLiteral("deskCodeEdit"));
    m_deskCode->setMaxLength(8);
    m_workHoursRow = new QHBoxLayout;
    m_workHoursRow->addWidget(m_workStart);
    m_workHoursRow->addWidget(new QLabel(QStringLiteral("–"), this));
    m_workHoursRow->addWidget(m_workEnd);
    m_workHoursRow->addStretch();
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setForegroundRole(QPalette::PlaceholderText);
    m_readOnlyNote->setVisible(m_readOnly);

    m_emblemRow = new QHBoxLayout;
    m_emblemRow->addWidget(m_emblemPreview);
    m_emblemRow->addWidget(m_emblemButton, 0, Qt::AlignBottom);
    m_emblemRow->addStretch();

    m_regencyForm = new QFormLayout(m_regencyGroup);
    for (QWidget *field : {static_cast<QWidget *>(m_regencyName), static_cast<QWidget *>(m_letterhead),
                           static_cast<QWidget *>(m_officeAddress), static_cast<QWidget *>(m_city)}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_regencyForm->addRow(label, field);
    }
    m_regencyForm->addRow(new QLabel(this), m_emblemRow);
    auto *zoneLabel = new QLabel(this);
    zoneLabel->setBuddy(m_timeZone);
    m_regencyForm->addRow(zoneLabel, m_timeZone);
    m_regencyForm->addRow(m_cutiBersama);
    auto *hoursLabel = new QLabel(this);
    hoursLabel->setBuddy(m_workStart);
    m_regencyForm->addRow(hoursLabel, m_workHoursRow);
    auto *patternLabel = new QLabel(this);
    patternLabel->setBuddy(m_ppidPattern);
    m_regencyForm->addRow(patternLabel, m_ppidPattern);
    m_regencyForm->addRow(m_readOnlyNote);

    m_computerGroup = new QGroupBox(this);
    m_computerGroup->setObjectName(QStringLiteral("computerGroup"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Each language is named in itself, so a person who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("Bahasa Indonesia"), QStringLiteral("id"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_computerForm = new QFormLayout(m_computerGroup);
    auto *languageLabel = new QLabel(this);
    languageLabel->setBuddy(m_language);
    m_computerForm->addRow(languageLabel, m_language);
    auto *deskLabel = new QLabel(this);
    deskLabel->setBuddy(m_deskCode);
    m_computerForm->addRow(deskLabel, m_deskCode);

    m_error = new ErrorLabel(this);

    auto *buttons = new QDialogButtonBox(this);
    if (!m_readOnly) {
        m_saveButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
        m_saveButton->setObjectName(QStringLiteral("saveButton"));
        m_saveButton->setDefault(true);
        connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    }
    m_closeButton = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_regencyName->setReadOnly(m_readOnly);
    m_letterhead->setReadOnly(m_readOnly);
    m_officeAddress->setReadOnly(m_readOnly);
    m_city->setReadOnly(m_readOnly);
    m_emblemButton->setEnabled(!m_readOnly);
    m_timeZone->setEnabled(!m_readOnly);
    m_cutiBersama->setEnabled(!m_readOnly);
    m_workStart->setEnabled(!m_readOnly);
    m_workEnd->setEnabled(!m_readOnly);
    m_ppidPattern->setReadOnly(m_readOnly);
    m_deskCode->setReadOnly(m_readOnly);

    connect(m_emblemButton, &QPushButton::clicked, this, &SettingsDialog::chooseEmblem);
    connect(m_language, &QComboBox::activated, this, &SettingsDialog::applyLanguage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_regencyGroup);
    layout->addWidget(m_computerGroup);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void SettingsDialog::load()
{
    const AppSettings settings(m_db, m_actor);
    m_regencyName->setText(settings.value(QLatin1String(AppSettings::RegencyName)));
    m_letterhead->setPlainText(settings.value(QLatin1String(AppSettings::Letterhead)));
    m_officeAddress->setText(settings.officeAddress());
    m_city->setText(settings.city());
    m_timeZone->setCurrentIndex(m_timeZone->findData(settings.timeZoneCode()));
    m_cutiBersama->setChecked(settings.cutiBersamaIsWorkingDay());
    m_workStart->setTime(settings.workStart());
    m_workEnd->setTime(settings.workEnd());
    m_ppidPattern->setText(settings.value(QLatin1String(AppSettings::PpidNumberPattern)));
    m_deskCode->setText(Humas::RegistrationNumber::deskCode(m_db));
    showEmblem(settings.emblem());
    m_language->setCurrentIndex(m_language->findData(Humas::Translations::language()));
    m_shown = formValues();
    m_stored.clear();
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
        m_stored.insert(it.key(), settings.value(it.key()));
}

void SettingsDialog::showEmblem(const QByteArray &data)
{
    QPixmap pixmap;
    if (!data.isEmpty() && pixmap.loadFromData(data)) {
        m_emblemPreview->setPixmap(
            pixmap.scaled(EmblemPreviewSize - 4, EmblemPreviewSize - 4, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        m_emblemPreview->setPixmap(QPixmap());
        m_emblemPreview->setText(tr("None"));
    }
}

void SettingsDialog::chooseEmblem()
{
    const QString fileName = FileDialogs::openFile(this, FileDialogs::Kind::Image, tr("Choose the emblem"),
                                                   tr("Images (*.png *.jpg *.jpeg)"));
    if (!fileName.isEmpty())
        setEmblemFile(fileName);
}

bool SettingsDialog::setEmblemFile(const QString &fileName)
{
    QString refused;
    // Reading the database's own file with QFile would drop SQLite's locks when it closes.
    if (!Humas::OpenDatabaseFiles::checkNotDatabaseFile(fileName, &refused)) {
        m_error->showMessage(refused);
        return false;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error->showMessage(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return false;
    }
    m_pendingEmblem = file.readAll();
    m_error->clearMessage();
    showEmblem(m_pendingEmblem);
    return true;
}

void SettingsDialog::applyLanguage(int index)
{
    const QString code = m_language->itemData(index).toString();
    if (code == Humas::Translations::language())
        return;
    Humas::Translations::setLanguage(code);
    Humas::LocalPreferences prefs;
    prefs.setLanguage(code);
    prefs.sync();
}

QString SettingsDialog::errorText() const
{
    return m_error->message();
}

QMap<QString, QString> SettingsDialog::formValues() const
{
    const AppSettings settings(m_db, m_actor);
    QStringList lines = m_letterhead->toPlainText().split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    // An emptied pattern means the default; one never set stays unset.
    QString ppidPattern = m_ppidPattern->text().trimmed();
    if (ppidPattern.isEmpty() && !settings.value(QLatin1String(AppSettings::PpidNumberPattern)).isEmpty())
        ppidPattern = Humas::RegistrationNumber::defaultPattern();
    return {
        {QLatin1String(AppSettings::RegencyName), m_regencyName->text().trimmed()},
        {QLatin1String(AppSettings::Letterhead), lines.join(QLatin1Char('\n'))},
        {QLatin1String(AppSettings::OfficeAddress), m_officeAddress->text().trimmed()},
        {QLatin1String(AppSettings::City), m_city->text().trimmed()},
        {QLatin1String(AppSettings::TimeZoneCode), m_timeZone->currentData().toString()},
        {QLatin1String(AppSettings::CutiBersamaWorking),
         m_cutiBersama->isChecked() ? QStringLiteral("1") : QStringLiteral("0")},
        {QLatin1String(AppSettings::WorkStart), m_workStart->time().toString(QStringLiteral("HH:mm"))},
        {QLatin1String(AppSettings::WorkEnd), m_workEnd->time().toString(QStringLiteral("HH:mm"))},
        {QLatin1String(AppSettings::PpidNumberPattern), ppidPattern},
    };
}

void SettingsDialog::save()
{
    AppSettings settings(m_db, m_actor);
    QString error;
    if (m_workStart->time() >= m_workEnd->time()) {
        m_error->showMessage(tr("The working day must end after it starts."));
        m_workEnd->setFocus();
        return;
    }
    if (!m_pendingEmblem.isEmpty()) {
        if (!settings.setEmblem(m_pendingEmblem, &error)) {
            m_error->showMessage(error);
            return;
        }
        m_pendingEmblem.clear();
    }
    // Only the settings the user changed are written, each against the value the form was
    // filled from: a colleague's change of another setting stays, one of the same is refused.
    const QMap<QString, QString> wanted = formValues();
    QMap<QString, QString> changed;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (m_shown.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    QList<Humas::StaleField> stale;
    if (!changed.isEmpty() && !settings.setValues(m_stored, changed, &error, &stale)) {
        if (!stale.isEmpty()) {
            error = staleFieldsMessage(stale, {{QLatin1String(AppSettings::RegencyName), m_regencyName},
                                               {QLatin1String(AppSettings::Letterhead), m_letterhead},
                                               {QLatin1String(AppSettings::OfficeAddress), m_officeAddress},
                                               {QLatin1String(AppSettings::City), m_city},
                                               {QLatin1String(AppSettings::TimeZoneCode), m_timeZone},
                                               {QLatin1String(AppSettings::CutiBersamaWorking), m_cutiBersama},
                                               {QLatin1String(AppSettings::WorkStart), m_workStart},
                                               {QLatin1String(AppSettings::WorkEnd), m_workEnd},
                                               {QLatin1String(AppSettings::PpidNumberPattern), m_ppidPattern}});
            MessageBox::critical(this, windowTitle(), error);
        }
        m_error->showMessage(error);
        return;
    }
    const QString desk = m_deskCode->text().trimmed().toUpper();
    if (desk != Humas::RegistrationNumber::deskCode(m_db) &&
        !Humas::RegistrationNumber::setDeskCode(m_db, desk, &error)) {
        m_error->showMessage(error);
        m_deskCode->setFocus();
        return;
    }
    accept();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_regencyGroup->setTitle(tr("Regency (shared by every computer)"));
    m_computerGroup->setTitle(tr("This computer"));
    const QList<QPair<QObject *, QString>> labels = {
        {m_regencyName, tr("&Regency name:")},
        {m_letterhead, tr("&Letterhead lines:")},
        {m_officeAddress, tr("Office &address:")},
        {m_city, tr("C&ity:")},
        {m_emblemRow, tr("Emblem:")},
        {m_timeZone, tr("&Time zone:")},
        {m_workHoursRow, tr("&Working hours:")},
        {m_ppidPattern, tr("PPID re&gistration number:")},
    };
    for (const auto &entry : labels) {
        QWidget *label = entry.first->isWidgetType()
                             ? m_regencyForm->labelForField(static_cast<QWidget *>(entry.first))
                             : m_regencyForm->labelForField(static_cast<QLayout *>(entry.first));
        if (auto *l = qobject_cast<QLabel *>(label))
            l->setText(entry.second);
    }
    if (auto *label = qobject_cast<QLabel *>(m_computerForm->labelForField(m_language)))
        label->setText(tr("Lan&guage:"));
    if (auto *label = qobject_cast<QLabel *>(m_computerForm->labelForField(m_deskCode)))
        label->setText(tr("PPID &desk code:"));
    m_ppidPattern->setToolTip(tr("Placeholders: {seq:3} sequence number of the year, {desk} this desk's code, "
                                 "{month_roman}, {month}, {day}, {year}, {yy}. Empty: the default."));
    m_deskCode->setToolTip(tr("1–8 letters or digits, different on every PC that registers requests; it is part "
                              "of every registration number given here."));
    m_letterhead->setPlaceholderText(tr("One line per row, as printed at the top of letters and reports"));
    m_emblemButton->setText(tr("Choose image…"));
    if (m_emblemPreview->pixmap().isNull())
        m_emblemPreview->setText(tr("None"));
    for (int i = 0; i < m_timeZone->count(); ++i) {
        const QString code = m_timeZone->itemData(i).toString();
        if (code == QLatin1String("WIB"))
            m_timeZone->setItemText(i, tr("WIB — Western Indonesia (UTC+7)"));
        else if (code == QLatin1String("WITA"))
            m_timeZone->setItemText(i, tr("WITA — Central Indonesia (UTC+8)"));
        else if (code == QLatin1String("WIT"))
            m_timeZone->setItemText(i, tr("WIT — Eastern Indonesia (UTC+9)"));
    }
    m_cutiBersama->setText(tr("Count collective leave (cuti bersama) as working days"));
    m_readOnlyNote->setText(tr("Only an administrator can change the regency settings."));
    if (m_saveButton)
        m_saveButton->setText(tr("Save"));
    m_closeButton->setText(m_readOnly ? tr("Close") : tr("Cancel"));
}

} // namespace HumasUi
