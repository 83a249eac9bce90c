#include "ppid/ppidobjection.h"

namespace Humas {

namespace {

/** Translation context of the grounds (PpidObjection is a plain struct without tr()). */
class PpidObjectionText
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidObjection)
public:
    static QString ground(const QString &letter)
    {
        // UU 14/2008 Pasal 35(1), letters a–g.
        if (letter == QLatin1String("a"))
            return tr("Request refused on the grounds of Article 17");
        if (letter == QLatin1String("b"))
            return tr("Periodic information (Article 9) not provided");
        if (letter == QLatin1String("c"))
            return tr("Request not answered");
        if (letter == QLatin1String("d"))
            return tr("Request answered other than as requested");
        if (letter == QLatin1String("e"))
            return tr("Request not fulfilled");
        if (letter == QLatin1String("f"))
            return tr("Unreasonable fee");
        if (letter == QLatin1String("g"))
            return tr("Information given later than the deadline");
        return {};
    }
};

} // namespace

QStringList PpidObjection::grounds()
{
    return {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
            QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")};
}

QString PpidObjection::groundDescription(const QString &letter)
{
    return PpidObjectionText::ground(letter);
}

} // namespace Humas
