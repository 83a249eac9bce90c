#pragma once

#include "agenda/eventrecord.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace Humas {
class AgendaModel;
class Database;
} // namespace Humas

namespace HumasUi {

class EventFormAttachment;
class EventFormOfficials;
class EventFormTimes;

/**
 * The fields of one agenda event, without buttons: what EventEditDialog shows beside its
 * conflict panel. Every editor has an objectName ("titleEdit", "opdCombo", "startEdit", …)
 * for tests.
 *
 * Times are edited as the regency's local wall-clock time (the zone code, "WITA", is shown
 * beside them) and converted with the repository's fixed offset, so the computer's own
 * time zone never matters.
 *
 * The venue is typed or picked: a name that is not a venue of the chosen kecamatan is a new
 * venue, which the dialog adds when it saves (Humas::VenueResolver). Times, officials and the
 * invitation scan are parts of their own: EventFormTimes, EventFormOfficials, EventFormAttachment.
 */
class EventForm : public QWidget
{
    Q_OBJECT
public:
    EventForm(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent = nullptr);
    ~EventForm() override;

    /** Loads @p event; an event without times starts tomorrow 09.00–10.00 local time. */
    void setEvent(const Humas::EventRecord &event);
    /** The event as edited (the draft). For a new venue venueId is empty: see newVenueName(). */
    Humas::EventRecord event() const;
    /** The event as loaded by setEvent(). */
    Humas::EventRecord original() const { return m_original; }

    /** The venue text as typed. */
    QString venueName() const;
    /** The chosen kecamatan id, or empty. */
    QString kecamatanId() const;
    /** The venue id matching the typed name in the chosen kecamatan, or empty. */
    QString venueId() const;
    /** The typed venue name when it is not yet a venue of the chosen kecamatan; else empty. */
    QString newVenueName() const;
    /**
     * What the form itself can tell is wrong before the repository sees it (an OPD name
     * that matches none, a new venue without kecamatan); empty when nothing.
     */
    QString inputError() const;

    /** Sets a timed span (UTC); turns all-day off. */
    void setTimes(const QDateTime &startUtc, const QDateTime &endUtc);

    EventFormAttachment *attachment() const { return m_attachment; }
    EventFormTimes *times() const { return m_times; }
    EventFormOfficials *officials() const { return m_officials; }
    /** The first field (the title), for the initial focus. */
    QWidget *firstField() const;
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /** Times, all-day, officials, venue, kecamatan or status changed: what decides clashes. */
    void conflictInputsChanged();

private:
    QWidget *buildEventPage();
    QWidget *buildOfficialsPage();
    QWidget *buildLetterPage();
    QWidget *buildDetailsPage();
    void fillChoices();
    void applyRole();
    void loadStatus(const Humas::EventRecord &event);
    void setVenue(const QString &venueId);
    void updateVenueHint();
    void emitConflictInputsChanged();
    QString opdId() const;
    /** The editor of each column, for the sync conflict marks. */
    QHash<QString, QWidget *> syncFields() const;

    Humas::Database &m_db;
    Humas::AgendaModel *m_model;
    Humas::EventRecord m_original;
    bool m_loading = false;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_opd = nullptr;
    QLineEdit *m_picName = nullptr;
    QLineEdit *m_picPhone = nullptr;
    QLineEdit *m_letterNumber = nullptr;
    QCheckBox *m_letterDated = nullptr;
    QDateEdit *m_letterDate = nullptr;
    EventFormAttachment *m_attachment = nullptr;
    EventFormOfficials *m_officials = nullptr;
    QComboBox *m_venue = nullptr;
    QComboBox *m_kecamatan = nullptr;
    QLabel *m_venueHint = nullptr;
    EventFormTimes *m_times = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_dressCode = nullptr;
    QCheckBox *m_speech = nullptr;
    QLineEdit *m_staff = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QCheckBox *m_public = nullptr;
};

} // namespace HumasUi
