#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Humas {
class Database;
}

namespace Humas::Server {

/**
 * The administration commands of humasdesk-server:
 *   user add --username U --role R [--opd CODE] --password-stdin | user list | user disable --username U
 *   token list | token revoke --username U
 *   backup FILE | check
 *
 * The server's users are rows of the hub's
 * synced users table, so a user added here reaches every PC at its next pull (without its
 * password hash, which never leaves the server). Written as a SyncOp through HubStore::push
 * with the server's own site, so it gets a hub seq like any other change.
 */
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::AdminCommands)
public:
    /** @p args: from the command word on ("user", "token", "backup", "check"); returns the exit code (0 ok, 1 failure, 2 usage). */
    static int run(Database &hub, const QString &sessionsPath, const QStringList &args);
    /** Whether @p word starts an administration command. */
    static bool isCommand(const QString &word);

private:
    static int add(Database &hub, const QStringList &args);
    static int list(Database &hub);
    static int disable(Database &hub, const QString &sessionsPath, const QStringList &args);
    static int tokens(Database &hub, const QString &sessionsPath, const QStringList &args);
    static int backup(Database &hub, const QStringList &args);
    static int check(Database &hub, const QString &sessionsPath);
};

} // namespace Humas::Server
