#include "syncpage.h"

#include "common/datetext.h"
#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "sync/restclient.h"
#include "sync/serversignindialog.h"
#include "sync/syncconflictmodel.h"
#include "sync/syncconflicttext.h"
#include "sync/synccontroller.h"
#include "sync/syncvaluedialog.h"

#include <QButtonGroup>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace HumasUi {

namespace {

QLabel *makeValueLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

/** The typed text as the JSON value the field holds: a number stays a number, "" may be null. */
QJsonValue typedValue(const QString &text, const Humas::SyncConflict &c)
{
    const bool numeric = c.mine.isDouble() || c.theirs.isDouble();
    if (text.isEmpty() && (c.mine.isNull() || c.theirs.isNull()))
        return QJsonValue(QJsonValue::Null);
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (numeric && ok)
        return QJsonValue(number);
    return QJsonValue(text);
}

} // namespace

SyncPage::SyncPage(SyncController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_conflictModel(new SyncConflictModel(controller->database(), this))
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("pageDescription"));
    m_description->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(buildConnectionBox(), 3);
    top->addWidget(buildStatusBox(), 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addLayout(top);
    layout->addWidget(buildConflictBox(), 1);

    connect(m_controller, &SyncController::stateChanged, this, &SyncPage::updateState);
    connect(m_controller, &SyncController::roundStarted, this, &SyncPage::onRoundStarted);
    connect(m_controller, &SyncController::pullProgressed, this, &SyncPage::onPullProgressed);
    connect(m_controller, &SyncController::connectionTested, this, &SyncPage::onConnectionTested);
    connect(m_controller, &SyncController::signInFinished, this, &SyncPage::onSignInFinished);
    connect(m_controller, &SyncController::signOutFinished, this, &SyncPage::onSignOutFinished);
    connect(m_conflictModel, &QAbstractItemModel::modelReset, this, &SyncPage::updateState);
    retranslateUi();
    updateState();
}

