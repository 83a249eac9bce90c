#pragma once

#include "command.h"

namespace HumasCli {

/** `init [--preset NAME]`: creates the database and seeds it once (Seeder). */
class InitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::InitCommand)
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;
};

} // namespace HumasCli
