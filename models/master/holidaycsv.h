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
    /**
     * The largest holiday file read: 4 MiB. A row takes about 60 bytes (the shipped list
     * averages 57), so MaxRows rows of long names still fit.
     */
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
    /**
     * The most holidays one file may hold: 20,000. A year has about 25 (the shipped list holds
     * 53 for two years), so this is centuries of holidays; an import of that size takes well
     * under a second (bench/bench_holidays.cpp). More is a wrong file, and is refused.
     */
    static constexpr int MaxRows = 20000;

    /** Refuses (with the line) data over MaxFileBytes, rows over MaxRows and over-long names. */
    static bool parse(const QByteArray &data, QList<HolidayEntry> *entries, QString *error);
    static bool readFile(const QString &path, QList<HolidayEntry> *entries, QString *error);

    struct ImportResult
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
    };
    /**
     * Adds new dates and updates changed ones (same date = same entry, name-based id), in one
     * transaction under the actor's rights. The stored holidays are read once and every row
     * is written through one ChangeWriter, so the cost grows linearly with the rows; more than
     * MaxRows entries are refused.
     */
    static bool import(Database &db, const Actor &actor, const QList<HolidayEntry> &entries, ImportResult *result,
                       QString *error);
    /** The id a holiday on @p date gets (same on every site). */
    static QString holidayId(const QString &date);
};

} // namespace Humas
