#include "synccommand.h"

#include "auth/role.h"
#include "console.h"
#include "store/database.h"
#include "sync/restclient.h"
#include "sync/serveraccount.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncconflicts.h"
#include "sync/syncengine.h"
#include "sync/syncprotocol.h"
#include "sync/syncsettings.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace HumasCli {

namespace {

const QString SharedFileOption = QStringLiteral("shared-file");
const QString ServerOption = QStringLiteral("server");
const QString UserOption = QStringLiteral("user");
const QString PasswordStdinOption = QStringLiteral("password-stdin");
const QString JsonOption = QStringLiteral("json");
const QString TakeOption = QStringLiteral("take");
const QString ValueOption = QStringLiteral("value");

QString shown(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    if (v.isString())
        return v.toString();
    return Humas::SyncProtocol::jsonText(v);
}

/** The last line of a round; fixed wording, never translated: scripts read it. */
void printRound(const Humas::SyncReport &report)
{
    QTextStream &out = Console::out();
    if (!report.message.trimmed().isEmpty())
        out << report.message.trimmed() << '\n';
    out << QStringLiteral("pushed %1, pulled %2, conflicts %3")
               .arg(report.pushed)
               .arg(report.pulled)
               .arg(report.conflicts)
        << '\n';
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

QString SyncCommand::summary() const
{
    return tr("Synchronise with the shared file or a server; show the sync state, open conflicts, resolve one; "
              "sign out of the server.");
}

QString SyncCommand::syntax() const
{
    return tr("[--shared-file PATH | --server URL [--user NAME --password-stdin]] | status [--json] | conflicts "
              "[--json] | resolve ID (--take mine|theirs | --value V) | logout");
}

void SyncCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"),
                                  tr("Nothing (one round), status, conflicts, resolve or logout."));
    parser->addOption(
        {SharedFileOption, tr("The HumasDesk shared file on the network share (remembered)."), tr("PATH")});
    parser->addOption(
        {ServerOption, tr("The humasdesk-server address, e.g. https://server:8443 (remembered)."), tr("URL")});
    parser->addOption({UserOption, tr("Sign in at the server as this user."), tr("NAME")});
    parser->addOption({PasswordStdinOption,
                       tr("Read the password from standard input; it is read whenever this is given and used only "
                          "when this PC has no valid sign-in for that server and user (or the server refuses it). "
                          "Never stored.")});
    parser->addOption({JsonOption, tr("Print as JSON.")});
    parser->addOption({TakeOption, tr("Resolve by taking mine or theirs."), tr("SIDE")});
    parser->addOption({ValueOption, tr("Resolve by writing this value."), tr("V")});
}

bool SyncCommand::allowOnly(const QCommandLineParser &parser, const QString &action, const QStringList &options)
{
    static const QStringList global = {QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("lang"),
                                       QStringLiteral("help"), QStringLiteral("h")};
    for (const QString &option : parser.optionNames()) {
        if (!global.contains(option) && !options.contains(option)) {
            const QString dashes = option.size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
            usageError(tr("sync %1 takes no %2; see \"humasdesk-cli sync --help\".")
                           .arg(action.isEmpty() ? tr("(a round)") : action, dashes + option));
            return false;
        }
    }
    return true;
}

int SyncCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (action.isEmpty())
        return round(parser, databasePath);
    if (action == QLatin1String("status"))
        return status(parser, databasePath);
    if (action == QLatin1String("conflicts"))
        return conflicts(parser, databasePath);
    if (action == QLatin1String("resolve"))
        return resolve(parser, databasePath);
    if (action == QLatin1String("logout"))
        return logout(parser, databasePath);
    return usageError(
        tr("Unknown action \"%1\" for sync; use status, conflicts, resolve or logout, or nothing for a round.")
            .arg(action));
}

