#include "settings/numberpattern.h"

#include <QCoreApplication>
#include <QStringList>

namespace Humas {

namespace NumberPattern {

QString defaultRequestPattern()
{
    return QStringLiteral("{seq:3}/PPID/{month_roman}/{year}");
}

QString defaultObjectionPattern()
{
    return QStringLiteral("{seq:3}/KEB/PPID/{month_roman}/{year}");
}

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)(?::([0-9]+))?\\}"));
    return re;
}

// The messages keep the context they had in RegistrationNumber, so their translations stay.
bool isValid(const QString &pattern, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (pattern.trimmed().isEmpty())
        return fail(QCoreApplication::translate("Humas::RegistrationNumber", "The number pattern must not be empty."));
    if (pattern.size() > 80)
        return fail(QCoreApplication::translate("Humas::RegistrationNumber", "The number pattern is too long (at most 80 characters)."));
    static const QStringList known = {QStringLiteral("seq"),        QStringLiteral("desk"),  QStringLiteral("year"),
                                      QStringLiteral("yy"),         QStringLiteral("month"), QStringLiteral("day"),
                                      QStringLiteral("month_roman")};
    int seqCount = 0;
    auto it = placeholder().globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        if (!known.contains(name))
            return fail(QCoreApplication::translate("Humas::RegistrationNumber", "Unknown placeholder {%1} in the number pattern.").arg(name));
        if (!m.captured(2).isEmpty()) {
            const int width = m.captured(2).toInt();
            if (name != QLatin1String("seq") || width < 1 || width > 9)
                return fail(QCoreApplication::translate("Humas::RegistrationNumber", "Only {seq} takes a width, from 1 to 9: {seq:3}."));
        }
        if (name == QLatin1String("seq"))
            ++seqCount;
    }
    if (seqCount != 1)
        return fail(QCoreApplication::translate("Humas::RegistrationNumber", "The number pattern needs exactly one {seq} placeholder."));
    return true;
}

} // namespace NumberPattern

} // namespace Humas
