#pragma once

#include "command.h"
#include "ppidaddcommand.h"

#include <QDate>
#include <QStringList>

namespace Humas {
struct Actor;
}

namespace Humas {
class Database;
}

namespace HumasCli {

/**
 * `ppid due|add|list|export-csv|stats` (issue 4, exact syntax): the information service's
 * register from scripts. `ppid add` is PpidAddCommand's; this class parses the line for all.
 *
 * The CLI acts as the system actor (admin), like every other command: whoever can run it on
 * the database file can read that file anyway. `--role ROLE` shows what that role would see,
 * so list and export-csv mask personal data for every role but ppid and admin.
 */
class PpidCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::PpidCommand)
public:
    QString name() const override { return QStringLiteral("ppid"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

    /** A strict YYYY-MM-DD date; invalid otherwise. */
    static QDate parseDate(const QString &text);
    /**
     * Refuses any option set on the line that @p action does not take (the global options
     * are always allowed). Prints the message and returns false.
     */
    static bool allowOnly(const QCommandLineParser &parser, const QString &action, const QStringList &options);

private:
    int due(const QCommandLineParser &parser, const QString &databasePath);
    int list(const QCommandLineParser &parser, const QString &databasePath);
    int exportCsv(const QCommandLineParser &parser, const QString &databasePath);
    int stats(const QCommandLineParser &parser, const QString &databasePath);
    int receipt(const QCommandLineParser &parser, const QString &databasePath);
    /** Reads --role into @p actor (default: the system actor). */
    static bool readActor(const QCommandLineParser &parser, Humas::Actor *actor);
    /**
     * With --role opd, the --opd CODE the PPID Pembantu belongs to (its scope); --opd with
     * another role is a usage error. Returns an exit code, ExitOk when @p actor is ready.
     */
    static int scopeActor(const QCommandLineParser &parser, Humas::Database &db, Humas::Actor *actor);
    /** Reads an optional --from/--to pair (both or neither). */
    static bool readOptionalRange(const QCommandLineParser &parser, const QString &action, QDate *from, QDate *to);

    PpidAddCommand m_add;
};

} // namespace HumasCli
