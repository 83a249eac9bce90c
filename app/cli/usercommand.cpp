#include "usercommand.h"

#include "auth/role.h"
#include "auth/userrepository.h"
#include "console.h"
#include "master/referencerepositories.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QHash>
#include <QTextStream>

namespace HumasCli {

namespace {
const QString UsernameOption = QStringLiteral("username");
const QString RoleOption = QStringLiteral("role");
const QString NameOption = QStringLiteral("name");
const QString OpdOption = QStringLiteral("opd");
const QString PasswordStdinOption = QStringLiteral("password-stdin");
const QStringList AddOnlyOptions = {UsernameOption, RoleOption, NameOption, OpdOption, PasswordStdinOption};

QStringList roleCodes()
{
    QStringList codes;
    for (Humas::Role role : Humas::Roles::all())
        codes << Humas::Roles::code(role);
    return codes;
}

} // namespace

QString UserCommand::summary() const
{
    return tr("Add a user (password from standard input) or list the users.");
}

QString UserCommand::syntax() const
{
    return tr("add --username U --role ROLE [--name FULL] [--opd CODE] --password-stdin | list");
}

void UserCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"), tr("add or list."));
    parser->addOption({UsernameOption, tr("The user name to log in with."), tr("U")});
    parser->addOption({RoleOption, tr("The role: %1.").arg(roleCodes().join(QStringLiteral(", "))), tr("ROLE")});
    parser->addOption({NameOption, tr("The full name (default: the user name)."), tr("FULL")});
    parser->addOption({OpdOption, tr("Code of the agency (OPD) of a user with the opd role."), tr("CODE")});
    parser->addOption({PasswordStdinOption, tr("Read the password from the first line of standard input.")});
}

int UserCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    if (action == QLatin1String("add"))
        return add(parser, databasePath);
    if (action == QLatin1String("list"))
        return list(parser, databasePath);
    if (action.isEmpty())
        return usageError(tr("Say what to do: humasdesk-cli user add … or humasdesk-cli user list."));
    return usageError(tr("Unknown action \"%1\" for user; use add or list.").arg(action));
}

int UserCommand::add(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString username = parser.value(UsernameOption).trimmed();
    if (username.isEmpty())
        return usageError(tr("user add needs --username."));
    Humas::Role role = Humas::Role::Pimpinan;
    if (!Humas::Roles::fromCode(parser.value(RoleOption), &role)) {
        return usageError(tr("user add needs --role with one of: %1.").arg(roleCodes().join(QStringLiteral(", "))));
    }
    // A password on the command line would end up in the shell history and the process list.
    if (!parser.isSet(PasswordStdinOption))
        return usageError(tr("user add reads the password from standard input; add --password-stdin."));
    if (Console::isInputTerminal())
        Console::status(tr("Password for %1: ").arg(username));
    QString password;
    if (!Console::readSecretLine(&password))
        return failure(tr("No password was given on standard input."));
    QString error;
    if (!Humas::UserRepository::isAcceptablePassword(password, &error))
        return failure(error);

    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    QVariantMap values = {
        {QStringLiteral("username"), username},
        {QStringLiteral("display_name"), parser.isSet(NameOption) ? parser.value(NameOption) : username},
        {QStringLiteral("role"), Humas::Roles::code(role)},
        {QStringLiteral("active"), 1},
        {QStringLiteral("password"), password},
    };
    if (parser.isSet(OpdOption)) {
        const QString opdId = opdIdForCode(db, parser.value(OpdOption));
        if (opdId.isEmpty())
            return failure(tr("No agency (OPD) has the code \"%1\".").arg(parser.value(OpdOption)));
        values.insert(QStringLiteral("opd_id"), opdId);
    }
    Humas::UserRepository users(db, Humas::Actor::system());
    QString id;
    if (!users.insert(values, &id, &error))
        return failure(error);
    Console::out() << tr("User %1 added with the role %2.").arg(username, Humas::Roles::displayName(role)) << Qt::endl;
    return ExitOk;
}

int UserCommand::list(const QCommandLineParser &parser, const QString &databasePath)
{
    for (const QString &option : AddOnlyOptions) {
        if (parser.isSet(option))
            return usageError(tr("--%1 belongs to user add, not user list.").arg(option));
    }
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const Humas::Actor system = Humas::Actor::system();
    QHash<QString, QString> opdCodes;
    for (const Humas::Record &opd : Humas::OpdRepository(db, system).list())
        opdCodes.insert(opd.id, opd.text(QStringLiteral("code")));
    const QList<Humas::Record> users = Humas::UserRepository(db, system).list();
    QTextStream &out = Console::out();
    if (users.isEmpty()) {
        out << tr("There are no users yet.") << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows = {{tr("User name"), tr("Role"), tr("OPD"), tr("Active"), tr("Full name")}};
    for (const Humas::Record &user : users) {
        rows.append({user.text(QStringLiteral("username")), user.text(QStringLiteral("role")),
                     opdCodes.value(user.text(QStringLiteral("opd_id"))),
                     user.values.value(QStringLiteral("active")).toInt() == 1 ? tr("yes") : tr("no"),
                     user.text(QStringLiteral("display_name"))});
    }
    QList<int> widths(rows.constFirst().size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths.at(i), int(row.at(i).size()));
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        out << line << Qt::endl;
    }
    return ExitOk;
}

QString UserCommand::opdIdForCode(Humas::Database &db, const QString &code)
{
    return Humas::OpdRepository(db, Humas::Actor::system()).findBy(QStringLiteral("code"), code).id;
}

} // namespace HumasCli
