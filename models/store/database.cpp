#include "database.h"

#include "changefeed.h"
#include "changewriter.h"

#include "common/clock.h"
#include "common/hybridclock.h"
#include "common/logging.h"
#include "common/uuid7.h"
#include "migrations.h"
#include "pgschema.h"
#include "sqldialect.h"
#include "sync/syncfaults.h"
#include "schemacheck.h"
#include "openfiles.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUrl>
#include <QUrlQuery>

namespace Humas {

namespace {

QAtomicInt s_connectionCounter;

bool isWritableFile(const QFileInfo &fi)
{
    // A journal or WAL file beside the database must be creatable too.
    return fi.isWritable() && QFileInfo(fi.absolutePath()).isWritable();
}

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
        Database::configureReadOnly(&db, path);
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
                           : std::move(connectionName)),
      m_feed(std::make_unique<ChangeFeed>()), m_pending(std::make_unique<ChangeSet>())
{
}

Database::~Database()
{
    close();
}

ChangeWriter &Database::writer()
{
    if (!m_writer)
        m_writer = std::make_unique<ChangeWriter>(*this);
    return *m_writer;
}

void Database::noteChanged(const QString &entity, const QString &rowId)
{
    m_pending->add(entity, rowId);
}

void Database::announce(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return;
    Q_ASSERT(m_depth == 0);
    Q_EMIT m_feed->committed(changes);
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

namespace {

/** SQLite's primary result codes that need their own message (sqlite3.h). */
constexpr int SqliteReadOnly = 8;
constexpr int SqliteNotADatabase = 26;

int primaryCode(const QSqlError &e)
{
    return e.nativeErrorCode().toInt() & 0xff;
}

} // namespace

void Database::configureReadOnly(QSqlDatabase *db, const QString &path)
{
    const QFileInfo fi(path);
    if (fi.exists() && !isWritableFile(fi) && !QFileInfo::exists(path + QStringLiteral("-wal"))) {
        // A WAL database in a folder this user may not write: SQLite cannot create the -shm
        // file a reader needs. With no -wal file there is nobody writing (a writer would have
        // made one), so the file can be read as immutable, without any shared memory or lock.
        QUrl url = QUrl::fromLocalFile(fi.absoluteFilePath());
        url.setQuery(QStringLiteral("immutable=1"));
        db->setDatabaseName(url.toString(QUrl::FullyEncoded));
        db->setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        return;
    }
    db->setDatabaseName(path);
    db->setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
}

QString Database::readOnlyMessage(const QString &path)
{
    return tr("%1 is read-only (this user may not write the file or its folder). It was not changed. "
              "Make it writable, or copy it to a folder you may write to.")
        .arg(path);
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
    if (!result.exists) {
        if (info)
            *info = result;
        return true; // a new database will be created
    }
    if (fi.isDir())
        return fail(tr("%1 is a folder, not a database file.").arg(path));
    if (!fi.isFile())
        return fail(
            tr("%1 is not a regular file, so it cannot be a HumasDesk database. It was not changed.").arg(path));
    result.isReadOnly = !isWritableFile(fi);
    if (result.sizeBytes == 0) {
        result.isEmpty = true;
        if (info)
            *info = result;
        return true;
    }
    if (!fi.isReadable())
        return fail(tr("Cannot read %1: permission denied. It was not changed.").arg(path));

    // Everything below reads through SQLite only. Opening the file any other way (a QFile for
    // the header, say) and closing it again would drop every POSIX lock this process holds on
    // it, should the program already have it open (SQLite "How To Corrupt" 2.2).
    ReadOnlyConnection ro(path);
    if (!ro.ok())
        return fail(tr("Cannot open %1: %2. It was not changed.").arg(path, ro.error()));
    QSqlQuery q(ro.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()) {
        if (primaryCode(q.lastError()) == SqliteNotADatabase)
            return fail(tr("%1 is not a HumasDesk database (it is not an SQLite file). It was not changed.").arg(path));
        return fail(tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
    }
    const int tables = q.value(0).toInt();
    if (quickCheck) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check")))
            return fail(
                tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
        QStringList problems;
        while (q.next())
            problems << q.value(0).toString();
        result.integrity = problems.value(0);
        if (problems != QStringList{QStringLiteral("ok")}) {
            return fail(tr("%1 failed the integrity check (%2). It was not changed; restore a backup.")
                            .arg(path, problems.mid(0, 3).join(QStringLiteral("; "))));
        }
    }
    int appId = 0;
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return fail(tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
    appId = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(tr("%1 is damaged (%2). It was not changed; restore a backup.").arg(path, sqlError(q.lastError())));
    result.schemaVersion = q.value(0).toInt();
    result.isHumasDesk = appId == ApplicationId;
    if (!result.isHumasDesk) {
        if (appId == 0 && tables == 0 && result.schemaVersion == 0) {
            result.isEmpty = true; // an SQLite file nobody has put anything in
            if (info)
                *info = result;
            return true;
        }
        return fail(tr("%1 is an SQLite database of another program, not HumasDesk. It was not changed.").arg(path));
    }
    if (result.schemaVersion > latestSchemaVersion()) {
        return fail(tr("%1 was made by a newer HumasDesk (schema %2; this version knows up to %3). "
                       "It was not changed; update HumasDesk to open it.")
                        .arg(path)
                        .arg(result.schemaVersion)
                        .arg(latestSchemaVersion()));
    }
    if (result.schemaVersion < 1) {
        if (tables == 0) {
            result.isEmpty = true;
            if (info)
                *info = result;
            return true;
        }
        return fail(
            tr("%1 has HumasDesk's mark but no schema version. It was not changed; restore a backup.").arg(path));
    }
    const QStringList schemaProblems = SchemaCheck::problems(ro.db(), result.schemaVersion);
    if (!schemaProblems.isEmpty()) {
        const QStringList shown = schemaProblems.mid(0, 3);
        return fail(tr("%1 does not have the tables and columns of HumasDesk schema %2 (%3%4). "
                       "It was not changed; restore a backup.")
                        .arg(path)
                        .arg(result.schemaVersion)
                        .arg(shown.join(QStringLiteral("; ")),
                             schemaProblems.size() > shown.size()
                                 ? tr("; %n more", nullptr, int(schemaProblems.size() - shown.size()))
                                 : QString()));
    }
    if (info)
        *info = result;
    return true;
}

bool Database::open(const QString &path, QString *error, Journal journal)
{
    OpenOptions options;
    options.journal = journal;
    return open(path, error, options);
}

bool Database::open(const QString &path, QString *error, const OpenOptions &options)
{
    close();
    if (isPostgresUrl(path))
        return openPostgres(path, error);
    DatabaseInfo info;
    m_checkedOn.clear();
    m_readOnly = false;
    m_ranIntegrityCheck = m_integrityCheck == IntegrityCheck::Always ||
                          (m_integrityCheck == IntegrityCheck::WhenChanged && needsIntegrityCheck(path));
    if (!inspect(path, &info, error, m_ranIntegrityCheck))
        return false;
    if (info.exists && info.isEmpty && !options.initialiseEmpty) {
        if (error)
            *error = tr("%1 is an empty file, not a HumasDesk database. It was not changed; "
                        "\"humasdesk-cli init\" sets up an empty file as a new database.")
                         .arg(path);
        return false;
    }
    if (info.exists && info.isReadOnly) {
        if (options.readOnlyFallback && !info.isEmpty)
            return openReadOnly(path, info, error);
        if (error)
            *error = readOnlyMessage(path);
        return false;
    }
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
    auto failed = [&](const QSqlError &e) {
        if (error)
            *error = primaryCode(e) == SqliteReadOnly ? readOnlyMessage(path)
                                                      : tr("Cannot prepare %1: %2").arg(path, sqlError(e));
        close();
        return false;
    };
    // None of these write to the file.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        // 64 MB of page cache (SQLite's default is 2 MB): the register and the agenda read
        // the same pages again on every filter keystroke; the cache grows only as it is used.
        QStringLiteral("PRAGMA cache_size=-65536"),
    };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma))
            return failed(q.lastError());
    }
    // The file is known to be HumasDesk's (or new, or an empty file init may set up): the
    // upgrade runs first, in one transaction, and only then is the journal mode switched, so
    // a refused upgrade leaves the file as it was, header included.
    if (!migrate(info.schemaVersion, error)) {
        close();
        return false;
    }
    if (!q.exec(options.journal == Journal::Wal ? QStringLiteral("PRAGMA journal_mode=WAL")
                                                : QStringLiteral("PRAGMA journal_mode=DELETE")))
        return failed(q.lastError());
    if (!loadSiteId(error)) {
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

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

namespace {

/** The URL as shown in messages and logs: without its password. */
QString shownUrl(QUrl url)
{
    url.setPassword({});
    return url.toString(QUrl::RemovePassword);
}

/** libpq's connection keywords a URL's query may carry (QPSQL takes them ';'-separated). */
bool isConnectOption(const QString &key)
{
    static const QStringList keys = {
        QStringLiteral("sslmode"),       QStringLiteral("sslcert"),     QStringLiteral("sslkey"),
        QStringLiteral("sslrootcert"),   QStringLiteral("sslcrl"),      QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs"), QStringLiteral("gssencmode"),
        QStringLiteral("keepalives"),    QStringLiteral("keepalives_idle"),
    };
    return keys.contains(key);
}

} // namespace

bool Database::openPostgres(const QString &location, QString *error)
{
    const QUrl url(location, QUrl::StrictMode);
    const QString shown = shownUrl(url);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString name = url.path().mid(1);
    if (!url.isValid() || name.isEmpty() || name.contains(QLatin1Char('/')))
        return fail(tr("%1 is not a PostgreSQL address of the form postgresql://user:password@host:port/database.")
                        .arg(shown));
    QStringList options;
    QString host = url.host();
    const QUrlQuery query(url);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("host")) { // a socket folder: ?host=/var/run/postgresql
            host = item.second;
        } else if (isConnectOption(item.first)) {
            options << item.first + QLatin1Char('=') + item.second;
        } else {
            return fail(tr("%1: the option \"%2\" is not known.").arg(shown, item.first));
        }
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("Qt's PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not installed."));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(host);
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName(QUrl::FullyDecoded));
        db.setPassword(url.password(QUrl::FullyDecoded));
        db.setDatabaseName(name);
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open()) {
            const QString why = sqlError(db.lastError());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return fail(tr("Cannot connect to %1: %2").arg(shown, why));
        }
    }
    m_postgres = true;
    m_path = shown;
    QSqlQuery q(connection());
    // The same patience as SQLite's busy timeout; text is UTF-8 whatever the server's default.
    for (const QString &setting : {QStringLiteral("SET lock_timeout = '5s'"),
                                   QStringLiteral("SET client_encoding = 'UTF8'"),
                                   QStringLiteral("SET client_min_messages = warning")}) {
        if (!q.exec(setting)) {
            const QString why = sqlError(q.lastError());
            close();
            return fail(tr("Cannot prepare %1: %2").arg(shown, why));
        }
    }
    // Schema and site id under the writer lock: two server threads that open an empty database
    // at once create it once and agree on one site id.
    QString txError;
    if (!begin(&txError)) {
        close();
        return fail(txError);
    }
    if (!PgSchema::prepare(connection(), shown, error) || !loadSiteId(error)) {
        rollback();
        close();
        return false;
    }
    if (!commit(error)) {
        close();
        return false;
    }
    m_hlc = std::make_unique<HybridClock>(Clock::instance(), m_siteId);
    qCDebug(lcStore) << "opened" << shown << "schema" << schemaVersion();
    return true;
}

