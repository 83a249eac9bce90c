#pragma once

#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace HumasUi {

class ErrorLabel;
class SyncConflictModel;
class SyncController;

/**
 * The Sinkronisasi page: how this PC syncs (not at all, through a shared file in a folder, or
 * through humasdesk-server: its address, "Test connection", sign in and sign out), "Sync now"
 * with a bar while a round runs (with steps once a server reports how far a pull is), automatic rounds every N minutes,
 * the last round's time and result, the local changes still waiting, and the open conflicts
 * with "take mine", "take theirs" and "type another value". Every control has an objectName
 * for tests. Settings are saved as they are changed.
 */
class SyncPage : public QWidget
{
    Q_OBJECT
public:
    explicit SyncPage(SyncController *controller, QWidget *parent = nullptr);

    SyncController *controller() const { return m_controller; }
    /** Uses @p path (a folder: the shared file in it; or an existing file) after checking it. */
    bool choosePath(const QString &path);

public Q_SLOTS:
    void chooseFolder();
    void chooseFile();
    void resolveMine();
    void resolveTheirs();
    void resolveWithValue();
    void testConnection();
    void signIn();
    void signOut();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildConnectionBox();
    QWidget *buildStatusBox();
    QWidget *buildConflictBox();
    void retranslateUi();
    void updateState();
    void updateConflictButtons();
    void onTransportToggled();
    void onIntervalChanged(int minutes);
    void onRoundStarted();
    void onServerEdited();
    void onPullProgressed(qint64 seq, qint64 highSeq);
    void onConnectionTested(bool ok, const QString &message);
    void onSignInFinished(bool ok, const QString &message);
    void onSignOutFinished(bool ok, const QString &message);
    void showServerStatus(const QString &message);
    bool resolve(int choice, const QString &typed = {});
    int currentConflictRow() const;

    SyncController *m_controller;
    SyncConflictModel *m_conflictModel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QGroupBox *m_connectionBox = nullptr;
    QRadioButton *m_noneRadio = nullptr;
    QRadioButton *m_sharedRadio = nullptr;
    QRadioButton *m_serverRadio = nullptr;
    QButtonGroup *m_transportGroup = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QPushButton *m_folderButton = nullptr;
    QPushButton *m_fileButton = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_accountLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QLabel *m_serverStatus = nullptr;
    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_intervalHint = nullptr;
    ErrorLabel *m_settingsError = nullptr;
    QGroupBox *m_statusBox = nullptr;
    QPushButton *m_syncButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_runningLabel = nullptr;
    QLabel *m_lastCaption = nullptr;
    QLabel *m_lastRound = nullptr;
    ErrorLabel *m_roundError = nullptr;
    QLabel *m_waitingCaption = nullptr;
    QLabel *m_waiting = nullptr;
    QGroupBox *m_conflictBox = nullptr;
    QTableView *m_conflictView = nullptr;
    QLabel *m_noConflicts = nullptr;
    QPushButton *m_mineButton = nullptr;
    QPushButton *m_theirsButton = nullptr;
    QPushButton *m_valueButton = nullptr;
    bool m_updating = false;
    bool m_pendingServer = false; ///< "Server" chosen, its address not typed yet
};

} // namespace HumasUi
