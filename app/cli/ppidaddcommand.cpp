#include "ppidaddcommand.h"

#include "common/clock.h"
#include "console.h"
#include "master/referencerepositories.h"
#include "ppid/ppidrequestrepository.h"
#include "ppidcommand.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

namespace HumasCli {

namespace {
const QString NameOption = QStringLiteral("name");
const QString InformationOption = QStringLiteral("information");
const QString ChannelOption = QStringLiteral("channel");
const QString ReceivedOption = QStringLiteral("received");
const QString TypeOption = QStringLiteral("type");
const QString NikOption = QStringLiteral("nik");
const QString AddressOption = QStringLiteral("address");
const QString OccupationOption = QStringLiteral("occupation");
const QString PhoneOption = QStringLiteral("phone");
const QString EmailOption = QStringLiteral("email");
const QString ProxyOption = QStringLiteral("proxy");
const QString PurposeOption = QStringLiteral("purpose");
const QString ObtainOption = QStringLiteral("obtain");
const QString DeliveryOption = QStringLiteral("delivery");
const QString OpdOption = QStringLiteral("opd");
const QString NotesOption = QStringLiteral("notes");

QStringList channelCodes()
{
    QStringList codes;
    for (const Humas::Ppid::Channel c : Humas::Ppid::allChannels())
        codes << Humas::Ppid::code(c);
    return codes;
}

QStringList typeCodes()
{
    return {Humas::Ppid::code(Humas::Ppid::RequesterType::Perorangan),
            Humas::Ppid::code(Humas::Ppid::RequesterType::Kelompok),
            Humas::Ppid::code(Humas::Ppid::RequesterType::BadanHukum)};
}

const QString Comma = QStringLiteral(", ");

/** The local date and time of --received: YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM. */
bool parseReceived(const QString &text, QDate *date, QTime *time)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}):(\\d{2}))?$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    *date = PpidCommand::parseDate(m.captured(1));
    *time = m.captured(2).isEmpty() ? QTime(0, 0) : QTime(m.captured(2).toInt(), m.captured(3).toInt());
    return date->isValid() && time->isValid();
}

} // namespace

QString PpidAddCommand::summary() const
{
    return tr("Register a request for public information.");
}

QString PpidAddCommand::syntax() const
{
    return tr("add --name NAME --information TEXT --channel CHANNEL [--received WHEN] [--type TYPE] [--nik NIK] "
              "[--address A] [--occupation O] [--phone P] [--email E] [--proxy NAME] [--purpose TEXT] "
              "[--obtain HOW] [--delivery HOW] [--opd CODE] [--notes TEXT]");
}

void PpidAddCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addOption({NameOption, tr("With add: the requester's name."), tr("NAME")});
    parser->addOption({InformationOption, tr("With add: the information requested."), tr("TEXT")});
    parser->addOption(
        {ChannelOption, tr("With add: how the request came: %1.").arg(channelCodes().join(Comma)), tr("CHANNEL")});
    parser->addOption(
        {TypeOption, tr("With add: the requester: %1 (default perorangan).").arg(typeCodes().join(Comma)), tr("TYPE")});
    parser->addOption(
        {NikOption, tr("With add: NIK (16 digits) of a person, or the deed number of a legal entity."), tr("NIK")});
    parser->addOption({AddressOption, tr("With add: the requester's address."), tr("A")});
    parser->addOption({OccupationOption, tr("With add: the requester's occupation."), tr("O")});
    parser->addOption({PhoneOption, tr("With add: the requester's phone number."), tr("P")});
    parser->addOption({EmailOption, tr("With add: the requester's email address."), tr("E")});
    parser->addOption(
        {ProxyOption, tr("With add: the proxy's name, when someone comes on the requester's behalf."), tr("NAME")});
    parser->addOption({PurposeOption, tr("With add: what the information will be used for."), tr("TEXT")});
    parser->addOption({ObtainOption,
                       tr("With add: how to obtain the information: %1.").arg(Humas::Ppid::obtainMethods().join(Comma)),
                       tr("HOW")});
    parser->addOption({DeliveryOption,
                       tr("With add: how to receive a copy: %1.").arg(Humas::Ppid::deliveryMethods().join(Comma)),
                       tr("HOW")});
    parser->addOption({OpdOption,
                       tr("With add: code of the agency (PPID Pembantu) assigned. With --role opd (list, export-csv, "
                          "receipt, stats): the agency whose requests that PPID Pembantu sees."),
                       tr("CODE")});
    parser->addOption({NotesOption, tr("With add: notes."), tr("TEXT")});
}

