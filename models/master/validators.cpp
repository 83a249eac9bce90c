#include "validators.h"

#include <QDate>
#include <QRegularExpression>

namespace Humas {

QString Validators::compactDigits(const QString &text, bool keepPlus)
{
    QString out;
    out.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit() || (keepPlus && c == QLatin1Char('+') && out.isEmpty()))
            out += c;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('.'))
            return text.trimmed(); // leave odd input alone so validation can reject it
    }
    return out;
}

bool Validators::isPhone(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\+62|62|0)[0-9]{8,13}$"));
    return re.match(compactDigits(text, true)).hasMatch();
}

bool Validators::isNip(const QString &text, QString *why)
{
    const QString nip = compactDigits(text, false);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{18}$"));
    if (!digits.match(nip).hasMatch()) {
        if (why)
            *why = tr("it must have 18 digits.");
        return false;
    }
    const QDate birth = QDate::fromString(nip.left(8), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth.year() < 1940) {
        if (why)
            *why = tr("digits 1–8 must be a birth date (YYYYMMDD).");
        return false;
    }
    const int appointYear = nip.mid(8, 4).toInt();
    const int appointMonth = nip.mid(12, 2).toInt();
    if (appointYear < birth.year() + 15 || appointMonth < 1 || appointMonth > 12) {
        if (why)
            *why = tr("digits 9–14 must be the year and month of appointment.");
        return false;
    }
    const QChar sex = nip.at(14);
    if (sex != QLatin1Char('1') && sex != QLatin1Char('2')) {
        if (why)
            *why = tr("digit 15 must be 1 or 2.");
        return false;
    }
    return true;
}

bool Validators::isEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"));
    return re.match(text.trimmed()).hasMatch();
}

} // namespace Humas
