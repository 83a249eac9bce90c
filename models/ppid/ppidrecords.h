#pragma once

#include "auth/role.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QVariant>

namespace Humas {

class Database;
struct StaleField;

/**
 * Storage helpers shared by the PPID repositories (requests, objections, statistics): how
 * dates, times and lists are written to the rows, the regency's zone, and the role check.
 * Internal to models/ppid.
 */
class PpidRecords
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidRecords)
public:
    /** The regency's fixed UTC offset (WIB/WITA/WIT have no DST) and "today" from Clock. */
    class Zone
    {
    public:
        explicit Zone(Database &db);
        explicit Zone(int offsetSeconds) : m_offset(offsetSeconds) {}
        int offsetSeconds() const { return m_offset; }
        /** The local date of a UTC instant. */
        QDate localDate(const QDateTime &utc) const;
        /** The UTC instant at which local @p date begins. */
        QDateTime startOfDay(const QDate &date) const;
        /** Today's local date (Clock::instance()). */
        QDate today() const;

    private:
        int m_offset = 8 * 3600;
    };

    /** A NOT NULL text column: the SQL driver binds a null QString as NULL. */
    static QString text(const QString &value) { return value.isNull() ? QStringLiteral("") : value; }
    static QVariant nullable(const QString &value) { return value.isEmpty() ? QVariant() : QVariant(value); }
    /** ISO date text, or NULL for an invalid date. */
    static QVariant dateValue(const QDate &date);
    static QDate dateFromText(const QString &text);
    /** "2026-03-16T01:30:00Z" */
    static QString utcText(const QDateTime &dt);
    /** "2026-03-16T01:30:00.123Z": history rows sort by it. */
    static QString utcMsText(const QDateTime &dt);
    static QDateTime utcFromText(const QString &text);
    static QString jsonList(const QStringList &items);
    static QStringList listFromJson(const QString &text);
    /** Whether a live row @p id exists in @p table (one of our own table names). */
    static bool exists(Database &db, const QString &table, const QString &id);
    /**
     * Which requests @p actor reads: admin, ppid and pimpinan every one; an opd account (PPID
     * Pembantu) only those assigned to its own OPD (none when it has no OPD); protokol and
     * redaksi none, the register is not theirs.
     */
    enum class Scope { All, OwnOpd, None };
    static Scope scopeOf(const Actor &actor);
    /**
     * The condition to append to a WHERE clause for @p actor's scope, over the OPD id in
     * @p opdColumn: "" for all, " AND <column> = ?" (its value appended to @p binds) or " AND 0".
     */
    static QString scopeSql(const Actor &actor, const QString &opdColumn, QVariantList *binds);
    /** True when @p allowed; else false with "Your role may not change the PPID registers". */
    static bool checkWriter(bool allowed, const Actor &actor, QString *error);

    /**
     * A user's edit of row @p id as a patch (ChangeWriter::patch): the fields of @p after
     * whose value differs from @p before, each written only if the row still holds its
     * @p before value. A refusal names the fields (columns) with both values; the GUI
     * names them by its form labels (HumasUi::staleFieldsMessage).
     */
    static bool patch(Database &db, const Actor &actor, const QString &table, const QString &id,
                      const QVariantMap &before, const QVariantMap &after, QString *error, QList<StaleField> *stale);
};

} // namespace Humas
