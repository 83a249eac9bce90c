#include "agenda/venueresolver.h"

#include "master/referencerepositories.h"

namespace Humas {

namespace {
const QString NameField = QStringLiteral("name");
const QString KecamatanField = QStringLiteral("kecamatan_id");
} // namespace

VenueResolver::VenueResolver(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

QString VenueResolver::find(const QString &name, const QString &kecamatanId) const
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty() || kecamatanId.isEmpty())
        return {};
    const VenueRepository venues(m_db, m_actor);
    for (const Record &venue : venues.list()) {
        if (venue.text(KecamatanField) == kecamatanId &&
            venue.text(NameField).compare(wanted, Qt::CaseInsensitive) == 0)
            return venue.id;
    }
    return {};
}

bool VenueResolver::resolve(const QString &name, const QString &kecamatanId, QString *venueId, bool *created,
                            QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (created)
        *created = false;
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return fail(tr("A venue needs a name."));
    const Record kecamatan = KecamatanRepository(m_db, m_actor).get(kecamatanId);
    if (!kecamatan.isValid() || kecamatan.deleted)
        return fail(tr("Choose the district (kecamatan) of the venue \"%1\".").arg(wanted));
    const QString found = find(wanted, kecamatanId);
    if (!found.isEmpty()) {
        *venueId = found;
        return true;
    }
    VenueRepository venues(m_db, m_actor);
    QString id;
    if (!venues.insert({{NameField, wanted}, {KecamatanField, kecamatanId}}, &id, error))
        return false;
    *venueId = id;
    if (created)
        *created = true;
    return true;
}

} // namespace Humas
