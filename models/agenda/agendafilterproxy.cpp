#include "agenda/agendafilterproxy.h"

#include "agenda/agendamodel.h"

namespace Humas {

AgendaFilterProxy::AgendaFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AgendaModel::StartMsRole);
    setDynamicSortFilter(true);
}

void AgendaFilterProxy::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-runs filterAcceptsRow.
    invalidateFilter();
}

void AgendaFilterProxy::setOfficialId(const QString &id)
{
    if (m_officialId == id)
        return;
    m_officialId = id;
    refilter();
}

void AgendaFilterProxy::setOpdId(const QString &id)
{
    if (m_opdId == id)
        return;
    m_opdId = id;
    refilter();
}

void AgendaFilterProxy::setStatus(int status)
{
    if (m_status == status)
        return;
    m_status = status;
    refilter();
}

void AgendaFilterProxy::setKecamatanId(const QString &id)
{
    if (m_kecamatanId == id)
        return;
    m_kecamatanId = id;
    refilter();
}

void AgendaFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.simplified();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    refilter();
}

void AgendaFilterProxy::setOnlyConflicts(bool only)
{
    if (m_onlyConflicts == only)
        return;
    m_onlyConflicts = only;
    refilter();
}

bool AgendaFilterProxy::isFiltering() const
{
    return !m_officialId.isEmpty() || !m_opdId.isEmpty() || m_status >= 0 || !m_kecamatanId.isEmpty() ||
           !m_text.isEmpty() || m_onlyConflicts;
}

bool AgendaFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_officialId.isEmpty() && !i.data(AgendaModel::OfficialIdsRole).toStringList().contains(m_officialId) &&
        !i.data(AgendaModel::OfficialsRequestedRole).toStringList().contains(m_officialId))
        return false;
    if (!m_opdId.isEmpty() && i.data(AgendaModel::OpdIdRole).toString() != m_opdId)
        return false;
    if (m_status >= 0 && i.data(AgendaModel::StatusRole).toInt() != m_status)
        return false;
    if (!m_kecamatanId.isEmpty() && i.data(AgendaModel::KecamatanIdRole).toString() != m_kecamatanId)
        return false;
    if (m_onlyConflicts && !i.data(AgendaModel::ConflictRole).toBool())
        return false;
    if (!m_text.isEmpty()) {
        const QString haystack = i.data(AgendaModel::TitleRole).toString() + QLatin1Char('\n') +
                                 i.data(AgendaModel::VenueNameRole).toString() + QLatin1Char('\n') +
                                 i.data(AgendaModel::KecamatanNameRole).toString();
        if (!haystack.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool AgendaFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const qint64 a = left.data(AgendaModel::StartMsRole).toLongLong();
    const qint64 b = right.data(AgendaModel::StartMsRole).toLongLong();
    if (a != b)
        return a < b;
    // All-day first on the same start, then by title, then id for a stable order.
    const bool allDayA = left.data(AgendaModel::AllDayRole).toBool();
    const bool allDayB = right.data(AgendaModel::AllDayRole).toBool();
    if (allDayA != allDayB)
        return allDayA;
    const int byTitle = QString::localeAwareCompare(left.data(AgendaModel::TitleRole).toString(),
                                                    right.data(AgendaModel::TitleRole).toString());
    if (byTitle != 0)
        return byTitle < 0;
    return left.data(AgendaModel::IdRole).toString() < right.data(AgendaModel::IdRole).toString();
}

} // namespace Humas
