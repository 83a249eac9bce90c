#include "ppidcommand.h"

#include "auth/role.h"
#include "console.h"
#include "eventscommand.h"
#include "master/referencerepositories.h"
#include "ppid/ppidcsv.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/ppidstatistics.h"
#include "ppid/workingcalendar.h"
#include "reports/pdfexport.h"
#include "reports/ppidreceipt.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTextStream>

#include <memory>

namespace HumasCli {

namespace {

const QString OpdOption = QStringLiteral("opd");
const QString ReceivedOption = QStringLiteral("received");
const QString ExtendedOption = QStringLiteral("extended");
const QString CutiOption = QStringLiteral("cuti-bersama-working");
const QString JsonOption = QStringLiteral("json");
const QString RoleOption = QStringLiteral("role");
const QString FromOption = QStringLiteral("from");
const QString ToOption = QStringLiteral("to");

const QString DateFormat = QStringLiteral("yyyy-MM-dd");
const QString TimeFormat = QStringLiteral("yyyy-MM-ddTHH:mm");

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(DateFormat) : QString();
}

/** One line of free text for a tab-separated row. */
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

QJsonObject toJson(const Humas::PpidRequest &r, const QString &received, const QString &opdCode)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("number"), r.regNumber},
        {QStringLiteral("received"), received},
        {QStringLiteral("channel"), Humas::Ppid::code(r.channel)},
        {QStringLiteral("type"), Humas::Ppid::code(r.requesterType)},
        {QStringLiteral("name"), r.requesterName},
        {QStringLiteral("nik"), r.requesterNik},
        {QStringLiteral("address"), r.requesterAddress},
        {QStringLiteral("occupation"), r.requesterOccupation},
        {QStringLiteral("phone"), r.requesterPhone},
        {QStringLiteral("email"), r.requesterEmail},
        {QStringLiteral("proxy"), r.proxyName},
        {QStringLiteral("information"), r.information},
        {QStringLiteral("purpose"), r.purpose},
        {QStringLiteral("obtain"), r.obtainMethod},
        {QStringLiteral("delivery"), r.deliveryMethod},
        {QStringLiteral("opd"), opdCode},
        {QStringLiteral("status"), Humas::Ppid::code(r.status)},
        {QStringLiteral("reason"), Humas::Ppid::code(r.reason)},
        {QStringLiteral("pasal17"), r.pasal17Letter},
        {QStringLiteral("dueDate"), dateText(r.dueDate)},
        {QStringLiteral("noticeDate"), dateText(r.noticeDate)},
        {QStringLiteral("fee"), double(r.feeRupiah)},
        {QStringLiteral("handedOverDate"), dateText(r.handedOverDate)},
        {QStringLiteral("notes"), r.notes},
    };
}

/** "key<TAB>value" lines of a statistics object; nested maps as "key.sub". */
void printFlat(QTextStream &out, const QJsonObject &object, const QString &prefix = QString())
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it->isObject())
            printFlat(out, it->toObject(), key);
        else
            out << key << QLatin1Char('\t') << it->toVariant().toString() << Qt::endl;
    }
}

} // namespace

QString PpidCommand::summary() const
{
    return tr("Information service (PPID): due dates, register, CSV export and statistics.");
}

QString PpidCommand::syntax() const
{
    return tr("due --received YYYY-MM-DD [--extended] [--cuti-bersama-working] | %1 | list [--from DATE --to DATE] "
              "[--json] [--role ROLE] | export-csv FILE [--from DATE --to DATE] [--role ROLE] | receipt NUMBER "
              "FILE.pdf [--role ROLE] | stats --from DATE --to DATE [--json]")
        .arg(m_add.syntax());
}

void PpidCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addPositionalArgument(QStringLiteral("action"), tr("due, add, list, export-csv, receipt or stats."));
    parser->addPositionalArgument(QStringLiteral("FILE"),
                                  tr("With export-csv: the CSV file to write; with receipt: the registration "
                                     "number, then the PDF file to write."),
                                  QStringLiteral("[FILE]"));
    parser->addOption({ReceivedOption,
                       tr("The day the request was received, YYYY-MM-DD (day 0 of the count); with add also "
                          "YYYY-MM-DDTHH:MM in local time (default: now)."),
                       tr("DATE")});
    parser->addOption({ExtendedOption, tr("With due: the deadline after the one extension (10 + 7 working days).")});
    parser->addOption(
        {CutiOption, tr("With due: count cuti bersama as working days (default: the database's setting).")});
    m_add.addOptions(parser);
    const QStringList roles = [] {
        QStringList codes;
        for (const Humas::Role role : Humas::Roles::all())
            codes << Humas::Roles::code(role);
        return codes;
    }();
    parser->addOption({RoleOption,
                       tr("With list, export-csv, receipt and stats: show what this role sees (%1; default admin). "
                          "Personal data, also inside free text, is masked for every role but ppid and admin; "
                          "opd (with --opd CODE) sees its own agency's requests only, protokol and redaksi none.")
                           .arg(roles.join(QStringLiteral(", "))),
                       tr("ROLE")});
    parser->addOption({FromOption, tr("First day received, YYYY-MM-DD."), tr("DATE")});
    parser->addOption({ToOption, tr("Last day received (inclusive), YYYY-MM-DD."), tr("DATE")});
    parser->addOption({JsonOption, tr("Print the result as JSON.")});
}

int PpidCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("add"))
        return m_add.run(parser, databasePath);
    if (action == QLatin1String("export-csv"))
        return exportCsv(parser, databasePath);
    if (action == QLatin1String("receipt"))
        return receipt(parser, databasePath);
    if (action.isEmpty())
        return usageError(tr("Say what to do: humasdesk-cli ppid due, add, list, export-csv, receipt or stats …."));
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    if (action == QLatin1String("due"))
        return due(parser, databasePath);
    if (action == QLatin1String("list"))
        return list(parser, databasePath);
    if (action == QLatin1String("stats"))
        return stats(parser, databasePath);
    return usageError(
        tr("Unknown action \"%1\" for ppid; use due, add, list, export-csv, receipt or stats.").arg(action));
}

QDate PpidCommand::parseDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

bool PpidCommand::allowOnly(const QCommandLineParser &parser, const QString &action, const QStringList &options)
{
    static const QStringList global = {QStringLiteral("db"), QStringLiteral("lang"), QStringLiteral("help"),
                                       QStringLiteral("h")};
    for (const QString &option : parser.optionNames()) {
        if (!global.contains(option) && !options.contains(option)) {
            const QString dashes = option.size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
            usageError(tr("ppid %1 takes no %2; see \"humasdesk-cli ppid --help\".").arg(action, dashes + option));
            return false;
        }
    }
    return true;
}

bool PpidCommand::readActor(const QCommandLineParser &parser, Humas::Actor *actor)
{
    *actor = Humas::Actor::system();
    if (!parser.isSet(RoleOption))
        return true;
    Humas::Role role = Humas::Role::Admin;
    if (!Humas::Roles::fromCode(parser.value(RoleOption), &role)) {
        QStringList codes;
        for (const Humas::Role r : Humas::Roles::all())
            codes << Humas::Roles::code(r);
        usageError(
            tr("Unknown role \"%1\"; use one of: %2.").arg(parser.value(RoleOption), codes.join(QStringLiteral(", "))));
        return false;
    }
    actor->role = role;
    return true;
}

