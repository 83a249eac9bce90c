#include "eventscommand.h"

#include "agenda/agendaservice.h"
#include "agenda/eventrepository.h"
#include "agenda/eventstatus.h"
#include "console.h"
#include "master/referencerepositories.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

namespace HumasCli {

namespace {
const QString TitleOption = QStringLiteral("title");
const QString StartOption = QStringLiteral("start");
const QString EndOption = QStringLiteral("end");
const QString OfficialOption = QStringLiteral("official");
const QString VenueOption = QStringLiteral("venue");
const QString KecamatanOption = QStringLiteral("kecamatan");
const QString OpdOption = QStringLiteral("opd");
const QString StatusOption = QStringLiteral("status");
const QString AllDayOption = QStringLiteral("all-day");
const QString FromOption = QStringLiteral("from");
const QString ToOption = QStringLiteral("to");
const QString JsonOption = QStringLiteral("json");
const QString NotesOption = QStringLiteral("notes");

const QString DateFormat = QStringLiteral("yyyy-MM-dd");
const QString TimeFormat = QStringLiteral("yyyy-MM-ddTHH:mm");

QStringList statusCodes()
{
    QStringList codes;
    for (const Humas::EventSpan::Status s : Humas::EventStatus::all())
        codes << Humas::EventStatus::code(s);
    return codes;
}

/** A strict YYYY-MM-DD date; invalid otherwise. */
QDate parseDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

/** A strict YYYY-MM-DDTHH:MM local date and time; false when malformed or impossible. */
bool parseLocalTime(const QString &text, QDate *date, QTime *time)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    *date = parseDate(m.captured(1));
    *time = QTime(m.captured(2).toInt(), m.captured(3).toInt());
    return date->isValid() && time->isValid();
}

} // namespace

QString EventsCommand::summary() const
{
    return tr("Add, update, list, import or export agenda events.");
}

QString EventsCommand::syntax() const
{
    return tr("add --title T --start S [--end E] --official CODE[,CODE…] --venue NAME --kecamatan NAME "
              "[--opd CODE] [--status STATUS] [--all-day] [--notes N] | update ID [--title T] [--start S --end E] "
              "[--official CODE,…] [--venue NAME --kecamatan NAME] [--status S] [--notes N] | "
              "list --from DATE --to DATE [--json]") +
           QStringLiteral(" | ") + m_ical.syntax();
}

void EventsCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"), tr("add, update, list, import or export."));
    parser->addPositionalArgument(QStringLiteral("FILE.ics"), tr("The calendar file to import or export."),
                                  QStringLiteral("[FILE.ics]"));
    parser->addOption({TitleOption, tr("Title of the event."), tr("T")});
    parser->addOption({StartOption,
                       tr("Start in local time, YYYY-MM-DDTHH:MM (with --all-day: the first day, YYYY-MM-DD)."),
                       tr("S")});
    parser->addOption({EndOption,
                       tr("End in local time, YYYY-MM-DDTHH:MM (default: one hour after the start); with "
                          "--all-day the last day, inclusive (default: the first day)."),
                       tr("E")});
    parser->addOption(
        {OfficialOption, tr("Codes of the officials asked to attend, separated by commas."), tr("CODE[,CODE…]")});
    parser->addOption({VenueOption, tr("Venue name; a new name is added to the given district."), tr("NAME")});
    parser->addOption({KecamatanOption, tr("District (kecamatan) of the venue."), tr("NAME")});
    parser->addOption({OpdOption, tr("Code of the organising agency (OPD)."), tr("CODE")});
    parser->addOption({StatusOption, tr("Status: %1 (default diajukan).").arg(statusCodes().join(QStringLiteral(", "))),
                       tr("STATUS")});
    parser->addOption({AllDayOption, tr("An all-day event: --start and --end are dates.")});
    parser->addOption({FromOption,
                       tr("First day to list or export (with import: to expand repeating events from), YYYY-MM-DD."),
                       tr("DATE")});
    parser->addOption(
        {ToOption,
         tr("Last day to list or export (with import: to expand repeating events to), inclusive, YYYY-MM-DD."),
         tr("DATE")});
    parser->addOption({NotesOption, tr("Notes on the event (with update: an empty value clears them)."), tr("N")});
    parser->addOption({JsonOption, tr("Print the list as JSON.")});
    m_ical.addOptions(parser);
}

int EventsCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("import") || action == QLatin1String("export"))
        return m_ical.run(parser, databasePath);
    if (action == QLatin1String("update"))
        return update(parser, databasePath);
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    if (action == QLatin1String("add"))
        return add(parser, databasePath);
    if (action == QLatin1String("list"))
        return list(parser, databasePath);
    if (action.isEmpty())
        return usageError(tr("Say what to do: humasdesk-cli events add, update, list, import or export …."));
    return usageError(tr("Unknown action \"%1\" for events; use add, update, list, import or export.").arg(action));
}

