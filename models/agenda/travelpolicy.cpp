#include "agenda/travelpolicy.h"

#include "agenda/eventspan.h"

#include <algorithm>

namespace Humas {

void TravelPolicy::setSameKecamatanMinutes(int minutes)
{
    m_sameKecamatan = std::max(0, minutes);
    updateMax();
}

void TravelPolicy::setDifferentKecamatanMinutes(int minutes)
{
    m_differentKecamatan = std::max(0, minutes);
    updateMax();
}

void TravelPolicy::setMinutes(const QString &kecamatanA, const QString &kecamatanB, int minutes)
{
    m_matrix.insert(key(kecamatanA, kecamatanB), std::max(0, minutes));
    updateMax();
}

void TravelPolicy::clearMatrix()
{
    m_matrix.clear();
    updateMax();
}

int TravelPolicy::minutes(const QString &venueA, const QString &kecamatanA, const QString &venueB,
                          const QString &kecamatanB) const
{
    if (!venueA.isEmpty() && venueA == venueB)
        return 0;
    if (kecamatanA.isEmpty() || kecamatanB.isEmpty())
        return 0;
    if (!m_matrix.isEmpty()) {
        const auto it = m_matrix.constFind(key(kecamatanA, kecamatanB));
        if (it != m_matrix.constEnd())
            return it.value();
    }
    return kecamatanA == kecamatanB ? m_sameKecamatan : m_differentKecamatan;
}

int TravelPolicy::minutesBetween(const EventSpan &a, const EventSpan &b) const
{
    return minutes(a.venueId(), a.kecamatanId(), b.venueId(), b.kecamatanId());
}

QPair<QString, QString> TravelPolicy::key(const QString &a, const QString &b)
{
    return a < b ? qMakePair(a, b) : qMakePair(b, a);
}

void TravelPolicy::updateMax()
{
    m_maxMinutes = std::max(m_sameKecamatan, m_differentKecamatan);
    for (const int m : std::as_const(m_matrix))
        m_maxMinutes = std::max(m_maxMinutes, m);
}

} // namespace Humas
