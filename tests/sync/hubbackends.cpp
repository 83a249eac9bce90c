#include "hubstorecases.h"

namespace HumasTest {

bool SqliteHubBackend::setUp(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder for the hub files");
        return false;
    }
    return true;
}

QString SqliteHubBackend::newHub(QString *)
{
    return m_dir.filePath(QStringLiteral("hub-%1.sqlite").arg(++m_count));
}

bool PostgresHubBackend::setUp(QString *error)
{
    return m_cluster.isRunning() || m_cluster.start(error);
}

QString PostgresHubBackend::newHub(QString *error)
{
    const QString name = QStringLiteral("hub_%1").arg(++m_count);
    if (!m_cluster.createDatabase(name, error))
        return {};
    return m_cluster.url(name);
}

} // namespace HumasTest