QWidget *SyncPage::buildConnectionBox()
{
    m_connectionBox = new QGroupBox(this);
    m_connectionBox->setObjectName(QStringLiteral("connectionBox"));
    m_noneRadio = new QRadioButton(m_connectionBox);
    m_noneRadio->setObjectName(QStringLiteral("noSyncRadio"));
    m_sharedRadio = new QRadioButton(m_connectionBox);
    m_sharedRadio->setObjectName(QStringLiteral("sharedFileRadio"));
    m_serverRadio = new QRadioButton(m_connectionBox);
    m_serverRadio->setObjectName(QStringLiteral("serverRadio"));
    m_transportGroup = new QButtonGroup(this);
    m_transportGroup->addButton(m_noneRadio);
    m_transportGroup->addButton(m_sharedRadio);
    m_transportGroup->addButton(m_serverRadio);
    connect(m_transportGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            onTransportToggled();
    });

    m_pathEdit = new QLineEdit(m_connectionBox);
    m_pathEdit->setObjectName(QStringLiteral("sharedPathEdit"));
    m_pathEdit->setReadOnly(true);
    m_pathLabel = new QLabel(m_connectionBox);
    m_pathLabel->setBuddy(m_pathEdit);
    m_folderButton = new QPushButton(m_connectionBox);
    m_folderButton->setObjectName(QStringLiteral("chooseFolderButton"));
    connect(m_folderButton, &QPushButton::clicked, this, &SyncPage::chooseFolder);
    m_fileButton = new QPushButton(m_connectionBox);
    m_fileButton->setObjectName(QStringLiteral("chooseFileButton"));
    connect(m_fileButton, &QPushButton::clicked, this, &SyncPage::chooseFile);

    m_serverEdit = new QLineEdit(m_connectionBox);
    m_serverEdit->setObjectName(QStringLiteral("serverUrlEdit"));
    connect(m_serverEdit, &QLineEdit::editingFinished, this, &SyncPage::onServerEdited);
    m_serverLabel = new QLabel(m_connectionBox);
    m_serverLabel->setBuddy(m_serverEdit);
    m_testButton = new QPushButton(m_connectionBox);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    connect(m_testButton, &QPushButton::clicked, this, &SyncPage::testConnection);
    m_accountLabel = makeValueLabel(m_connectionBox, "serverAccountLabel");
    m_signInButton = new QPushButton(m_connectionBox);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    connect(m_signInButton, &QPushButton::clicked, this, &SyncPage::signIn);
    m_signOutButton = new QPushButton(m_connectionBox);
    m_signOutButton->setObjectName(QStringLiteral("signOutButton"));
    connect(m_signOutButton, &QPushButton::clicked, this, &SyncPage::signOut);
    m_serverStatus = makeValueLabel(m_connectionBox, "serverStatusLabel");

    m_interval = new QSpinBox(m_connectionBox);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(0, 24 * 60);
    m_interval->setValue(m_controller->intervalMinutes());
    connect(m_interval, &QSpinBox::valueChanged, this, &SyncPage::onIntervalChanged);
    m_intervalLabel = new QLabel(m_connectionBox);
    m_intervalLabel->setBuddy(m_interval);
    m_intervalHint = new QLabel(m_connectionBox);
    m_intervalHint->setForegroundRole(QPalette::PlaceholderText);
    m_settingsError = new ErrorLabel(m_connectionBox);
    m_settingsError->setObjectName(QStringLiteral("settingsError"));

    auto *grid = new QGridLayout(m_connectionBox);
    auto *radios = new QHBoxLayout;
    radios->addWidget(m_noneRadio);
    radios->addWidget(m_sharedRadio);
    radios->addWidget(m_serverRadio);
    radios->addStretch();
    grid->addLayout(radios, 0, 0, 1, 4);
    grid->addWidget(m_pathLabel, 1, 0);
    grid->addWidget(m_pathEdit, 1, 1);
    grid->addWidget(m_folderButton, 1, 2);
    grid->addWidget(m_fileButton, 1, 3);
    grid->addWidget(m_serverLabel, 2, 0);
    grid->addWidget(m_serverEdit, 2, 1);
    grid->addWidget(m_testButton, 2, 2, 1, 2);
    grid->addWidget(m_accountLabel, 3, 1);
    grid->addWidget(m_signInButton, 3, 2);
    grid->addWidget(m_signOutButton, 3, 3);
    grid->addWidget(m_serverStatus, 4, 1, 1, 3);
    grid->addWidget(m_intervalLabel, 5, 0);
    auto *intervalRow = new QHBoxLayout;
    intervalRow->addWidget(m_interval);
    intervalRow->addWidget(m_intervalHint, 1);
    grid->addLayout(intervalRow, 5, 1, 1, 3);
    grid->addWidget(m_settingsError, 6, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(7, 1);
    return m_connectionBox;
}

QWidget *SyncPage::buildStatusBox()
{
    m_statusBox = new QGroupBox(this);
    m_statusBox->setObjectName(QStringLiteral("statusBox"));
    m_syncButton = new QPushButton(m_statusBox);
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    m_syncButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_syncButton, &QPushButton::clicked, m_controller, &SyncController::syncNow);
    m_busy = new QProgressBar(m_statusBox);
    m_busy->setObjectName(QStringLiteral("syncBusy"));
    m_busy->setRange(0, 0); // a round reports no steps: a busy bar
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_syncButton->sizeHint().height() / 2);
    m_runningLabel = makeValueLabel(m_statusBox, "runningLabel");
    m_lastCaption = new QLabel(m_statusBox);
    m_lastRound = makeValueLabel(m_statusBox, "lastRoundLabel");
    m_roundError = new ErrorLabel(m_statusBox);
    m_roundError->setObjectName(QStringLiteral("roundError"));
    m_roundError->setWordWrap(true);
    m_waitingCaption = new QLabel(m_statusBox);
    m_waiting = makeValueLabel(m_statusBox, "waitingLabel");

    auto *grid = new QGridLayout(m_statusBox);
    auto *row = new QHBoxLayout;
    row->addWidget(m_syncButton);
    row->addWidget(m_busy, 1);
    row->addWidget(m_runningLabel);
    grid->addLayout(row, 0, 0, 1, 2);
    grid->addWidget(m_lastCaption, 1, 0, Qt::AlignTop);
    grid->addWidget(m_lastRound, 1, 1);
    grid->addWidget(m_roundError, 2, 0, 1, 2);
    grid->addWidget(m_waitingCaption, 3, 0, Qt::AlignTop);
    grid->addWidget(m_waiting, 3, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1);
    return m_statusBox;
}

