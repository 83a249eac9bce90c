#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `events import FILE.ics` and `events export FILE.ics [--from DATE --to DATE] [--public]`
 * (issue 3, exact syntax). Not a command of its own: EventsCommand hands these two actions
 * over, with the parser it built (its addOptions() adds the options of both).
 *
 * The rules (what is matched, skipped, created or refused) are Humas::EventIcal's.
 */
class EventsIcalCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::EventsIcalCommand)
public:
    QString name() const override { return QStringLiteral("events"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    /** Runs the action named by the first positional argument, "import" or "export". */
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    int importFile(const QCommandLineParser &parser, const QString &databasePath);
    int exportFile(const QCommandLineParser &parser, const QString &databasePath);
};

} // namespace HumasCli
