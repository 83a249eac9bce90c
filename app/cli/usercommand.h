#pragma once

#include "command.h"

namespace Humas {
class Database;
}

namespace HumasCli {

/**
 * `user add --username U --role ROLE [--name FULL] [--opd CODE] --password-stdin` and
 * `user list`. The CLI acts as the system actor; UserRepository applies its usual rules.
 */
class UserCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::UserCommand)
public:
    QString name() const override { return QStringLiteral("user"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    int add(const QCommandLineParser &parser, const QString &databasePath);
    int list(const QCommandLineParser &parser, const QString &databasePath);
    static QString opdIdForCode(Humas::Database &db, const QString &code);
};

} // namespace HumasCli
