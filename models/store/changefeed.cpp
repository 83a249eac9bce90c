#include "changefeed.h"

namespace Humas {

void ChangeSet::merge(const ChangeSet &other)
{
    for (auto it = other.m_rows.cbegin(); it != other.m_rows.cend(); ++it)
        m_rows[it.key()].unite(it.value());
}

bool ChangeSet::containsAny(const QStringList &entities) const
{
    for (const QString &e : entities) {
        if (m_rows.contains(e))
            return true;
    }
    return false;
}

int ChangeSet::size() const
{
    int n = 0;
    for (const QSet<QString> &ids : m_rows)
        n += int(ids.size());
    return n;
}

} // namespace Humas
