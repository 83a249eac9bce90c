#include "ppid/ppidrequest.h"

namespace Humas {

QString Ppid::code(Status status)
{
    switch (status) {
    case Status::Diterima:
        return QStringLiteral("diterima");
    case Status::Diproses:
        return QStringLiteral("diproses");
    case Status::Diperpanjang:
        return QStringLiteral("diperpanjang");
    case Status::DikabulkanSeluruhnya:
        return QStringLiteral("dikabulkan_seluruhnya");
    case Status::DikabulkanSebagian:
        return QStringLiteral("dikabulkan_sebagian");
    case Status::Ditolak:
        return QStringLiteral("ditolak");
    case Status::Selesai:
        return QStringLiteral("selesai");
    }
    return {};
}

bool Ppid::fromCode(const QString &code, Status *status)
{
    for (const Status s : allStatuses()) {
        if (Ppid::code(s) == code) {
            if (status)
                *status = s;
            return true;
        }
    }
    return false;
}

QString Ppid::displayName(Status status)
{
    switch (status) {
    case Status::Diterima:
        return tr("Received");
    case Status::Diproses:
        return tr("Being processed");
    case Status::Diperpanjang:
        return tr("Extended");
    case Status::DikabulkanSeluruhnya:
        return tr("Granted in full");
    case Status::DikabulkanSebagian:
        return tr("Granted in part");
    case Status::Ditolak:
        return tr("Refused");
    case Status::Selesai:
        return tr("Completed");
    }
    return {};
}

QList<Ppid::Status> Ppid::allStatuses()
{
    return {Status::Diterima,           Status::Diproses, Status::Diperpanjang, Status::DikabulkanSeluruhnya,
            Status::DikabulkanSebagian, Status::Ditolak,  Status::Selesai};
}

bool Ppid::isDecision(Status status)
{
    return status == Status::DikabulkanSeluruhnya || status == Status::DikabulkanSebagian || status == Status::Ditolak;
}

bool Ppid::isOpen(Status status)
{
    return status == Status::Diterima || status == Status::Diproses || status == Status::Diperpanjang;
}

bool Ppid::canTransition(Status from, Status to)
{
    // UU 14/2008 Pasal 22(7) sets a latest date for the written notice, not a required
    // "being processed" step: information at hand may be granted (or a request refused) on
    // the day it is received, so a decision may follow "diterima" directly. The extension of
    // Pasal 22(8) exists because the work takes longer than 10 working days, so it needs a
    // request already being processed. A decision is final: it only closes the case.
    switch (from) {
    case Status::Diterima:
        return to == Status::Diproses || isDecision(to);
    case Status::Diproses:
        return to == Status::Diperpanjang || isDecision(to);
    case Status::Diperpanjang:
        return isDecision(to);
    case Status::DikabulkanSeluruhnya:
    case Status::DikabulkanSebagian:
    case Status::Ditolak:
        return to == Status::Selesai;
    case Status::Selesai:
        return false;
    }
    return false;
}

QString Ppid::code(Channel channel)
{
    switch (channel) {
    case Channel::Langsung:
        return QStringLiteral("langsung");
    case Channel::Surat:
        return QStringLiteral("surat");
    case Channel::Email:
        return QStringLiteral("email");
    case Channel::Website:
        return QStringLiteral("website");
    case Channel::Telepon:
        return QStringLiteral("telepon");
    }
    return {};
}

bool Ppid::fromCode(const QString &code, Channel *channel)
{
    for (const Channel c : allChannels()) {
        if (Ppid::code(c) == code) {
            if (channel)
                *channel = c;
            return true;
        }
    }
    return false;
}

QString Ppid::displayName(Channel channel)
{
    switch (channel) {
    case Channel::Langsung:
        return tr("In person");
    case Channel::Surat:
        return tr("Letter");
    case Channel::Email:
        return tr("Email");
    case Channel::Website:
        return tr("Website");
    case Channel::Telepon:
        return tr("Telephone");
    }
    return {};
}

QList<Ppid::Channel> Ppid::allChannels()
{
    return {Channel::Langsung, Channel::Surat, Channel::Email, Channel::Website, Channel::Telepon};
}

QString Ppid::code(RequesterType type)
{
    switch (type) {
    case RequesterType::Perorangan:
        return QStringLiteral("perorangan");
    case RequesterType::Kelompok:
        return QStringLiteral("kelompok");
    case RequesterType::BadanHukum:
        return QStringLiteral("badan_hukum");
    }
    return {};
}

bool Ppid::fromCode(const QString &code, RequesterType *type)
{
    for (const RequesterType t : {RequesterType::Perorangan, RequesterType::Kelompok, RequesterType::BadanHukum}) {
        if (Ppid::code(t) == code) {
            if (type)
                *type = t;
            return true;
        }
    }
    return false;
}

QString Ppid::displayName(RequesterType type)
{
    switch (type) {
    case RequesterType::Perorangan:
        return tr("Individual");
    case RequesterType::Kelompok:
        return tr("Group");
    case RequesterType::BadanHukum:
        return tr("Legal entity");
    }
    return {};
}

QString Ppid::code(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return QStringLiteral("");
    case Reason::Pasal17:
        return QStringLiteral("pasal17");
    case Reason::BelumDikuasai:
        return QStringLiteral("belum_dikuasai");
    case Reason::BelumDidokumentasikan:
        return QStringLiteral("belum_didokumentasikan");
    case Reason::TidakDikuasai:
        return QStringLiteral("tidak_dikuasai");
    }
    return {};
}

