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
    /** One line of CSV (no line end), quoting fields that need it. */
    static QString line(const QStringList &fields);
};

} // namespace Humas
