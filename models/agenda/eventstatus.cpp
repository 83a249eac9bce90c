#include "agenda/eventstatus.h"

namespace Humas {

QList<EventStatus::Status> EventStatus::all()
{
    return {Status::Diajukan, Status::Terjadwal, Status::Selesai, Status::Ditunda, Status::Dibatalkan};
}

QString EventStatus::code(Status status)
{
    switch (status) {
    case Status::Diajukan:
        return QStringLiteral("diajukan");
    case Status::Terjadwal:
        return QStringLiteral("terjadwal");
    case Status::Selesai:
        return QStringLiteral("selesai");
    case Status::Ditunda:
        return QStringLiteral("ditunda");
    case Status::Dibatalkan:
        return QStringLiteral("dibatalkan");
    }
    return {};
}

bool EventStatus::fromCode(const QString &code, Status *status)
{
    for (const Status s : all()) {
        if (EventStatus::code(s) == code) {
            if (status)
                *status = s;
            return true;
        }
    }
    return false;
}

QString EventStatus::displayName(Status status)
{
    switch (status) {
    case Status::Diajukan:
        return tr("Submitted");
    case Status::Terjadwal:
        return tr("Scheduled");
    case Status::Selesai:
        return tr("Done");
    case Status::Ditunda:
        return tr("Postponed");
    case Status::Dibatalkan:
        return tr("Cancelled");
    }
    return {};
}

bool EventStatus::canTransition(Status from, Status to)
{
    switch (from) {
    case Status::Diajukan:
        return to == Status::Terjadwal || to == Status::Ditunda || to == Status::Dibatalkan;
    case Status::Terjadwal:
        return to == Status::Selesai || to == Status::Ditunda || to == Status::Dibatalkan;
    case Status::Ditunda:
        return to == Status::Diajukan || to == Status::Terjadwal;
    case Status::Selesai:
    case Status::Dibatalkan:
        return false;
    }
    return false;
}

QString EventStatus::transitionError(Status from, Status to)
{
    return tr("An event that is \"%1\" cannot become \"%2\".").arg(displayName(from), displayName(to));
}

} // namespace Humas
