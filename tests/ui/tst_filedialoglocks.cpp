#include "common/filedialogs.h"
#include "store/autobackup.h"
#include "store/database.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

/**
 * Issue 8 §2: a file dialog on the database's folder must leave SQLite's POSIX locks alone.
 * Qt's default icon provider opens db.sqlite, -wal and -shm to sniff their type; the close()
 * drops every lock this process holds on them, and another program then deletes the WAL.
 */
class TestFileDialogLocks : public QObject
{
    Q_OBJECT

    // A name filter would hide the database files from the model's rows, where the test reads
    // their types; the model makes icons and types of every file it lists either way.
    static constexpr const char *AllFiles = "All files (*)";

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Humas::Database> m_db;

    QStringList databaseFiles() const { return {m_path, m_path + "-wal", m_path + "-shm"}; }

    /** POSIX locks this process holds on the database and its WAL and shared-memory files (/proc/locks). */
    int locksHeld() const
    {
        QSet<quint64> inodes;
        for (const QString &file : databaseFiles()) {
            struct stat st;
            if (::stat(QFile::encodeName(file).constData(), &st) == 0)
                inodes.insert(quint64(st.st_ino));
        }
        QFile locks("/proc/locks");
        if (!locks.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray pid = QByteArray::number(qint64(::getpid()));
        int count = 0;
        // "1: POSIX  ADVISORY  READ 4242 08:01:1234567 128 128"
        for (const QByteArray &line : locks.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 6 || fields.at(1) != "POSIX" || fields.at(4) != pid)
                continue;
            const QList<QByteArray> device = fields.at(5).split(':');
            if (device.size() == 3 && inodes.contains(device.at(2).toULongLong()))
                ++count;
        }
        return count;
    }

    /**
     * The Type column of @p file as the model's own listing made it. Looked up through the
     * folder's rows: QFileSystemModel::index(path) of a file not listed yet would make the
     * icon and type right here, and the test would measure itself instead of the model.
     */
    static QString typeOf(const QFileSystemModel &model, const QString &file)
    {
        const QModelIndex folder = model.index(QFileInfo(file).absolutePath());
        for (int row = 0; row < model.rowCount(folder); ++row) {
            if (model.filePath(model.index(row, 0, folder)) == file)
                return model.index(row, 2, folder).data().toString();
        }
        return {};
    }

    /** Waits until @p model listed the database files and made their icons and types (what opens them). */
    static void waitForTypes(const QFileSystemModel &model, const QStringList &files)
    {
        for (const QString &file : files)
            QTRY_VERIFY_WITH_TIMEOUT(!typeOf(model, file).isEmpty(), 10000);
    }

