#pragma once

#include "command.h"

namespace HumasCli {

/**
 * `sync [--shared-file PATH]` (one round: push, then pull; last line "pushed N, pulled M,
 * conflicts K"), `sync status [--json]`, `sync conflicts [--json]` and
 * `sync resolve ID (--take mine|theirs | --value V)`.
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
    int status(const QCommandLineParser &parser, const QString &databasePath);
    int conflicts(const QCommandLineParser &parser, const QString &databasePath);
    int resolve(const QCommandLineParser &parser, const QString &databasePath);
    bool allowOnly(const QCommandLineParser &parser, const QString &action, const QStringList &options);
};

} // namespace HumasCli
