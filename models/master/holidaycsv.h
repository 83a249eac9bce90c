#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Humas {

class Database;
struct Actor;

/** One line of a holiday list: date,kind,name,source (as ../shared/domain/holidays-id.csv). */
struct HolidayEntry
{
    QString date;
    QString kind;
    QString name;
    QString source;
};

/**
 * Reads holiday lists. A malformed file is refused as a whole with the line number of the
 * first problem; import writes all entries or none.
 */
class HolidayCsv
{
    Q_DECLARE_TR_FUNCTIONS(Humas::HolidayCsv)
public:
    static bool parse(const QByteArray &data, QList<HolidayEntry> *entries, QString *error);
    static bool readFile(const QString &path, QList<HolidayEntry> *entries, QString *error);

    struct ImportResult
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        /** PPID deadlines moved by the import (PpidDeadlineRecompute), when it ran outside a transaction. */
        int recomputedDeadlines = 0;
    };
    /**
     * Adds new dates and updates changed ones (same date = same entry, name-based id), in one
     * transaction under the actor's rights.
     */
    static bool import(Database &db, const Actor &actor, const QList<HolidayEntry> &entries, ImportResult *result,
                       QString *error);
    /** The id a holiday on @p date gets (same on every site). */
    static QString holidayId(const QString &date);
};

} // namespace Humas
