#pragma once

#include <QDate>
#include <QList>
#include <QSet>

namespace Humas {

class Database;

/**
 * Working days of the regency for legal deadlines (DOMAIN.md "Counting"): Monday–Friday minus
 * the holidays table; cuti bersama count as working days only when the setting says so
 * (default: they do not). The receipt date is day 0; the deadline of N working days is the
 * end of the Nth working day after it. A plain value: no database behind it once built.
 */
class WorkingCalendar
{
public:
    WorkingCalendar() = default;
    /** @p holidays: national holidays; @p cutiBersama: collective-leave days. */
    WorkingCalendar(const QList<QDate> &holidays, const QList<QDate> &cutiBersama, bool cutiBersamaIsWorking);

    /** Reads the live holidays table and the cuti-bersama setting (AppSettings). */
    static WorkingCalendar load(Database &db);
    /** As load(), but with the cuti-bersama rule given (for `ppid due --cuti-bersama-working`). */
    static WorkingCalendar load(Database &db, bool cutiBersamaIsWorking);

    bool isWorkingDay(const QDate &date) const;
    /** The end of the @p workingDays-th working day after @p day0 (day 0 itself never counts). */
    QDate addWorkingDays(const QDate &day0, int workingDays) const;
    /** Working days after @p from up to and including @p to (0 when @p to <= @p from). */
    int workingDaysBetween(const QDate &from, const QDate &to) const;

private:
    QSet<QDate> m_closed;
};

/** The legal deadlines of UU 14/2008, in working days (see WorkingCalendar). */
namespace PpidDeadlines {
constexpr int Response = 10;          ///< Pasal 22(7)
constexpr int Extension = 7;          ///< Pasal 22(8): once, with a written reason
constexpr int ObjectionFiling = 30;   ///< Pasal 35–36: from the cause
constexpr int AtasanAnswer = 30;      ///< Pasal 36: from the objection
constexpr int KomisiInformasi = 14;   ///< Pasal 37: from the Atasan's answer
} // namespace PpidDeadlines

} // namespace Humas