QWidget *SyncPage::buildConflictBox()
{
    m_conflictBox = new QGroupBox(this);
    m_conflictBox->setObjectName(QStringLiteral("conflictBox"));
    m_conflictView = new QTableView(m_conflictBox);
    m_conflictView->setObjectName(QStringLiteral("conflictView"));
    m_conflictView->setModel(m_conflictModel);
    m_conflictView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conflictView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conflictView->setWordWrap(true);
    m_conflictView->setAlternatingRowColors(true);
    m_conflictView->verticalHeader()->hide();
    m_conflictView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_conflictView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SyncConflictModel::MineColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SyncConflictModel::TheirsColumn, QHeaderView::Stretch);
    header->resizeSection(SyncConflictModel::RecordColumn, 260);
    header->resizeSection(SyncConflictModel::FieldColumn, 130);
    connect(m_conflictView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncPage::updateConflictButtons);
    m_noConflicts = new QLabel(m_conflictBox);
    m_noConflicts->setObjectName(QStringLiteral("noConflictsLabel"));
    m_noConflicts->setForegroundRole(QPalette::PlaceholderText);

    m_mineButton = new QPushButton(m_conflictBox);
    m_mineButton->setObjectName(QStringLiteral("takeMineButton"));
    connect(m_mineButton, &QPushButton::clicked, this, &SyncPage::resolveMine);
    m_theirsButton = new QPushButton(m_conflictBox);
    m_theirsButton->setObjectName(QStringLiteral("takeTheirsButton"));
    connect(m_theirsButton, &QPushButton::clicked, this, &SyncPage::resolveTheirs);
    m_valueButton = new QPushButton(m_conflictBox);
    m_valueButton->setObjectName(QStringLiteral("typeValueButton"));
    connect(m_valueButton, &QPushButton::clicked, this, &SyncPage::resolveWithValue);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_noConflicts, 1);
    buttons->addWidget(m_mineButton);
    buttons->addWidget(m_theirsButton);
    buttons->addWidget(m_valueButton);
    auto *layout = new QVBoxLayout(m_conflictBox);
    layout->addWidget(m_conflictView, 1);
    layout->addLayout(buttons);
    return m_conflictBox;
}

void SyncPage::retranslateUi()
{
    m_title->setText(tr("Synchronisation"));
    m_description->setText(tr("Share data with colleagues through a shared database file in a folder on the office "
                              "network or through a HumasDesk server. Changes made on this PC are kept here and sent "
                              "at the next round."));
    m_connectionBox->setTitle(tr("How this PC synchronises"));
    m_noneRadio->setText(tr("&Not synchronised"));
    m_sharedRadio->setText(tr("Shared &file"));
    m_pathLabel->setText(tr("Shared file:"));
    m_pathEdit->setPlaceholderText(tr("Choose the folder of the shared file"));
    m_pathEdit->setAccessibleName(tr("Shared file"));
    m_folderButton->setText(tr("Choose f&older…"));
    m_folderButton->setToolTip(tr("The shared file %1 is made in the folder you choose, or used when it is "
                                  "already there.")
                                   .arg(SyncController::sharedFileName()));
    m_fileButton->setText(tr("Existing fil&e…"));
    m_fileButton->setToolTip(tr("Use a shared file that already exists under another name."));
    m_serverRadio->setText(tr("Ser&ver"));
    m_serverLabel->setText(tr("Server a&ddress:"));
    m_serverEdit->setPlaceholderText(tr("e.g. https://humas.example.go.id:8443"));
    m_serverEdit->setAccessibleName(tr("Server address"));
    m_testButton->setText(tr("Test &connection"));
    m_testButton->setToolTip(tr("Check that a HumasDesk server answers at this address (no sign-in needed)."));
    m_signInButton->setText(tr("Sign &in…"));
    m_signInButton->setToolTip(tr("Sign in with your own user name and password at the server; the password is "
                                  "not stored on this PC."));
    m_signOutButton->setText(tr("Sign o&ut"));
    m_signOutButton->setToolTip(tr("End this PC's sign-in at the server; changes wait here until someone signs in "
                                   "again."));
    m_intervalLabel->setText(tr("&Automatically every:"));
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("off"));
    m_interval->setAccessibleName(tr("Minutes between automatic rounds"));
    m_intervalHint->setText(tr("0 = only on demand; also on start and on close"));
    m_statusBox->setTitle(tr("Status"));
    m_syncButton->setText(tr("&Sync now"));
    m_syncButton->setToolTip(tr("Send the changes of this PC and receive those of colleagues (F9 or Ctrl+Shift+S)"));
    m_busy->setAccessibleName(tr("Synchronisation in progress"));
    m_lastCaption->setText(tr("Last round:"));
    m_lastRound->setAccessibleName(tr("Last round"));
    m_waitingCaption->setText(tr("Waiting:"));
    m_waiting->setAccessibleName(tr("Changes waiting to be sent"));
    m_conflictView->setAccessibleName(tr("Sync conflicts"));
    m_noConflicts->setText(tr("No conflicts: nothing waits for a decision."));
    m_mineButton->setText(tr("Use &mine"));
    m_mineButton->setToolTip(tr("Keep the value written on this PC (Alt+M)"));
    m_theirsButton->setText(tr("Use &theirs"));
    m_theirsButton->setToolTip(tr("Take the colleague's value (Alt+T)"));
    m_valueButton->setText(tr("T&ype another value…"));
    updateState();
}

void SyncPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SyncPage::updateState()
{
    if (!m_conflictBox)
        return; // still building
    m_updating = true;
    const bool configured = m_controller->isConfigured();
    const bool server = m_controller->usesServer() || m_pendingServer;
    if (server)
        m_serverRadio->setChecked(true);
    else
        (configured ? m_sharedRadio : m_noneRadio)->setChecked(true);
    m_pathEdit->setText(QDir::toNativeSeparators(m_controller->sharedFile()));
    m_pathEdit->setToolTip(m_pathEdit->text());
    if (!m_serverEdit->hasFocus() || m_serverEdit->text().isEmpty())
        m_serverEdit->setText(m_controller->serverUrl());
    m_interval->setValue(m_controller->intervalMinutes());
    m_updating = false;

    const bool busy = m_controller->isBusy() || m_controller->isRunning();
    const bool signedIn = m_controller->isSignedIn();
    m_serverEdit->setEnabled(server && !busy);
    m_testButton->setEnabled(server && !busy);
    m_signInButton->setEnabled(server && !busy);
    m_signOutButton->setEnabled(server && !busy && signedIn);
    if (!server || m_controller->serverUrl().isEmpty())
        m_accountLabel->setText(tr("Not signed in"));
    else if (signedIn)
        m_accountLabel->setText(
            tr("Signed in as %1 until %2")
                .arg(m_controller->serverUser(), Humas::DateText::longDate(m_controller->signedInUntil().date())));
    else
        m_accountLabel->setText(tr("Not signed in: sign in to sync with the server"));

    const bool running = m_controller->isRunning();
    m_syncButton->setEnabled(configured && !running && !m_controller->isBusy());
    m_busy->setVisible(running);
    m_runningLabel->setVisible(running);
    m_runningLabel->setText(tr("Synchronising…"));

    const QString when = m_controller->lastRoundText();
    if (when.isEmpty()) {
        m_lastRound->setText(configured ? tr("Not run yet") : tr("—"));
        m_roundError->clearMessage();
    } else if (m_controller->lastRoundOk()) {
        m_lastRound->setText(tr("%1 — succeeded: %2").arg(when, m_controller->lastSummary()));
        m_roundError->clearMessage();
    } else {
        m_lastRound->setText(tr("%1 — failed").arg(when));
        m_roundError->showMessage(m_controller->lastError());
    }
    const int waiting = m_controller->waitingCount();
    m_waiting->setText(waiting == 0 ? tr("Nothing: every change of this PC has been sent.")
                                    : tr("%n change(s) of this PC not yet sent", nullptr, waiting));

    const int conflicts = m_conflictModel->rowCount();
    m_conflictBox->setTitle(conflicts == 0 ? tr("Conflicts") : tr("Conflicts (%1)").arg(conflicts));
    m_noConflicts->setVisible(conflicts == 0);
    if (conflicts > 0 && !m_conflictView->currentIndex().isValid())
        m_conflictView->setCurrentIndex(m_conflictModel->index(0, 0));
    updateConflictButtons();
}

