#pragma once

#include "agenda/agendamodel.h"

#include <QHash>
#include <QStringList>
#include <QTreeWidget>

class QComboBox;

namespace HumasUi {

/**
 * The officials of an event being edited ("officialsTree"): one checkable row per official
 * (requested by the invitation) with a "represented by" choice beside it (diwakilkan,
 * "representative_<CODE>"). The event keeps both lists: officialsRequested and the
 * officials who actually attend (EventRecord::attending()).
 */
class EventFormOfficials : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventFormOfficials(const QList<Humas::AgendaDirectory::Official> &officials, QWidget *parent = nullptr);

    /** Loads the lists of an event; a requested official missing from the directory gets a row of its own. */
    void setOfficials(const QStringList &requested, const QStringList &attending);
    /** Checked officials in row order. */
    QStringList requested() const;
    /** The officials who go: each requested one or its representative, without duplicates. */
    QStringList attending() const;

    void setRequested(const QString &officialId, bool requested);
    /** @p representativeId empty: the official attends in person. */
    void setRepresentative(const QString &requestedId, const QString &representativeId);
    QString representative(const QString &requestedId) const;

    /** Whether representatives may be chosen (only actors who schedule may delegate). */
    void setDelegationEnabled(bool enabled);
    void setReadOnly(bool readOnly);

    /**
     * Who represents whom, read back from stored lists: a requested official still attending
     * goes in person; the others get, in order, the attending officials nobody requested
     * (EventRepository::delegate replaces in place), or else one of the requested officials
     * who attend (a delegation to someone who was going anyway removes the requested one).
     */
    static QHash<QString, QString> representatives(const QStringList &requested, const QStringList &attending);

Q_SIGNALS:
    /** A check or a representative changed. */
    void officialsChanged();

private:
    QTreeWidgetItem *addRow(const QString &id, const QString &text);
    QTreeWidgetItem *rowOf(const QString &id) const;
    QComboBox *comboOf(const QTreeWidgetItem *item) const;
    void updateCombos();

    QList<Humas::AgendaDirectory::Official> m_officials;
    bool m_delegationEnabled = true;
    bool m_readOnly = false;
    bool m_loading = false;
};

} // namespace HumasUi
