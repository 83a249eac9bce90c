#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `conflicts --from DATE --to DATE [--json]`: every official, venue and travel clash touching
 * those local days, each pair once (EventRepository::conflictsBetween).
 */
class ConflictsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::ConflictsCommand)
public:
    QString name() const override { return QStringLiteral("conflicts"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;
};

} // namespace HumasCli
