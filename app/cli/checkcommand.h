#pragma once

#include "command.h"

namespace Humas {
struct DatabaseInfo;
}

namespace HumasCli {

/**
 * `check`: a read-only look at the database (Database::inspect, never open(), which could
 * upgrade it). Exit 0 only when it is a HumasDesk database this program can use.
 */
class CheckCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::CheckCommand)
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    static QString schemaText(const Humas::DatabaseInfo &info);
    static void printRowCounts(const QString &path);
};

} // namespace HumasCli
