#pragma once

#include "command.h"
#include "eventsicalcommand.h"

#include <QDate>
#include <QHash>

namespace Humas {
class Database;
class RecordRepository;
} // namespace Humas

namespace HumasCli {

/**
 * `events add …`, `events update ID …` (issue 9: a patch of the given fields only, each against
 * the value read at the start of the command), `events list …`, `events import …` and
 * `events export …` (issue 3, exact syntax): the agenda from scripts. Times on the command line are the regency's local time.
 * The .ics actions are EventsIcalCommand's; this class parses the line for all four.
 */
class EventsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HumasCli::EventsCommand)
public:
    QString name() const override { return QStringLiteral("events"); }
    QString summary() const override;
    QString syntax() const override;
    void addOptions(QCommandLineParser *parser) const override;
    int run(const QCommandLineParser &parser, const QString &databasePath) override;

    /**
     * Reads --from DATE --to DATE (YYYY-MM-DD, to not before from). Prints a usage message
     * and returns false when either is missing or malformed.
     */
    static bool parseDateRange(const QCommandLineParser &parser, const QString &command, QDate *from, QDate *to);
    /** Live rows of a reference table as id → @p field (e.g. officials → code). */
    static QHash<QString, QString> names(const Humas::RecordRepository &repository, const QString &field);

private:
    struct AddInput;
    struct UpdateInput;
    static int readUpdateOptions(const QCommandLineParser &parser, UpdateInput *input);
    int update(const QCommandLineParser &parser, const QString &databasePath);
    static int readAddOptions(const QCommandLineParser &parser, AddInput *input);
    static int resolveReferences(Humas::Database &db, const QCommandLineParser &parser, AddInput *input,
                                 QString *kecamatanId);
    int add(const QCommandLineParser &parser, const QString &databasePath);
    int list(const QCommandLineParser &parser, const QString &databasePath);

    EventsIcalCommand m_ical;
};

} // namespace HumasCli