    static int run(const QStringList &args, QByteArray *out = nullptr)
    {
        QProcess p;
        p.start(HUMAS_SQLITE_PEER, args);
        if (!p.waitForFinished(30000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty())
            qWarning().noquote() << "sqlitepeer:" << err;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("humasdesk.sqlite");
        for (const QString &file : databaseFiles())
            QFile::remove(file);
        m_db = std::make_unique<Humas::Database>();
        QString error;
        QVERIFY2(m_db->open(m_path, &error), qPrintable(error));
        QVERIFY(m_db->setMeta("program", "1", &error));
        for (const QString &file : databaseFiles())
            QVERIFY2(QFile::exists(file), qPrintable(file));
        QVERIFY2(locksHeld() > 0, "an open WAL database holds POSIX locks");
    }

    void cleanup()
    {
        m_db.reset();
        for (const QString &file : databaseFiles())
            QFile::remove(file);
    }

    /** The mechanism itself, so the test below proves something: Qt's own model drops the locks. */
    void plainModelDropsTheLocks()
    {
        QFileSystemModel model;
        QSignalSpy loaded(&model, &QFileSystemModel::directoryLoaded);
        model.setRootPath(m_dir.path());
        QTRY_VERIFY(!loaded.isEmpty());
        waitForTypes(model, databaseFiles());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(locksHeld(), 0);
    }

    void helperIconProviderKeepsTheLocks()
    {
        const int before = locksHeld();
        QFileSystemModel model;
        model.setIconProvider(HumasUi::FileDialogs::iconProvider());
        QSignalSpy loaded(&model, &QFileSystemModel::directoryLoaded);
        model.setRootPath(m_dir.path());
        QTRY_VERIFY(!loaded.isEmpty());
        waitForTypes(model, databaseFiles());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(locksHeld(), before);
    }

    void helperDialogKeepsTheLocks_data()
    {
        QTest::addColumn<bool>("save");
        QTest::newRow("open") << false;
        QTest::newRow("save") << true;
    }

    void helperDialogKeepsTheLocks()
    {
        QFETCH(bool, save);
        const int before = locksHeld();
        // The last PDF was saved beside the database: the next dialog starts there.
        HumasUi::FileDialogs::setNextAnswer(m_dir.filePath("agenda.pdf"));
        QVERIFY(!HumasUi::FileDialogs::saveFile(nullptr, HumasUi::FileDialogs::Kind::Pdf, "Save", "a.pdf", "*.pdf")
                     .isEmpty());
        const auto dialog = HumasUi::FileDialogs::create(
            nullptr, save ? HumasUi::FileDialogs::Mode::Save : HumasUi::FileDialogs::Mode::Open,
            HumasUi::FileDialogs::Kind::Pdf, "Save agenda as PDF", AllFiles, "agenda.pdf");
        QCOMPARE(dialog->directory().absolutePath(), m_dir.path());
        auto *model = dialog->findChild<QFileSystemModel *>();
        QVERIFY(model);
        waitForTypes(*model, databaseFiles());
        if (QTest::currentTestFailed())
            return;
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        waitForTypes(*model, databaseFiles());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(locksHeld(), before);
        // ... and the dialog does not list them.
        for (const QString &file : databaseFiles())
            QVERIFY(!dialog->proxyModel()->mapFromSource(model->index(file)).isValid());
        QVERIFY(dialog->proxyModel()->mapFromSource(model->index(m_dir.path())).isValid());
        dialog->reject();
    }

    /**
     * Qt's print dialog completes "Print to file" names with a QFileSystemModel on the home
     * folder; the application guard gives it the safe provider before it lists anything.
     */
    void printDialogKeepsTheLocks()
    {
        HumasUi::FileDialogs::guardApplication();
        const int before = locksHeld();
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(m_dir.path())); // the database sits in the home folder
        QPrinter printer;
        QPrintDialog dialog(&printer);
        qputenv("HOME", home);
        const QList<QFileSystemModel *> models = dialog.findChildren<QFileSystemModel *>();
        if (models.isEmpty())
            QSKIP("this Qt's print dialog has no file-name completer");
        dialog.show();
        for (QFileSystemModel *model : models) {
            QCOMPARE(model->rootPath(), m_dir.path());
            waitForTypes(*model, databaseFiles());
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(locksHeld(), before);
        dialog.reject();
    }

    /**
     * A file dialog Qt makes by itself (QPrintPreviewDialog's "Export to PDF" calls
     * QFileDialog::getSaveFileName in the working directory): the guard gives it the safe
     * provider and the filter when it is shown, and moves it out of the working directory.
     */
    void qtOwnFileDialogKeepsTheLocks()
    {
        HumasUi::FileDialogs::guardApplication();
        const int before = locksHeld();
        const QString startDir = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        QFileDialog dialog(nullptr, "Export to PDF", QDir::currentPath(), AllFiles);
        dialog.show();
        QDir::setCurrent(startDir);
        auto *model = dialog.findChild<QFileSystemModel *>();
        QVERIFY(model);
        waitForTypes(*model, databaseFiles());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(locksHeld(), before);
        QVERIFY(dialog.proxyModel());
        for (const QString &file : databaseFiles())
            QVERIFY(!dialog.proxyModel()->mapFromSource(model->index(file)).isValid());
        QCOMPARE(dialog.directory().absolutePath(), HumasUi::FileDialogs::startFolder(HumasUi::FileDialogs::Kind::Pdf));
        dialog.reject();
    }

    /**
     * SQLite's own second connections in this process (the daily backup's read-only one,
     * VACUUM INTO for a backup) are harmless: SQLite shares one lock record per file within a
     * process and keeps a closing connection's descriptor open while others hold locks.
     */
    void sqliteConnectionsOfTheProcessKeepTheLocks()
    {
        const int before = locksHeld();
        QString created;
        QString error;
        QVERIFY2(Humas::AutoBackup::runIfDue(m_path, QDate(2030, 1, 2), &created, &error), qPrintable(error));
        QVERIFY(QFile::exists(created));
        QVERIFY2(m_db->backupTo(m_dir.filePath("copy.sqlite"), &error), qPrintable(error));
        QCOMPARE(locksHeld(), before);
    }

    /**
     * The sequence across processes: this program's connection, a dialog on its
     * folder, another program that writes and checkpoints, this program writing again; a third
     * program must see both writes and an intact file.
     */
    void otherProgramsSeeEverythingAfterADialog()
    {
        HumasUi::FileDialogs::setNextAnswer(m_dir.filePath("agenda.pdf"));
        QVERIFY(!HumasUi::FileDialogs::saveFile(nullptr, HumasUi::FileDialogs::Kind::Pdf, "Save", "a.pdf", "*.pdf")
                     .isEmpty());
        {
            const auto dialog = HumasUi::FileDialogs::create(nullptr, HumasUi::FileDialogs::Mode::Save,
                                                             HumasUi::FileDialogs::Kind::Pdf, "Save", AllFiles);
            auto *model = dialog->findChild<QFileSystemModel *>();
            QVERIFY(model);
            waitForTypes(*model, databaseFiles());
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(run({"write", m_path, "INSERT INTO meta(key, value) VALUES('peer', 'written')"}), 0);
        QString error;
        QVERIFY2(m_db->setMeta("program-after", "written", &error), qPrintable(error));
        QByteArray out;
        QCOMPARE(
            run({"query", m_path, "SELECT key FROM meta WHERE key IN ('peer', 'program-after') ORDER BY key"}, &out),
            0);
        QCOMPARE(out, QByteArray("peer\nprogram-after\n"));
        QCOMPARE(run({"query", m_path, "PRAGMA integrity_check"}, &out), 0);
        QCOMPARE(out, QByteArray("ok\n"));
    }
};

QTEST_MAIN(TestFileDialogLocks)
#include "tst_filedialoglocks.moc"
