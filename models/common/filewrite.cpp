#include "common/filewrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Humas {

namespace {
bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

bool FileWrite::write(const QString &path, const QByteArray &data, QString *error)
{
    const QFileInfo target(path);
    const QString shown = QDir::toNativeSeparators(target.absoluteFilePath());
    if (path.trimmed().isEmpty())
        return fail(error, tr("No file name was given."));
    if (target.isDir())
        return fail(error, tr("%1 is a folder, not a file.").arg(shown));
    if (!QFileInfo(target.absolutePath()).isDir())
        return fail(error, tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath())));
    if (target.exists() && !target.isFile()) {
        // A device or a pipe: there is nothing to rename over, so write it directly.
        QFile file(target.absoluteFilePath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(error, tr("The file %1 cannot be written: %2").arg(shown, file.errorString()));
        const bool ok = file.write(data) == data.size() && file.flush();
        const QString reason = file.errorString();
        file.close();
        if (!ok || file.error() != QFileDevice::NoError)
            return fail(error, tr("The file %1 cannot be written: %2").arg(shown, reason));
        return true;
    }
    QSaveFile file(target.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("The file %1 cannot be written: %2").arg(shown, file.errorString()));
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        file.commit();
        return fail(error, tr("The file %1 cannot be written: %2").arg(shown, reason));
    }
    if (!file.commit())
        return fail(error, tr("The file %1 cannot be written: %2").arg(shown, file.errorString()));
    return true;
}

} // namespace Humas
