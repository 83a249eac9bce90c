#include "openfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace Humas {

namespace {

QMutex s_mutex;
QHash<const void *, QString> s_paths; // owner -> absolute database path as opened

#ifdef Q_OS_WIN
constexpr Qt::CaseSensitivity PathCase = Qt::CaseInsensitive;
#else
constexpr Qt::CaseSensitivity PathCase = Qt::CaseSensitive;
#endif

/**
 * The canonical form of a path that may not exist yet (a -journal comes and goes, a typed
 * save name is new): the canonical folder plus the file name.
 */
QString canonicalOf(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString folder = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((folder.isEmpty() ? fi.absolutePath() : folder) + QLatin1Char('/') + fi.fileName());
}

#ifdef Q_OS_UNIX
bool sameInode(const QString &a, const struct stat &b)
{
    struct stat sa;
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 && sa.st_dev == b.st_dev && sa.st_ino == b.st_ino;
}
#endif

} // namespace

QStringList OpenDatabaseFiles::sidecarSuffixes()
{
    return {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
}

void OpenDatabaseFiles::registerPath(const void *owner, const QString &databasePath)
{
    const QMutexLocker lock(&s_mutex);
    s_paths.insert(owner, QFileInfo(databasePath).absoluteFilePath());
}

void OpenDatabaseFiles::unregisterPath(const void *owner)
{
    const QMutexLocker lock(&s_mutex);
    s_paths.remove(owner);
}

QStringList OpenDatabaseFiles::paths()
{
    const QMutexLocker lock(&s_mutex);
    QStringList out = s_paths.values();
    out.removeDuplicates();
    out.sort();
    return out;
}

bool OpenDatabaseFiles::isDatabaseFile(const QString &path)
{
    if (path.trimmed().isEmpty())
        return false;
    const QStringList databases = paths();
    if (databases.isEmpty())
        return false;
    const QString candidate = canonicalOf(path);
    QStringList suffixes = sidecarSuffixes();
    suffixes.prepend(QString());
#ifdef Q_OS_UNIX
    struct stat st;
    const bool exists = ::stat(QFile::encodeName(path).constData(), &st) == 0;
#endif
    for (const QString &database : databases) {
        const QString base = canonicalOf(database);
        for (const QString &suffix : suffixes) {
            if (candidate.compare(base + suffix, PathCase) == 0)
                return true;
#ifdef Q_OS_UNIX
            // A hard link has its own name but the same inode, and POSIX locks belong to the inode.
            if (exists && sameInode(base + suffix, st))
                return true;
#endif
        }
    }
    return false;
}

bool OpenDatabaseFiles::checkNotDatabaseFile(const QString &path, QString *error)
{
    if (!isDatabaseFile(path))
        return true;
    if (error)
        *error = tr("%1 belongs to the database HumasDesk has open (it is the database or one of its working "
                    "files). It was not used; choose another file.")
                     .arg(QDir::toNativeSeparators(path));
    return false;
}

} // namespace Humas
