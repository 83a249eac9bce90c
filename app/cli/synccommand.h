#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `sync [--shared-file PATH]` (one round: push, then pull; last line "pushed N, pulled M,
 * conflicts K"), `sync --server URL [--user NAME --password-stdin]` (the same round with
 * humasdesk-server), `sync status [--json]`, `sync conflicts [--json]`,
 * `sync resolve ID (--take mine|theirs | --value V)` and `sync logout`.
 *
 * Server sign-in: without a valid stored token for that address and user, --user and
 * --password-stdin sign in first (the password read from standard input, never stored).
 * Given a valid token, --password-stdin is still read (so a script's pipe is always consumed)
 * but only used when the server refuses the token: then the round signs in once more and runs
 * again. `sync --server URL` alone uses the stored token; `sync` alone the stored transport.
 * `sync logout` revokes the token at the server and forgets it; when the server cannot be told
 * the token is forgotten anyway and the exit code is 3.
 */
class SyncCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::SyncCommand)
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

private:
    int round(const QCommandLineParser &parser, const QString &databasePath);
    int serverRound(const QCommandLineParser &parser, Humas::Database &db);
    int logout(const QCommandLineParser &parser, const QString &databasePath);
    int status(const QCommandLineParser &parser, const QString &databasePath);
    int conflicts(const QCommandLineParser &parser, const QString &databasePath);
    int resolve(const QCommandLineParser &parser, const QString &databasePath);
    bool allowOnly(const QCommandLineParser &parser, const QString &action, const QStringList &options);
};

} // namespace HumasCli
