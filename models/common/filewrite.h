#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Humas {

/**
 * Writes a whole file for the exports (calendar, register CSV): either everything arrives or
 * the command says it failed.
 *
 * A regular (or new) file is written through QSaveFile, beside the target and renamed only
 * when complete, so an old file survives a failed export. A device or pipe (/dev/stdout,
 * /dev/full) is written directly; every write, the flush and the close are checked, so a full
 * disk is an error and never "exported".
 */
class FileWrite
{
    Q_DECLARE_TR_FUNCTIONS(Humas::FileWrite)
public:
    /** Checks the name and folder, then writes @p data; on failure @p error says why (translated). */
    static bool write(const QString &path, const QByteArray &data, QString *error);
};

} // namespace Humas
