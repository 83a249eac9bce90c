#include "validators.h"

#include "common/clock.h"

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

bool Validators::isNik(const QString &text, QString *why)
{
    const auto fail = [why](const QString &message) {
        if (why)
            *why = message;
        return false;
    };
    const QString nik = compactDigits(text, false);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{16}$"));
    if (!digits.match(nik).hasMatch())
        return fail(tr("it must have 16 digits."));
    if (nik.left(2) == QLatin1String("00") || nik.mid(2, 2) == QLatin1String("00"))
        return fail(tr("digits 1–4 must be a province and regency code."));
    int day = nik.mid(6, 2).toInt();
    if (day > 40)
        day -= 40; // women
    const int month = nik.mid(8, 2).toInt();
    const int yy = nik.mid(10, 2).toInt();
    const QDate today = Clock::instance()->nowUtc().date();
    QDate birth(2000 + yy, month, day);
    if (!birth.isValid() || birth > today)
        birth = QDate(1900 + yy, month, day);
    if (!birth.isValid() || birth > today)
        return fail(tr("digits 7–12 must be a birth date (DDMMYY; women add 40 to the day)."));
    if (nik.right(4) == QLatin1String("0000"))
        return fail(tr("digits 13–16 must be a serial number other than 0000."));
    return true;
}

} // namespace Humas