int PpidAddCommand::readOptions(const QCommandLineParser &parser, Humas::PpidRequest *request)
{
    for (const QString &option : {NameOption, InformationOption, ChannelOption}) {
        if (!parser.isSet(option) || parser.value(option).trimmed().isEmpty())
            return usageError(tr("ppid add needs --%1.").arg(option));
    }
    if (!Humas::Ppid::fromCode(parser.value(ChannelOption), &request->channel))
        return usageError(
            tr("Unknown channel \"%1\"; use one of: %2.").arg(parser.value(ChannelOption), channelCodes().join(Comma)));
    if (parser.isSet(TypeOption) && !Humas::Ppid::fromCode(parser.value(TypeOption), &request->requesterType))
        return usageError(tr("Unknown requester type \"%1\"; use one of: %2.")
                              .arg(parser.value(TypeOption), typeCodes().join(Comma)));
    if (parser.isSet(ObtainOption) && !Humas::Ppid::obtainMethods().contains(parser.value(ObtainOption)))
        return usageError(tr("Unknown way to obtain \"%1\"; use one of: %2.")
                              .arg(parser.value(ObtainOption), Humas::Ppid::obtainMethods().join(Comma)));
    if (parser.isSet(DeliveryOption) && !Humas::Ppid::deliveryMethods().contains(parser.value(DeliveryOption)))
        return usageError(tr("Unknown way to receive a copy \"%1\"; use one of: %2.")
                              .arg(parser.value(DeliveryOption), Humas::Ppid::deliveryMethods().join(Comma)));
    request->requesterName = parser.value(NameOption).trimmed();
    request->information = parser.value(InformationOption).trimmed();
    request->requesterNik = parser.value(NikOption).trimmed();
    request->requesterAddress = parser.value(AddressOption).trimmed();
    request->requesterOccupation = parser.value(OccupationOption).trimmed();
    request->requesterPhone = parser.value(PhoneOption).trimmed();
    request->requesterEmail = parser.value(EmailOption).trimmed();
    request->proxyName = parser.value(ProxyOption).trimmed();
    request->purpose = parser.value(PurposeOption).trimmed();
    request->obtainMethod = parser.value(ObtainOption);
    request->deliveryMethod = parser.value(DeliveryOption);
    request->notes = parser.value(NotesOption).trimmed();
    return ExitOk;
}

int PpidAddCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 1, name()))
        return ExitUsage;
    if (!PpidCommand::allowOnly(parser, QStringLiteral("add"),
                                {NameOption, InformationOption, ChannelOption, ReceivedOption, TypeOption, NikOption,
                                 AddressOption, OccupationOption, PhoneOption, EmailOption, ProxyOption, PurposeOption,
                                 ObtainOption, DeliveryOption, OpdOption, NotesOption}))
        return ExitUsage;
    Humas::PpidRequest request;
    if (const int code = readOptions(parser, &request); code != ExitOk)
        return code;
    QDate receivedDate;
    QTime receivedTime;
    if (parser.isSet(ReceivedOption) && !parseReceived(parser.value(ReceivedOption), &receivedDate, &receivedTime))
        return usageError(tr("\"%1\" is not a time of receipt; write YYYY-MM-DD or YYYY-MM-DDTHH:MM in local time, "
                             "e.g. 2026-03-16T09:30.")
                              .arg(parser.value(ReceivedOption)));

    Humas::Database db;
    if (const int code = openDatabase(&db, databasePath, true); code != ExitOk)
        return code;
    const Humas::Actor actor = Humas::Actor::system();
    const QDateTime now = Humas::Clock::instance()->nowUtc();
    if (parser.isSet(ReceivedOption)) {
        request.receivedAt = QDateTime(receivedDate, receivedTime, Humas::AppSettings(db, actor).timeZone()).toUTC();
        if (request.receivedAt > now)
            return usageError(tr("The time of receipt %1 is in the future.").arg(parser.value(ReceivedOption)));
    } else {
        request.receivedAt = now;
    }
    if (parser.isSet(OpdOption)) {
        const Humas::Record opd =
            Humas::OpdRepository(db, actor).findBy(QStringLiteral("code"), parser.value(OpdOption).trimmed());
        if (!opd.isValid())
            return failure(tr("Unknown OPD \"%1\"; nothing was stored.").arg(parser.value(OpdOption)));
        request.opdId = opd.id;
    }
    QString error;
    Humas::PpidRequestRepository repository(db, actor);
    if (!repository.add(&request, &error))
        return failure(tr("The request was not registered; nothing was stored. %1").arg(error));
    QTextStream &out = Console::out();
    out << tr("Due date: %1").arg(request.dueDate.toString(QStringLiteral("yyyy-MM-dd"))) << Qt::endl;
    out << request.regNumber << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