int SyncCommand::round(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, {}, {SharedFileOption, ServerOption, UserOption, PasswordStdinOption}) ||
        !expectArguments(parser, 0, name()))
        return ExitUsage;
    const bool serverOptions =
        parser.isSet(ServerOption) || parser.isSet(UserOption) || parser.isSet(PasswordStdinOption);
    if (parser.isSet(SharedFileOption) && serverOptions)
        return usageError(tr("Give either --shared-file or --server, not both."));
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, false); code != ExitOk)
        return code;
    Humas::SyncSettings settings(db);
    if (serverOptions ||
        (!parser.isSet(SharedFileOption) && settings.transport() == Humas::SyncSettings::Transport::Server))
        return serverRound(parser, db);
    QString path = parser.value(SharedFileOption);
    if (path.isEmpty()) {
        if (settings.transport() != Humas::SyncSettings::Transport::SharedFile || settings.sharedFile().isEmpty())
            return usageError(tr("No shared file or server is set for this PC; give --shared-file PATH or --server "
                                 "URL --user NAME --password-stdin."));
        path = settings.sharedFile();
    } else {
        path = QFileInfo(path).absoluteFilePath();
        QString error;
        if (!settings.setSharedFile(path, &error) ||
            !settings.setTransport(Humas::SyncSettings::Transport::SharedFile, &error))
            return failure(error);
    }
    if (QFileInfo(path) == QFileInfo(db.path()))
        return usageError(tr("The shared file cannot be this PC's own database."));
    Humas::SharedFileTransport transport(path);
    Humas::SyncEngine engine(db, transport);
    const Humas::SyncReport report = engine.round();
    if (!report.ok)
        return failure(tr("Sync failed: %1").arg(report.error));
    printRound(report);
    return ExitOk;
}

int SyncCommand::serverRound(const QCommandLineParser &parser, Humas::Database &db)
{
    Humas::SyncSettings settings(db);
    QUrl url;
    QString error;
    const QString urlText = parser.isSet(ServerOption) ? parser.value(ServerOption) : settings.serverUrl();
    if (urlText.isEmpty())
        return usageError(tr("No server is set for this PC; give --server URL."));
    if (!Humas::RestClient::parseBaseUrl(urlText, &url, &error))
        return usageError(error);
    const QString key = Humas::ServerAccount::urlKey(url);
    const Humas::SyncSettings::ServerSignIn stored = settings.serverSignIn();
    QString user = parser.value(UserOption).trimmed();
    if (parser.isSet(UserOption) && user.isEmpty())
        return usageError(tr("--user needs a user name."));
    if (user.isEmpty() && stored.url == key)
        user = stored.username;
    if (parser.isSet(PasswordStdinOption) && user.isEmpty())
        return usageError(tr("Say who signs in: --user NAME."));

    // Read whenever --password-stdin is given, even when a stored sign-in makes it unneeded:
    // a script that pipes the password in always gets it consumed, and it is at hand should the
    // server refuse the stored token.
    QString password;
    const bool havePassword = parser.isSet(PasswordStdinOption);
    if (havePassword) {
        if (Console::isInputTerminal())
            Console::status(tr("Password for %1 at %2: ").arg(user, key));
        if (!Console::readSecretLine(&password) || password.isEmpty())
            return failure(tr("No password was given on standard input."));
    }

    QNetworkAccessManager nam;
    Humas::ServerAccount account(db, &nam);
    if (Console::isErrorTerminal()) {
        account.setPullProgress([](qint64 seq, qint64 high) {
            Console::status(QStringLiteral("\r") + tr("Receiving changes: %1 of %2").arg(seq).arg(high));
        });
    }
    bool signedInNow = false;
    const auto signIn = [&]() -> bool {
        if (!account.signIn(url, user, password, &error))
            return false;
        signedInNow = true;
        Console::out() << tr("Signed in to %1 as %2 (until %3 UTC).")
                              .arg(key, user, settings.serverSignIn().expiresAt.toString(Qt::ISODate))
                       << '\n';
        return true;
    };
    if (!account.isSignedIn(url, user)) {
        if (!havePassword) {
            return usageError(user.isEmpty()
                                  ? tr("This PC is not signed in to %1; give --user NAME --password-stdin.").arg(key)
                                  : tr("This PC has no valid sign-in for %1 at %2; give --password-stdin and the "
                                       "password on standard input.")
                                        .arg(user, key));
        }
        if (!signIn())
            return failure(tr("Sign-in failed: %1").arg(error));
    } else if (!settings.setTransport(Humas::SyncSettings::Transport::Server, &error)) {
        return failure(error);
    }
    Humas::SyncReport report = account.round();
    if (!report.ok && account.tokenRefused() && havePassword && !signedInNow) {
        // The stored token was revoked or has expired at the server: sign in again, once.
        if (!signIn())
            return failure(tr("Sign-in failed: %1").arg(error));
        report = account.round();
    }
    if (Console::isErrorTerminal() && report.pulled > 0)
        Console::status(QStringLiteral("\n"));
    if (!report.ok) {
        if (account.tokenRefused())
            return failure(tr("Sync failed: %1 Sign in again: humasdesk-cli sync --server %2 --user NAME "
                              "--password-stdin")
                               .arg(report.error, key));
        return failure(tr("Sync failed: %1").arg(report.error));
    }
    printRound(report);
    return ExitOk;
}

