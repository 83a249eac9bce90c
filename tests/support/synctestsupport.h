#pragma once

#include <QString>
#include <QStringList>

namespace Humas {
class Database;
}

namespace HumasTest {

/**
 * SHA-1 of the content of @p table (every column except the per-copy stamps rev,
 * updated_at, updated_by, site_id, hlc and sync_seq), rows ordered by id: equal on two
 * databases when sync has made their tables agree.
 */
QString tableHash(Humas::Database &db, const QString &table);
/** tableHash of every synced table, joined. */
QString contentHash(Humas::Database &db);
/** A minimal valid event row for ChangeWriter::insert. */
QVariantMap eventValues(const QString &title);
/** Inserts an event through the database's writer; returns its id (empty on failure, with a warning). */
QString insertEvent(Humas::Database &db, const QString &title);

} // namespace HumasTest
