#include "ppid/personaldata.h"

#include <QRegularExpression>

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

QString maskFreeText(const QString &text)
{
    if (text.isEmpty())
        return text;
    // No digit (or a '+') right before, and no further digit after a separator: the whole
    // number or nothing, so "tahun 2026" or a 17-digit number stay as they are.
    static const QRegularExpression nikLike(QStringLiteral("(?<![0-9+])[0-9](?:[ .]?[0-9]){15}(?![ .\\-]?[0-9])"));
    static const QRegularExpression phoneLike(
        QStringLiteral("(?<![0-9+])(?:\\+62|62|0)(?:[ .\\-]?[0-9]){8,13}(?![ .\\-]?[0-9])"));
    QString out = text;
    const auto replaceAll = [&out](const QRegularExpression &re, QString (*maskFunction)(const QString &),
                                   bool compact) {
        QString result;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = re.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            result += QStringView(out).mid(last, m.capturedStart() - last);
            QString number = m.captured();
            if (compact)
                number.remove(QLatin1Char(' ')).remove(QLatin1Char('.'));
            result += maskFunction(number);
            last = m.capturedEnd();
        }
        result += QStringView(out).mid(last);
        out = result;
    };
    replaceAll(nikLike, &maskNik, true);
    replaceAll(phoneLike, &maskPhone, false);
    return out;
}

PpidRequest masked(const PpidRequest &request)
{
    // A value read through a repository for such a role is masked already; masking it again
    // would lose the kept ends (a masked phone has too few digits left).
    const auto once = [](const QString &value, QString (*maskFunction)(const QString &)) {
        return value.contains(Dot) ? value : maskFunction(value);
    };
    PpidRequest out = request;
    out.requesterNik = once(request.requesterNik, &maskNik);
    out.requesterAddress = once(request.requesterAddress, &maskAddress);
    out.requesterPhone = once(request.requesterPhone, &maskPhone);
    out.requesterEmail = once(request.requesterEmail, &maskEmail);
    for (QString *text : {&out.requesterName, &out.requesterOccupation, &out.proxyName, &out.information, &out.purpose,
                          &out.consequenceTest, &out.withheldInfo, &out.referredTo, &out.extensionReason, &out.notes})
        *text = maskFreeText(*text);
    return out;
}

PpidObjection masked(const PpidObjection &objection)
{
    PpidObjection out = objection;
    for (QString *text : {&out.filedBy, &out.summary, &out.requesterResponse, &out.disputeOutcome, &out.notes})
        *text = maskFreeText(*text);
    return out;
}

} // namespace PersonalData

} // namespace Humas
