#include "backupcommand.h"

#include "console.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

namespace HumasCli {

QString BackupCommand::summary() const
{
    return tr("Write a consistent copy of the database to a new file.");
}

QString BackupCommand::syntax() const
{
    return tr("[options] FILE");
}

void BackupCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("FILE"), tr("The backup file to create; it must not exist yet."));
}

int BackupCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (parser.positionalArguments().isEmpty())
        return usageError(tr("Name the backup file: humasdesk-cli backup FILE."));
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    const QFileInfo target(parser.positionalArguments().constFirst());
    if (target.exists())
        return failure(tr("%1 already exists; choose another file name.").arg(target.absoluteFilePath()));
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    QString error;
    if (!db.backupTo(target.absoluteFilePath(), &error))
        return failure(error);
    Console::out() << tr("Backup written to %1 (%2 bytes).")
                          .arg(target.absoluteFilePath(),
                               QLocale().toString(QFileInfo(target.absoluteFilePath()).size()))
                   << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
