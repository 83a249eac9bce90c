#include "democommand.h"

#include "console.h"
#include "demo/demogenerator.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <limits>

namespace HumasCli {

namespace {
const QString EventsOption = QStringLiteral("events");
const QString RequestsOption = QStringLiteral("requests");
const QString NewsOption = QStringLiteral("news");
const QString SeedOption = QStringLiteral("seed");
} // namespace

QString DemoCommand::summary() const
{
    return tr("Add reproducible demo events and information requests.");
}

QString DemoCommand::syntax() const
{
    return tr("--events N --requests N [--news N] [--seed S]");
}

void DemoCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addOption({EventsOption, tr("Number of agenda events to add."), tr("N")});
    parser->addOption({RequestsOption, tr("Number of public-information requests to add."), tr("N")});
    parser->addOption(
        {NewsOption, tr("Number of news items to add (skipped until the news service exists)."), tr("N")});
    parser->addOption({SeedOption, tr("Random seed; the same seed gives the same data (default 1)."), tr("S")});
}

int DemoCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 0, name()))
        return ExitUsage;
    if (!parser.isSet(EventsOption) || !parser.isSet(RequestsOption))
        return usageError(tr("demo needs --events N and --requests N."));
    qint64 events = 0;
    qint64 requests = 0;
    qint64 news = 0;
    qint64 seed = 1;
    if (!parseNumber(parser, EventsOption, 0, MaximumCount, 0, &events) ||
        !parseNumber(parser, RequestsOption, 0, MaximumCount, 0, &requests) ||
        !parseNumber(parser, NewsOption, 0, MaximumCount, 0, &news) ||
        !parseNumber(parser, SeedOption, 0, std::numeric_limits<quint32>::max(), 1, &seed))
        return ExitUsage;

    const bool existed = QFileInfo::exists(databasePath);
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, false); code != ExitOk)
        return code;
    const bool showProgress = Console::isErrorTerminal();
    int lastPercent = -1;
    const auto progress = [&](int done, int total) {
        const int percent = total > 0 ? int(qint64(done) * 100 / total) : 100;
        if (showProgress && percent != lastPercent) {
            lastPercent = percent;
            Console::status(QStringLiteral("\r%1%").arg(percent, 3));
        }
    };
    Humas::DemoGenerator generator(db, quint32(seed));
    QString summary;
    QString error;
    const bool ok = generator.generate(int(events), int(requests), int(news), &summary, &error, progress);
    if (lastPercent >= 0)
        Console::status(QStringLiteral("\n"));
    if (!ok) {
        if (!existed)
            discardCreatedDatabase(&db, databasePath);
        return failure(error);
    }
    Console::out() << summary << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
