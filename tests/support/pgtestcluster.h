#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace HumasTest {

/**
 * A throw-away PostgreSQL cluster for one test process (issue 10: the hub in PostgreSQL): initdb
 * into a temporary folder, postgres on 127.0.0.1 at a free port with password (SCRAM) sign-in,
 * stopped and removed with the object. Debian's server binaries (package postgresql, found under
 * /usr/lib/postgresql/<version>/bin or HUMAS_PG_BINDIR). initdb and postgres refuse to run as
 * root, so as root they run as the user postgres (or nobody) through runuser, owning the folder.
 *
 * start() says in its error why the cluster could not start (binaries missing, initdb or
 * postgres failed, with the end of the server's log), so a test can fail with that message
 * instead of skipping.
 */
class PgTestCluster
{
public:
    PgTestCluster();
    ~PgTestCluster();
    PgTestCluster(const PgTestCluster &) = delete;
    PgTestCluster &operator=(const PgTestCluster &) = delete;

    bool start(QString *error);
    void stop();
    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }

    /** "postgresql://humas:<password>@127.0.0.1:<port>/<database>" */
    QString url(const QString &database) const;
    /** CREATE DATABASE @p name (a plain identifier), empty, UTF-8. */
    bool createDatabase(const QString &name, QString *error);
    /** Runs one statement in @p database as the superuser (set-up of odd cases in tests). */
    bool exec(const QString &database, const QString &sql, QString *error);

    static constexpr const char *User = "humas";
    static constexpr const char *Password = "kata-sandi uji/1";

private:
    bool run(const QString &program, const QStringList &args, int timeoutMs, QString *output);
    QString logTail() const;

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_runAs; ///< empty when not root
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace HumasTest