bool Ppid::fromCode(const QString &code, Reason *reason)
{
    for (const Reason r :
         {Reason::None, Reason::Pasal17, Reason::BelumDikuasai, Reason::BelumDidokumentasikan, Reason::TidakDikuasai}) {
        if (Ppid::code(r) == code) {
            if (reason)
                *reason = r;
            return true;
        }
    }
    return false;
}

QString Ppid::displayName(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return QString();
    case Reason::Pasal17:
        return tr("Exempt information (Article 17)");
    case Reason::BelumDikuasai:
        return tr("Not yet in our possession");
    case Reason::BelumDidokumentasikan:
        return tr("Not yet documented");
    case Reason::TidakDikuasai:
        return tr("Not held (referred to the holder)");
    }
    return {};
}

QStringList Ppid::pasal17Letters()
{
    return {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e"),
            QStringLiteral("f"), QStringLiteral("g"), QStringLiteral("h"), QStringLiteral("i"), QStringLiteral("j")};
}

QString Ppid::pasal17Description(const QString &letter)
{
    // UU 14/2008 Pasal 17, letters a–j, shortened.
    if (letter == QLatin1String("a"))
        return tr("would obstruct law enforcement");
    if (letter == QLatin1String("b"))
        return tr("would harm intellectual property or fair business competition");
    if (letter == QLatin1String("c"))
        return tr("would endanger state defence and security");
    if (letter == QLatin1String("d"))
        return tr("would reveal Indonesia's natural wealth");
    if (letter == QLatin1String("e"))
        return tr("would harm the national economy");
    if (letter == QLatin1String("f"))
        return tr("would harm foreign relations");
    if (letter == QLatin1String("g"))
        return tr("would reveal an authentic personal document or a will");
    if (letter == QLatin1String("h"))
        return tr("would reveal personal secrets");
    if (letter == QLatin1String("i"))
        return tr("internal or inter-agency memoranda that are confidential by nature");
    if (letter == QLatin1String("j"))
        return tr("information that a law forbids to disclose");
    return {};
}

QStringList Ppid::obtainMethods()
{
    return {QStringLiteral("melihat"),  QStringLiteral("membaca"),          QStringLiteral("mendengarkan"),
            QStringLiteral("mencatat"), QStringLiteral("salinan_hardcopy"), QStringLiteral("salinan_softcopy")};
}

QString Ppid::obtainMethodName(const QString &code)
{
    if (code == QLatin1String("melihat"))
        return tr("Viewing");
    if (code == QLatin1String("membaca"))
        return tr("Reading");
    if (code == QLatin1String("mendengarkan"))
        return tr("Listening");
    if (code == QLatin1String("mencatat"))
        return tr("Taking notes");
    if (code == QLatin1String("salinan_hardcopy"))
        return tr("Printed copy");
    if (code == QLatin1String("salinan_softcopy"))
        return tr("Electronic copy");
    return {};
}

QStringList Ppid::deliveryMethods()
{
    return {QStringLiteral("ambil_langsung"), QStringLiteral("kurir"), QStringLiteral("pos"),
            QStringLiteral("faksimili"), QStringLiteral("email")};
}

QString Ppid::deliveryMethodName(const QString &code)
{
    if (code == QLatin1String("ambil_langsung"))
        return tr("Collect in person");
    if (code == QLatin1String("kurir"))
        return tr("Courier");
    if (code == QLatin1String("pos"))
        return tr("Post");
    if (code == QLatin1String("faksimili"))
        return tr("Fax");
    if (code == QLatin1String("email"))
        return tr("Email");
    return {};
}

} // namespace Humas
