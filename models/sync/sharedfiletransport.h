#pragma once

#include "sync/synctransport.h"

#include <QCoreApplication>

#include <memory>

namespace Humas {

class Database;
class HubStore;

/**
 * The hub as a HumasDesk database file on an SMB share (SYNC.md "Shared file").
 *
 * beginRound() opens the file with a rollback journal (journal_mode=DELETE; a file in WAL
 * mode is refused with a message, because WAL needs shared memory that a network share does
 * not give), synchronous=FULL and a busy timeout; a missing file is created and made a hub
 * (new hub id, epoch 1). There is no quick_check on every open: one PC at a time takes the
 * "maintenance" lease row and checks the file once a day. Each request is a short BEGIN
 * IMMEDIATE transaction (batches of at most MaxBatch ops), retried with jitter while another
 * PC holds the lock. endRound() closes the file, so no PC keeps it open between rounds.
 *
 * Roles cannot be enforced here: anyone who can write the share can write the file, and the
 * users table (with password hashes) is in it.
 */
class SharedFileTransport : public SyncTransport
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SharedFileTransport)
public:
    /** Ops per push: short transactions on a network share (well under a second). */
    static constexpr int MaxBatch = 200;

    explicit SharedFileTransport(QString path);
    ~SharedFileTransport() override;

    QString path() const { return m_path; }
    /** Whether the last beginRound() ran the daily integrity check. */
    bool ranIntegrityCheck() const { return m_ranCheck; }

    bool beginRound(QString *error) override;
    void endRound() override;
    bool hello(const QString &site, HelloReply *reply, QString *error) override;
    bool push(const PushRequest &request, PushReply *reply, QString *error) override;
    bool pull(const QString &cursor, int limit, PullReply *reply, QString *error) override;
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) override;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) override;
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) override;

    /** Whether the SQLite file at @p path is in WAL mode (header bytes 18/19 are 2). */
    static bool isWalFile(const QString &path);

private:
    bool ensureOpen(QString *error);
    bool createHubFile(QString *error);
    bool dailyCheck(QString *error);
    template<typename F>
    bool withRetry(F &&call, QString *error);

    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HubStore> m_hub;
    bool m_ranCheck = false;
};

} // namespace Humas
