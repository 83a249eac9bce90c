#pragma once

#include "command.h"

namespace HumasCli {

/** `backup FILE`: a consistent copy of the database (Database::backupTo); never overwrites. */
class BackupCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::BackupCommand)
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;
};

} // namespace HumasCli
