#pragma once

#include "store/database.h"

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace Humas {
class Database;
}

namespace HumasCli {

/** Exit codes of humasdesk-cli (all below 128, so they never look like a signal). */
enum ExitCode {
    ExitOk = 0,
    ExitUsage = 1,    ///< unknown command or option, a missing or malformed value
    ExitDatabase = 2, ///< the database is missing, not HumasDesk's, damaged or too new
    ExitFailed = 3,   ///< the operation itself was refused or failed; nothing was changed
};

/**
 * One subcommand ("init", "check", …). The dispatcher gives it a parser that already knows
 * the global options; the command adds its own, and runs once the line has been parsed.
 */
class Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::Command)
public:
    virtual ~Command() = default;

    /** The word typed on the command line. */
    virtual QString name() const = 0;
    /** One translated line for the list of commands. */
    virtual QString summary() const = 0;
    /** What follows the command name in its usage line, e.g. "[options] FILE". */
    virtual QString syntax() const;
    /** Adds the command's options and positional arguments (translated descriptions). */
    virtual void addOptions(QCommandLineParser *parser) const = 0;
    /** Runs the command on @p databasePath; returns an ExitCode. */
    virtual int run(const QCommandLineParser &parser, const QString &databasePath) = 0;

protected:
    /** Prints @p message to standard error and returns ExitUsage. */
    static int usageError(const QString &message);
    /** Prints @p message to standard error and returns ExitFailed. */
    static int failure(const QString &message);
    /** Refuses positional arguments beyond @p count (prints the message). */
    static bool expectArguments(const QCommandLineParser &parser, int count, const QString &command);
    /**
     * Opens (and, for an older schema, upgrades) the database. A missing file is created
     * unless @p mustExist. Prints the reason and returns ExitDatabase when it cannot be used.
     */
    static int openDatabase(Humas::Database *db, const QString &path, bool mustExist);
    /** The same with explicit options (init sets up empty files; list commands read read-only files). */
    static int openDatabase(Humas::Database *db, const QString &path, bool mustExist,
                            const Humas::Database::OpenOptions &options);
    /** Options for commands that only read: a read-only file is opened read-only. */
    static Humas::Database::OpenOptions readingOptions();
    /**
     * Undoes a database file this run created before a later step failed (closes @p db and
     * removes the file and its WAL companions), so a failed command leaves nothing behind.
     */
    static void discardCreatedDatabase(Humas::Database *db, const QString &path);
    /**
     * Parses a whole number option within [minimum, maximum]; an option that is not set gives
     * @p fallback. Prints a usage message and returns false on a malformed value.
     */
    static bool parseNumber(const QCommandLineParser &parser, const QString &option, qint64 minimum, qint64 maximum,
                            qint64 fallback, qint64 *value);
};

} // namespace HumasCli
