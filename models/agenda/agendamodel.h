#pragma once

#include "agenda/conflict.h"
#include "agenda/conflictindex.h"
#include "agenda/eventrecord.h"
#include "agenda/eventrepository.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Humas {

class ChangeSet;
class Database;
struct AgendaReportItem;

/**
 * The names behind the ids an agenda shows: officials (in their sort order), venues,
 * kecamatan and OPDs. Loaded once per reload; plain values, no database behind them.
 */
struct AgendaDirectory
{
    struct Official
    {
        QString id;
        QString code;     ///< "BUPATI"
        QString position; ///< "Bupati"
        QString name;     ///< the person, may be empty
    };
    QList<Official> officials; ///< live officials by sort_order, then code
    QHash<QString, QString> venueNames;
    QHash<QString, QString> venueKecamatan; ///< venue id -> kecamatan id
    QHash<QString, QString> kecamatanNames;
    QHash<QString, QString> opdNames;
    QHash<QString, QString> opdCodes;

    /** Reads the live rows of officials, venues, kecamatan and opd. */
    static AgendaDirectory load(Database &db);

    /** Index in officials of @p id, or -1. */
    int officialIndex(const QString &id) const;
    /** The position ("Bupati"), or the id when unknown. */
    QString officialPosition(const QString &id) const;
    /** "BUPATI" for an id, or the id when unknown. */
    QString officialCode(const QString &id) const;
    /** Positions of @p ids joined by ", ". */
    QString officialPositions(const QStringList &ids) const;
};

/**
 * The agenda's events for a range of local days, as an item model that every agenda view
 * (month, week, day, per official, list) and the conflict list read from.
 *
 * One row per live event overlapping the range. Columns are for the list view; the views
 * that paint a calendar read the roles below from column 0. A conflicting event carries
 * ConflictRole = true and a text naming the clash (ConflictTextRole); AgendaColorProxy turns
 * those into Qt::BackgroundRole (conflictColor(): the Okabe–Ito vermillion, which stays
 * distinct from the status colours for the common kinds of colour blindness) and
 * Qt::ToolTipRole. Views also draw a warning mark so the colour is never the only signal.
 *
 * Conflicts are computed by EventRepository::conflictsBetween (a sweep), so events just
 * outside the range count for travel clashes. conflictsFor() answers "what would this draft
 * clash with?" through a ConflictIndex for the editor's live panel and for dragging.
 *
 * Times: StartRole/EndRole are local QDateTimes in the regency's zone (Qt::OffsetFromUTC);
 * StartMsRole/EndMsRole are UTC milliseconds, end exclusive. An all-day event spans local
 * midnight of its first day to local midnight after its last day.
 */
class AgendaModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TitleColumn,
        OfficialsColumn,
        VenueColumn,
        KecamatanColumn,
        OpdColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,              ///< QString
        StartRole,              ///< QDateTime, local (OffsetFromUTC)
        EndRole,                ///< QDateTime, local, exclusive
        StartMsRole,            ///< qint64 UTC ms
        EndMsRole,              ///< qint64 UTC ms, exclusive
        AllDayRole,             ///< bool
        FirstDateRole,          ///< QDate: local date of the start
        LastDateRole,           ///< QDate: local date of the last instant (inclusive)
        StatusRole,             ///< int, EventSpan::Status
        StatusCodeRole,         ///< QString "terjadwal"
        StatusTextRole,         ///< QString, translated "Terjadwal"
        OfficialIdsRole,        ///< QStringList: attending officials (after delegation)
        OfficialsRequestedRole, ///< QStringList
        VenueIdRole,            ///< QString
        VenueNameRole,          ///< QString
        KecamatanIdRole,        ///< QString
        KecamatanNameRole,      ///< QString
        OpdIdRole,              ///< QString
        ConflictRole,           ///< bool: the event clashes with at least one other
        ConflictKindsRole,      ///< QStringList of Conflict::kindName, distinct
        ConflictTextRole,       ///< QString: one line per clash, translated
        CanClashRole,           ///< bool: not postponed or cancelled
        IsPublicRole,           ///< bool
    };
    Q_ENUM(Role)

    AgendaModel(Database &db, const Actor &actor, QObject *parent = nullptr);
    ~AgendaModel() override;

    /** Loads the live events overlapping the local days @p from..@p to (inclusive). */
    void setRange(const QDate &from, const QDate &to);
    QDate rangeFrom() const { return m_from; }
    QDate rangeTo() const { return m_to; }
    /**
     * Reads the range again, resetting the model. Not needed after writes: the model follows
     * Database::changeFeed() for followedEntities() (whoever wrote them, sync included) and
     * refreshes itself, keeping its rows (dataChanged) when the same events are still shown.
     */
    void reload();
    /** The synced tables whose committed changes refresh the model. */
    static const QStringList &followedEntities();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The row of event @p id, or -1. */
    int rowOf(const QString &id) const;
    /** The event in @p row (a copy). */
    EventRecord record(int row) const;
    /** The event @p id if it was loaded (range plus one day each side), else invalid. */
    EventRecord loadedRecord(const QString &id) const;

    /** Every conflict touching the range, sorted. */
    QList<Conflict> conflicts() const { return m_conflicts; }
    /** The conflicts of event @p id within the range. */
    QList<Conflict> conflictsOf(const QString &id) const;
    /**
     * What @p draft would clash with, against every stored event (its own stored version
     * ignored). Uses the loaded index when the draft lies within the loaded days, otherwise
     * reads the days around the draft.
     */
    QList<Conflict> conflictsFor(const EventRecord &draft) const;
    /** One translated line: "Bentrok pejabat — Bupati: Rapat koordinasi (08.00–10.00)". */
    QString describe(const Conflict &conflict, const QString &fromEventId) const;
    /** describe() for each, one per line. */
    QString describeAll(const QList<Conflict> &conflicts, const QString &fromEventId) const;
    /** The translated name of a conflict kind: "Bentrok pejabat", "Bentrok tempat", "Waktu tempuh". */
    static QString kindText(Conflict::Kind kind);

    /** The event as the printed agenda needs it (names resolved). */
    AgendaReportItem reportItem(const EventRecord &event) const;

    const AgendaDirectory &directory() const { return m_directory; }
    EventRepository &repository() { return m_repository; }
    const EventRepository &repository() const { return m_repository; }
    const ConflictIndex &conflictIndex() const { return *m_index; }
    int utcOffsetSeconds() const { return m_repository.utcOffsetSeconds(); }
    /** "WITA" */
    QString zoneCode() const { return m_zoneCode; }

    /** Colour of a clash: Okabe–Ito vermillion #D55E00. */
    static QColor conflictColor();
    /** A calm fill for an event of @p status (EventSpan::Status as int), distinct from conflictColor(). */
    static QColor statusColor(int status);
    /** The translated status name. */
    static QString statusText(int status);

Q_SIGNALS:
    /** After setRange(), reload() or a refresh after a committed change: rows, directory and clashes are new. */
    void reloaded();

private:
    void followChanges(const ChangeSet &changes);
    void refresh();
    QList<EventRecord> readEvents() const;
    QStringList idsInRange(const QList<EventRecord> &events) const;
    void build(const QList<EventRecord> &events);

    QVariant displayData(const EventRecord &event, int column) const;
    QString timeText(const EventRecord &event) const;

    Database &m_db;
    EventRepository m_repository;
    AgendaDirectory m_directory;
    QDate m_from;
    QDate m_to;
    QString m_zoneCode;
    QList<EventRecord> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, EventRecord> m_loaded; ///< range ±1 day, for describing the other event
    QList<Conflict> m_conflicts;
    QHash<QString, QList<Conflict>> m_conflictsById;
    std::unique_ptr<ConflictIndex> m_index;
};

} // namespace Humas
