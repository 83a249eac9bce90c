#include "common/textrules.h"

namespace Humas {

qsizetype TextRules::badCharacterAt(const QString &text, Lines lines)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (lines == Lines::Multi && (c == QLatin1Char('\n') || c == QLatin1Char('\t')))
            continue;
        // Cc: C0 and C1 controls, DEL. U+FFFD is what invalid UTF-8 became on the way in.
        if (c.category() == QChar::Other_Control || c == QChar::ReplacementCharacter)
            return i;
        // Line and paragraph separators break a line as well as \n does.
        if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return i;
        if (c.isHighSurrogate() && (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate()))
            return i;
        if (c.isLowSurrogate() && (i == 0 || !text.at(i - 1).isHighSurrogate()))
            return i;
    }
    return -1;
}

bool TextRules::check(const QString &text, const QString &label, int maxLength, Lines lines, QString *error)
{
    if (text.size() > maxLength) {
        if (error)
            *error = tr("%1 is too long (%2 characters; at most %3).").arg(label).arg(text.size()).arg(maxLength);
        return false;
    }
    const qsizetype bad = badCharacterAt(text, lines);
    if (bad >= 0) {
        if (error && text.at(bad) == QChar::ReplacementCharacter) {
            *error = tr("%1 contains text that was not valid UTF-8 (U+FFFD at position %2).").arg(label).arg(bad + 1);
        } else if (error) {
            const QString code = QStringLiteral("U+%1").arg(text.at(bad).unicode(), 4, 16, QLatin1Char('0')).toUpper();
            *error = lines == Lines::Single
                         ? tr("%1 must be a single line without control characters (found %2 at position %3).")
                               .arg(label, code)
                               .arg(bad + 1)
                         : tr("%1 contains a control character (%2 at position %3); only line breaks and tabs are "
                              "allowed.")
                               .arg(label, code)
                               .arg(bad + 1);
        }
        return false;
    }
    return true;
}

bool TextRules::checkAll(std::initializer_list<Field> fields, QString *error)
{
    for (const Field &f : fields) {
        if (!check(f.text, f.label, f.maxLength, f.lines, error))
            return false;
    }
    return true;
}

} // namespace Humas
