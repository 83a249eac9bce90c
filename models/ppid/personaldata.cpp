#include "ppid/personaldata.h"

namespace Humas {

namespace PersonalData {

namespace {

const QChar Dot(0x2022); // •

QString dots(qsizetype n)
{
    return QString(n, Dot);
}

} // namespace

bool canSee(Role role)
{
    return Roles::canSeePersonalData(role);
}

QString maskNik(const QString &nik)
{
    const QString value = nik.trimmed();
    if (value.isEmpty())
        return {};
    // Fewer than 12 characters would leave too little hidden between the kept ends.
    if (value.size() < 12)
        return dots(value.size());
    return value.left(4) + dots(value.size() - 8) + value.right(4);
}

QString maskPhone(const QString &phone)
{
    QString digits;
    const QString trimmed = phone.trimmed();
    for (const QChar c : trimmed) {
        if (c.isDigit() || (c == QLatin1Char('+') && digits.isEmpty()))
            digits += c;
    }
    if (digits.isEmpty())
        return trimmed.isEmpty() ? QString() : dots(3);
    if (digits.size() < 9)
        return dots(digits.size());
    return digits.left(4) + dots(digits.size() - 7) + digits.right(3);
}

QString maskEmail(const QString &email)
{
    const QString value = email.trimmed();
    if (value.isEmpty())
        return {};
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return dots(3);
    // A fixed number of dots: the length of the local part is itself a hint.
    return value.left(1) + dots(3) + value.mid(at);
}

QString maskAddress(const QString &address)
{
    const QString value = address.trimmed();
    if (value.isEmpty())
        return {};
    const qsizetype comma = value.lastIndexOf(QLatin1Char(','));
    if (comma < 0)
        return dots(3);
    const QString place = value.mid(comma + 1).trimmed();
    return place.isEmpty() ? dots(3) : dots(3) + QStringLiteral(", ") + place;
}

} // namespace PersonalData

} // namespace Humas
