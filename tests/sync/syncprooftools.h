#pragma once

// Helpers of the sync proof tests (issue 9 part 5): what "converged" means, checked the same
// way by every test: table hashes over the user fields of synced rows, integrity checks of
// closed files, the idempotency ledger against the outboxes.

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Humas {
class Database;
class SyncTransport;
struct SyncReport;
} // namespace Humas

namespace SyncTest {

/** The columns of @p table that a person writes (all but rev, updated_*, site_id, hlc, sync_seq). */
QStringList userColumns(const QSqlDatabase &db, const QString &table);
/** SHA-256 (hex) over every row (tombstones too) of @p tables, user fields only, in id order. */
QString tableHash(const QSqlDatabase &db, const QStringList &tables);
/** One text line per row, for showing the first difference when two hashes differ. */
QStringList tableDump(const QSqlDatabase &db, const QString &table);
/** The first line that differs between two dumps of the same table ("" when none). */
QString firstDifference(const QStringList &a, const QStringList &b);
/** PRAGMA integrity_check of a file nobody has open, through its own read-only connection. */
QString integrityCheck(const QString &path);
/** Runs a query on a read-only connection of @p path and returns the first column of each row. */
QStringList column(const QString &path, const QString &sql);
/** A single value of a query on @p db ("" when there is none). */
QString scalar(const QSqlDatabase &db, const QString &sql);

/**
 * Rounds without faults until a whole pass pushes and pulls nothing (at most @p maxPasses);
 * returns the number of passes, -1 when a round failed (error set) or it never settled.
 */
int roundsToQuiescence(const QList<Humas::Database *> &dbs, const QList<Humas::SyncTransport *> &transports,
                       QString *error, int maxPasses = 10);

} // namespace SyncTest
