#pragma once

#include "auth/role.h"

#include <QCoreApplication>
#include <QString>

namespace Humas {

class Database;

/**
 * Turns a venue typed by name into a venue id, adding an unknown name as a new venue of the
 * given kecamatan (as `humasdesk-cli events add --venue NAME --kecamatan NAME` and the event
 * editor do). A name is matched case-insensitively among the live venues of that kecamatan
 * only: "Aula Kantor Camat" exists once per kecamatan.
 */
class VenueResolver
{
    Q_DECLARE_TR_FUNCTIONS(Humas::VenueResolver)
public:
    VenueResolver(Database &db, Actor actor);

    /** The id of the live venue named @p name in kecamatan @p kecamatanId, or an empty string. */
    QString find(const QString &name, const QString &kecamatanId) const;

    /**
     * find(), or when there is no such venue, adds it to @p kecamatanId (through
     * VenueRepository, so the actor's role must allow it). Returns false with a translated
     * @p error for an empty name, an unknown kecamatan or a refused insert. @p created (may
     * be null) tells whether a venue was added. Callers that store an event with the venue
     * wrap both in one Transaction.
     */
    bool resolve(const QString &name, const QString &kecamatanId, QString *venueId, bool *created, QString *error);

private:
    Database &m_db;
    Actor m_actor;
};

} // namespace Humas