int SyncCommand::logout(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("logout"), {}) || !expectArguments(parser, 1, name()))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const Humas::SyncSettings::ServerSignIn stored = Humas::SyncSettings(db).serverSignIn();
    if (stored.token.isEmpty()) {
        Console::out() << tr("This PC is not signed in to a server.") << '\n';
        return ExitOk;
    }
    QNetworkAccessManager nam;
    Humas::ServerAccount account(db, &nam);
    bool revoked = false;
    QString error;
    if (!account.signOut(&revoked, &error))
        return failure(error);
    if (!revoked) {
        Console::error(tr("Signed out on this PC, but the server could not be told (%1). The sign-in stays valid "
                          "there until %2 UTC unless an administrator revokes it.")
                           .arg(error, stored.expiresAt.toString(Qt::ISODate)));
        return ExitFailed;
    }
    Console::out() << tr("Signed out of %1.").arg(stored.url) << '\n';
    return ExitOk;
}

int SyncCommand::status(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("status"), {JsonOption}) || !expectArguments(parser, 1, name()))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    Humas::SyncSettings settings(db);
    const Humas::SyncSettings::ServerSignIn signIn = settings.serverSignIn();
    const bool signedIn = settings.hasValidToken(signIn.url);
    const int waiting = Humas::SyncEngine::waitingCount(db);
    const int open = int(Humas::SyncConflicts(db).openConflicts().size());
    QTextStream &out = Console::out();
    if (parser.isSet(JsonOption)) {
        const QJsonObject o{
            {QStringLiteral("transport"), Humas::SyncSettings::transportCode(settings.transport())},
            {QStringLiteral("shared_file"), settings.sharedFile()},
            {QStringLiteral("server"), settings.serverUrl()},
            {QStringLiteral("server_user"), signIn.username},
            {QStringLiteral("signed_in"), signedIn},
            {QStringLiteral("signed_in_until"), signedIn ? signIn.expiresAt.toString(Qt::ISODate) : QString()},
            {QStringLiteral("hub"), db.meta(QStringLiteral("sync.hub"))},
            {QStringLiteral("cursor"), db.meta(QStringLiteral("sync.cursor"), QStringLiteral("0"))},
            {QStringLiteral("waiting"), waiting},
            {QStringLiteral("open_conflicts"), open},
            {QStringLiteral("last_round_at"), settings.lastRoundAt()},
            {QStringLiteral("last_result"), settings.lastResult()},
            {QStringLiteral("last_error"), settings.lastError()},
            {QStringLiteral("last_summary"), settings.lastSummary()},
        };
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    const QString none = tr("(none)");
    out << tr("Transport: %1").arg(Humas::SyncSettings::transportCode(settings.transport())) << '\n';
    out << tr("Shared file: %1").arg(settings.sharedFile().isEmpty() ? none : settings.sharedFile()) << '\n';
    if (!settings.serverUrl().isEmpty()) {
        out << tr("Server: %1").arg(settings.serverUrl()) << '\n';
        if (signedIn)
            out << tr("Signed in as %1 until %2 UTC").arg(signIn.username, signIn.expiresAt.toString(Qt::ISODate))
                << '\n';
        else
            out << tr("Not signed in") << '\n';
    }
    out << tr("Hub: %1").arg(db.meta(QStringLiteral("sync.hub"), none)) << '\n';
    out << tr("Cursor: %1").arg(db.meta(QStringLiteral("sync.cursor"), QStringLiteral("0"))) << '\n';
    out << tr("Local changes waiting: %1").arg(waiting) << '\n';
    out << tr("Open conflicts: %1").arg(open) << '\n';
    if (settings.lastRoundAt().isEmpty())
        out << tr("Last round: never") << '\n';
    else if (settings.lastResult() == QLatin1String("ok"))
        out << tr("Last round: %1, ok (%2)").arg(settings.lastRoundAt(), settings.lastSummary()) << '\n';
    else
        out << tr("Last round: %1, failed: %2").arg(settings.lastRoundAt(), settings.lastError()) << '\n';
    return ExitOk;
}

