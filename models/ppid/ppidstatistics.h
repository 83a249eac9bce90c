#pragma once

#include "auth/role.h"

#include <QDate>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Humas {

class Database;

/**
 * Figures of the information service for a period (a month, a half-year or a year): one
 * function used by the GUI, the CLI (`ppid stats`) and the printed reports.
 */
struct PpidStatistics
{
    QDate from;
    QDate to;
    int received = 0;
    QMap<QString, int> byChannel; ///< channel code -> requests received
    QMap<QString, int> byOpd;     ///< OPD id ("" = none) -> requests received
    int grantedFully = 0;
    int grantedPartly = 0;
    int refused = 0;
    QMap<QString, int> refusedByReason; ///< reason code (pasal17 letters as "pasal17_a") -> count
    int decided = 0;
    double meanWorkingDaysToDecision = 0;
    int maxWorkingDaysToDecision = 0;
    int decidedLate = 0; ///< decided after the due date
    int open = 0;
    int overdue = 0; ///< still open and past the due date (today from Clock)
    int objections = 0;
    QMap<QString, int> objectionsByGround;  ///< "a".."g"
    QMap<QString, int> objectionsByOutcome; ///< Atasan's decision text category
    int disputes = 0;

    /** Computes the figures of every request received in [from, to] (local dates, inclusive). */
    static PpidStatistics compute(Database &db, const QDate &from, const QDate &to);
    /**
     * The same over the requests @p viewer may see (PpidRecords::scopeOf): a PPID Pembantu
     * counts its own OPD's requests and the objections against them only.
     */
    static PpidStatistics compute(Database &db, const QDate &from, const QDate &to, const Actor &viewer);
    QJsonObject toJson() const;
};

} // namespace Humas
