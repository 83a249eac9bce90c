#include "agenda/conflict.h"

#include <tuple>

namespace Humas {

Conflict Conflict::make(Kind kind, const QString &a, const QString &b, const QString &resource)
{
    Conflict c;
    c.kind = kind;
    c.first = a < b ? a : b;
    c.second = a < b ? b : a;
    c.resource = resource;
    return c;
}

QString Conflict::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Official:
        return QStringLiteral("official");
    case Kind::Venue:
        return QStringLiteral("venue");
    case Kind::Travel:
        return QStringLiteral("travel");
    }
    return QString();
}

bool operator<(const Conflict &a, const Conflict &b)
{
    return std::tie(a.first, a.second, a.kind, a.resource) < std::tie(b.first, b.second, b.kind, b.resource);
}

size_t qHash(const Conflict &conflict, size_t seed) noexcept
{
    return qHashMulti(seed, int(conflict.kind), conflict.first, conflict.second, conflict.resource);
}

} // namespace Humas