bool Database::openReadOnly(const QString &path, const DatabaseInfo &info, QString *error)
{
    if (info.schemaVersion < latestSchemaVersion()) {
        if (error)
            *error = tr("%1 is read-only and has the older schema %2 (this version needs %3), so it cannot be "
                        "upgraded. It was not changed. Make it writable once, or open it with the HumasDesk "
                        "that made it.")
                         .arg(path)
                         .arg(info.schemaVersion)
                         .arg(latestSchemaVersion());
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    configureReadOnly(&db, path);
    if (!db.open()) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, sqlError(db.lastError()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    QSqlQuery q(db);
    for (const QString &pragma : {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA temp_store=MEMORY"),
                                  QStringLiteral("PRAGMA cache_size=-65536")}) {
        if (!q.exec(pragma)) {
            if (error)
                *error = tr("Cannot prepare %1: %2").arg(path, sqlError(q.lastError()));
            close();
            return false;
        }
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_readOnly = true;
    m_siteId = meta(QStringLiteral("site_id"));
    m_hlc = std::make_unique<HybridClock>(Clock::instance(), m_siteId);
    OpenDatabaseFiles::registerPath(this, m_path);
    qCDebug(lcStore) << "opened read-only" << m_path;
    return true;
}

void Database::close()
{
    m_writer.reset(); // its prepared statements belong to this connection
    m_pending->clear();
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
    if (wasOpen && !m_path.isEmpty() && !m_readOnly && !m_postgres && m_integrityCheck != IntegrityCheck::Never)
        writeVerifiedNote(m_path);
    m_readOnly = false;
    m_postgres = false;
    m_depth = 0;
    m_failedDepth = 0;
    m_hlc.reset();
    m_siteId.clear();
}

int Database::schemaVersion() const
{
    if (m_postgres)
        return PgSchema::version(connection());
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
    SyncFaults::reached("migrate.inside");
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
    if (m_postgres) {
        if (error)
            *error = tr("A hub in PostgreSQL is backed up with PostgreSQL's own tools (pg_dump), not by HumasDesk.");
        return false;
    }
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
    // It writes to a temporary file of its own first (a new, unique name: a file that was there
    // before is never touched), so that a half-written backup never looks complete.
    QString partial;
    if (!reservePartialFile(target.absoluteFilePath(), &partial)) {
        if (error)
            *error = tr("Backup to %1 failed: no temporary file can be created in %2.")
                         .arg(targetFile, target.absolutePath());
        return false;
    }
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        QFile::remove(partial);
        if (error)
            *error = tr("Backup to %1 failed: %2").arg(targetFile, sqlError(q.lastError()));
        return false;
    }
    // rename() never replaces an existing file, so a backup made meanwhile under the same name survives.
    if (!QFile::rename(partial, target.absoluteFilePath())) {
        QFile::remove(partial);
        if (error)
            *error = tr("Backup to %1 failed: the file could not be renamed.").arg(targetFile);
        return false;
    }
    return true;
}

bool Database::reservePartialFile(const QString &targetFile, QString *partial)
{
    // An empty file under a new name: VACUUM INTO accepts an empty target file.
    QTemporaryFile file(targetFile + QStringLiteral(".XXXXXX.part"));
    file.setAutoRemove(false);
    if (!file.open())
        return false;
    *partial = file.fileName();
    file.close();
    return true;
}

bool Database::begin(QString *error)
{
    QSqlQuery q(connection());
    const QString sql = m_depth > 0   ? QStringLiteral("SAVEPOINT sp%1").arg(m_depth)
                        : m_postgres ? QStringLiteral("BEGIN")
                                     : QStringLiteral("BEGIN IMMEDIATE");
    if (m_readOnly) {
        if (error)
            *error = readOnlyMessage(m_path);
        return false;
    }
    if (m_postgres && m_depth == 0) {
        // SQLite's IMMEDIATE on PostgreSQL: one writer at a time, waiting at most lock_timeout.
        if (!q.exec(sql) || !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(ApplicationId))) {
            const QSqlError e = q.lastError();
            q.exec(QStringLiteral("ROLLBACK"));
            if (error)
                *error = SqlDialect::isBusy(e) ? tr("The database is busy or read-only: %1").arg(sqlError(e))
                                               : tr("The database could not start a change: %1").arg(sqlError(e));
            return false;
        }
        ++m_depth;
        return true;
    }
    if (!q.exec(sql)) {
        if (error)
            *error = primaryCode(q.lastError()) == SqliteReadOnly
                         ? readOnlyMessage(m_path)
                         : tr("The database is busy or read-only: %1").arg(sqlError(q.lastError()));
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
    // PostgreSQL answers COMMIT of a transaction that an error aborted with a silent ROLLBACK:
    // a statement first tells the two apart (it fails in an aborted transaction).
    if (m_postgres && m_depth == 1 && !q.exec(QStringLiteral("SELECT 1"))) {
        if (error)
            *error = tr("Saving failed: %1").arg(sqlError(q.lastError()));
        rollback();
        return false;
    }
    const QString sql = m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(m_depth - 1);
    if (!q.exec(sql)) {
        if (error)
            *error = tr("Saving failed: %1").arg(sqlError(q.lastError()));
        rollback();
        return false;
    }
    --m_depth;
    if (m_depth == 0 && !m_pending->isEmpty()) {
        // Taken before emitting: a receiver that writes starts a set of its own.
        const ChangeSet changes = std::move(*m_pending);
        m_pending->clear();
        Q_EMIT m_feed->committed(changes);
    }
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
        m_pending->clear(); // nothing of it was stored
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
