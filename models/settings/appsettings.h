#pragma once

#include "auth/role.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

namespace Humas {

class Database;
struct StaleField;

/**
 * Settings that belong to the regency and sync to every PC: name, letterhead, emblem,
 * office address, time zone, whether cuti bersama are working days. Only admin may change
 * them. (Per-PC preferences such as the UI language are in LocalPreferences.)
 */
class AppSettings
{
    Q_DECLARE_TR_FUNCTIONS(Humas::AppSettings)
public:
    AppSettings(Database &db, Actor actor);

    static constexpr const char *RegencyName = "regency_name";
    static constexpr const char *Letterhead = "letterhead";
    static constexpr const char *OfficeAddress = "office_address";
    static constexpr const char *City = "city";
    static constexpr const char *TimeZoneCode = "timezone";
    static constexpr const char *CutiBersamaWorking = "cuti_bersama_working";
    static constexpr const char *EmblemSha256 = "emblem_sha256";
    /** Pattern of PPID registration numbers (RegistrationNumber::format). */
    static constexpr const char *PpidNumberPattern = "ppid_number_pattern";
    /** Pattern of PPID objection numbers (RegistrationNumber::format). */
    static constexpr const char *PpidObjectionNumberPattern = "ppid_objection_number_pattern";
    /** Working hours of the offices ("HH:mm"), for the free-slot search of the agenda. */
    static constexpr const char *WorkStart = "work_start";
    static constexpr const char *WorkEnd = "work_end";

    QString value(const QString &key, const QString &fallback = {}) const;
    bool setValue(const QString &key, const QString &value, QString *error);
    /** Sets several keys in one transaction; validates all first. For writes the program decides. */
    bool setValues(const QMap<QString, QString> &values, QString *error);
    /**
     * A user's edit of the settings as a patch, in one transaction: the keys of @p values
     * whose value differs from @p started (the values the form was filled from), each written
     * only if the stored value is still the one in @p started. If a colleague changed one of
     * them meanwhile, nothing is written and false is returned with both values in @p error
     * (the keys in @p stale, may be null; the form names them by its labels).
     */
    bool setValues(const QMap<QString, QString> &started, const QMap<QString, QString> &values, QString *error,
                   QList<StaleField> *stale = nullptr);


    QString regencyName() const;
    QStringList letterheadLines() const;
    QString officeAddress() const;
    QString city() const;
    /** "WIB", "WITA" or "WIT"; default WITA. */
    QString timeZoneCode() const;
    QTimeZone timeZone() const;
    bool cutiBersamaIsWorkingDay() const;
    /** Default "{seq:3}/PPID/{month_roman}/{year}". */
    QString ppidNumberPattern() const;
    /** Default "{seq:3}/KEB/PPID/{month_roman}/{year}". */
    QString ppidObjectionNumberPattern() const;
    /** Start and end of the working day; default 07.30–16.00 (also when the stored end is not after the start). */
    QTime workStart() const;
    QTime workEnd() const;
    /** The emblem image bytes (PNG/JPEG/SVG as uploaded) or empty. */
    QByteArray emblem() const;
    /** Stores a new emblem after checking that it is an image (≤ 2 MB). */
    bool setEmblem(const QByteArray &imageData, QString *error);

    static QStringList timeZoneCodes();
    /** Stable name-based id of a setting row: every site uses the same id for a key. */
    static QString settingId(const QString &key);
    static bool isValid(const QString &key, const QString &value, QString *error);

private:
    Database &m_db;
    Actor m_actor;
};

} // namespace Humas
