#include "csv.h"

#include <QRegularExpression>

namespace Humas {

bool Csv::parse(const QString &input, QList<QStringList> *rows, int *errorLine, QList<int> *rowLines)
{
    QString text = input;
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 1;
    int rowStart = 1;
    auto endRow = [&] {
        row << field;
        field.clear();
        fieldStarted = false;
        const bool blank = row.size() == 1 && row.first().isEmpty();
        if (!blank) {
            rows->append(row);
            if (rowLines)
                rowLines->append(rowStart);
        }
        row.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRow();
            ++line;
            rowStart = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        if (errorLine)
            *errorLine = quoteLine;
        return false;
    }
    if (fieldStarted || !row.isEmpty())
        endRow();
    return true;
}

bool Csv::isPlainNegativeNumber(const QString &text)
{
    // "-15000" or "-2.5" is a number in every spreadsheet, never a formula; "-1+2" or "-A1" is not plain.
    static const QRegularExpression number(QStringLiteral("^-[0-9]+([.,][0-9]+)?$"));
    return number.match(text).hasMatch();
}

QString Csv::guardedCell(const QString &text)
{
    // OWASP "CSV Injection": a spreadsheet runs a cell starting with = + - @ (or a tab or a
    // carriage return in front of one) as a formula; a leading ' makes it text.
    static const QString formulaStart = QStringLiteral("=+-@\t\r");
    if (text.isEmpty() || !formulaStart.contains(text.at(0)) || isPlainNegativeNumber(text))
        return text;
    return QLatin1Char('\'') + text;
}

QString Csv::line(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &cell : fields) {
        const QString f = guardedCell(cell);
        if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n')) ||
            f.contains(QLatin1Char('\r'))) {
            QString q = f;
            q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            out << QLatin1Char('"') + q + QLatin1Char('"');
        } else {
            out << f;
        }
    }
    return out.join(QLatin1Char(','));
}

} // namespace Humas