bool EventsCommand::parseDateRange(const QCommandLineParser &parser, const QString &command, QDate *from, QDate *to)
{
    if (!parser.isSet(FromOption) || !parser.isSet(ToOption)) {
        usageError(tr("%1 needs --from DATE and --to DATE.").arg(command));
        return false;
    }
    *from = parseDate(parser.value(FromOption));
    *to = parseDate(parser.value(ToOption));
    if (!from->isValid() || !to->isValid()) {
        usageError(tr("Dates are written YYYY-MM-DD, e.g. 2026-11-23."));
        return false;
    }
    if (*to < *from) {
        usageError(tr("--to must not be before --from."));
        return false;
    }
    return true;
}

QHash<QString, QString> EventsCommand::names(const Humas::RecordRepository &repository, const QString &field)
{
    QHash<QString, QString> result;
    for (const Humas::Record &r : repository.list())
        result.insert(r.id, r.text(field));
    return result;
}

/** What `events add` read from its options before the database is opened. */
struct EventsCommand::AddInput
{
    Humas::EventRecord event;
    QStringList officialCodes;
    QDate startDate;
    QDate endDate;
    QTime startTime;
    QTime endTime;
};

int EventsCommand::readAddOptions(const QCommandLineParser &parser, AddInput *input)
{
    for (const QString &option : {TitleOption, StartOption, OfficialOption, VenueOption, KecamatanOption}) {
        if (!parser.isSet(option) || parser.value(option).trimmed().isEmpty())
            return usageError(tr("events add needs --%1.").arg(option));
    }
    Humas::EventRecord &event = input->event;
    event.title = parser.value(TitleOption).trimmed();
    if (parser.isSet(StatusOption) && !Humas::EventStatus::fromCode(parser.value(StatusOption), &event.status))
        return usageError(tr("Unknown status \"%1\"; use one of: %2.")
                              .arg(parser.value(StatusOption), statusCodes().join(QStringLiteral(", "))));
    event.allDay = parser.isSet(AllDayOption);
    if (event.allDay) {
        event.firstDate = parseDate(parser.value(StartOption));
        event.lastDate = parser.isSet(EndOption) ? parseDate(parser.value(EndOption)) : event.firstDate;
        if (!event.firstDate.isValid() || !event.lastDate.isValid())
            return usageError(tr("With --all-day, --start and --end are dates written YYYY-MM-DD."));
        if (event.lastDate < event.firstDate)
            return usageError(tr("The last day must not be before the first day."));
    } else {
        if (!parseLocalTime(parser.value(StartOption), &input->startDate, &input->startTime) ||
            (parser.isSet(EndOption) && !parseLocalTime(parser.value(EndOption), &input->endDate, &input->endTime)))
            return usageError(tr("Times are written YYYY-MM-DDTHH:MM in local time, e.g. 2026-11-23T08:00."));
        // Without --end a timed event lasts one hour.
        if (!parser.isSet(EndOption)) {
            const QDateTime end = QDateTime(input->startDate, input->startTime, Qt::UTC).addSecs(3600);
            input->endDate = end.date();
            input->endTime = end.time();
        }
        if (QDateTime(input->endDate, input->endTime, Qt::UTC) <=
            QDateTime(input->startDate, input->startTime, Qt::UTC))
            return usageError(tr("The end must be after the start."));
    }
    for (const QString &code : parser.value(OfficialOption).split(QLatin1Char(','))) {
        if (!code.trimmed().isEmpty())
            input->officialCodes << code.trimmed();
    }
    if (input->officialCodes.isEmpty())
        return usageError(tr("events add needs --%1.").arg(OfficialOption));
    return ExitOk;
}

int EventsCommand::resolveReferences(Humas::Database &db, const QCommandLineParser &parser, AddInput *input,
                                     QString *kecamatanId)
{
    const Humas::Actor actor = Humas::Actor::system();
    const Humas::OfficialRepository officials(db, actor);
    for (const QString &code : std::as_const(input->officialCodes)) {
        const Humas::Record official = officials.findBy(QStringLiteral("code"), code);
        if (!official.isValid())
            return failure(tr("Unknown official \"%1\".").arg(code));
        input->event.officialsRequested << official.id;
    }
    if (parser.isSet(OpdOption)) {
        const Humas::Record opd =
            Humas::OpdRepository(db, actor).findBy(QStringLiteral("code"), parser.value(OpdOption));
        if (!opd.isValid())
            return failure(tr("Unknown OPD \"%1\".").arg(parser.value(OpdOption)));
        input->event.opdId = opd.id;
    }
    const QString kecamatanName = parser.value(KecamatanOption).trimmed();
    const Humas::Record kecamatan = Humas::KecamatanRepository(db, actor).findBy(QStringLiteral("name"), kecamatanName);
    if (!kecamatan.isValid())
        return failure(tr("Unknown district (kecamatan) \"%1\".").arg(kecamatanName));
    *kecamatanId = kecamatan.id;
    return ExitOk;
}

