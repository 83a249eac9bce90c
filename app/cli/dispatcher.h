#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

class QCommandLineParser;

namespace HumasCli {

class Command;

/**
 * Reads the global options (--db, --lang, --help, --version), picks the subcommand and hands
 * it the rest of the line. Global options may come before or after the command name.
 */
class Dispatcher
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::Dispatcher)
public:
    Dispatcher();
    ~Dispatcher();

    /** Runs the program for @p arguments (arguments[0] is the program); returns the exit code. */
    int run(const QStringList &arguments);

private:
    void addGlobalOptions(QCommandLineParser *parser) const;
    /** Applies --lang (or the saved preference); false with a message for an unknown code. */
    bool applyLanguage(const QCommandLineParser &parser);
    int runCommand(Command *command, const QStringList &arguments, const QCommandLineParser &global);
    QString globalHelp() const;
    QString commandHelp(const Command &command) const;
    QString parseError(const QCommandLineParser &parser) const;
    Command *find(const QString &name) const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace HumasCli
