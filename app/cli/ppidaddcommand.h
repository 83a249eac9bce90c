#pragma once

#include "command.h"

namespace Humas {
struct PpidRequest;
}

namespace HumasCli {

/**
 * `ppid add …` (issue 4, exact syntax): registers a request and prints its registration
 * number alone on the last line. Not a command of its own: PpidCommand hands the action over
 * with the parser it built (its addOptions() adds these options too; --received is
 * PpidCommand's, shared with `ppid due`).
 *
 * The rules (required fields, NIK, phone and email checks, numbering, due date) are
 * Humas::PpidRequestRepository's; a refused request stores nothing.
 */
class PpidAddCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::PpidAddCommand)
public:
    QString name() const override { return QStringLiteral("ppid"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    /** Reads everything that needs no database; the received time is resolved later. */
    static int readOptions(const QCommandLineParser &parser, Humas::PpidRequest *request);
};

} // namespace HumasCli
