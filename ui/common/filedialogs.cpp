#include "common/filedialogs.h"

#include "common/messagebox.h"
#include "settings/localpreferences.h"
#include "store/openfiles.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QMimeDatabase>
#include <QPointer>
#include <QPrinter>
#include <QSortFilterProxyModel>
#include <QStandardPaths>

#include <optional>

namespace HumasUi {

namespace {

std::optional<QString> s_nextAnswer;
FileDialogs::Request s_lastRequest;

QString kindKey(FileDialogs::Kind kind)
{
    switch (kind) {
    case FileDialogs::Kind::Pdf:
        return QStringLiteral("pdf");
    case FileDialogs::Kind::Calendar:
        return QStringLiteral("calendar");
    case FileDialogs::Kind::Csv:
        return QStringLiteral("csv");
    case FileDialogs::Kind::Image:
        return QStringLiteral("image");
    case FileDialogs::Kind::Scan:
        return QStringLiteral("scan");
    case FileDialogs::Kind::Backup:
        return QStringLiteral("backup");
    case FileDialogs::Kind::SharedFile:
        return QStringLiteral("sharedfile");
    }
    return QStringLiteral("other");
}

/** The MIME type of a file name by its glob patterns only: the name is all it is given. */
QMimeType mimeTypeByName(const QFileInfo &info)
{
    const QList<QMimeType> types = QMimeDatabase().mimeTypesForFileName(info.fileName());
    return types.isEmpty() ? QMimeType() : types.first();
}

/**
 * Icons and the Type column from the file name alone. Qt's providers call
 * QMimeDatabase::mimeTypeForFile(), which opens a file whose name says nothing (db.sqlite-wal,
 * db.sqlite-shm) to read its first bytes; that close() drops SQLite's locks.
 */
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;

    QIcon icon(const QFileInfo &info) const override
    {
        if (info.isRoot())
            return icon(Drive);
        if (info.isDir())
            return icon(Folder);
        const QMimeType type = mimeTypeByName(info);
        if (type.isValid()) {
            const QIcon themed = QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName()));
            if (!themed.isNull())
                return themed;
        }
        return icon(File);
    }

    QString type(const QFileInfo &info) const override
    {
        if (info.isRoot())
            return FileDialogs::tr("Drive");
        if (info.isDir())
            return FileDialogs::tr("Folder");
        const QMimeType type = mimeTypeByName(info);
        if (type.isValid() && !type.comment().isEmpty())
            return type.comment();
        const QString suffix = info.suffix();
        //: Type column of the file dialog for an unknown extension; %1 is the extension ("XYZ")
        return suffix.isEmpty() ? FileDialogs::tr("File") : FileDialogs::tr("%1 file").arg(suffix.toUpper());
    }
};

/** Hides the open database and its working files from the dialog's views. */
class DatabaseFilesFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    /** The file system model sorts (folders first); the proxy keeps its order. */
    void sort(int column, Qt::SortOrder order) override
    {
        if (sourceModel())
            sourceModel()->sort(column, order);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (!files)
            return true;
        const QModelIndex index = files->index(sourceRow, 0, sourceParent);
        return files->isDir(index) || !Humas::OpenDatabaseFiles::isDatabaseFile(files->filePath(index));
    }
};

/**
 * Qt's widget dialog with the checks of accept(): a database file typed by name is refused,
 * and replacing an existing file is asked in our translated words. Being a subclass also keeps
 * Qt from ever using the platform's dialog for it.
 */
class GuardedFileDialog : public QFileDialog
{
    Q_OBJECT
public:
    using QFileDialog::QFileDialog;

    void accept() override
    {
        const QStringList files = selectedFiles();
        for (const QString &file : files) {
            if (!QFileInfo(file).isDir() && !FileDialogs::checkPath(this, file))
                return;
        }
        if (acceptMode() == AcceptSave && files.size() == 1) {
            const QFileInfo target(files.first());
            if (target.exists() && !target.isDir() &&
                MessageBox::question(this, FileDialogs::tr("Replace file"),
                                     FileDialogs::tr("%1 already exists. Replace it?")
                                         .arg(QDir::toNativeSeparators(target.absoluteFilePath()))) != QMessageBox::Yes)
                return;
        }
        QFileDialog::accept();
    }
};

/**
 * Runs guard() on every dialog the application shows: what Qt makes by itself (QPrintDialog with
 * its file-name completer, the QFileDialog behind "Export to PDF" and "Print To File ...") is
 * out of reach of FileDialogs::create().
 */
class ApplicationGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Polish reaches a dialog inside show()/exec(), before its event loop delivers the file
        // listings the model turns into icons and types, and before its views are visible.
        if (event->type() == QEvent::Polish && watched->isWidgetType() && qobject_cast<QDialog *>(watched) &&
            !qobject_cast<GuardedFileDialog *>(watched))
            FileDialogs::guard(watched);
        return false;
    }
};

void remember(FileDialogs::Kind kind, const QString &path, bool isFolder)
{
    Humas::LocalPreferences prefs;
    const QFileInfo info(path);
    prefs.setLastFolder(kindKey(kind), isFolder ? info.absoluteFilePath() : info.absolutePath());
    prefs.sync();
}

