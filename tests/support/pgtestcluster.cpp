#include "pgtestcluster.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace HumasTest {

namespace {

QString findBinDir()
{
    const QString forced = qEnvironmentVariable("HUMAS_PG_BINDIR");
    if (!forced.isEmpty())
        return forced;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), [&](const QString &a, const QString &b) { return numeric(b, a) < 0; });
    for (const QString &v : versions) {
        const QString bin = root.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

int s_connections = 0;

} // namespace

PgTestCluster::PgTestCluster() : m_dir(QDir::tempPath() + QStringLiteral("/humas-pg-XXXXXX")) {}

PgTestCluster::~PgTestCluster()
{
    stop();
}

bool PgTestCluster::run(const QString &program, const QStringList &args, int timeoutMs, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    if (m_runAs.isEmpty()) {
        p.start(program, args);
    } else {
        p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), m_runAs, QStringLiteral("--"), program} + args);
    }
    const bool finished = p.waitForStarted(10000) && p.waitForFinished(timeoutMs);
    if (!finished)
        p.kill();
    p.waitForFinished(2000);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed() + (p.error() == QProcess::FailedToStart
                                                                        ? QStringLiteral(" (%1 could not be started)").arg(program)
                                                                        : QString());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString PgTestCluster::logTail() const
{
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log)");
    const QByteArray all = log.readAll();
    return QString::fromLocal8Bit(all.right(1500));
}

bool PgTestCluster::start(QString *error)
{
    auto fail = [&](const QString &message) {
        *error = QStringLiteral("The test PostgreSQL cluster did not start: ") + message;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary folder"));
    m_binDir = findBinDir();
    if (m_binDir.isEmpty())
        return fail(QStringLiteral("no initdb/pg_ctl under /usr/lib/postgresql/*/bin (install the Debian package "
                                   "postgresql, or set HUMAS_PG_BINDIR)"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("Qt's QPSQL driver is missing (Debian package libqt6sql6-psql)"));
    if (geteuid() == 0) {
        // initdb and postgres refuse root: the folder goes to an unprivileged user who runs them.
        for (const char *name : {"postgres", "nobody"}) {
            if (const passwd *pw = getpwnam(name)) {
                m_runAs = QString::fromLatin1(name);
                if (chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
                    return fail(QStringLiteral("cannot hand %1 to the user %2").arg(m_dir.path(), m_runAs));
                break;
            }
        }
        if (m_runAs.isEmpty())
            return fail(QStringLiteral("running as root, and neither the user postgres nor nobody exists"));
    }
    const QString pwFile = m_dir.filePath(QStringLiteral("pw"));
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(Password) + '\n') < 0)
            return fail(QStringLiteral("cannot write %1").arg(pwFile));
    }
    if (!m_runAs.isEmpty()) {
        const passwd *pw = getpwnam(qPrintable(m_runAs));
        if (chown(QFile::encodeName(pwFile).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return fail(QStringLiteral("cannot hand %1 to %2").arg(pwFile, m_runAs));
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QString out;
    // C locale: lower() and ORDER BY on text behave as in SQLite whatever the machine's locale.
    if (!run(m_binDir + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QString::fromLatin1(User),
              QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth=scram-sha-256"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             120000, &out))
        return fail(QStringLiteral("initdb failed: ") + out.right(1500));
    QFile::remove(pwFile);
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free port on 127.0.0.1"));
        // A socket in the private folder too (not /var/run/postgresql, which may not exist);
        // no fsync: the cluster lives as long as the test.
        const QString options = QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -F -c max_connections=60")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        m_running = run(m_binDir + QStringLiteral("/pg_ctl"),
                        {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                         QStringLiteral("start")},
                        90000, &out);
    }
    if (!m_running)
        return fail(QStringLiteral("pg_ctl start failed: %1\nserver log:\n%2").arg(out, logTail()));
    return true;
}

void PgTestCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString out;
    if (!run(m_binDir + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
              QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
             60000, &out))
        qWarning("PgTestCluster: pg_ctl stop failed: %s", qPrintable(out));
}

QString PgTestCluster::url(const QString &database) const
{
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    u.setUserName(QString::fromLatin1(User));
    u.setPassword(QString::fromLatin1(Password));
    u.setPath(QLatin1Char('/') + database);
    return u.toString(QUrl::FullyEncoded);
}

bool PgTestCluster::exec(const QString &database, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("humas-pg-test-admin-%1").arg(++s_connections);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QString::fromLatin1(User));
        db.setPassword(QString::fromLatin1(Password));
        db.setDatabaseName(database);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool PgTestCluster::createDatabase(const QString &name, QString *error)
{
    return exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(name),
                error);
}

} // namespace HumasTest
