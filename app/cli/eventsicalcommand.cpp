#include "eventsicalcommand.h"

#include "agenda/eventical.h"
#include "console.h"
#include "eventscommand.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace HumasCli {

namespace {
const QString PublicOption = QStringLiteral("public");
const QString FromOption = QStringLiteral("from");
const QString ToOption = QStringLiteral("to");
} // namespace

QString EventsIcalCommand::summary() const
{
    return tr("Import or export agenda events as iCalendar (.ics).");
}

QString EventsIcalCommand::syntax() const
{
    return tr("import FILE.ics [--from DATE --to DATE] | export FILE.ics [--from DATE --to DATE] [--public]");
}

void EventsIcalCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addOption(
        {PublicOption,
         tr("With export: only public events that are scheduled or done, without notes and internal fields.")});
}

int EventsIcalCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() < 2)
        return usageError(tr("Name the calendar file: humasdesk-cli events %1 FILE.ics.").arg(action));
    if (!expectArguments(parser, 2, name()))
        return ExitUsage;
    return action == QLatin1String("import") ? importFile(parser, databasePath) : exportFile(parser, databasePath);
}

int EventsIcalCommand::importFile(const QCommandLineParser &parser, const QString &databasePath)
{
    if (parser.isSet(PublicOption))
        return usageError(tr("events import takes no --%1; it imports the whole file.").arg(PublicOption));
    // With import, --from and --to choose the days repeating events are expanded in.
    QDate from;
    QDate to;
    if ((parser.isSet(FromOption) || parser.isSet(ToOption)) &&
        !EventsCommand::parseDateRange(parser, QStringLiteral("events import"), &from, &to))
        return ExitUsage;
    const QString path = QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath();
    if (!QFileInfo(path).isFile())
        return failure(tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(path)));
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    Humas::EventIcal ical(db, Humas::Actor::system());
    ical.setExpansionWindow(from, to);
    Humas::EventIcal::ImportSummary summary;
    QString error;
    if (!ical.importFile(path, &summary, &error))
        return failure(tr("%1 was not imported; nothing was stored. %2").arg(QDir::toNativeSeparators(path), error));
    const int imported = int(summary.addedIds.size());
    Console::out() << tr("%n event(s) imported.", nullptr, imported) << Qt::endl;
    if (summary.skipped > 0)
        Console::out() << tr("%n event(s) already in the database skipped.", nullptr, summary.skipped) << Qt::endl;
    if (summary.venuesAdded > 0)
        Console::out() << tr("%n new venue(s) added.", nullptr, summary.venuesAdded) << Qt::endl;
    return ExitOk;
}

int EventsIcalCommand::exportFile(const QCommandLineParser &parser, const QString &databasePath)
{
    QDate from;
    QDate to;
    if ((parser.isSet(FromOption) || parser.isSet(ToOption)) &&
        !EventsCommand::parseDateRange(parser, QStringLiteral("events export"), &from, &to))
        return ExitUsage;
    const QString path = QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath();
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    const Humas::EventIcal ical(db, Humas::Actor::system());
    int count = 0;
    QString error;
    if (!ical.exportFile(path, from, to, parser.isSet(PublicOption), &count, &error))
        return failure(error);
    Console::out() << tr("%n event(s) written to %1.", nullptr, count).arg(QDir::toNativeSeparators(path)) << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
