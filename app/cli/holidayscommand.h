#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `holidays import FILE.csv` and `holidays list [--year YYYY]` (issue 4, exact syntax): the
 * holidays table that legal deadlines are counted against.
 *
 * An import is all or nothing (a malformed file is refused with the line number of the first
 * problem); the deadlines of open requests are recomputed in the same transaction, so the
 * register never shows dates counted against a holiday list that is no longer stored.
 */
class HolidaysCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::HolidaysCommand)
public:
    QString name() const override { return QStringLiteral("holidays"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    int importFile(const QCommandLineParser &parser, const QString &databasePath);
    int list(const QCommandLineParser &parser, const QString &databasePath);
};

} // namespace HumasCli