int PpidCommand::scopeActor(const QCommandLineParser &parser, Humas::Database &db, Humas::Actor *actor)
{
    if (actor->role != Humas::Role::Opd) {
        if (parser.isSet(OpdOption))
            return usageError(tr("--opd goes with --role opd here: it names the PPID Pembantu's agency."));
        return ExitOk;
    }
    // A PPID Pembantu sees the requests assigned to its own agency only.
    if (!parser.isSet(OpdOption))
        return usageError(tr("--role opd needs --opd CODE: the agency whose requests the PPID Pembantu sees."));
    const Humas::Record opd = Humas::OpdRepository(db, Humas::Actor::system())
                                  .findBy(QStringLiteral("code"), parser.value(OpdOption).trimmed());
    if (!opd.isValid())
        return failure(tr("Unknown OPD \"%1\".").arg(parser.value(OpdOption)));
    actor->opdId = opd.id;
    return ExitOk;
}

bool PpidCommand::readOptionalRange(const QCommandLineParser &parser, const QString &action, QDate *from, QDate *to)
{
    if (!parser.isSet(FromOption) && !parser.isSet(ToOption))
        return true;
    return EventsCommand::parseDateRange(parser, action, from, to);
}

int PpidCommand::due(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("due"), {ReceivedOption, ExtendedOption, CutiOption}))
        return ExitUsage;
    if (!parser.isSet(ReceivedOption))
        return usageError(tr("ppid due needs --received YYYY-MM-DD."));
    const QDate received = parseDate(parser.value(ReceivedOption));
    if (!received.isValid())
        return usageError(
            tr("\"%1\" is not a date; write it YYYY-MM-DD, e.g. 2026-03-16.").arg(parser.value(ReceivedOption)));
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    // Without the flag the regency's own setting decides (default: cuti bersama are not working days).
    const Humas::WorkingCalendar calendar =
        parser.isSet(CutiOption) ? Humas::WorkingCalendar::load(db, true) : Humas::WorkingCalendar::load(db);
    const int days =
        Humas::PpidDeadlines::Response + (parser.isSet(ExtendedOption) ? Humas::PpidDeadlines::Extension : 0);
    const QDate dueDate = calendar.addWorkingDays(received, days);
    if (!dueDate.isValid())
        return failure(tr("No due date can be computed for %1.").arg(received.toString(DateFormat)));
    Console::out() << dueDate.toString(DateFormat) << Qt::endl;
    return ExitOk;
}

int PpidCommand::list(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("list"), {JsonOption, RoleOption, OpdOption, FromOption, ToOption}))
        return ExitUsage;
    Humas::Actor actor;
    QDate from;
    QDate to;
    if (!readActor(parser, &actor) || !readOptionalRange(parser, QStringLiteral("ppid list"), &from, &to))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    if (const int code = scopeActor(parser, db, &actor); code != ExitOk)
        return code;
    const QTimeZone zone = Humas::AppSettings(db, actor).timeZone();
    const QHash<QString, QString> opdCodes =
        EventsCommand::names(Humas::OpdRepository(db, Humas::Actor::system()), QStringLiteral("code"));
    const Humas::PpidCsv masker(db, actor);
    QJsonArray array;
    QTextStream &out = Console::out();
    QString error;
    const QList<Humas::PpidRequest> requests = Humas::PpidRequestRepository(db, actor).list(from, to, &error);
    if (!error.isEmpty())
        return failure(error);
    for (const Humas::PpidRequest &stored : requests) {
        // The repository masks for the actor already; masking here again keeps the CLI safe on its own.
        const Humas::PpidRequest r = masker.forActor(stored);
        const QString received = r.receivedAt.toTimeZone(zone).toString(TimeFormat);
        const QString opd = opdCodes.value(r.opdId);
        if (parser.isSet(JsonOption)) {
            array.append(toJson(r, received, opd));
            continue;
        }
        out << QStringList{r.regNumber,
                           received,
                           Humas::Ppid::code(r.status),
                           dateText(r.dueDate),
                           Humas::Ppid::code(r.channel),
                           oneLine(r.requesterName),
                           r.requesterNik,
                           oneLine(r.requesterAddress),
                           r.requesterPhone,
                           r.requesterEmail,
                           opd,
                           oneLine(r.information)}
                   .join(QLatin1Char('\t'))
            << Qt::endl;
    }
    if (parser.isSet(JsonOption))
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    return ExitOk;
}

