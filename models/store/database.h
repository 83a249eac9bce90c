#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Humas {

class HybridClock;

/** What a read-only look at a database file found (see Database::inspect). */
struct DatabaseInfo
{
    bool exists = false;
    bool isHumasDesk = false;
    int schemaVersion = 0;
    qint64 sizeBytes = 0;
    QString integrity; ///< "ok" or the first message of PRAGMA quick_check
};

/**
 * One SQLite database: the local store (WAL) or, for the shared-file transport, a
 * database on a network share (rollback journal).
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

    /** @p connectionName must be unique per thread; empty makes one up. */
    explicit Database(QString connectionName = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, QString *error, Journal journal = Journal::Wal);
    void close();
    bool isOpen() const;

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

    /** Local key/value metadata that never syncs (site id, sync cursors, last backup day). */
    QString meta(const QString &key, const QString &fallback = {}) const;
    bool setMeta(const QString &key, const QString &value, QString *error = nullptr);

    /**
     * Read-only inspection: header, application id, schema version and quick_check.
     * Never writes to the file. Returns false with a translated message when the file
     * cannot be used.
     */
    static bool inspect(const QString &path, DatabaseInfo *info, QString *error);

    /** A consistent copy of the open database written to @p targetFile (VACUUM INTO). */
    bool backupTo(const QString &targetFile, QString *error) const;

    /** The default location: <user data folder>/humasdesk.sqlite. */
    static QString defaultPath();

    /** Nesting transaction support: depth 0 uses BEGIN IMMEDIATE, deeper levels SAVEPOINTs. */
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    int transactionDepth() const { return m_depth; }

    static constexpr int ApplicationId = 0x48554d53; // "HUMS"

private:
    bool migrate(int fromVersion, QString *error);
    bool loadSiteId(QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_siteId;
    std::unique_ptr<HybridClock> m_hlc;
    int m_depth = 0;
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
