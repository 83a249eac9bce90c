#pragma once

#include <QStringList>

namespace Humas {

/**
 * The numbered schema migrations shipped in resources/migrations (NNNN_name.sql, embedded
 * as Qt resources). Version N is the file whose number is N; versions have no gaps.
 */
class Migrations
{
public:
    static int latestVersion();
    /** The SQL statements of migration @p version, split on ';' at line ends. */
    static QStringList statements(int version);
    /** Splits a script into statements; lines starting with "--" are comments. */
    static QStringList split(const QString &script);
    /**
     * Test seam: read migrations from @p directory instead of the embedded resources, so a
     * test can simulate an older program (fewer files) or a broken upgrade. Empty restores.
     */
    static void setDirectory(const QString &directory);
};

} // namespace Humas
