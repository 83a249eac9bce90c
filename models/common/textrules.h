#pragma once

#include <QCoreApplication>
#include <QString>

#include <initializer_list>

namespace Humas {

/**
 * Length and character limits of stored text, shared by every repository and by the forms
 * (QLineEdit::setMaxLength uses the same constants). A single-line field holds no control
 * characters at all; a multi-line field allows line feeds and tabs only. Lengths count
 * UTF-16 code units, as QString::size() and QLineEdit::maxLength() do.
 */
class TextRules
{
    Q_DECLARE_TR_FUNCTIONS(Humas::TextRules)
public:
    /** Titles, names, positions, occupations: one line. */
    static constexpr int NameLength = 200;
    /** Codes, letter numbers, deed numbers, dress codes. */
    static constexpr int CodeLength = 60;
    /** An email address (RFC 5321 path limit). */
    static constexpr int EmailLength = 254;
    /** Addresses and lists of people: one line or a few. */
    static constexpr int AddressLength = 500;
    /** Notes, the information requested, reasons, case summaries. */
    static constexpr int NoteLength = 4000;

    enum class Lines { Single, Multi };

    /** The first character of @p text not allowed in a field of kind @p lines, or -1. */
    static qsizetype badCharacterAt(const QString &text, Lines lines);
    /**
     * Checks @p text against @p maxLength and the characters @p lines allows. On failure
     * @p error names the field (@p label, already translated) and what is wrong.
     */
    static bool check(const QString &text, const QString &label, int maxLength, Lines lines, QString *error);

    /** One field for checkAll(). */
    struct Field
    {
        const QString &text;
        QString label; ///< translated
        int maxLength;
        Lines lines;
    };
    /** check() on each field in turn; stops at the first refusal. */
    static bool checkAll(std::initializer_list<Field> fields, QString *error);
};

} // namespace Humas
