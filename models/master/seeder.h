#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Humas {

class Database;

/**
 * First-time content of a database: the six default officials, the shipped national holiday
 * list and default settings; with a preset, a regency's kecamatan, OPDs and letterhead.
 * Seeded rows get name-based ids so PCs seeded separately agree. Runs once: a database
 * already initialised is left unchanged.
 */
class Seeder
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Seeder)
public:
    static QStringList presets();
    static bool isInitialized(const Database &db);
    /**
     * Seeds @p db. @p preset is empty or one of presets(). Returns false with a message
     * and writes nothing on error; sets @p alreadyInitialized and writes nothing when the
     * database was initialised before. @p summary receives a translated summary.
     */
    static bool init(Database &db, const QString &preset, bool *alreadyInitialized, QString *summary, QString *error);
};

} // namespace Humas