QString run(QWidget *parent, FileDialogs::Mode mode, FileDialogs::Kind kind, const QString &title,
            const QString &filter, const QString &suggestedName)
{
    s_lastRequest = {mode, kind, title, FileDialogs::startFolder(kind), QFileInfo(suggestedName).fileName()};
    QString path;
    if (s_nextAnswer) {
        path = *s_nextAnswer;
        s_nextAnswer.reset();
    } else {
        const std::unique_ptr<QFileDialog> dialog =
            FileDialogs::create(parent, mode, kind, title, filter, suggestedName);
        if (dialog->exec() != QDialog::Accepted)
            return {};
        path = dialog->selectedFiles().value(0);
    }
    if (path.isEmpty() || !FileDialogs::checkPath(parent, path))
        return {};
    remember(kind, path, mode == FileDialogs::Mode::Folder);
    return path;
}

} // namespace

QAbstractFileIconProvider *FileDialogs::iconProvider()
{
    static NameOnlyIconProvider provider;
    return &provider;
}

QString FileDialogs::startFolder(Kind kind)
{
    const QFileInfo remembered(Humas::LocalPreferences().lastFolder(kindKey(kind)));
    if (!remembered.filePath().isEmpty() && remembered.isAbsolute() && remembered.isDir())
        return remembered.absoluteFilePath();
    const QFileInfo documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!documents.filePath().isEmpty() && documents.isAbsolute() && documents.isDir())
        return documents.absoluteFilePath();
    return QDir::homePath();
}

std::unique_ptr<QFileDialog> FileDialogs::create(QWidget *parent, Mode mode, Kind kind, const QString &title,
                                                 const QString &filter, const QString &suggestedName)
{
    // QFileDialog decides in its constructor whether to make a platform dialog, before any
    // option can be set; the attribute keeps it from doing so.
    const bool nativeWasAllowed = !QCoreApplication::testAttribute(Qt::AA_DontUseNativeDialogs);
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs, true);
    auto dialog = std::make_unique<GuardedFileDialog>(parent, title, startFolder(kind), filter);
    if (nativeWasAllowed)
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs, false);
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    // The constructor only started listing the folder; the icons and types of its files are
    // made in this thread once the listing arrives, so the provider is in place in time.
    dialog->setIconProvider(iconProvider());
    dialog->setProxyModel(new DatabaseFilesFilter(dialog.get()));
    dialog->setLabelText(QFileDialog::LookIn, tr("Look in:"));
    dialog->setLabelText(QFileDialog::FileName, tr("File name:"));
    dialog->setLabelText(QFileDialog::FileType, tr("Files of type:"));
    dialog->setLabelText(QFileDialog::Reject, MessageBox::buttonText(QMessageBox::Cancel));
    if (mode == Mode::Save) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setOption(QFileDialog::DontConfirmOverwrite, true); // GuardedFileDialog asks, translated
        dialog->setLabelText(QFileDialog::Accept, MessageBox::buttonText(QMessageBox::Save));
        const QString name = QFileInfo(suggestedName).fileName();
        if (!QFileInfo(name).suffix().isEmpty())
            dialog->setDefaultSuffix(QFileInfo(name).suffix());
        if (!name.isEmpty())
            dialog->selectFile(name);
    } else if (mode == Mode::Folder) {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly, true);
        dialog->setLabelText(QFileDialog::Accept, tr("Choose"));
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setLabelText(QFileDialog::Accept, tr("Open"));
    }
    return dialog;
}

QString FileDialogs::openFile(QWidget *parent, Kind kind, const QString &title, const QString &filter)
{
    return run(parent, Mode::Open, kind, title, filter, {});
}

QString FileDialogs::openFolder(QWidget *parent, Kind kind, const QString &title)
{
    return run(parent, Mode::Folder, kind, title, {}, {});
}

QString FileDialogs::saveFile(QWidget *parent, Kind kind, const QString &title, const QString &suggestedName,
                              const QString &filter)
{
    return run(parent, Mode::Save, kind, title, filter, suggestedName);
}

bool FileDialogs::checkPath(QWidget *parent, const QString &path)
{
    QString error;
    if (Humas::OpenDatabaseFiles::checkNotDatabaseFile(path, &error))
        return true;
    MessageBox::critical(parent, tr("File not used"), error);
    return false;
}

void FileDialogs::guard(QObject *root)
{
    if (!root)
        return;
    for (QFileSystemModel *model : root->findChildren<QFileSystemModel *>()) {
        if (model->iconProvider() != iconProvider())
            model->setIconProvider(iconProvider());
    }
    auto *dialog = qobject_cast<QFileDialog *>(root);
    if (!dialog || qobject_cast<GuardedFileDialog *>(dialog))
        return;
    // Qt's own dialogs ("Export to PDF", "Print To File ...") cannot be replaced; at least they
    // neither list the database files nor start where the program was started.
    if (!dialog->proxyModel())
        dialog->setProxyModel(new DatabaseFilesFilter(dialog));
    if (QFileInfo(dialog->directory().absolutePath()) == QFileInfo(QDir::currentPath()))
        dialog->setDirectory(startFolder(Kind::Pdf));
}

bool FileDialogs::checkPrintTarget(QWidget *parent, const QPrinter &printer)
{
    return printer.outputFileName().isEmpty() || checkPath(parent, printer.outputFileName());
}

void FileDialogs::guardApplication()
{
    // Dialogs Qt opens by itself (QPrintPreviewDialog's "Export to PDF", QPrintDialog's "Print
    // to file" browser) are then Qt's widget dialogs, which the guard below can reach.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs, true);
    static QPointer<ApplicationGuard> guard;
    if (!guard && qApp) {
        guard = new ApplicationGuard(qApp);
        qApp->installEventFilter(guard);
    }
}

void FileDialogs::setNextAnswer(const QString &path)
{
    s_nextAnswer = path;
}

FileDialogs::Request FileDialogs::lastRequest()
{
    return s_lastRequest;
}

} // namespace HumasUi

#include "filedialogs.moc"