int SyncCommand::conflicts(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("conflicts"), {JsonOption}) || !expectArguments(parser, 1, name()))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    const QList<Humas::SyncConflict> list = Humas::SyncConflicts(db).openConflicts();
    QTextStream &out = Console::out();
    if (parser.isSet(JsonOption)) {
        QJsonArray array;
        for (const Humas::SyncConflict &c : list) {
            array.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("entity"), c.entity},
                {QStringLiteral("row"), c.rowId},
                {QStringLiteral("field"), c.field},
                {QStringLiteral("kind"), c.kind},
                {QStringLiteral("base"), c.base},
                {QStringLiteral("mine"), c.mine},
                {QStringLiteral("mine_site"), c.mineSite},
                {QStringLiteral("mine_actor"), c.mineActor},
                {QStringLiteral("mine_at"), c.mineAt},
                {QStringLiteral("theirs"), c.theirs},
                {QStringLiteral("theirs_site"), c.theirsSite},
                {QStringLiteral("theirs_actor"), c.theirsActor},
                {QStringLiteral("theirs_at"), c.theirsAt},
            });
        }
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const Humas::SyncConflict &c : list) {
        out << c.id << '\t' << c.entity << '\t' << c.rowId << '\t' << c.field << '\t' << oneLine(shown(c.mine)) << '\t'
            << oneLine(shown(c.theirs)) << '\n';
    }
    return ExitOk;
}

int SyncCommand::resolve(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("resolve"), {TakeOption, ValueOption}))
        return ExitUsage;
    if (parser.positionalArguments().size() < 2)
        return usageError(tr("Say which conflict: humasdesk-cli sync resolve ID (--take mine|theirs | --value V)."));
    if (!expectArguments(parser, 2, name()))
        return ExitUsage;
    const bool take = parser.isSet(TakeOption);
    const bool value = parser.isSet(ValueOption);
    if (take == value)
        return usageError(tr("Give exactly one of --take mine|theirs and --value V."));
    Humas::SyncConflicts::Choice choice = Humas::SyncConflicts::Choice::Value;
    if (take) {
        const QString side = parser.value(TakeOption);
        if (side == QLatin1String("mine"))
            choice = Humas::SyncConflicts::Choice::Mine;
        else if (side == QLatin1String("theirs"))
            choice = Humas::SyncConflicts::Choice::Theirs;
        else
            return usageError(tr("--take is mine or theirs, not \"%1\".").arg(side));
    }
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const QString id = parser.positionalArguments().at(1);
    QString error;
    if (!Humas::SyncConflicts(db).resolve(id, choice, QJsonValue(parser.value(ValueOption)),
                                          Humas::Actor::system().userId, &error))
        return failure(error);
    Console::out() << tr("Conflict %1 resolved; the choice is sent at the next sync.").arg(id) << '\n';
    return ExitOk;
}

} // namespace HumasCli
