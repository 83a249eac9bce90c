#include "agenda/eventrecord.h"

namespace Humas {

QStringList EventRecord::attending() const
{
    return officialsAttending.isEmpty() ? officialsRequested : officialsAttending;
}

} // namespace Humas
