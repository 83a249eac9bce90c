#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace Humas {

/**
 * Prepared statements of one connection, each prepared once and kept (the sync hub and the
 * pull applier run the same dozen statements for every op and every row). The cache belongs
 * to an object that lives no longer than its connection (HubStore lives for one round).
 *
 * run() returns a reference that stays valid until clear() (each statement is its own heap
 * object), so a caller may read one statement's rows while running others. Binds are
 * positional and replace all earlier ones: a kept statement never carries a value of the
 * previous call. A SELECT is finish()ed by the caller once read.
 */
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase connection) : m_connection(std::move(connection)) {}

    /** Prepares @p sql (once), binds @p binds and runs it; *ok false leaves the error in the query. */
    QSqlQuery &run(const QString &sql, const QVariantList &binds, bool *ok)
    {
        auto it = m_queries.find(sql);
        if (it == m_queries.end()) {
            auto q = std::make_shared<QSqlQuery>(m_connection);
            if (!q->prepare(sql)) {
                m_failed = std::move(q); // not kept: a later call prepares again
                *ok = false;
                return *m_failed;
            }
            it = m_queries.insert(sql, std::move(q));
        }
        QSqlQuery &q = *it.value();
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        *ok = q.exec();
        return q;
    }

    void clear()
    {
        m_queries.clear();
        m_failed.reset();
    }

private:
    QSqlDatabase m_connection;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
    std::shared_ptr<QSqlQuery> m_failed;
};

} // namespace Humas
