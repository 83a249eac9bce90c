#pragma once

namespace Humas {

/**
 * Kill points for the crash tests: when the environment variable HUMAS_SYNC_KILL_AT is
 * "name" or "name:n", the n-th (default first) time the program reaches the point of that
 * name it kills itself with SIGKILL (no clean-up, no flush: like a power cut).
 *
 * The points:
 * - migrate.inside              inside the migration transaction (Database::migrate)
 * - shared.after_open           shared file opened, before any request
 * - shared.init_inside          inside the transaction making a new shared file a hub
 * - shared.inside_transaction   inside the short per-round transaction of hello (site seen)
 * - blob.before_upload          the engine is about to send a missing blob
 * - blob.mid_upload             the hub has written the blob, before its commit
 * - push.between_ops            the hub judged an op of a batch, before the next
 * - push.before_hub_commit      the hub judged a whole batch, before COMMIT
 * - push.after_hub_commit       the hub committed, before the reply reaches the client
 * - push.before_local_ack       the client has the reply, before marking entries acknowledged
 * - push.after_local_ack        the acknowledgement committed, before the next batch
 * - pull.between_rows           between two rows of a page being applied
 * - pull.before_commit          a page applied, before its COMMIT
 * - pull.after_commit           a page committed, before the next request
 * - prune.inside                inside the transaction pruning old acknowledged entries
 * - resolve.inside              inside the transaction resolving a conflict
 */
namespace SyncFaults {
/** Kills the process when HUMAS_SYNC_KILL_AT names @p name (and this is the n-th time). */
void reached(const char *name);
/** Re-reads HUMAS_SYNC_KILL_AT and resets the counters (tests). */
void reset();
} // namespace SyncFaults

} // namespace Humas
