#pragma once

#include <QString>
#include <QStringList>

namespace Humas {

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM. */
class Csv
{
public:
    /**
     * Parses @p text into rows. Returns false on an unterminated quote and sets @p errorLine
     * to the 1-based line where the bad field starts. @p rowLines receives the line each
     * row starts on (blank lines are skipped, quoted fields may span lines).
     */
    static bool parse(const QString &text, QList<QStringList> *rows, int *errorLine = nullptr,
                      QList<int> *rowLines = nullptr);
    /**
     * One line of CSV (no line end), quoting fields that need it. Every field goes through
     * guardedCell(), so no exporter can hand a spreadsheet a formula.
     */
    static QString line(const QStringList &fields);
    /**
     * @p text with a leading ' when it starts with =, +, -, @, a tab or a carriage return
     * (OWASP CSV injection), except a plain negative number ("-15000", "-2.5"), which stays a
     * number. Csv::parse reads the ' back as part of the text.
     */
    static QString guardedCell(const QString &text);
    /** "-15000", "-2.5" or "-2,5": a minus sign, digits and at most one decimal part. */
    static bool isPlainNegativeNumber(const QString &text);
};

} // namespace Humas