int EventsCommand::add(const QCommandLineParser &parser, const QString &databasePath)
{
    AddInput input;
    if (const int code = readAddOptions(parser, &input); code != ExitOk)
        return code;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    QString kecamatanId;
    if (const int code = resolveReferences(db, parser, &input, &kecamatanId); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    const Humas::EventRepository repository(db, actor);
    Humas::EventRecord &event = input.event;
    if (!event.allDay) {
        event.start = repository.localToUtc(input.startDate, input.startTime);
        event.end = repository.localToUtc(input.endDate, input.endTime);
    }

    event.notes = parser.value(NotesOption);
    // The service adds a new venue and the event together or not at all.
    Humas::AgendaService service(db, actor);
    const Humas::AgendaService::SaveResult result =
        service.save({}, event, Humas::NewVenue{parser.value(VenueOption), kecamatanId}, nullptr);
    if (!result.isSaved())
        return failure(result.error);
    Console::out() << result.after.id << Qt::endl;
    return ExitOk;
}

int EventsCommand::list(const QCommandLineParser &parser, const QString &databasePath)
{
    QDate from;
    QDate to;
    if (!parseDateRange(parser, QStringLiteral("events list"), &from, &to))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    const Humas::EventRepository repository(db, actor);
    const QHash<QString, QString> officialCodes = names(Humas::OfficialRepository(db, actor), QStringLiteral("code"));
    const QHash<QString, QString> venueNames = names(Humas::VenueRepository(db, actor), QStringLiteral("name"));
    const QHash<QString, QString> opdCodes = names(Humas::OpdRepository(db, actor), QStringLiteral("code"));
    QString error;
    const QList<Humas::EventRecord> events = repository.eventsBetween(
        repository.localToUtc(from, QTime(0, 0)), repository.localToUtc(to.addDays(1), QTime(0, 0)), &error);
    if (!error.isEmpty())
        return failure(error);
    QJsonArray array;
    for (const Humas::EventRecord &e : events) {
        QStringList attending;
        for (const QString &id : e.attending())
            attending << officialCodes.value(id, id);
        QStringList requested;
        for (const QString &id : e.officialsRequested)
            requested << officialCodes.value(id, id);
        const QString start =
            e.allDay ? e.firstDate.toString(DateFormat) : repository.utcToLocal(e.start).toString(TimeFormat);
        const QString end =
            e.allDay ? e.lastDate.toString(DateFormat) : repository.utcToLocal(e.end).toString(TimeFormat);
        const QString status = Humas::EventStatus::code(e.status);
        const QString venue = venueNames.value(e.venueId);
        if (!parser.isSet(JsonOption)) {
            Console::out() << QStringList{e.id, start, end, status, e.title, venue, attending.join(QLatin1Char(','))}
                                  .join(QLatin1Char('\t'))
                           << Qt::endl;
            continue;
        }
        array.append(QJsonObject{
            {QStringLiteral("id"), e.id},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("start"), start},
            {QStringLiteral("end"), end},
            {QStringLiteral("allDay"), e.allDay},
            {QStringLiteral("status"), status},
            {QStringLiteral("officials"), QJsonArray::fromStringList(attending)},
            {QStringLiteral("officialsRequested"), QJsonArray::fromStringList(requested)},
            {QStringLiteral("venue"), venue},
            {QStringLiteral("opd"), opdCodes.value(e.opdId)},
        });
    }
    if (parser.isSet(JsonOption))
        Console::out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    return ExitOk;
}

} // namespace HumasCli

