#include "mainwindow.h"

#include "agenda/agendapage.h"
#include "auth/pageaccess.h"
#include "auth/userrepository.h"
#include "common/aboutdialog.h"
#include "common/clock.h"
#include "common/datetext.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "common/placeholderpage.h"
#include "common/settingsdialog.h"
#include "common/uilogging.h"
#include "master/datamasterpage.h"
#include "master/recordtab.h"
#include "ppid/ppiddeadlinewatcher.h"
#include "ppid/ppidpage.h"
#include "settings/appsettings.h"
#include "settings/localpreferences.h"
#include "store/autobackup.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "sync/syncconflictmark.h"
#include "sync/synccontroller.h"
#include "sync/syncpage.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace HumasUi {

namespace {

constexpr int StatusMessageMs = 10000;

QStyle::StandardPixmap pageIcon(const QString &id)
{
    if (id == QLatin1String("agenda"))
        return QStyle::SP_FileDialogDetailedView;
    if (id == QLatin1String("ppid"))
        return QStyle::SP_MessageBoxInformation;
    if (id == QLatin1String("news"))
        return QStyle::SP_FileIcon;
    if (id == QLatin1String("reports"))
        return QStyle::SP_FileDialogContentsView;
    if (id == QLatin1String("master"))
        return QStyle::SP_DirIcon;
    return QStyle::SP_BrowserReload;
}

/** The style's icon at exactly @p size, so every sidebar entry lines up. */
QIcon sidebarIcon(const QStyle *style, const QString &id, const QSize &size)
{
    QPixmap pixmap = style->standardIcon(pageIcon(id)).pixmap(size);
    if (pixmap.size() != size)
        pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return QIcon(pixmap);
}

QString pageDescription(const QString &id)
{
    if (id == QLatin1String("agenda")) {
        return MainWindow::tr("Every agency event that needs the Regent, the Vice Regent, the Regional Secretary or "
                              "another official is submitted through one door and scheduled without clashes.");
    }
    if (id == QLatin1String("ppid")) {
        return MainWindow::tr("The register of public-information requests and objections, with legal deadlines "
                              "counted in working days, receipts and reports.");
    }
    if (id == QLatin1String("news")) {
        return MainWindow::tr("News drafted by the agencies, edited and approved by Humas, then published on the "
                              "regency website.");
    }
    if (id == QLatin1String("reports")) {
        return MainWindow::tr("Daily agendas, monthly recaps and information-service reports with the letterhead "
                              "and a signature block, ready to print.");
    }
    if (id == QLatin1String("sync")) {
        return MainWindow::tr("Sharing data with colleagues through a shared database file or the HumasDesk "
                              "server.");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QMainWindow(parent), m_db(db), m_actor(actor), m_pageIds(Humas::PageAccess::pageIds())
{
    setObjectName(QStringLiteral("mainWindow"));
    const Humas::Record user = Humas::UserRepository(m_db, m_actor).get(m_actor.userId);
    m_userDisplayName = user.isValid() ? user.text(QStringLiteral("display_name")) : m_actor.username;
    m_syncController = new SyncController(m_db, m_actor, this);
    connect(m_syncController, &SyncController::stateChanged, this, &MainWindow::updateSyncStatus);
    connect(m_syncController, &SyncController::roundFinished, this, &MainWindow::onSyncRoundFinished);

    createPages();
    createSidebar();
    createMenus();
    createStatusBar();
    retranslateUi();
    restorePreferences();
    // The deadlines of open PPID requests follow holiday and setting changes, from any page.
    new Humas::PpidDeadlineWatcher(m_db, m_actor, this);
    connect(m_db.changeFeed(), &Humas::ChangeFeed::committed, this, &MainWindow::onCommitted);
    // A conflict mark in an editor leads here (behind the modal editor, there when it closes).
    SyncConflictMark::setOpenSyncPageHandler([window = QPointer<MainWindow>(this)] {
        if (window)
            window->showPage(QStringLiteral("sync"));
    });
}

void MainWindow::onCommitted(const Humas::ChangeSet &changes)
{
    // The header and the status bar show the regency's settings and the signed-in user's name,
    // whoever changed them (the settings dialog, Data Master, later a sync pull).
    if (changes.contains(QStringLiteral("settings")))
        updateHeader();
    if (changes.rows(QStringLiteral("users")).contains(m_actor.userId)) {
        const Humas::Record user = Humas::UserRepository(m_db, m_actor).get(m_actor.userId);
        if (user.isValid())
            m_userDisplayName = user.text(QStringLiteral("display_name"));
        updateStatusBar();
    }
}

MainWindow::~MainWindow()
{
    SyncConflictMark::setOpenSyncPageHandler({});
    disconnect(m_sidebar, nullptr, this, nullptr);
    // The worker only touches its own connection, but it must not outlive the program.
    if (m_backupThread)
        m_backupThread->wait();
}

QString MainWindow::pageTitle(const QString &id)
{
    if (id == QLatin1String("agenda"))
        return tr("Agenda");
    if (id == QLatin1String("ppid"))
        return tr("Information Service");
    if (id == QLatin1String("news"))
        return tr("News");
    if (id == QLatin1String("reports"))
        return tr("Reports");
    if (id == QLatin1String("master"))
        return tr("Master Data");
    if (id == QLatin1String("sync"))
        return tr("Synchronisation");
    return {};
}

void MainWindow::createPages()
{
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pages"));
    for (const QString &id : std::as_const(m_pageIds)) {
        QWidget *page = nullptr;
        if (id == QLatin1String("master") && Humas::PageAccess::isVisible(id, m_actor.role)) {
            m_masterPage = new DataMasterPage(m_db, m_actor, m_stack);
            page = m_masterPage;
        } else if (id == QLatin1String("agenda") && Humas::PageAccess::isVisible(id, m_actor.role)) {
            m_agendaPage = new AgendaPage(m_db, m_actor, m_stack);
            page = m_agendaPage;
        } else if (id == QLatin1String("ppid") && Humas::PageAccess::isVisible(id, m_actor.role)) {
            m_ppidPage = new PpidPage(m_db, m_actor, m_stack);
            page = m_ppidPage;
        } else if (id == QLatin1String("sync") && Humas::PageAccess::isVisible(id, m_actor.role)) {
            m_syncPage = new SyncPage(m_syncController, m_stack);
            page = m_syncPage;
        } else {
            auto *placeholder = new PlaceholderPage(m_stack);
            m_placeholders.insert(id, placeholder);
            page = placeholder;
        }
        page->setObjectName(QStringLiteral("page_") + id);
        m_pages.insert(id, page);
        m_stack->addWidget(page);
    }
}

void MainWindow::createSidebar()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont itemFont = m_sidebar->font();
    itemFont.setPointSizeF(itemFont.pointSizeF() * 1.1);
    for (const QString &id : std::as_const(m_pageIds)) {
        auto *item = new QListWidgetItem(sidebarIcon(style(), id, m_sidebar->iconSize()), QString(), m_sidebar);
        item->setData(Qt::UserRole, id);
        item->setFont(itemFont);
        item->setSizeHint(QSize(0, 40));
        item->setHidden(!Humas::PageAccess::isVisible(id, m_actor.role));
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onSidebarRowChanged);

    m_appLabel = new QLabel(QStringLiteral("HumasDesk"), this);
    QFont appFont = m_appLabel->font();
    appFont.setPointSizeF(appFont.pointSizeF() * 1.5);
    appFont.setBold(true);
    m_appLabel->setFont(appFont);
    m_regencyLabel = new QLabel(this);
    m_regencyLabel->setObjectName(QStringLiteral("regencyLabel"));
    m_regencyLabel->setWordWrap(true);
    m_todayLabel = new QLabel(this);
    m_todayLabel->setObjectName(QStringLiteral("todayLabel"));
    m_todayLabel->setWordWrap(true);
    m_todayLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *side = new QWidget(this);
    side->setObjectName(QStringLiteral("sidePanel"));
    side->setFixedWidth(230);
    side->setAutoFillBackground(true);
    QPalette sidePalette = side->palette();
    sidePalette.setColor(QPalette::Window, sidePalette.color(QPalette::AlternateBase));
    side->setPalette(sidePalette);
    m_sidebar->setPalette(sidePalette);
    m_sidebar->viewport()->setAutoFillBackground(false);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(10, 14, 10, 10);
    sideLayout->addWidget(m_appLabel);
    sideLayout->addWidget(m_regencyLabel);
    sideLayout->addWidget(m_todayLabel);
    sideLayout->addSpacing(12);
    sideLayout->addWidget(m_sidebar, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(side);
    auto *pageFrame = new QWidget(central);
    auto *pageLayout = new QVBoxLayout(pageFrame);
    pageLayout->setContentsMargins(12, 8, 12, 4);
    pageLayout->addWidget(m_stack);
    layout->addWidget(pageFrame, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_backupAction = m_fileMenu->addAction(QString(), this, &MainWindow::backUpDatabase);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_pageActions = new QActionGroup(this);
    m_pageActions->setExclusive(true);
    for (int i = 0; i < m_pageIds.size(); ++i) {
        const QString id = m_pageIds.at(i);
        QAction *action = m_viewMenu->addAction(style()->standardIcon(pageIcon(id)), QString());
        action->setObjectName(QStringLiteral("pageAction_") + id);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setVisible(Humas::PageAccess::isVisible(id, m_actor.role));
        m_pageActions->addAction(action);
        m_pageActionById.insert(id, action);
        connect(action, &QAction::triggered, this, [this, id] {
            showPage(id);
            focusPage(id); // a keyboard user goes on typing in the page (Ins, Del, Enter)
        });
    }

    m_toolsMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_toolsMenu->addAction(QString(), this, &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_syncAction = m_toolsMenu->addAction(QString(), m_syncController, &SyncController::syncNow);
    m_syncAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncAction->setShortcuts({QKeySequence(Qt::Key_F9), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createStatusBar()
{
    m_statusDatabase = new QLabel(this);
    m_statusDatabase->setObjectName(QStringLiteral("statusDatabase"));
    m_statusUser = new QLabel(this);
    m_statusUser->setObjectName(QStringLiteral("statusUser"));
    m_statusSync = new QLabel(this);
    m_statusSync->setObjectName(QStringLiteral("statusSync"));
    for (QLabel *label : {m_statusDatabase, m_statusUser, m_statusSync}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::retranslateUi()
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        item->setText(pageTitle(item->data(Qt::UserRole).toString()));
    }
    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it) {
        it.value()->setTitle(pageTitle(it.key()));
        it.value()->setDescription(pageDescription(it.key()));
    }
    for (int i = 0; i < m_pageIds.size(); ++i) {
        QAction *action = m_pageActionById.value(m_pageIds.at(i));
        action->setText(pageTitle(m_pageIds.at(i)));
    }
    m_fileMenu->setTitle(tr("&File"));
    m_backupAction->setText(tr("&Back up database…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_settingsAction->setText(tr("&Settings…"));
    m_syncAction->setText(tr("S&ync now"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About HumasDesk"));

    updateStatusBar();

    setWindowTitle(tr("%1 — HumasDesk").arg(pageTitle(currentPage())));
    updateHeader();
}

void MainWindow::updateStatusBar()
{
    const QFileInfo dbFile(m_db.path());
    m_statusDatabase->setText(tr("Database: %1").arg(dbFile.fileName()));
    m_statusDatabase->setToolTip(QDir::toNativeSeparators(dbFile.absoluteFilePath()));
    m_statusUser->setText(tr("%1 (%2)").arg(m_userDisplayName, Humas::Roles::displayName(m_actor.role)));
    m_statusUser->setToolTip(tr("Signed in as %1").arg(m_actor.username));
    updateSyncStatus();
}

void MainWindow::updateHeader()
{
    const Humas::AppSettings settings(m_db, m_actor);
    m_regencyLabel->setText(settings.regencyName());
    m_todayLabel->setText(Humas::DateText::longDate(today()));
}

QDate MainWindow::today() const
{
    const Humas::AppSettings settings(m_db, m_actor);
    return Humas::Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
}

void MainWindow::showPage(const QString &id)
{
    const int index = m_pageIds.indexOf(id);
    if (index < 0 || !isPageVisible(id))
        return;
    if (m_sidebar->currentRow() != index)
        m_sidebar->setCurrentRow(index); // → onSidebarRowChanged
    else
        onSidebarRowChanged(index);
}

void MainWindow::focusPage(const QString &id)
{
    if (id == QLatin1String("master") && m_masterPage && m_masterPage->currentTab()) {
        m_masterPage->currentTab()->view()->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (QWidget *page = m_pages.value(id))
        page->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::onSidebarRowChanged(int row)
{
    if (row < 0 || row >= m_pageIds.size())
        return;
    const QString id = m_pageIds.at(row);
    m_stack->setCurrentWidget(m_pages.value(id));
    if (QAction *action = m_pageActionById.value(id))
        action->setChecked(true);
    setWindowTitle(tr("%1 — HumasDesk").arg(pageTitle(id)));
    Q_EMIT pageChanged(id);
}

QString MainWindow::currentPage() const
{
    const int row = m_sidebar->currentRow();
    return row >= 0 ? m_pageIds.value(row) : QString();
}

QStringList MainWindow::visiblePages() const
{
    QStringList out;
    for (const QString &id : m_pageIds) {
        if (isPageVisible(id))
            out << id;
    }
    return out;
}

bool MainWindow::isPageVisible(const QString &id) const
{
    return Humas::PageAccess::isVisible(id, m_actor.role);
}

QWidget *MainWindow::page(const QString &id) const
{
    return m_pages.value(id);
}

void MainWindow::restorePreferences()
{
    Humas::LocalPreferences prefs;
    if (!restoreGeometry(prefs.windowGeometry()))
        resize(1280, 760);
    restoreState(prefs.windowState());
    const QString last = prefs.lastPage();
    showPage(isPageVisible(last) ? last : visiblePages().value(0));
}

void MainWindow::savePreferences()
{
    Humas::LocalPreferences prefs;
    prefs.setWindowGeometry(saveGeometry());
    prefs.setWindowState(saveState());
    prefs.setLastPage(currentPage());
    prefs.sync();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    updateHeader(); // the date may have changed since the window was made
    QMainWindow::showEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The round on close: changes made today reach colleagues before the PC is switched off.
    // A round already running is waited for instead of starting another.
    if (!m_syncedBeforeClose && m_syncController->isConfigured()) {
        if (m_syncController->isRunning() || m_syncController->syncNow()) {
            m_closeAfterSync = true;
            centralWidget()->setEnabled(false);
            statusBar()->showMessage(tr("Synchronising before closing…"));
            event->ignore();
            return;
        }
    }
    savePreferences();
    QMainWindow::closeEvent(event);
}

void MainWindow::backUpDatabase()
{
    const QString suggested = QStringLiteral("humasdesk-") + today().toString(Qt::ISODate) + QStringLiteral(".sqlite");
    const QString fileName = FileDialogs::saveFile(this, FileDialogs::Kind::Backup, tr("Back up database"), suggested,
                                                   tr("HumasDesk database (*.sqlite)"));
    if (!fileName.isEmpty())
        backUpTo(fileName);
}

bool MainWindow::backUpTo(const QString &fileName)
{
    if (!FileDialogs::checkPath(this, fileName))
        return false;
    QString error;
    if (!m_db.backupTo(fileName, &error)) {
        MessageBox::critical(this, tr("Backup failed"), error);
        return false;
    }
    statusBar()->showMessage(tr("Backup saved to %1").arg(QDir::toNativeSeparators(fileName)), StatusMessageMs);
    return true;
}

void MainWindow::startDailyBackup(const QDate &day)
{
    if (m_backupThread && !m_backupThread->isFinished())
        return;
    struct Result
    {
        bool ok = false;
        QString created;
        QString error;
    };
    auto result = std::make_shared<Result>();
    const QString path = m_db.path();
    QThread *thread = QThread::create(
        [path, day, result] { result->ok = Humas::AutoBackup::runIfDue(path, day, &result->created, &result->error); });
    thread->setObjectName(QStringLiteral("dailyBackup"));
    m_backupThread = thread;
    connect(thread, &QThread::finished, this, [this, result] {
        if (!result->ok) {
            qCWarning(lcUi) << "daily backup failed:" << result->error;
            statusBar()->showMessage(result->error, StatusMessageMs);
        } else if (!result->created.isEmpty()) {
            statusBar()->showMessage(tr("Daily backup saved"), StatusMessageMs);
        }
        Q_EMIT dailyBackupFinished(result->ok, result->created, result->error);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

void MainWindow::startSync()
{
    m_syncController->syncNow();
}

void MainWindow::updateSyncStatus()
{
    m_statusSync->setText(m_syncController->statusText());
    m_statusSync->setToolTip(m_syncController->statusToolTip());
    const bool configured = m_syncController->isConfigured();
    m_syncAction->setEnabled(configured && !m_syncController->isRunning());
    m_syncAction->setToolTip(configured ? tr("Sync now (F9 or Ctrl+Shift+S)")
                                        : tr("Choose a shared file on the Synchronisation page first"));
}

void MainWindow::onSyncRoundFinished()
{
    if (!m_closeAfterSync)
        return;
    m_closeAfterSync = false;
    m_syncedBeforeClose = true;
    statusBar()->clearMessage();
    close();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_db, m_actor, this);
    dialog.exec(); // the header follows the saved settings through the ChangeFeed
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace HumasUi
