#pragma once

#include "pgtestcluster.h"

#include <QString>
#include <QTemporaryDir>

namespace HumasTest {

/**
 * Where the HubStore cases keep their hub: each case gets a new, empty hub at a location that
 * Database::open takes (a file path or a postgresql:// URL), so the same cases run against both.
 */
class HubBackend
{
public:
    virtual ~HubBackend() = default;
    virtual QString name() const = 0;
    /** Once before the cases; false (with @p error) fails the whole run. */
    virtual bool setUp(QString *error) = 0;
    virtual void tearDown() {}
    /** A location for a new, empty hub; empty with @p error when none can be made. */
    virtual QString newHub(QString *error) = 0;
};

/** Hubs as SQLite files in a temporary folder (the shared file's and the default server's). */
class SqliteHubBackend : public HubBackend
{
public:
    QString name() const override { return QStringLiteral("SQLite"); }
    bool setUp(QString *error) override;
    QString newHub(QString *error) override;

private:
    QTemporaryDir m_dir;
    int m_count = 0;
};

/** Hubs as databases of a throw-away PostgreSQL cluster started for the run (PgTestCluster). */
class PostgresHubBackend : public HubBackend
{
public:
    QString name() const override { return QStringLiteral("PostgreSQL"); }
    bool setUp(QString *error) override;
    void tearDown() override { m_cluster.stop(); }
    QString newHub(QString *error) override;
    PgTestCluster &cluster() { return m_cluster; }

private:
    PgTestCluster m_cluster;
    int m_count = 0;
};

/** Runs the HubStore behaviour cases (tests/sync/hubstorecases.cpp) against @p backend. */
int runHubStoreCases(HubBackend &backend, int argc, char **argv);

} // namespace HumasTest