void SyncPage::updateConflictButtons()
{
    const bool has = currentConflictRow() >= 0;
    for (QPushButton *button : {m_mineButton, m_theirsButton, m_valueButton})
        button->setEnabled(has);
}

int SyncPage::currentConflictRow() const
{
    const QModelIndex index = m_conflictView->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void SyncPage::onTransportToggled()
{
    if (m_updating)
        return;
    m_settingsError->clearMessage();
    m_pendingServer = false;
    QString error;
    if (m_serverRadio->isChecked()) {
        const QString url = m_serverEdit->text().trimmed();
        if (url.isEmpty()) {
            // Nothing to save yet: the address comes first.
            m_pendingServer = true;
            updateState();
            m_serverEdit->setFocus();
            return;
        }
        if (!m_controller->configureServer(url, &error))
            m_settingsError->showMessage(error);
        return;
    }
    if (m_sharedRadio->isChecked() && m_controller->sharedFile().isEmpty()) {
        chooseFolder(); // a shared file needs a place; cancelling goes back to "not synchronised"
        if (m_controller->sharedFile().isEmpty())
            updateState();
        return;
    }
    if (!m_controller->configure(m_sharedRadio->isChecked(), m_controller->sharedFile(), &error))
        m_settingsError->showMessage(error);
}

void SyncPage::onServerEdited()
{
    if (m_updating || !m_serverRadio->isChecked())
        return;
    const QString url = m_serverEdit->text().trimmed();
    if (url.isEmpty() || url == m_controller->serverUrl())
        return;
    m_settingsError->clearMessage();
    QString error;
    if (m_controller->configureServer(url, &error))
        m_pendingServer = false;
    else
        m_settingsError->showMessage(error);
}

void SyncPage::showServerStatus(const QString &message)
{
    m_settingsError->clearMessage();
    m_serverStatus->setText(message);
}

void SyncPage::testConnection()
{
    QString error;
    if (!m_controller->testConnection(m_serverEdit->text().trimmed(), &error)) {
        m_settingsError->showMessage(error);
        return;
    }
    showServerStatus(tr("Testing the connection…"));
}

void SyncPage::onConnectionTested(bool ok, const QString &message)
{
    if (ok) {
        showServerStatus(message);
    } else {
        m_serverStatus->clear();
        m_settingsError->showMessage(message);
    }
}

void SyncPage::signIn()
{
    const QString url = m_serverEdit->text().trimmed();
    QString error;
    QUrl ignored;
    if (!Humas::RestClient::parseBaseUrl(url, &ignored, &error)) {
        m_settingsError->showMessage(error);
        return;
    }
    QString username = m_controller->serverUser();
    QString password;
    if (!ServerSignInDialog::ask(this, url, &username, &password))
        return;
    m_pendingServer = false;
    if (!m_controller->signIn(url, username, password, &error)) {
        m_settingsError->showMessage(error);
        return;
    }
    showServerStatus(tr("Signing in…"));
}

void SyncPage::onSignInFinished(bool ok, const QString &message)
{
    if (!ok) {
        m_serverStatus->clear();
        m_settingsError->showMessage(tr("Sign-in failed: %1").arg(message));
        return;
    }
    showServerStatus(tr("Signed in; synchronising now."));
    m_controller->syncNow();
}

void SyncPage::signOut()
{
    if (m_controller->signOut())
        showServerStatus(tr("Signing out…"));
}

void SyncPage::onSignOutFinished(bool ok, const QString &message)
{
    if (!ok || !message.isEmpty()) {
        m_serverStatus->clear();
        m_settingsError->showMessage(message);
        return;
    }
    showServerStatus(tr("Signed out. Changes made on this PC wait here until someone signs in again."));
}

void SyncPage::onPullProgressed(qint64 seq, qint64 highSeq)
{
    if (highSeq <= 0)
        return;
    // Steps only for a pull worth a bar (a first bootstrap); a few rows stay a busy bar.
    constexpr qint64 Scale = 1000;
    m_busy->setRange(0, int(Scale));
    m_busy->setValue(int(qBound<qint64>(0, seq * Scale / highSeq, Scale)));
    m_busy->setToolTip(tr("%1 of %2 changes received").arg(seq).arg(highSeq));
}

void SyncPage::onIntervalChanged(int minutes)
{
    if (m_updating)
        return;
    QString error;
    if (!m_controller->setIntervalMinutes(minutes, &error))
        m_settingsError->showMessage(error);
}

void SyncPage::onRoundStarted()
{
    m_roundError->clearMessage();
    m_busy->setRange(0, 0); // busy until the server says how far a pull is
    m_busy->setToolTip(QString());
}

void SyncPage::chooseFolder()
{
    const QString folder =
        FileDialogs::openFolder(this, FileDialogs::Kind::SharedFile, tr("Folder of the shared file"));
    if (!folder.isEmpty())
        choosePath(folder);
}

void SyncPage::chooseFile()
{
    const QString file = FileDialogs::openFile(this, FileDialogs::Kind::SharedFile, tr("Shared file"),
                                               tr("HumasDesk shared file (*.sqlite)"));
    if (!file.isEmpty())
        choosePath(file);
}

bool SyncPage::choosePath(const QString &path)
{
    m_settingsError->clearMessage();
    QString error;
    QString file;
    if (QFileInfo(path).isFile()) {
        if (!SyncController::checkFile(path, &error)) {
            m_settingsError->showMessage(error);
            return false;
        }
        file = QFileInfo(path).absoluteFilePath();
    } else {
        if (!SyncController::checkFolder(path, &error)) {
            m_settingsError->showMessage(error);
            return false;
        }
        file = QDir(path).absoluteFilePath(SyncController::sharedFileName());
        if (QFileInfo::exists(file) && !SyncController::checkFile(file, &error)) {
            m_settingsError->showMessage(error);
            return false;
        }
    }
    if (!FileDialogs::checkPath(this, file))
        return false; // the program's own database is no hub
    if (!m_controller->configure(true, file, &error)) {
        m_settingsError->showMessage(error);
        return false;
    }
    return true;
}

void SyncPage::resolveMine()
{
    resolve(int(Humas::SyncConflicts::Choice::Mine));
}

void SyncPage::resolveTheirs()
{
    resolve(int(Humas::SyncConflicts::Choice::Theirs));
}

void SyncPage::resolveWithValue()
{
    const int row = currentConflictRow();
    if (row < 0)
        return;
    const Humas::SyncConflict c = m_conflictModel->conflict(row);
    const SyncConflictText text(m_controller->database());
    const QString what = tr("%1 — %2").arg(text.recordTitle(c.entity, c.rowId), text.fieldLabel(c.entity, c.field));
    QString typed;
    if (!SyncValueDialog::ask(this, what, text.valueText(c.entity, c.field, c.mine),
                              text.valueText(c.entity, c.field, c.theirs), SyncConflictText::plainValue(c.mine),
                              &typed))
        return;
    resolve(int(Humas::SyncConflicts::Choice::Value), typed);
}

bool SyncPage::resolve(int choice, const QString &typed)
{
    const int row = currentConflictRow();
    if (row < 0)
        return false;
    const Humas::SyncConflict c = m_conflictModel->conflict(row);
    const auto how = Humas::SyncConflicts::Choice(choice);
    const QJsonValue value = how == Humas::SyncConflicts::Choice::Value ? typedValue(typed, c) : QJsonValue();
    QString error;
    if (!Humas::SyncConflicts(m_controller->database())
             .resolve(c.id, how, value, m_controller->actor().userId, &error)) {
        MessageBox::critical(this, tr("Conflict not resolved"), error);
        return false;
    }
    m_conflictModel->reload(); // the feed reloads too; this keeps the list right without one
    m_controller->refresh();
    m_controller->syncNow(); // the decision is a change like any other: send it
    return true;
}

} // namespace HumasUi
