#include "console.h"

#include <QTextStream>

#include <cstdio>
#include <memory>

#ifdef Q_OS_WIN
#include <io.h>
#define HUMAS_ISATTY _isatty
#define HUMAS_FILENO _fileno
#else
#include <termios.h>
#include <unistd.h>
#define HUMAS_ISATTY isatty
#define HUMAS_FILENO fileno
#endif

namespace HumasCli {

namespace {

/** Turns terminal echo off for its lifetime (POSIX only; elsewhere it does nothing). */
class EchoOff
{
public:
    EchoOff()
    {
#ifndef Q_OS_WIN
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
#ifndef Q_OS_WIN
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
#ifndef Q_OS_WIN
    termios m_saved{};
#endif
    bool m_active = false;
};

} // namespace

QTextStream &Console::out()
{
    static QTextStream stream(stdout);
    return stream;
}

void Console::error(const QString &message)
{
    out().flush(); // keep the order of the two streams when both go to one terminal
    status(QStringLiteral("humasdesk-cli: ") + message + QLatin1Char('\n'));
}

void Console::status(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool Console::isErrorTerminal()
{
    return HUMAS_ISATTY(HUMAS_FILENO(stderr)) != 0;
}

bool Console::isInputTerminal()
{
    return HUMAS_ISATTY(HUMAS_FILENO(stdin)) != 0;
}

bool Console::readSecretLine(QString *line)
{
    std::unique_ptr<EchoOff> echoOff;
    if (isInputTerminal())
        echoOff = std::make_unique<EchoOff>();
    QByteArray bytes;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        bytes.append(char(c));
    if (echoOff)
        status(QStringLiteral("\n")); // the newline the user typed was not echoed
    if (c == EOF && bytes.isEmpty())
        return false;
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    return true;
}

} // namespace HumasCli
