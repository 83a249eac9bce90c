#pragma once

#include "sync/syncconflicts.h"

#include <QCoreApplication>
#include <QString>

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * How a sync conflict reads to a person: the record by its title (the event's title, the
 * OPD's name, the request's number), the field by its label, values as text (a referenced
 * row by its name, a time in the regency's zone), and who wrote each side when.
 */
class SyncConflictText
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::SyncConflictText)
public:
    explicit SyncConflictText(Humas::Database &db);

    /** "Event", "OPD", "Information request", … */
    static QString entityName(const QString &entity);
    /** A readable title of the row ("Rapat koordinasi …"), else its id. */
    QString recordTitle(const QString &entity, const QString &rowId) const;
    /** The field's label ("Title", "Notes"), else its column name. */
    static QString fieldLabel(const QString &entity, const QString &field);
    /** A value as the person knows it; an empty value reads "(empty)". */
    QString valueText(const QString &entity, const QString &field, const QJsonValue &value) const;
    /** "Siti (this PC), Kamis, 3 Desember 2026, 14.05 WITA". */
    QString whoWhen(const QString &actorId, const QString &site, const QString &at) const;
    /** The editable text of a value (for "Type another value…"). */
    static QString plainValue(const QJsonValue &value);
    /** Both values, who and when, in a few lines (the field marker's tooltip). */
    QString summary(const Humas::SyncConflict &conflict) const;

private:
    Humas::Database &m_db;
};

} // namespace HumasUi
