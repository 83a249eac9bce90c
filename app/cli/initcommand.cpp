#include "initcommand.h"

#include "console.h"
#include "master/seeder.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace HumasCli {

namespace {
const QString PresetOption = QStringLiteral("preset");
}

QString InitCommand::summary() const
{
    return tr("Create and fill a new database (officials, holidays, regency preset).");
}

void InitCommand::addOptions(QCommandLineParser *parser) const
{
    parser->addOption({PresetOption,
                       tr("Also load a regency's districts (kecamatan) and agencies (OPD). Presets: %1.")
                           .arg(Humas::Seeder::presets().join(QStringLiteral(", "))),
                       tr("NAME")});
}

int InitCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    if (!expectArguments(parser, 0, name()))
        return ExitUsage;
    // Empty rather than null: the preset is stored in a NOT NULL column.
    const QString preset = parser.isSet(PresetOption) ? parser.value(PresetOption) : QStringLiteral("");
    if (parser.isSet(PresetOption) && !Humas::Seeder::presets().contains(preset)) {
        return usageError(tr("Unknown preset \"%1\"; known presets: %2.")
                              .arg(preset, Humas::Seeder::presets().join(QStringLiteral(", "))));
    }
    const bool existed = QFileInfo::exists(databasePath);
    Humas::Database db;
    Humas::Database::OpenOptions options;
    options.initialiseEmpty = true; // the one command that may set up an empty file
    if (const int code = openDatabase(&db, databasePath, false, options); code != ExitOk)
        return code;
    bool already = false;
    QString summary;
    QString error;
    if (!Humas::Seeder::init(db, preset, &already, &summary, &error)) {
        if (!existed)
            discardCreatedDatabase(&db, databasePath);
        return failure(error);
    }
    QTextStream &out = Console::out();
    out << summary << Qt::endl;
    if (!already)
        out << tr("Database: %1").arg(db.path()) << Qt::endl;
    return ExitOk;
}

} // namespace HumasCli