namespace HumasCli {

/** What `events update` read from its options before the database is opened. */
struct EventsCommand::UpdateInput
{
    QString id;
    QStringList officialCodes;
    QDate startDate;
    QDate endDate;
    QTime startTime;
    QTime endTime;
    Humas::EventSpan::Status status = Humas::EventSpan::Status::Diajukan;
};

int EventsCommand::readUpdateOptions(const QCommandLineParser &parser, UpdateInput *input)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.at(1).trimmed().isEmpty())
        return usageError(tr("events update needs the id of the event: events update ID [--title T] …."));
    if (positional.size() > 2)
        return usageError(tr("events update takes one event id; unexpected \"%1\".").arg(positional.at(2)));
    input->id = positional.at(1).trimmed();
    // Options of the other actions would be silently ignored here: refuse them instead.
    for (const QString &option : {OpdOption, AllDayOption, FromOption, ToOption, JsonOption}) {
        if (parser.isSet(option))
            return usageError(tr("events update does not take --%1.").arg(option));
    }
    const QStringList fields = {TitleOption,  StartOption,     EndOption,    OfficialOption,
                                VenueOption,  KecamatanOption, StatusOption, NotesOption};
    if (std::none_of(fields.cbegin(), fields.cend(), [&parser](const QString &o) { return parser.isSet(o); }))
        return usageError(tr("events update needs at least one field to change (--title, --start/--end, "
                             "--official, --venue/--kecamatan, --status or --notes)."));
    if (parser.isSet(TitleOption) && parser.value(TitleOption).trimmed().isEmpty())
        return usageError(tr("--title must not be empty."));
    if (parser.isSet(StartOption) != parser.isSet(EndOption))
        return usageError(tr("events update needs --start and --end together."));
    if (parser.isSet(VenueOption) != parser.isSet(KecamatanOption))
        return usageError(tr("events update needs --venue and --kecamatan together."));
    if (parser.isSet(VenueOption) &&
        (parser.value(VenueOption).trimmed().isEmpty() || parser.value(KecamatanOption).trimmed().isEmpty()))
        return usageError(tr("--venue and --kecamatan must not be empty."));
    if (parser.isSet(StartOption)) {
        if (!parseLocalTime(parser.value(StartOption), &input->startDate, &input->startTime) ||
            !parseLocalTime(parser.value(EndOption), &input->endDate, &input->endTime))
            return usageError(tr("Times are written YYYY-MM-DDTHH:MM in local time, e.g. 2026-11-23T08:00."));
        if (QDateTime(input->endDate, input->endTime, Qt::UTC) <=
            QDateTime(input->startDate, input->startTime, Qt::UTC))
            return usageError(tr("The end must be after the start."));
    }
    if (parser.isSet(StatusOption) && !Humas::EventStatus::fromCode(parser.value(StatusOption), &input->status))
        return usageError(tr("Unknown status \"%1\"; use one of: %2.")
                              .arg(parser.value(StatusOption), statusCodes().join(QStringLiteral(", "))));
    if (parser.isSet(OfficialOption)) {
        for (const QString &code : parser.value(OfficialOption).split(QLatin1Char(','))) {
            if (!code.trimmed().isEmpty())
                input->officialCodes << code.trimmed();
        }
        if (input->officialCodes.isEmpty())
            return usageError(tr("--official needs at least one code."));
    }
    return ExitOk;
}

int EventsCommand::update(const QCommandLineParser &parser, const QString &databasePath)
{
    UpdateInput input;
    if (const int code = readUpdateOptions(parser, &input); code != ExitOk)
        return code;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    Humas::AgendaService service(db, actor);
    const Humas::EventRepository &repository = service.repository();
    // The values this command starts from: only the fields given are written, each against these.
    const Humas::EventRecord started = repository.get(input.id);
    if (!started.isValid())
        return failure(tr("No event with id \"%1\".").arg(input.id));
    Humas::EventRecord edited = started;
    if (parser.isSet(TitleOption))
        edited.title = parser.value(TitleOption).trimmed();
    if (parser.isSet(StartOption)) {
        edited.allDay = false;
        edited.start = repository.localToUtc(input.startDate, input.startTime);
        edited.end = repository.localToUtc(input.endDate, input.endTime);
    }
    if (parser.isSet(OfficialOption)) {
        const Humas::OfficialRepository officials(db, actor);
        edited.officialsRequested.clear();
        for (const QString &code : std::as_const(input.officialCodes)) {
            const Humas::Record official = officials.findBy(QStringLiteral("code"), code);
            if (!official.isValid())
                return failure(tr("Unknown official \"%1\".").arg(code));
            edited.officialsRequested << official.id;
        }
    }
    Humas::NewVenue venue;
    if (parser.isSet(VenueOption)) {
        const QString kecamatanName = parser.value(KecamatanOption).trimmed();
        const Humas::Record kecamatan =
            Humas::KecamatanRepository(db, actor).findBy(QStringLiteral("name"), kecamatanName);
        if (!kecamatan.isValid())
            return failure(tr("Unknown district (kecamatan) \"%1\".").arg(kecamatanName));
        venue = {parser.value(VenueOption).trimmed(), kecamatan.id};
    }
    if (parser.isSet(StatusOption))
        edited.status = input.status;
    if (parser.isSet(NotesOption))
        edited.notes = parser.value(NotesOption);
    const Humas::AgendaService::SaveResult result = service.save(started, edited, venue, nullptr);
    if (!result.isSaved())
        return failure(result.error);
    Console::out() << started.id << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
