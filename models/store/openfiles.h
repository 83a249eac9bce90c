#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * The database files this process has open, for everything that touches a file a user chose.
 *
 * SQLite keeps its locks as POSIX advisory locks, and POSIX drops every lock a process holds
 * on a file as soon as the process closes *any* descriptor of that file (SQLite's "How To
 * Corrupt", section 2.2). So the program must never open its own database, or its -wal,
 * -shm or -journal file, with anything but SQLite: not to sniff a MIME type, not to read an
 * attachment or an image, not to write an export over it. Database registers a file when it
 * opens and unregisters it when it closes; file dialogs hide these files and every reader of a
 * user-chosen path refuses them.
 */
class OpenDatabaseFiles
{
    Q_DECLARE_TR_FUNCTIONS(Humas::OpenDatabaseFiles)
public:
    /** Records that @p owner (a Database) has @p databasePath open; a second call replaces the first. */
    static void registerPath(const void *owner, const QString &databasePath);
    /** Forgets what @p owner registered; harmless when it registered nothing. */
    static void unregisterPath(const void *owner);

    /**
     * Whether @p path is an open database or one of its -wal, -shm and -journal files,
     * compared by canonical path (symbolic links, "..") and, on Unix, by device and inode
     * (hard links). Only looks at names and stat(); never opens a file.
     */
    static bool isDatabaseFile(const QString &path);
    /** True when @p path may be used; false with a translated message when it is a database file. */
    static bool checkNotDatabaseFile(const QString &path, QString *error);

    /** The database files registered now (absolute paths, without the sidecars). */
    static QStringList paths();
    /** "-wal", "-shm", "-journal": the files SQLite keeps beside a database. */
    static QStringList sidecarSuffixes();
};

} // namespace Humas
