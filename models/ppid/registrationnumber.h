#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace Humas {

class Database;

/**
 * Registration numbers of the PPID registers (requests and objections).
 *
 * A number is made from a pattern (AppSettings::PpidNumberPattern, default
 * `{seq:3}/PPID/{month_roman}/{year}`) with these placeholders:
 * `{seq}` / `{seq:N}` the sequence (zero-padded to N digits), `{desk}` this PC's desk code,
 * `{year}`, `{yy}`, `{month}` (01–12), `{month_roman}` (I–XII), `{day}` (01–31) of the
 * receipt date.
 *
 * Uniqueness across PCs that work offline: the sequence runs per series, desk and year
 * (a `ppid_sequences` row that only its own desk writes), and every number contains the
 * desk code. A pattern without `{desk}` gets it right after its `{seq…}` placeholder
 * (`001-A3F9/PPID/III/2026`), and one without a year gets `/{year}` appended
 * (effectivePattern()), so no setting can make two PCs give the same number. The desk
 * code is kept per PC in the local `meta` table (never synced); by default it is the last
 * four hexadecimal digits of the site id (the random part of its UUID), and admin may set a
 * shorter one ("A", "LT2") that no other desk uses.
 */
class RegistrationNumber
{
    Q_DECLARE_TR_FUNCTIONS(Humas::RegistrationNumber)
public:
    enum class Series { Request, Objection };

    static QString defaultPattern();          ///< "{seq:3}/PPID/{month_roman}/{year}"
    static QString defaultObjectionPattern(); ///< "{seq:3}/KEB/PPID/{month_roman}/{year}"
    /** "I" … "XII"; empty outside 1–12. */
    static QString romanMonth(int month);

    /** A pattern is valid with one `{seq}` or `{seq:N}` (N 1–9) and only known placeholders. */
    static bool isValidPattern(const QString &pattern, QString *error);
    /** @p pattern with `{desk}` and a year placeholder added when it lacks them (see above). */
    static QString effectivePattern(const QString &pattern);
    /** The number for @p seq of @p desk on @p date, with effectivePattern(@p pattern). */
    static QString format(const QString &pattern, int seq, const QString &desk, const QDate &date);

    /** This PC's desk code (meta `ppid_desk_code`, else defaultDeskCode() of the site id). */
    static QString deskCode(Database &db);
    /** The last four hexadecimal digits of @p siteId, upper case ("A3F9"). */
    static QString defaultDeskCode(const QString &siteId);
    /** 1–8 letters A–Z or digits. */
    static bool isValidDeskCode(const QString &code, QString *error);
    /**
     * Sets this PC's desk code. Refused when the code is malformed or another site already
     * numbers with it (its ppid_sequences rows came by sync).
     */
    static bool setDeskCode(Database &db, const QString &code, QString *error);

    /** What take() gave out. */
    struct Taken
    {
        QString number;
        QString desk;
        int year = 0;
        int seq = 0;
    };
    /**
     * Takes the next number of this desk in @p series for the year of @p date (local receipt
     * date) and records it in `ppid_sequences` through ChangeWriter as @p actor. Call inside
     * the transaction that stores the row carrying the number.
     */
    static bool take(Database &db, const QString &actor, Series series, const QDate &date, Taken *taken,
                     QString *error);
};

} // namespace Humas
