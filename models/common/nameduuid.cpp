#include "nameduuid.h"

#include <QUuid>

namespace Humas {

QString NamedUuid::forName(const QString &name)
{
    static const QUuid ns = QUuid::fromString(QStringLiteral("6b1d3a52-3f0e-4f7e-9d55-68756d617364"));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

} // namespace Humas
