#pragma once

#include <QString>
#include <QUuid>

namespace Humas {

/**
 * Time-ordered UUIDs (RFC 9562 version 7).
 *
 * Qt 6.4 only generates v4/v5. Ids are 48 bits of Unix milliseconds, then a 12-bit
 * counter (rand_a) and 62 random bits. Within one millisecond the counter increases, so
 * ids made by one process sort in creation order even when made from several threads;
 * if the counter overflows, the timestamp is advanced by one millisecond (RFC 9562 6.2,
 * method 1 with timestamp increment).
 */
class Uuid7
{
public:
    /** A new id as a QUuid. Thread-safe. */
    static QUuid create();
    /** A new id in lowercase canonical text form without braces (what the store keeps). */
    static QString createString();
    /** The same, but for a given Unix time in milliseconds (used by tests and demo data). */
    static QUuid createAt(qint64 unixMs);
    /**
     * The id for exactly @p unixMs and @p counter (12 bits) with fresh random bits, outside the
     * process's monotonic sequence: for tests and for encoding a known timestamp.
     */
    static QUuid encode(qint64 unixMs, quint32 counter);
    /** Milliseconds since the epoch encoded in a v7 id, or -1 when @p id is not v7. */
    static qint64 timestampOf(const QUuid &id);
    /** True when @p text is a canonical v7 UUID. */
    static bool isValid(const QString &text);
};

} // namespace Humas
