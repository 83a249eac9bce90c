#pragma once

#include <QString>

class QTextStream;

namespace HumasCli {

/**
 * The program's two streams. Results go to standard output, messages about failures to
 * standard error, so that scripts can read one and log the other.
 */
class Console
{
public:
    /** Standard output (UTF-8). */
    static QTextStream &out();
    /** Writes "humasdesk-cli: <message>" and a newline to standard error. */
    static void error(const QString &message);
    /** Writes @p text as it is to standard error (progress lines, prompts). */
    static void status(const QString &text);
    /** Whether standard error is a terminal (progress is shown only then). */
    static bool isErrorTerminal();
    /** Whether standard input is a terminal. */
    static bool isInputTerminal();
    /**
     * Reads one line from standard input without its line end; when standard input is a
     * terminal the typed text is not echoed. Returns false at end of input.
     */
    static bool readSecretLine(QString *line);
};

} // namespace HumasCli
