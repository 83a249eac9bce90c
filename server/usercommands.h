#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Humas {
class Database;
}

namespace Humas::Server {

/**
 * `humasdesk-server --data DIR user add|list …`: the server's users are rows of the hub's
 * synced users table, so a user added here reaches every PC at its next pull (without its
 * password hash, which never leaves the server). Written as a SyncOp through HubStore::push
 * with the server's own site, so it gets a hub seq like any other change.
 */
class UserCommands
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::UserCommands)
public:
    /** @p args: the words after "user"; returns the exit code (0 ok, 1 failure, 2 usage). */
    static int run(Database &hub, const QStringList &args);

private:
    static int add(Database &hub, const QStringList &args);
    static int list(Database &hub);
};

} // namespace Humas::Server
