#include "conflictscommand.h"

#include "agenda/eventrepository.h"
#include "console.h"
#include "eventscommand.h"
#include "master/referencerepositories.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace HumasCli {

namespace {
const QString JsonOption = QStringLiteral("json");
} // namespace

QString ConflictsCommand::summary() const
{
    return tr("List the clashes of officials, venues and travel times in a date range.");
}

QString ConflictsCommand::syntax() const
{
    return tr("--from DATE --to DATE [--json]");
}

void ConflictsCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addOption({QStringLiteral("from"), tr("First day, YYYY-MM-DD."), tr("DATE")});
    parser->addOption({QStringLiteral("to"), tr("Last day (inclusive), YYYY-MM-DD."), tr("DATE")});
    parser->addOption({JsonOption, tr("Print the conflicts as JSON.")});
}

int ConflictsCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 0, name()))
        return ExitUsage;
    QDate from;
    QDate to;
    if (!EventsCommand::parseDateRange(parser, name(), &from, &to))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    const Humas::EventRepository repository(db, actor);
    const QHash<QString, QString> officialCodes =
        EventsCommand::names(Humas::OfficialRepository(db, actor), QStringLiteral("code"));
    const QHash<QString, QString> venueNames =
        EventsCommand::names(Humas::VenueRepository(db, actor), QStringLiteral("name"));
    QJsonArray array;
    for (const Humas::Conflict &c : repository.conflictsBetween(from, to)) {
        const QString kind = Humas::Conflict::kindName(c.kind);
        const QString resource = c.kind == Humas::Conflict::Kind::Venue ? venueNames.value(c.resource, c.resource)
                                                                        : officialCodes.value(c.resource, c.resource);
        if (parser.isSet(JsonOption)) {
            array.append(QJsonObject{{QStringLiteral("kind"), kind},
                                     {QStringLiteral("first"), c.first},
                                     {QStringLiteral("second"), c.second},
                                     {QStringLiteral("resource"), resource}});
        } else {
            Console::out() << QStringList{kind, c.first, c.second, resource}.join(QLatin1Char('\t')) << Qt::endl;
        }
    }
    if (parser.isSet(JsonOption))
        Console::out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    return ExitOk;
}

} // namespace HumasCli
