#include "pageaccess.h"

namespace Humas {

QStringList PageAccess::pageIds()
{
    return {QStringLiteral("agenda"),  QStringLiteral("ppid"),   QStringLiteral("news"),
            QStringLiteral("reports"), QStringLiteral("master"), QStringLiteral("sync")};
}

bool PageAccess::isVisible(const QString &pageId, Role role)
{
    if (role == Role::Admin || role == Role::Pimpinan)
        return pageIds().contains(pageId); // pimpinan sees everything, read-only
    if (pageId == QLatin1String("reports") || pageId == QLatin1String("sync"))
        return true;
    if (pageId == QLatin1String("agenda"))
        return role == Role::Protokol || role == Role::Opd || role == Role::Redaksi;
    if (pageId == QLatin1String("ppid"))
        return role == Role::Ppid || role == Role::Opd;
    if (pageId == QLatin1String("news"))
        return role == Role::Redaksi || role == Role::Opd;
    if (pageId == QLatin1String("master"))
        return role != Role::Opd; // an OPD contributor does not maintain reference data
    return false;
}

} // namespace Humas
