#include "dispatcher.h"

#include "backupcommand.h"
#include "checkcommand.h"
#include "command.h"
#include "conflictscommand.h"
#include "console.h"
#include "democommand.h"
#include "eventscommand.h"
#include "holidayscommand.h"
#include "initcommand.h"
#include "ppidcommand.h"
#include "synccommand.h"
#include "usercommand.h"

#include "common/translations.h"
#include "settings/localpreferences.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace HumasCli {

namespace {

const QString DbOption = QStringLiteral("db");
const QString LangOption = QStringLiteral("lang");
const QString HelpOption = QStringLiteral("help");
const QString VersionOption = QStringLiteral("version");

/** Replaces the first line of a QCommandLineParser help text (it names argv[0]) with @p usage. */
QString withUsageLine(const QString &helpText, const QString &usage)
{
    const int end = helpText.indexOf(QLatin1Char('\n'));
    return usage + (end < 0 ? QString() : helpText.mid(end));
}

} // namespace

Dispatcher::Dispatcher()
{
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<CheckCommand>());
    m_commands.push_back(std::make_unique<BackupCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<UserCommand>());
    m_commands.push_back(std::make_unique<EventsCommand>());
    m_commands.push_back(std::make_unique<ConflictsCommand>());
    m_commands.push_back(std::make_unique<PpidCommand>());
    m_commands.push_back(std::make_unique<HolidaysCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
}

Dispatcher::~Dispatcher() = default;

void Dispatcher::addGlobalOptions(QCommandLineParser *parser) const
{
    parser->addOption(
        {DbOption, tr("The database file (default: %1).").arg(Humas::Database::defaultPath()), tr("PATH")});
    parser->addOption({LangOption, tr("Language of messages: id (Indonesian) or en (English)."), tr("id|en")});
    parser->addOption({{QStringLiteral("h"), HelpOption}, tr("Show this help.")});
}

bool Dispatcher::applyLanguage(const QCommandLineParser &parser)
{
    const QString code = parser.isSet(LangOption) ? parser.value(LangOption) : Humas::LocalPreferences().language();
    if (code != QLatin1String("id") && code != QLatin1String("en")) {
        Humas::Translations::setLanguage(Humas::LocalPreferences().language());
        Console::error(tr("Unknown language \"%1\"; use id or en.").arg(code));
        return false;
    }
    // A missing Indonesian catalogue falls back to English, the source language.
    Humas::Translations::setLanguage(code);
    return true;
}

QString Dispatcher::parseError(const QCommandLineParser &parser) const
{
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const QString name = unknown.constFirst();
        const QString dashes = name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
        return tr("Unknown option \"%1\"; see --help.").arg(dashes + name);
    }
    return parser.errorText();
}

int Dispatcher::run(const QStringList &arguments)
{
    QCommandLineParser global;
    addGlobalOptions(&global);
    global.addOption({{QStringLiteral("v"), VersionOption}, tr("Show the program version.")});
    global.addPositionalArgument(QStringLiteral("command"), tr("The command to run."));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const bool parsed = global.parse(arguments);
    if (!applyLanguage(global))
        return ExitUsage;
    if (!parsed) {
        Console::error(parseError(global));
        return ExitUsage;
    }
    if (global.isSet(VersionOption)) {
        Console::out() << QCoreApplication::applicationName() << QLatin1Char(' ')
                       << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QStringList rest = global.positionalArguments();
    if (global.isSet(HelpOption)) {
        Command *command = rest.isEmpty() ? nullptr : find(rest.constFirst());
        Console::out() << (command ? commandHelp(*command) : globalHelp()) << Qt::flush;
        return ExitOk;
    }
    if (rest.isEmpty()) {
        Console::error(tr("No command given; see --help."));
        return ExitUsage;
    }
    Command *command = find(rest.constFirst());
    if (!command) {
        QStringList names;
        for (const auto &c : m_commands)
            names << c->name();
        Console::error(tr("Unknown command \"%1\"; the commands are: %2.")
                           .arg(rest.constFirst(), names.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    return runCommand(command, QStringList{arguments.value(0)} + rest.mid(1), global);
}

int Dispatcher::runCommand(Command *command, const QStringList &arguments, const QCommandLineParser &global)
{
    QCommandLineParser parser;
    addGlobalOptions(&parser);
    command->addOptions(&parser);
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(LangOption) && !applyLanguage(parser))
        return ExitUsage;
    if (!parsed) {
        Console::error(parseError(parser));
        return ExitUsage;
    }
    if (parser.isSet(HelpOption)) {
        Console::out() << commandHelp(*command) << Qt::flush;
        return ExitOk;
    }
    QString path = parser.isSet(DbOption) ? parser.value(DbOption) : global.value(DbOption);
    if (path.isEmpty())
        path = Humas::Database::defaultPath();
    return command->run(parser, QFileInfo(path).absoluteFilePath());
}

QString Dispatcher::globalHelp() const
{
    QCommandLineParser parser;
    addGlobalOptions(&parser);
    parser.addOption({{QStringLiteral("v"), VersionOption}, tr("Show the program version.")});
    QString text = withUsageLine(parser.helpText(), tr("Usage: humasdesk-cli [global options] COMMAND [options]"));
    text += QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n');
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1%2\n").arg(c->name(), -10).arg(c->summary());
    text +=
        QLatin1Char('\n') + tr("\"humasdesk-cli COMMAND --help\" shows the options of a command.") + QLatin1Char('\n');
    return text;
}

QString Dispatcher::commandHelp(const Command &command) const
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command.summary());
    addGlobalOptions(&parser);
    command.addOptions(&parser);
    return withUsageLine(parser.helpText(), tr("Usage: humasdesk-cli %1 %2").arg(command.name(), command.syntax()));
}

Command *Dispatcher::find(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

} // namespace HumasCli
