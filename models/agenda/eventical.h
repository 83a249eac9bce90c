#pragma once

#include "agenda/eventrecord.h"
#include "agenda/icalevent.h"
#include "auth/role.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace Humas {

class Database;

/**
 * Maps stored agenda events (EventRecord) to iCalendar events (IcalEvent) and back, and
 * imports and exports whole .ics files (issue 3, "iCalendar"). Used by `humasdesk-cli events
 * import|export` and meant for the desktop program as well.
 *
 * What travels where:
 * - UID is the event id. SUMMARY is the title. CLASS:PUBLIC marks a public event.
 * - LOCATION is "venue, kecamatan" (the venue name alone when its kecamatan is unknown), since
 *   one venue name may exist in several kecamatan.
 * - X-HUMAS-OFFICIALS holds the codes of the attending officials, X-HUMAS-OPD the OPD code.
 * - STATUS: diajukan and ditunda → TENTATIVE, terjadwal and selesai → CONFIRMED,
 *   dibatalkan → CANCELLED.
 * - DESCRIPTION (full export only) holds the notes, then a block that starts with the line
 *   "[HumasDesk]" and has one "Key: value" line per internal field (Status, Requested, PIC,
 *   PIC phone, Letter, Letter date, Dress code, Speech, Staff), so a full export brings back
 *   the exact status, the delegation and the internal fields when imported.
 *
 * Import rules:
 * - All or nothing, in two phases: prepareImport() reads, parses, expands and checks the whole
 *   file without writing and without the write lock; writePrepared() then stores it in one
 *   transaction (BEGIN IMMEDIATE … COMMIT) through one ChangeWriter, so other desks wait for
 *   the writes only. The first problem refuses the whole file with a message that starts with
 *   "Line N:" and nothing is stored.
 * - Bounded: IcalReader::MaxFileBytes, MaxOccurrencesPerRule and MaxEventsPerFile; beyond
 *   them the file is refused (naming the line of the rule or event that passed the limit).
 * - Times: UTC, TZID and floating values (floating = the regency's local time); DATE values
 *   are all-day events. A timed event without an end (or with end = start) lasts one hour, as
 *   with `events add`.
 * - Officials and the OPD are looked up by code; an unknown code, or an event naming no
 *   official at all, refuses the file.
 * - LOCATION "name, kecamatan" with a known kecamatan: the venue of that name in that kecamatan,
 *   created when missing (VenueResolver, as `events add` does). Otherwise LOCATION must name
 *   exactly one existing venue; an unknown or ambiguous venue refuses the file. An empty
 *   LOCATION stores the event without a venue.
 * - Recurring events are expanded from one year before today to two years after (today from
 *   Clock::instance(), in the regency's zone) unless setExpansionWindow() chose the days;
 *   each occurrence becomes its own event.
 * - An event already in the database is skipped, never changed: its UID is the id of a live
 *   event, or a live event has the same title, start, end, all-day flag, venue and attending
 *   officials. So importing the same file twice, or a file exported from this database, adds
 *   nothing the second time. The database copy wins over the file. (Imported events get new
 *   ids: EventRepository::add() has no way to keep the UID as the id.)
 *
 * Export: every live event of the range. The public export keeps only public events that are
 * terjadwal or selesai (no submissions, postponed or cancelled events) and leaves out the
 * DESCRIPTION with the notes and the internal fields.
 */
class EventIcal
{
    Q_DECLARE_TR_FUNCTIONS(Humas::EventIcal)
public:
    /** What an import did. */
    struct ImportSummary
    {
        /** Ids of the events stored, in file order. */
        QStringList addedIds;
        /** Events of the file that were already in the database. */
        int skipped = 0;
        /** Venues created for LOCATION values not known before. */
        int venuesAdded = 0;
    };

    /** The line that starts the block of internal fields in DESCRIPTION. */
    static const QString BlockMarker;

    EventIcal(Database &db, Actor actor);
    ~EventIcal();

    /** The regency's date today, from Clock::instance(). */
    QDate today() const;
    /** First and last day within which recurring events are expanded (see the class notes). */
    void expansionWindow(QDate *from, QDate *to) const;
    /**
     * Expands recurring events between @p from and @p to (both inclusive) instead of the
     * window around today; invalid dates restore the default.
     */
    void setExpansionWindow(const QDate &from, const QDate &to);

    /**
     * Imports the iCalendar data @p ics (UTF-8), all or nothing: prepareImport() then
     * writePrepared(). On failure returns false with a translated message (starting with
     * "Line N:" when a line is to blame) and stores nothing.
     */
    bool importData(const QByteArray &ics, ImportSummary *summary, QString *error);
    /** Reads @p path and imports it like importData(). */
    bool importFile(const QString &path, ImportSummary *summary, QString *error);

    /**
     * The first phase of an import: parses, expands, maps and validates every event of @p ics
     * as the store would, without writing and without taking the write lock. On failure
     * returns false with the message importData() gives; on success writePrepared() stores it.
     */
    bool prepareImport(const QByteArray &ics, QString *error);
    /** prepareImport() of the file @p path; a file over IcalReader::MaxFileBytes is not read. */
    bool prepareImportFile(const QString &path, QString *error);
    /** Events the prepared import holds, before those already stored are skipped; 0 if none. */
    int preparedCount() const;
    /**
     * The second phase: stores the prepared import in one transaction, skipping events already
     * in the database (see the class notes). The prepared import is used up either way.
     */
    bool writePrepared(ImportSummary *summary, QString *error);

    /**
     * The live events touching the local days @p from to @p to (inclusive) as iCalendar events;
     * an invalid @p from or @p to leaves that side open. @p publicOnly as described above.
     */
    QList<IcalEvent> exportEvents(const QDate &from, const QDate &to, bool publicOnly) const;
    /** The same as a complete .ics file in the regency's zone; @p count gets the number of events. */
    QByteArray exportData(const QDate &from, const QDate &to, bool publicOnly, int *count = nullptr) const;
    /**
     * Writes exportData() to @p path. The file appears only when complete: it is written as
     * "@p path.part" and renamed. An existing file is replaced.
     */
    bool exportFile(const QString &path, const QDate &from, const QDate &to, bool publicOnly, int *count,
                    QString *error) const;

    /** @p event as an iCalendar event; @p publicOnly leaves out the internal fields. */
    IcalEvent toIcal(const EventRecord &event, bool publicOnly) const;

    /** The DESCRIPTION of a full export: @p notes, then the "[HumasDesk]" block of @p fields. */
    static QString composeDescription(const QString &notes, const QList<std::pair<QString, QString>> &fields);
    /**
     * Splits a DESCRIPTION into the notes and the fields of its "[HumasDesk]" block (empty when
     * it has none: then the whole text is the notes).
     */
    static QString splitDescription(const QString &description, QList<std::pair<QString, QString>> *fields);

private:
    struct Directory;
    class Importer;

    static IcalEvent toIcalEvent(const EventRecord &event, bool publicOnly, const Directory &directory);

    Database &m_db;
    Actor m_actor;
    QDate m_windowFrom;
    QDate m_windowTo;
    std::unique_ptr<Importer> m_importer;
};

} // namespace Humas