int PpidCommand::exportCsv(const QCommandLineParser &parser, const QString &databasePath)
{
    if (parser.positionalArguments().size() < 2)
        return usageError(tr("Name the CSV file: humasdesk-cli ppid export-csv FILE."));
    if (!expectArguments(parser, 2, name()))
        return ExitUsage;
    if (!allowOnly(parser, QStringLiteral("export-csv"), {RoleOption, OpdOption, FromOption, ToOption}))
        return ExitUsage;
    Humas::Actor actor;
    QDate from;
    QDate to;
    if (!readActor(parser, &actor) || !readOptionalRange(parser, QStringLiteral("ppid export-csv"), &from, &to))
        return ExitUsage;
    const QString path = QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath();
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    if (const int code = scopeActor(parser, db, &actor); code != ExitOk)
        return code;
    int count = 0;
    QString error;
    if (!Humas::PpidCsv(db, actor).exportFile(path, from, to, &count, &error))
        return failure(error);
    Console::out() << tr("%n request(s) written to %1.", nullptr, count).arg(QDir::toNativeSeparators(path))
                   << Qt::endl;
    return ExitOk;
}

int PpidCommand::receipt(const QCommandLineParser &parser, const QString &databasePath)
{
    if (parser.positionalArguments().size() < 3)
        return usageError(tr("Name the request and the file: humasdesk-cli ppid receipt NUMBER FILE.pdf."));
    if (!expectArguments(parser, 3, name()))
        return ExitUsage;
    if (!allowOnly(parser, QStringLiteral("receipt"), {RoleOption, OpdOption}))
        return ExitUsage;
    Humas::Actor actor;
    if (!readActor(parser, &actor))
        return ExitUsage;
    const QString number = parser.positionalArguments().at(1);
    const QString path = QFileInfo(parser.positionalArguments().at(2)).absoluteFilePath();
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    if (const int code = scopeActor(parser, db, &actor); code != ExitOk)
        return code;
    const Humas::PpidRequest request = Humas::PpidRequestRepository(db, actor).getByNumber(number);
    if (!request.isValid())
        return failure(tr("There is no request with the registration number \"%1\".").arg(number));
    Humas::PpidReceiptInfo info;
    if (!request.opdId.isEmpty())
        info.opdName = Humas::OpdRepository(db, actor).get(request.opdId).text(QStringLiteral("name"));
    const Humas::AppSettings settings(db, actor);
    const std::unique_ptr<QTextDocument> document(Humas::PpidReceipt::document(settings, request, actor.role, info));
    QString error;
    if (!Humas::PdfExport::write(document.get(), path, QPageLayout::Portrait, &error))
        return failure(error);
    Console::out() << tr("Receipt of %1 written to %2.").arg(request.regNumber, QDir::toNativeSeparators(path))
                   << Qt::endl;
    return ExitOk;
}

int PpidCommand::stats(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!allowOnly(parser, QStringLiteral("stats"), {JsonOption, RoleOption, OpdOption, FromOption, ToOption}))
        return ExitUsage;
    Humas::Actor actor;
    QDate from;
    QDate to;
    if (!readActor(parser, &actor) || !EventsCommand::parseDateRange(parser, QStringLiteral("ppid stats"), &from, &to))
        return ExitUsage;
    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true, readingOptions()); code != ExitOk)
        return code;
    if (const int code = scopeActor(parser, db, &actor); code != ExitOk)
        return code;
    const QJsonObject json = Humas::PpidStatistics::compute(db, from, to, actor).toJson();
    QTextStream &out = Console::out();
    if (parser.isSet(JsonOption))
        out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)) << Qt::flush;
    else
        printFlat(out, json);
    return ExitOk;
}

} // namespace HumasCli
