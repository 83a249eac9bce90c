#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `demo --events N --requests N [--news N] [--seed S]`: reproducible Indonesian demo data
 * (DemoGenerator). All numbers are checked before the database is opened.
 */
class DemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::DemoCommand)
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

    /** The most rows of one kind a single run may add (DemoGenerator's own limit). */
    static constexpr qint64 MaximumCount = 10000000;
};

} // namespace HumasCli
