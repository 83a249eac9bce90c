#include "holidayscommand.h"

#include "console.h"
#include "master/holidaycsv.h"
#include "master/referencerepositories.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>

namespace HumasCli {

namespace {
const QString YearOption = QStringLiteral("year");
} // namespace

QString HolidaysCommand::summary() const
{
    return tr("Import or list the holidays that legal deadlines skip.");
}

QString HolidaysCommand::syntax() const
{
    return tr("import FILE.csv | list [--year YYYY]");
}

void HolidaysCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"), tr("import or list."));
    parser->addPositionalArgument(QStringLiteral("FILE.csv"),
                                  tr("The holiday list to import: a CSV file with the columns date,kind,name,source."),
                                  QStringLiteral("[FILE.csv]"));
    parser->addOption({YearOption, tr("With list: only the holidays of this year."), tr("YYYY")});
}

int HolidaysCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("import"))
        return importFile(parser, databasePath);
    if (action == QLatin1String("list"))
        return list(parser, databasePath);
    if (action.isEmpty())
        return usageError(tr("Say what to do: humasdesk-cli holidays import FILE.csv or holidays list."));
    return usageError(tr("Unknown action \"%1\" for holidays; use import or list.").arg(action));
}

int HolidaysCommand::importFile(const QCommandLineParser &parser, const QString &databasePath)
{
    if (parser.positionalArguments().size() < 2)
        return usageError(tr("Name the holiday file: humasdesk-cli holidays import FILE.csv."));
    if (!expectArguments(parser, 2, name()))
        return ExitUsage;
    if (parser.isSet(YearOption))
        return usageError(tr("holidays import takes no --%1; it imports the whole file.").arg(YearOption));
    const QString path = QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile())
        return failure(tr("The file %1 does not exist.").arg(shown));
    // Read and check the whole file before the database is touched.
    QList<Humas::HolidayEntry> entries;
    QString error;
    if (!Humas::HolidayCsv::readFile(path, &entries, &error))
        return failure(tr("%1 was not imported; nothing was stored. %2").arg(shown, error));

    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    // The holidays and the deadlines counted against them change together or not at all.
    Humas::Transaction transaction(db, &error);
    if (!transaction.isActive())
        return failure(error);
    Humas::HolidayCsv::ImportResult result;
    if (!Humas::HolidayCsv::import(db, actor, entries, &result, &error))
        return failure(tr("%1 was not imported; nothing was stored. %2").arg(shown, error));
    // Inside this transaction the import leaves the recomputation to us; it is skipped when the
    // working days did not change.
    const int recomputed = Humas::PpidDeadlineRecompute::afterHolidaysChanged(db, actor.username, &error);
    if (recomputed < 0)
        return failure(tr("%1 was not imported; nothing was stored. %2").arg(shown, error));
    if (!transaction.commit(&error))
        return failure(tr("%1 was not imported; nothing was stored. %2").arg(shown, error));

    QTextStream &out = Console::out();
    out << tr("Holidays: %1 added, %2 changed, %3 unchanged.")
               .arg(result.added)
               .arg(result.updated)
               .arg(result.unchanged)
        << Qt::endl;
    out << tr("%n deadline(s) of open requests and objections changed.", nullptr, recomputed) << Qt::endl;
    return ExitOk;
}

int HolidaysCommand::list(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    qint64 year = 0;
    if (!parseNumber(parser, YearOption, 1900, 9999, 0, &year))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    QList<Humas::Record> holidays = Humas::HolidayRepository(db, Humas::Actor::system()).list();
    const QString prefix = year > 0 ? QString::number(year) + QLatin1Char('-') : QString();
    holidays.erase(
        std::remove_if(holidays.begin(), holidays.end(),
                       [&](const Humas::Record &r) { return !r.text(QStringLiteral("date")).startsWith(prefix); }),
        holidays.end());
    std::sort(holidays.begin(), holidays.end(), [](const Humas::Record &a, const Humas::Record &b) {
        return a.text(QStringLiteral("date")) < b.text(QStringLiteral("date"));
    });
    if (holidays.isEmpty() && year > 0) {
        // Deadlines would count every weekday of that year as a working day.
        Console::error(
            tr("No holidays are entered for %1; import them with \"humasdesk-cli holidays import\".").arg(year));
    }
    QTextStream &out = Console::out();
    for (const Humas::Record &r : std::as_const(holidays)) {
        out << QStringList{r.text(QStringLiteral("date")), r.text(QStringLiteral("kind")),
                           r.text(QStringLiteral("name")), r.text(QStringLiteral("source"))}
                   .join(QLatin1Char('\t'))
            << Qt::endl;
    }
    return ExitOk;
}

} // namespace HumasCli
