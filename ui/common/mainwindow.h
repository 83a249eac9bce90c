#pragma once

#include "auth/role.h"

#include <QDate>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QThread;

namespace Humas {
class ChangeSet;
class Database;
}

namespace HumasUi {

class AgendaPage;
class DataMasterPage;
class PpidPage;
class PlaceholderPage;
class SyncController;
class SyncPage;

/**
 * The main window: a sidebar of pages (agenda, ppid, news, reports, master, sync) over a
 * stack, menus with shortcuts, and a status bar showing the database, the user and the sync
 * state. Pages the actor's role may not use are hidden. Everything visible retranslates on
 * QEvent::LanguageChange. Geometry and the last page are remembered in LocalPreferences
 * when the window closes.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows a page by id; an unknown id or a page the role may not see is ignored. */
    void showPage(const QString &id);
    QString currentPage() const;
    /** Ids of the pages this actor sees, in sidebar order. */
    QStringList visiblePages() const;
    bool isPageVisible(const QString &id) const;
    QWidget *page(const QString &id) const;
    /** The Data Master page, or nullptr when the role does not see it. */
    DataMasterPage *dataMasterPage() const { return m_masterPage; }
    /** The agenda page, or nullptr when the role does not see it. */
    AgendaPage *agendaPage() const { return m_agendaPage; }
    /** The information-service page, or nullptr when the role does not see it. */
    PpidPage *ppidPage() const { return m_ppidPage; }
    /** The Sinkronisasi page, or nullptr when the role does not see it. */
    SyncPage *syncPage() const { return m_syncPage; }
    /** This PC's synchronisation (rounds, settings, the state the status bar shows). */
    SyncController *syncController() const { return m_syncController; }
    /** Translated title of a page. */
    static QString pageTitle(const QString &id);

    const Humas::Actor &actor() const { return m_actor; }
    /** Today in the regency's time zone (AppSettings), from Clock::instance(). */
    QDate today() const;

    /** Copies the open database to @p fileName; reports the result in the status bar or a message box. */
    bool backUpTo(const QString &fileName);
    /** Runs the rotating daily backup (AutoBackup) on a worker thread; see dailyBackupFinished. */
    void startDailyBackup(const QDate &today);
    /** The round at start: runs one when a shared file is configured. */
    void startSync();

public Q_SLOTS:
    void backUpDatabase();
    void showSettings();
    void showAbout();

Q_SIGNALS:
    void pageChanged(const QString &id);
    /** @p created is empty when no backup was due today. */
    void dailyBackupFinished(bool ok, const QString &created, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void focusPage(const QString &id);
    void createPages();
    void createSidebar();
    void createMenus();
    void createStatusBar();
    void restorePreferences();
    void savePreferences();
    void retranslateUi();
    void updateHeader();
    void updateStatusBar();
    void onCommitted(const Humas::ChangeSet &changes);
    void onSidebarRowChanged(int row);
    void updateSyncStatus();
    void onSyncRoundFinished();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QStringList m_pageIds;
    QHash<QString, QWidget *> m_pages;
    QHash<QString, PlaceholderPage *> m_placeholders;
    DataMasterPage *m_masterPage = nullptr;
    AgendaPage *m_agendaPage = nullptr;
    PpidPage *m_ppidPage = nullptr;
    SyncController *m_syncController = nullptr;
    SyncPage *m_syncPage = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_appLabel = nullptr;
    QLabel *m_regencyLabel = nullptr;
    QLabel *m_todayLabel = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QLabel *m_statusUser = nullptr;
    QLabel *m_statusSync = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_backupAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_pageActions = nullptr;
    QHash<QString, QAction *> m_pageActionById;
    QString m_userDisplayName;
    QPointer<QThread> m_backupThread;
    bool m_closeAfterSync = false;
    bool m_syncedBeforeClose = false;
};

} // namespace HumasUi
