#include "command.h"

#include "console.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace HumasCli {

QString Command::syntax() const
{
    return tr("[options]");
}

int Command::usageError(const QString &message)
{
    Console::error(message);
    return ExitUsage;
}

int Command::failure(const QString &message)
{
    Console::error(message);
    return ExitFailed;
}

bool Command::expectArguments(const QCommandLineParser &parser, int count, const QString &command)
{
    const QStringList extra = parser.positionalArguments().mid(count);
    if (extra.isEmpty())
        return true;
    Console::error(
        tr("Unexpected argument \"%1\" for %2; see \"humasdesk-cli %2 --help\".").arg(extra.constFirst(), command));
    return false;
}

int Command::openDatabase(Humas::Database *db, const QString &path, bool mustExist)
{
    return openDatabase(db, path, mustExist, Humas::Database::OpenOptions());
}

Humas::Database::OpenOptions Command::readingOptions()
{
    Humas::Database::OpenOptions options;
    options.readOnlyFallback = true;
    return options;
}

int Command::openDatabase(Humas::Database *db, const QString &path, bool mustExist,
                          const Humas::Database::OpenOptions &options)
{
    if (mustExist && !QFileInfo::exists(path)) {
        Console::error(tr("The database %1 does not exist; create it with \"humasdesk-cli init\".").arg(path));
        return ExitDatabase;
    }
    QString error;
    if (!db->open(path, &error, options)) {
        Console::error(error);
        return ExitDatabase;
    }
    return ExitOk;
}

void Command::discardCreatedDatabase(Humas::Database *db, const QString &path)
{
    db->close();
    // The file, its WAL companions and the ".verified" note Database::close() writes.
    const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"),
                                  QStringLiteral(".verified")};
    for (const QString &suffix : suffixes)
        QFile::remove(path + suffix);
}

bool Command::parseNumber(const QCommandLineParser &parser, const QString &option, qint64 minimum, qint64 maximum,
                          qint64 fallback, qint64 *value)
{
    if (!parser.isSet(option)) {
        *value = fallback;
        return true;
    }
    const QString text = parser.value(option).trimmed();
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        const QLocale locale;
        Console::error(tr("--%1 needs a whole number from %2 to %3, not \"%4\".")
                           .arg(option, locale.toString(minimum), locale.toString(maximum), text));
        return false;
    }
    *value = number;
    return true;
}

} // namespace HumasCli
