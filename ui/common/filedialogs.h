#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QAbstractFileIconProvider;
class QFileDialog;
class QPrinter;
class QObject;
class QWidget;

namespace HumasUi {

/**
 * The one way the program asks for a file (STYLE.md: one file-dialog helper).
 *
 * Qt's file dialog lists a folder with a QFileSystemModel whose default icon provider opens
 * every file it does not know by name to sniff its MIME type, and closing such a descriptor
 * drops every POSIX lock the process holds on that file: a dialog on the database's folder
 * took all of SQLite's locks away (issue 8). So every dialog made here:
 * - uses an icon provider that decides icon and type by the file name alone,
 * - hides the open database and its -wal, -shm and -journal files and refuses them typed,
 * - is Qt's widget dialog, never the platform's (a native dialog sniffs files in-process too),
 * - starts in the folder last used for that kind of file, else in Documents, never in the
 *   working directory.
 * Tests answer the next dialog with setNextAnswer() instead of showing it.
 */
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::FileDialogs)
public:
    /** What the file is for; each kind remembers its own last folder. */
    enum class Kind { Pdf, Calendar, Csv, Image, Scan, Backup, SharedFile };
    enum class Mode { Open, Save, Folder };

    /** What the last openFile()/saveFile()/openFolder() asked for, answered or shown; for tests. */
    struct Request
    {
        Mode mode = Mode::Open;
        Kind kind = Kind::Pdf;
        QString title;
        QString folder;   ///< where the dialog started
        QString fileName; ///< the suggested name (save only)
    };

    /** An existing file to read, or empty when cancelled or refused. */
    static QString openFile(QWidget *parent, Kind kind, const QString &title, const QString &filter);
    /** A file to write, proposed as @p suggestedName in the start folder; empty when cancelled or refused. */
    static QString saveFile(QWidget *parent, Kind kind, const QString &title, const QString &suggestedName,
                            const QString &filter);

    /** An existing folder (e.g. where the shared sync file lives), or empty when cancelled. */
    static QString openFolder(QWidget *parent, Kind kind, const QString &title);

    /** The dialog openFile()/saveFile()/openFolder() show, set up but not shown. */
    static std::unique_ptr<QFileDialog> create(QWidget *parent, Mode mode, Kind kind, const QString &title,
                                               const QString &filter, const QString &suggestedName = {});

    /** The remembered folder of @p kind when it still exists, else Documents, else the home folder. */
    static QString startFolder(Kind kind);
    /** The icon provider of every dialog: icon and type from the file name, never from the contents. */
    static QAbstractFileIconProvider *iconProvider();

    /**
     * False, after a message box, when @p path is one of the open database's files (see
     * Humas::OpenDatabaseFiles). Every place that reads or writes a path the user chose checks it.
     */
    static bool checkPath(QWidget *parent, const QString &path);
    /**
     * checkPath() for the file @p printer prints to, if any ("Print to file", Qt's "Export to
     * PDF"): call it before painting, since the PDF engine opens and truncates the file then.
     */
    static bool checkPrintTarget(QWidget *parent, const QPrinter &printer);

    /**
     * Gives every QFileSystemModel inside @p root (a QPrintDialog's file-name completer, a
     * dialog Qt makes itself) the safe icon provider. Call before the dialog runs its event loop.
     * A plain QFileDialog also gets the filter that hides the database files, and leaves the
     * working directory for the PDF folder.
     */
    static void guard(QObject *root);
    /** Guards every dialog of the application as it is shown (see guard()); app/ calls it once. */
    static void guardApplication();

    /** The next openFile()/saveFile()/openFolder() is not shown: @p path (empty: cancelled), checked as typed. */
    static void setNextAnswer(const QString &path);
    static Request lastRequest();
};

} // namespace HumasUi
