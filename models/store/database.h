#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QSqlDatabase;

namespace Humas {

class ChangeFeed;
class ChangeSet;
class ChangeWriter;
class HybridClock;

/** What a read-only look at a database file found (see Database::inspect). */
struct DatabaseInfo
{
    bool exists = false;
    bool isHumasDesk = false;
    /** A zero-length file, or an SQLite file with no tables and no version: only init sets it up. */
    bool isEmpty = false;
    /** The file (or its folder) may not be written by this user. */
    bool isReadOnly = false;
    int schemaVersion = 0;
    qint64 sizeBytes = 0;
    QString integrity; ///< "ok", the first message of PRAGMA quick_check, or empty when skipped
};

/**
 * One SQLite database: the local store (WAL) or, for the shared-file transport, a
 * database on a network share (rollback journal). Or, for humasdesk-server --database, a
 * PostgreSQL database holding the hub (open() with a "postgresql://" URL, see PgSchema).
 *
 * open() refuses, without writing a single byte, a file that is not SQLite, a SQLite file
 * that is not HumasDesk's, one that fails PRAGMA quick_check, and one whose schema is newer
 * than this program knows. An older schema is upgraded in place inside one transaction.
 */
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Database)
public:
    enum class Journal { Wal, Rollback };
    /**
     * When open() runs PRAGMA quick_check, which reads the whole file (about 0.8 s for a
     * 250 MB database here). WhenChanged checks unless the file is byte-for-byte as this
     * program left it at its last clean close (same size and modification time, recorded in
     * a "<file>.verified" note beside it) and was checked today already: so the first start
     * of a day, any start after a crash, and any file changed or copied by something else
     * are checked, and ordinary restarts stay fast.
     * Never is for the shared file of sync: many PCs change it, so a note beside it says
     * nothing, and a whole-file check on every round would be slow over the network; one PC
     * at a time checks it daily under a lease instead (SharedFileTransport). No note is written.
     */
    enum class IntegrityCheck { Always, WhenChanged, Never };

    /** How open() treats files that are not an ordinary, writable HumasDesk database. */
    struct OpenOptions
    {
        Journal journal = Journal::Wal;
        /**
         * Set up a zero-length file or an empty SQLite file as a new database. Only
         * "humasdesk-cli init" does; everything else refuses such a file, because where a
         * database was expected an empty file usually means lost data.
         */
        bool initialiseEmpty = false;
        /**
         * Open a read-only file read-only instead of refusing it (check and the list
         * commands). Nothing is written then: no migration, no journal mode, no notes.
         */
        bool readOnlyFallback = false;
    };

    /** @p connectionName must be unique per thread; empty makes one up. */
    explicit Database(QString connectionName = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /**
     * Opens @p path. Nothing is written to the file before it is known to be a HumasDesk
     * database of a schema this program knows, with the tables, columns, indexes and
     * triggers of that schema (SchemaCheck); an older schema is then upgraded in one
     * transaction before the journal mode is set.
     */
    bool open(const QString &path, QString *error, const OpenOptions &options);
    bool open(const QString &path, QString *error, Journal journal = Journal::Wal);
    /**
     * Whether @p location is a PostgreSQL URL, "postgresql://[user[:password]@]host[:port]/database
     * [?sslmode=…&connect_timeout=…]" (also "postgres://"), which open() connects to instead of a file.
     * A password left out comes from PGPASSWORD or ~/.pgpass as libpq finds it.
     */
    static bool isPostgresUrl(const QString &location);
    /** Whether the open database is PostgreSQL (the server's hub) rather than an SQLite file. */
    bool isPostgres() const { return m_postgres; }
    /** Whether the open database was opened read-only (OpenOptions::readOnlyFallback). */
    bool isReadOnly() const { return m_readOnly; }
    void setIntegrityCheck(IntegrityCheck policy) { m_integrityCheck = policy; }
    /** Whether the last open() ran quick_check (false when the verified note allowed skipping it). */
    bool lastOpenRanIntegrityCheck() const { return m_ranIntegrityCheck; }
    void close();
    bool isOpen() const;

    /** The file, or for PostgreSQL the URL without its password. */
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;

    /** The schema version this build creates and understands. */
    static int latestSchemaVersion();
    int schemaVersion() const;

    /** This database's site id (a UUID made when it was created; the sync "site"). */
    QString siteId() const { return m_siteId; }
    /** Hybrid logical clock of this site; stamps every change. */
    HybridClock *hybridClock() const { return m_hlc.get(); }

    /**
     * The one ChangeWriter of this connection (made on first use, gone at close): its
     * prepared statements survive from one write to the next.
     */
    ChangeWriter &writer();
    /** Announces the rows each outermost commit changed (see ChangeFeed). Lives as long as this object. */
    ChangeFeed *changeFeed() const { return m_feed.get(); }
    /**
     * Records that @p rowId of @p entity was written in the open transaction; announced after
     * the outermost commit, forgotten on its rollback. ChangeWriter and the sync applier call it.
     */
    void noteChanged(const QString &entity, const QString &rowId);
    /**
     * Emits changeFeed()->committed(@p changes) for rows another connection to the same file
     * committed (a sync round on a worker thread), so this connection's views refresh. Called
     * outside any transaction; an empty set announces nothing.
     */
    void announce(const ChangeSet &changes);

    /** Local key/value metadata that never syncs (site id, sync cursors, last backup day). */
    QString meta(const QString &key, const QString &fallback = {}) const;
    bool setMeta(const QString &key, const QString &value, QString *error = nullptr);

    /**
     * Read-only inspection: header, application id, schema version and quick_check.
     * Never writes to the file. Returns false with a translated message when the file
     * cannot be used.
     */
    static bool inspect(const QString &path, DatabaseInfo *info, QString *error, bool quickCheck = true);

    /** A consistent copy of the open database written to @p targetFile (VACUUM INTO). */
    bool backupTo(const QString &targetFile, QString *error) const;

    /**
     * Creates an empty file with a new, unique name "<target>.XXXXXX.part" beside @p targetFile
     * for a backup to be written into (never an existing file). False when none can be made.
     */
    static bool reservePartialFile(const QString &targetFile, QString *partial);

    /** The default location: <user data folder>/humasdesk.sqlite. */
    static QString defaultPath();

    /**
     * Nesting transaction support: depth 0 uses BEGIN IMMEDIATE, deeper levels SAVEPOINTs. On
     * PostgreSQL depth 0 is BEGIN plus a transaction-level advisory lock, the same one writer at a
     * time as SQLite's IMMEDIATE (HubStore judges an op by what it read before writing); a wait
     * longer than the lock timeout fails as busy.
     */
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    int transactionDepth() const { return m_depth; }
    /**
     * Marks the innermost open transaction as holding a half-done change: committing it is
     * refused (and rolls it back) until a rollback at or above that level clears the mark.
     */
    void markFailed();

    /**
     * Sets name and options of a read-only connection to @p path on @p db (not opened). A
     * file in a folder this user may not write is read as immutable when no -wal file exists.
     */
    static void configureReadOnly(QSqlDatabase *db, const QString &path);
    /** "… is read-only …": the message for a file this user may not write. */
    static QString readOnlyMessage(const QString &path);

    static constexpr int ApplicationId = 0x48554d53; // "HUMS"

private:
    bool migrate(int fromVersion, QString *error);
    bool openPostgres(const QString &url, QString *error);
    bool openReadOnly(const QString &path, const DatabaseInfo &info, QString *error);
    bool loadSiteId(QString *error);
    bool needsIntegrityCheck(const QString &path) const;
    void writeVerifiedNote(const QString &path) const;

    QString m_connectionName;
    QString m_path;
    QString m_siteId;
    std::unique_ptr<HybridClock> m_hlc;
    std::unique_ptr<ChangeWriter> m_writer;
    std::unique_ptr<ChangeFeed> m_feed;
    std::unique_ptr<ChangeSet> m_pending;
    int m_depth = 0;
    int m_failedDepth = 0;
    IntegrityCheck m_integrityCheck = IntegrityCheck::WhenChanged;
    bool m_ranIntegrityCheck = false;
    bool m_readOnly = false;
    bool m_postgres = false;
    QString m_checkedOn;
};

/** RAII transaction on a Database; rolls back unless commit() succeeded. */
class Transaction
{
public:
    explicit Transaction(Database &db, QString *error = nullptr);
    ~Transaction();
    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace Humas
