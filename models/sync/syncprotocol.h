#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace Humas {

/**
 * The messages of the sync protocol (SYNC.md), as plain structs. Both transports carry the
 * same structs: the shared-file transport hands them to HubStore directly, the REST server
 * (next issue) sends their toJson() over HTTP and reads them back with fromJson().
 *
 * Field values travel as JSON values, so an SQL NULL (JSON null) and an empty text ("")
 * stay different all the way.
 */
namespace SyncProtocol {
/** Value conversions used throughout sync: a stored SQL value <-> a JSON value. */
QJsonValue toJsonValue(const QVariant &value);
QVariant fromJsonValue(const QJsonValue &value);
/** A single JSON value as compact text ("null", "\"\"", "5") and back; bad text gives null. */
QString jsonText(const QJsonValue &value);
QJsonValue parseJsonText(const QString &text);
/** The tables that sync (each has the sync columns of ChangeWriter::syncColumns()). */
const QStringList &syncedTables();
} // namespace SyncProtocol

/** "hub.epoch.seq": where a puller is in a hub's change feed. "0" (or empty) = from the start. */
struct SyncCursor
{
    QString hubId;
    qint64 epoch = 0;
    qint64 seq = 0;

    bool isStart() const { return hubId.isEmpty() || seq == 0; }
    QString toString() const;
    /** Parses "hub.epoch.seq" or "0"; false for anything else. */
    static bool parse(const QString &text, SyncCursor *cursor);
};

/** Reply to hello: who the hub is and where it stands. */
struct HelloReply
{
    QString hubId;
    qint64 epoch = 0;
    int schema = 0;
    qint64 highSeq = 0;
    /** The highest outbox seq of the asking site the hub has committed (hub_sites). */
    qint64 siteLastOutboxSeq = 0;
    int maxBatch = 500;

    QJsonObject toJson() const;
    static HelloReply fromJson(const QJsonObject &o);
};

/** One outbox entry as pushed. */
struct SyncOp
{
    QString opId;
    QString entity;
    QString rowId;
    QString op; ///< "upsert" or "delete"
    QJsonObject changes; ///< {"field": [old, new]}
    int baseRev = 0;
    int rev = 0;
    qint64 baseSeq = 0;
    qint64 outboxSeq = 0;
    QString hlc;
    QString site;
    QString actor;
    QString createdAt;

    QJsonObject toJson() const;
    static SyncOp fromJson(const QJsonObject &o);
};

struct PushRequest
{
    QString site;
    QList<SyncOp> ops;

    QJsonObject toJson() const;
    static PushRequest fromJson(const QJsonObject &o);
};

/** The hub's judgement of one op. */
struct OpResult
{
    QString opId;
    QString status; ///< applied | merged | conflict | duplicate | rejected
    qint64 seq = 0;
    QString conflictId;
    QString error;
    /** For a duplicate: the status the op got the first time. */
    QString firstStatus;

    QJsonObject toJson() const;
    static OpResult fromJson(const QJsonObject &o);
};

struct PushReply
{
    /** The highest outbox seq of the pushing site now committed at the hub. */
    qint64 ackedThrough = 0;
    QList<OpResult> results;

    QJsonObject toJson() const;
    static PushReply fromJson(const QJsonObject &o);
};

/**
 * A full row at its latest hub seq (all columns, sync columns included), or, with @c gone,
 * a row that left the puller's view on the server (its role may no longer see it): the
 * client drops its copy without writing an outbox entry. @c values is empty then.
 */
struct PulledRow
{
    QString entity;
    QString rowId;
    qint64 seq = 0;
    QJsonObject values;
    bool gone = false;

    QJsonObject toJson() const;
    static PulledRow fromJson(const QJsonObject &o);
};

struct PullReply
{
    QList<PulledRow> rows;
    QString nextCursor;
    bool more = false;

    QJsonObject toJson() const;
    static PullReply fromJson(const QJsonObject &o);
};

} // namespace Humas
