#include "database.h"

#include "common/clock.h"
#include "common/hybridclock.h"
#include "common/logging.h"
#include "common/uuid7.h"
#include "migrations.h"
#include "openfiles.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Humas {

namespace {

QAtomicInt s_connectionCounter;

QString sqlError(const QSqlError &e)
{
    return e.text().trimmed();
}

/** A throw-away read-only connection used by inspect(); removed when it goes out of scope. */
class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &path)
        : m_name(QStringLiteral("humas-inspect-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        m_ok = db.open();
        if (!m_ok)
            m_error = sqlError(db.lastError());
    }
    ~ReadOnlyConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

QString verifiedNotePath(const QString &path)
{
    return path + QStringLiteral(".verified");
}

/** Size and modification time in ms: what the verified note compares. */
QString fingerprint(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return {};
    return QStringLiteral("%1 %2").arg(fi.size()).arg(fi.lastModified().toMSecsSinceEpoch());
}

} // namespace

Database::Database(QString connectionName)
    : m_connectionName(connectionName.isEmpty()
                           ? QStringLiteral("humas-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1))
                           : std::move(connectionName))
{
}

Database::~Database()
{
    close();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

int Database::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

QString Database::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return dir + QStringLiteral("/humasdesk/humasdesk.sqlite");
}

bool Database::inspect(const QString &path, DatabaseInfo *info, QString *error, bool quickCheck)
{
    DatabaseInfo result;
    const QFileInfo fi(path);
    result.exists = fi.exists();
    result.sizeBytes = fi.exists() ? fi.size() : 0;
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        if (info)
            *info = result;
        return false;
    };
    if (!result.exists || result.sizeBytes == 0) {
        if (info)
            *info = result;
        return true; // a new database will be created
    }
    if (fi.isDir())
        return fail(tr("%1 is a folder, not a database file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return fail(tr("%1 is not a HumasDesk database (it is not an SQLite file). It was not changed.").arg(path));

    ReadOnlyConnection ro(path);
    if (!ro.ok())
        return fail(tr("Cannot open %1: %2. It was not changed.").arg(path, ro.error()));
    QSqlQuery q(ro.db());
    if (!quickCheck) {
        // Still make SQLite read the header and schema: a damaged schema page fails here.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next())
            return fail(
                tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
    } else if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return fail(tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
    QStringList problems;
    while (quickCheck && q.next())
        problems << q.value(0).toString();
    result.integrity = problems.value(0);
    if (quickCheck && problems != QStringList{QStringLiteral("ok")}) {
        return fail(tr("%1 failed the integrity check (%2). It was not changed; restore a backup.")
                        .arg(path, problems.mid(0, 3).join(QStringLiteral("; "))));
    }
    int appId = 0;
    if (q.exec(QStringLiteral("PRAGMA application_id")) && q.next())
        appId = q.value(0).toInt();
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        result.schemaVersion = q.value(0).toInt();
    int tables = 0;
    if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) && q.next())
        tables = q.value(0).toInt();
    result.isHumasDesk = appId == ApplicationId;
    if (!result.isHumasDesk && tables > 0)
        return fail(tr("%1 is an SQLite database of another program, not HumasDesk. It was not changed.").arg(path));
    if (result.schemaVersion > latestSchemaVersion()) {
        return fail(tr("%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). "
                       "It was not changed; update HumasDesk to open it.")
                        .arg(path)
                        .arg(result.schemaVersion)
                        .arg(latestSchemaVersion()));
    }
    if (info)
        *info = result;
    return true;
}

bool Database::open(const QString &path, QString *error, Journal journal)
{
    close();
    DatabaseInfo info;
    m_checkedOn.clear();
    m_ranIntegrityCheck = m_integrityCheck == IntegrityCheck::Always || needsIntegrityCheck(path);
    if (!inspect(path, &info, error, m_ranIntegrityCheck))
        return false;
    const QFileInfo fi(path);
    if (!fi.absoluteDir().exists() && !QDir().mkpath(fi.absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(fi.absolutePath());
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, sqlError(db.lastError()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    m_path = fi.absoluteFilePath();
    QSqlQuery q(db);
    const QStringList pragmas = {
        journal == Journal::Wal ? QStringLiteral("PRAGMA journal_mode=WAL")
                                : QStringLiteral("PRAGMA journal_mode=DELETE"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        // 64 MB of page cache (SQLite's default is 2 MB): the register and the agenda read
        // the same pages again on every filter keystroke; the cache grows only as it is used.
        QStringLiteral("PRAGMA cache_size=-65536"),
    };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma)) {
            if (error)
                *error = tr("Cannot prepare %1: %2").arg(path, sqlError(q.lastError()));
            close();
            return false;
        }
    }
    if (!migrate(info.schemaVersion, error) || !loadSiteId(error)) {
        close();
        return false;
    }
    m_hlc = std::make_unique<HybridClock>(Clock::instance(), m_siteId);
    // Either quick_check ran now, or the note showed it ran today on this very file: in both
    // cases the file counts as checked today (a brand-new file trivially so).
    m_checkedOn = Clock::instance()->nowUtc().date().toString(Qt::ISODate);
    // Any verified note is stale from now on until the next clean close rewrites it.
    QFile::remove(verifiedNotePath(m_path));
    OpenDatabaseFiles::registerPath(this, m_path);
    qCDebug(lcStore) << "opened" << m_path << "schema" << schemaVersion();
    return true;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    bool wasOpen = false;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (m_depth > 0)
                db.rollback();
            db.close();
            wasOpen = true;
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    OpenDatabaseFiles::unregisterPath(this);
    // Only a clean close records the file as verified; after a crash the note is stale.
    if (wasOpen && !m_path.isEmpty())
        writeVerifiedNote(m_path);
    m_depth = 0;
    m_failedDepth = 0;
    m_hlc.reset();
    m_siteId.clear();
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::migrate(int fromVersion, QString *error)
{
    const int latest = latestSchemaVersion();
    if (fromVersion >= latest)
        return true;
    QString txError;
    Transaction tx(*this, &txError);
    if (!tx.isActive()) {
        if (error)
            *error = txError;
        return false;
    }
    QSqlQuery q(connection());
    if (fromVersion == 0 && !q.exec(QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId))) {
        if (error)
            *error = tr("Cannot initialise the database: %1").arg(sqlError(q.lastError()));
        return false;
    }
    for (int version = fromVersion + 1; version <= latest; ++version) {
        const QStringList statements = Migrations::statements(version);
        if (statements.isEmpty()) {
            if (error)
                *error = tr("Migration %1 is missing from this build.").arg(version);
            return false;
        }
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                if (error)
                    *error = tr("Upgrading the database to schema %1 failed: %2. Nothing was changed.")
                                 .arg(version)
                                 .arg(sqlError(q.lastError()));
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version))) {
            if (error)
                *error = sqlError(q.lastError());
            return false;
        }
        qCInfo(lcStore) << "migrated" << m_path << "to schema" << version;
    }
    return tx.commit(error);
}

