#pragma once

#include <QHash>
#include <QPair>
#include <QString>

namespace Humas {

class EventSpan;

/**
 * Minutes an official needs to get from one place to another (DOMAIN.md "Travel").
 *
 * Defaults: same venue 0, same kecamatan 15, different kecamatan 60. A symmetric matrix per
 * pair of kecamatan overrides the kecamatan defaults (also for a kecamatan with itself). The
 * same venue always needs 0 minutes. When either kecamatan is unknown (empty) and the venues
 * differ, nothing can be said and 0 is returned.
 */
class TravelPolicy
{
public:
    TravelPolicy() = default;

    int sameKecamatanMinutes() const { return m_sameKecamatan; }
    void setSameKecamatanMinutes(int minutes);
    int differentKecamatanMinutes() const { return m_differentKecamatan; }
    void setDifferentKecamatanMinutes(int minutes);

    /** Overrides the travel time between kecamatan @p a and @p b, both ways. */
    void setMinutes(const QString &kecamatanA, const QString &kecamatanB, int minutes);
    /** Removes every matrix override. */
    void clearMatrix();

    /** Minutes needed between two places, each given as venue id and kecamatan id. */
    int minutes(const QString &venueA, const QString &kecamatanA, const QString &venueB,
                const QString &kecamatanB) const;
    /** Minutes needed between the places of two events. */
    int minutesBetween(const EventSpan &a, const EventSpan &b) const;
    /** The largest value minutes() can return: the window a sweep must look back over. */
    int maxMinutes() const { return m_maxMinutes; }

private:
    static QPair<QString, QString> key(const QString &a, const QString &b);
    void updateMax();

    int m_sameKecamatan = 15;
    int m_differentKecamatan = 60;
    int m_maxMinutes = 60;
    QHash<QPair<QString, QString>, int> m_matrix;
};

} // namespace Humas
