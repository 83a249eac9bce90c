#pragma once

#include <QCoreApplication>
#include <QString>

namespace Humas {

/** Checks of Indonesian identifiers and contact data, shared by repositories and forms. */
class Validators
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Validators)
public:
    /** Digits only (a leading '+' kept for phones); spaces, dots and dashes removed. */
    static QString compactDigits(const QString &text, bool keepPlus);
    /** Indonesian phone: 0… or +62…, 9–15 digits in all. */
    static bool isPhone(const QString &text);
    /**
     * NIP of a civil servant (PNS): 18 digits = birth date YYYYMMDD, appointment YYYYMM,
     * sex 1/2, serial 3 digits. @p why receives the reason it is not valid.
     */
    static bool isNip(const QString &text, QString *why = nullptr);
    static bool isEmail(const QString &text);
    /**
     * NIK (Nomor Induk Kependudukan, e-KTP): 16 digits = region code (province, regency,
     * district: 6 digits), birth date DDMMYY (women add 40 to the day), serial 4 digits
     * (not 0000). The birth date must exist and not lie in the future; YY is read as 20YY
     * unless that is after today (Clock), then 19YY. @p why receives the reason it is not valid.
     */
    static bool isNik(const QString &text, QString *why = nullptr);
};

} // namespace Humas