bool Database::needsIntegrityCheck(const QString &path) const
{
    const QFileInfo fi(path);
    if (!fi.exists() || fi.size() == 0)
        return false; // a new database
    QFile note(verifiedNotePath(path));
    if (!note.open(QIODevice::ReadOnly))
        return true;
    const QStringList parts = QString::fromLatin1(note.readAll()).trimmed().split(QLatin1Char(' '));
    if (parts.size() != 3)
        return true;
    const QString today = Clock::instance()->nowUtc().date().toString(Qt::ISODate);
    return parts.mid(0, 2).join(QLatin1Char(' ')) != fingerprint(path) || parts.at(2) != today;
}

void Database::writeVerifiedNote(const QString &path) const
{
    if (m_checkedOn.isEmpty())
        return; // never opened successfully
    QFile note(verifiedNotePath(path));
    if (note.open(QIODevice::WriteOnly | QIODevice::Truncate))
        note.write(QString(fingerprint(path) + QLatin1Char(' ') + m_checkedOn).toLatin1());
}

bool Database::loadSiteId(QString *error)
{
    m_siteId = meta(QStringLiteral("site_id"));
    if (!m_siteId.isEmpty())
        return true;
    const QString id = Uuid7::createString();
    if (!setMeta(QStringLiteral("site_id"), id, error))
        return false;
    m_siteId = id;
    return true;
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

bool Database::setMeta(const QString &key, const QString &value, QString *error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value.isNull() ? QStringLiteral("") : value); // a null QString would bind NULL
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(key, sqlError(q.lastError()));
        return false;
    }
    return true;
}

bool Database::backupTo(const QString &targetFile, QString *error) const
{
    const QFileInfo target(targetFile);
    if (target.exists()) {
        if (error)
            *error = tr("%1 already exists; choose another file name.").arg(targetFile);
        return false;
    }
    if (!target.absoluteDir().exists()) {
        if (error)
            *error = tr("The folder %1 does not exist.").arg(target.absolutePath());
        return false;
    }
    // VACUUM INTO writes a consistent, compacted snapshot without blocking writers for long.
    // It writes to a temporary name first so that a half-written backup never looks complete.
    const QString partial = target.absoluteFilePath() + QStringLiteral(".part");
    QFile::remove(partial);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        QFile::remove(partial);
        if (error)
            *error = tr("Backup to %1 failed: %2").arg(targetFile, sqlError(q.lastError()));
        return false;
    }
    if (!QFile::rename(partial, target.absoluteFilePath())) {
        QFile::remove(partial);
        if (error)
            *error = tr("Backup to %1 failed: the file could not be renamed.").arg(targetFile);
        return false;
    }
    return true;
}

bool Database::begin(QString *error)
{
    QSqlQuery q(connection());
    const QString sql =
        m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT sp%1").arg(m_depth);
    if (!q.exec(sql)) {
        if (error)
            *error = tr("The database is busy or read-only: %1").arg(sqlError(q.lastError()));
        return false;
    }
    ++m_depth;
    return true;
}

void Database::markFailed()
{
    if (m_depth > 0 && (m_failedDepth == 0 || m_depth < m_failedDepth))
        m_failedDepth = m_depth;
}

bool Database::commit(QString *error)
{
    if (m_depth <= 0)
        return false;
    if (m_failedDepth > 0 && m_depth <= m_failedDepth) {
        rollback();
        if (error)
            *error = tr("A change in this transaction failed earlier; nothing was saved.");
        return false;
    }
    QSqlQuery q(connection());
    const QString sql = m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(m_depth - 1);
    if (!q.exec(sql)) {
        if (error)
            *error = tr("Saving failed: %1").arg(sqlError(q.lastError()));
        rollback();
        return false;
    }
    --m_depth;
    return true;
}

void Database::rollback()
{
    if (m_depth <= 0)
        return;
    if (m_failedDepth >= m_depth)
        m_failedDepth = 0; // the half-done change is undone with this level
    QSqlQuery q(connection());
    if (m_depth == 1) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        q.exec(QStringLiteral("ROLLBACK TO sp%1").arg(m_depth - 1));
        q.exec(QStringLiteral("RELEASE sp%1").arg(m_depth - 1));
    }
    --m_depth;
}

Transaction::Transaction(Database &db, QString *error) : m_db(db)
{
    m_active = m_db.begin(error);
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active)
        return false;
    m_active = false;
    return m_db.commit(error);
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.rollback();
}

} // namespace Humas
