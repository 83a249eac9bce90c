#include "synccommand.h"

#include "console.h"
#include "store/database.h"
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
#include <QTextStream>

namespace HumasCli {

namespace {

const QString SharedFileOption = QStringLiteral("shared-file");
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
    return tr("Synchronise with the shared file; show the sync state, open conflicts, resolve one.");
}

QString SyncCommand::syntax() const
{
    return tr("[--shared-file PATH] | status [--json] | conflicts [--json] | resolve ID (--take mine|theirs | "
              "--value V)");
}

void SyncCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"), tr("Nothing (one round), status, conflicts or resolve."));
    parser->addOption({SharedFileOption, tr("The HumasDesk shared file on the network share (remembered)."),
                       tr("PATH")});
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
    return usageError(tr("Unknown action \"%1\" for sync; use status, conflicts or resolve, or nothing for a round.")
                          .arg(action));
}

int SyncCommand::round(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, {}, {SharedFileOption}) || !expectArguments(parser, 0, name()))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, false); code != ExitOk)
        return code;
    Humas::SyncSettings settings(db);
    QString path = parser.value(SharedFileOption);
    if (path.isEmpty()) {
        if (settings.transport() != Humas::SyncSettings::Transport::SharedFile || settings.sharedFile().isEmpty())
            return usageError(tr("No shared file is set for this PC; give --shared-file PATH."));
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
    QTextStream &out = Console::out();
    if (!report.message.trimmed().isEmpty())
        out << report.message.trimmed() << '\n';
    // Fixed wording, never translated: scripts read this line.
    out << QStringLiteral("pushed %1, pulled %2, conflicts %3").arg(report.pushed).arg(report.pulled).arg(
               report.conflicts)
        << '\n';
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
    const int waiting = Humas::SyncEngine::waitingCount(db);
    const int open = int(Humas::SyncConflicts(db).openConflicts().size());
    QTextStream &out = Console::out();
    if (parser.isSet(JsonOption)) {
        const QJsonObject o{
            {QStringLiteral("transport"), Humas::SyncSettings::transportCode(settings.transport())},
            {QStringLiteral("shared_file"), settings.sharedFile()},
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
        out << c.id << '\t' << c.entity << '\t' << c.rowId << '\t' << c.field << '\t' << oneLine(shown(c.mine))
            << '\t' << oneLine(shown(c.theirs)) << '\n';
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
