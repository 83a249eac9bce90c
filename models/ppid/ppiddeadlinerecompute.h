#pragma once

#include <QDate>
#include <QString>

namespace Humas {

class Database;

/**
 * Keeps the deadlines of open requests and objections in step with the holidays table and
 * the cuti-bersama setting (issue 4: "when they change, the deadlines … are recomputed and
 * the change is visible").
 *
 * How it is wired: a fingerprint of everything that decides working days (the dates and
 * kinds of live holidays, and the cuti-bersama setting) is kept in the local `meta` table
 * after each recomputation. afterHolidaysChanged() compares it and recomputes only when it
 * differs, so it is cheap to call often and safe to call twice. It is called
 * - by HolidayRepository after each successful insert, update, delete or restore made
 *   outside an enclosing transaction (Data Master edits);
 * - by HolidayCsv::import after its transaction commits (`holidays import`, seeding);
 * - by AppSettings after the cuti-bersama setting changes;
 * - and should be called after a sync pull and at start-up, because holidays edited on
 *   another PC arrive by sync (the fingerprint makes those calls free when nothing changed).
 * Every moved request deadline gets a status-history entry ("due_date OLD -> NEW (holidays
 * changed)"), so the change is visible in the request's history.
 */
namespace PpidDeadlineRecompute {
/**
 * Recomputes when the fingerprint changed, writing as @p username. Returns the number of
 * requests and objections whose deadline moved (0 when nothing changed), or -1 with @p error.
 */
int afterHolidaysChanged(Database &db, const QString &username, QString *error = nullptr);
/**
 * The same after a sync pull: only requests and objections whose site_id is this database's
 * site are recomputed, so only the desk that owns a request writes its recompute history.
 */
int afterSyncPull(Database &db, QString *error = nullptr);
/** The fingerprint of the working-day inputs (see above). */
QString fingerprint(Database &db);
} // namespace PpidDeadlineRecompute

/** True from 1 November on when no holiday of the coming year is entered yet. */
bool holidaysMissingForNextYear(Database &db, const QDate &today);

} // namespace Humas
