#pragma once

#include "agenda/eventrecord.h"
#include "auth/role.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace Humas {
class Database;
}

namespace HumasTest {

/**
 * Builds agenda test data through the real repositories: ids of seeded rows, venues, and
 * timed events given as local "HH:mm" times in the regency's zone.
 */
class AgendaTestData
{
public:
    explicit AgendaTestData(Humas::Database &db);

    /** The id of the live row of @p table whose @p field is @p value (a warning when none). */
    QString id(const QString &table, const QString &field, const QString &value) const;
    QString official(const QString &code) const { return id("officials", "code", code); }
    /** Adds a venue in the kecamatan named @p kecamatan; returns its id. */
    QString venue(const QString &name, const QString &kecamatan) const;
    /** A timed event on @p day from @p from to @p to ("HH:mm", local), not stored. */
    Humas::EventRecord timed(const QString &title, const QDate &day, const QString &from, const QString &to,
                             const QStringList &officialCodes, const QString &venueId,
                             Humas::EventSpan::Status status = Humas::EventSpan::Status::Terjadwal) const;
    /** Stores @p event as @p actor; returns its id, or an empty string (with a warning) when refused. */
    QString add(Humas::EventRecord event, const Humas::Actor &actor = Humas::Actor::system()) const;
    /** timed() + add(), with the organising OPD given by code (none when empty). */
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &officialCodes, const QString &venueId,
                Humas::EventSpan::Status status = Humas::EventSpan::Status::Terjadwal,
                const QString &opdCode = QString()) const;

private:
    Humas::Database &m_db;
};

} // namespace HumasTest
