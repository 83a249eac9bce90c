// FileDialogs (issue 8 §2): the one file-dialog helper refuses the open database's files,
// starts in Documents or the kind's last folder (never the working directory), and every
// reader of a chosen file refuses the database too.

#include "agenda/agendamodel.h"
#include "agenda/agendaprintdialog.h"
#include "agenda/eventformattachment.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "common/settingsdialog.h"
#include "reports/pdfexport.h"
#include "store/openfiles.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using HumasTest::TestDatabase;
using HumasUi::FileDialogs;
using HumasUi::MessageBox;

class TestFileDialogs : public QObject
{
    Q_OBJECT

    QString m_documents;
    QString m_startDir;
    std::unique_ptr<TestDatabase> m_db;

    static QByteArray bytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /** The seam answers @p path; returns what the helper gave back. */
    static QString answer(FileDialogs::Mode mode, FileDialogs::Kind kind, const QString &path)
    {
        FileDialogs::setNextAnswer(path);
        MessageBox::setNextAnswer(QMessageBox::Ok); // a refusal's message is not shown
        const QString result = mode == FileDialogs::Mode::Open
                                   ? FileDialogs::openFile(nullptr, kind, "Open", "*")
                                   : FileDialogs::saveFile(nullptr, kind, "Save", "name.pdf", "*.pdf");
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        m_documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(m_documents.startsWith(HumasTest::testHome()));
        QVERIFY(QDir().mkpath(m_documents));
        m_startDir = QDir::currentPath();
    }

    void init()
    {
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        // The setting: the program runs in the folder that holds its database.
        QVERIFY(QDir::setCurrent(m_db->dir()));
    }

    void cleanup()
    {
        QDir::setCurrent(m_startDir);
        m_db.reset();
    }

    void registryFollowsOpenAndClose()
    {
        QVERIFY(Humas::OpenDatabaseFiles::isDatabaseFile(m_db->path()));
        QVERIFY(Humas::OpenDatabaseFiles::isDatabaseFile(m_db->path() + "-journal")); // need not exist
        QVERIFY(!Humas::OpenDatabaseFiles::isDatabaseFile(m_db->path() + ".verified"));
        QVERIFY(!Humas::OpenDatabaseFiles::isDatabaseFile(m_db->dir() + "/other.sqlite"));
        m_db->db().close();
        QVERIFY(!Humas::OpenDatabaseFiles::isDatabaseFile(m_db->path()));
        QVERIFY(m_db->reopen());
        QVERIFY(Humas::OpenDatabaseFiles::isDatabaseFile(m_db->path()));
    }

    void refusesTheDatabaseFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("save");
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            QTest::addRow("open %s", suffix) << QString(suffix) << false;
            QTest::addRow("save %s", suffix) << QString(suffix) << true;
        }
        QTest::newRow("through ..") << "dotdot" << false;
        QTest::newRow("symbolic link") << "symlink" << false;
#ifdef Q_OS_UNIX
        QTest::newRow("hard link") << "hardlink" << true;
