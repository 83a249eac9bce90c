#pragma once

#include <QString>

namespace Humas {

/**
 * Name-based ids (UUID v5 in a HumasDesk namespace) for rows that every site seeds or that
 * exist once per database (settings keys, seeded officials, holidays, kecamatan): two PCs
 * that seed independently get the same ids, so sync merges them instead of duplicating.
 * Rows created by users get time-ordered v7 ids (Uuid7).
 */
class NamedUuid
{
public:
    static QString forName(const QString &name);
};

} // namespace Humas
