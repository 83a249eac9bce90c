#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace Humas {

/**
 * One clash between two events on one resource.
 *
 * A pair is reported once per kind and resource, always with first < second by event id
 * (plain QString ordering), so the same clash found by ConflictDetector and by
 * ConflictIndex compares equal.
 */
struct Conflict
{
    enum class Kind {
        Official, ///< the events overlap and share an attending official
        Venue,    ///< the events overlap at the same venue
        Travel,   ///< same official, no overlap, but the gap is shorter than the travel time
    };

    Kind kind = Kind::Official;
    QString first;    ///< event id, the smaller of the two
    QString second;   ///< event id, the larger of the two
    QString resource; ///< official id (Official, Travel) or venue id (Venue)

    /** Builds a conflict with the ids put in order. */
    static Conflict make(Kind kind, const QString &a, const QString &b, const QString &resource);
    /** "official", "venue" or "travel", as humasdesk-cli prints it. */
    static QString kindName(Kind kind);

    friend bool operator==(const Conflict &a, const Conflict &b)
    {
        return a.kind == b.kind && a.first == b.first && a.second == b.second && a.resource == b.resource;
    }
    friend bool operator!=(const Conflict &a, const Conflict &b) { return !(a == b); }
    /** Orders by first, second, kind, resource: a stable order for lists and reports. */
    friend bool operator<(const Conflict &a, const Conflict &b);
};

/** Hash for QSet<Conflict>. */
size_t qHash(const Conflict &conflict, size_t seed = 0) noexcept;

} // namespace Humas

Q_DECLARE_METATYPE(Humas::Conflict)