#endif
    }

    void refusesTheDatabaseFiles()
    {
        QFETCH(QString, name);
        QFETCH(bool, save);
        QString path = m_db->path() + name;
        if (name == "dotdot") {
            path = m_db->dir() + "/../" + QFileInfo(m_db->dir()).fileName() + "/" + QFileInfo(m_db->path()).fileName();
        } else if (name == "symlink" || name == "hardlink") {
            path = m_documents + "/link-to-db.sqlite";
            QFile::remove(path);
#ifdef Q_OS_UNIX
            const QByteArray from = QFile::encodeName(m_db->path());
            const QByteArray to = QFile::encodeName(path);
            QVERIFY(name == "symlink" ? QFile::link(m_db->path(), path)
                                      : ::link(from.constData(), to.constData()) == 0);
#else
            QVERIFY(QFile::link(m_db->path(), path));
#endif
        }
        const QByteArray before = bytes(m_db->path());
        const QString result =
            answer(save ? FileDialogs::Mode::Save : FileDialogs::Mode::Open, FileDialogs::Kind::Pdf, path);
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QVERIFY2(MessageBox::lastText().contains("database HumasDesk has open"), qPrintable(MessageBox::lastText()));
        QCOMPARE(bytes(m_db->path()), before);
        if (name == "symlink" || name == "hardlink")
            QFile::remove(path);
    }

    void refusesATypedDatabaseName_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("database") << "";
        QTest::newRow("wal") << "-wal";
        QTest::newRow("shm") << "-shm";
    }

    void refusesATypedDatabaseName()
    {
        QFETCH(QString, suffix);
        const auto dialog =
            FileDialogs::create(nullptr, FileDialogs::Mode::Save, FileDialogs::Kind::Backup, "Save", "All files (*)");
        dialog->setDirectory(m_db->dir());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        auto *edit = dialog->findChild<QLineEdit *>("fileNameEdit");
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, QFileInfo(m_db->path()).fileName() + suffix);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        static_cast<QDialog *>(dialog.get())->accept(); // what Enter and the Save button call
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->result() != QDialog::Accepted);
        QVERIFY2(MessageBox::lastText().contains("database HumasDesk has open"), qPrintable(MessageBox::lastText()));

        edit->clear();
        QTest::keyClicks(edit, "backup-copy.sqlite");
        static_cast<QDialog *>(dialog.get())->accept(); // what Enter and the Save button call
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->selectedFiles(), QStringList{m_db->dir() + "/backup-copy.sqlite"});
    }

    void startsInDocumentsNotTheWorkingDirectory()
    {
        QCOMPARE(QDir::currentPath(), m_db->dir());
        for (auto kind : {FileDialogs::Kind::Pdf, FileDialogs::Kind::Calendar, FileDialogs::Kind::Csv,
                          FileDialogs::Kind::Image, FileDialogs::Kind::Scan, FileDialogs::Kind::Backup}) {
            QCOMPARE(FileDialogs::startFolder(kind), m_documents);
            const auto dialog = FileDialogs::create(nullptr, FileDialogs::Mode::Open, kind, "Open", "*");
            QCOMPARE(dialog->directory().absolutePath(), m_documents);
        }
    }

    void remembersTheLastFolderPerKind()
    {
        QTemporaryDir pdfs;
        QTemporaryDir calendars;
        QCOMPARE(answer(FileDialogs::Mode::Save, FileDialogs::Kind::Pdf, pdfs.filePath("a.pdf")),
                 pdfs.filePath("a.pdf"));
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Pdf), pdfs.path());
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Calendar), m_documents);
        QCOMPARE(answer(FileDialogs::Mode::Open, FileDialogs::Kind::Calendar, calendars.filePath("x.ics")),
                 calendars.filePath("x.ics"));
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Calendar), calendars.path());
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Pdf), pdfs.path());
        const auto dialog = FileDialogs::create(nullptr, FileDialogs::Mode::Save, FileDialogs::Kind::Pdf, "Save", "*");
        QCOMPARE(dialog->directory().absolutePath(), pdfs.path());
        // A refused or cancelled answer remembers nothing.
        QVERIFY(answer(FileDialogs::Mode::Save, FileDialogs::Kind::Pdf, m_db->path()).isEmpty());
        QVERIFY(answer(FileDialogs::Mode::Save, FileDialogs::Kind::Pdf, QString()).isEmpty());
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Pdf), pdfs.path());
        // A folder that is gone falls back to Documents.
        QVERIFY(pdfs.remove());
        QCOMPARE(FileDialogs::startFolder(FileDialogs::Kind::Pdf), m_documents);
        QVERIFY(calendars.remove());
    }

    /** The path: Agenda, Ctrl+P, "Save as PDF…" started in the working directory. */
    void agendaSavePdfStartsInDocuments()
    {
        Humas::AgendaModel model(m_db->db(), m_db->addUser("protokol1", "protokol"));
        HumasUi::AgendaPrintDialog dialog(m_db->db(), &model);
        FileDialogs::setNextAnswer(QString()); // cancel
        QTest::mouseClick(dialog.findChild<QPushButton *>("printPdf"), Qt::LeftButton);
        QCOMPARE(FileDialogs::lastRequest().kind, FileDialogs::Kind::Pdf);
        QCOMPARE(FileDialogs::lastRequest().mode, FileDialogs::Mode::Save);
        QCOMPARE(FileDialogs::lastRequest().folder, m_documents);
        QVERIFY(FileDialogs::lastRequest().fileName.endsWith(".pdf"));
    }

    void readersRefuseTheDatabase()
    {
        const QByteArray before = bytes(m_db->path());
        QString error;
        HumasUi::EventFormAttachment attachment(m_db->db());
        attachment.setWritable(true);
        QVERIFY(!attachment.attachFile(m_db->path() + "-wal", &error));
        QVERIFY2(error.contains("database HumasDesk has open"), qPrintable(error));

        HumasUi::SettingsDialog settings(m_db->db(), m_db->addUser("admin1", "admin"));
        QVERIFY(!settings.setEmblemFile(m_db->path()));
        QVERIFY2(settings.errorText().contains("database HumasDesk has open"), qPrintable(settings.errorText()));

        QPrinter printer;
        printer.setOutputFileName(m_db->path()); // "Print to file" onto the database
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!FileDialogs::checkPrintTarget(nullptr, printer));
        printer.setOutputFileName(m_documents + "/agenda.pdf");
        QVERIFY(FileDialogs::checkPrintTarget(nullptr, printer));

        QTextDocument doc("agenda");
        error.clear();
        QVERIFY(!Humas::PdfExport::write(&doc, m_db->path(), QPageLayout::Portrait, &error));
        QVERIFY2(error.contains("database HumasDesk has open"), qPrintable(error));
        QCOMPARE(bytes(m_db->path()), before);
        QVERIFY(m_db->db().setMeta("still", "writable", &error));
    }
};

QTEST_MAIN(TestFileDialogs)
#include "tst_filedialogs.moc"
