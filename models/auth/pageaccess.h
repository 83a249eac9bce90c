#pragma once

#include "role.h"

#include <QString>
#include <QStringList>

namespace Humas {

/**
 * Which main-window pages a role sees. The GUI only hides; the repositories refuse what a
 * role may not write.
 */
class PageAccess
{
public:
    /** All page ids in sidebar order: agenda, ppid, news, reports, master, sync. */
    static QStringList pageIds();
    static bool isVisible(const QString &pageId, Role role);
};

} // namespace Humas
