#include "migrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Humas {

namespace {

QString &overrideDir()
{
    static QString dir;
    return dir;
}

QString migrationDir()
{
    return overrideDir().isEmpty() ? QStringLiteral(":/humasdesk/migrations") : overrideDir();
}

QStringList migrationFiles()
{
    QStringList files = QDir(migrationDir()).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    return files;
}

} // namespace

void Migrations::setDirectory(const QString &directory)
{
    overrideDir() = directory;
}

int Migrations::latestVersion()
{
    int version = 0;
    for (const QString &name : migrationFiles())
        version = std::max(version, name.left(4).toInt());
    return version;
}

QStringList Migrations::statements(int version)
{
    const QString prefix = QStringLiteral("%1_").arg(version, 4, 10, QLatin1Char('0'));
    for (const QString &name : migrationFiles()) {
        if (!name.startsWith(prefix))
            continue;
        QFile f(migrationDir() + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return split(QString::fromUtf8(f.readAll()));
    }
    return {};
}

QStringList Migrations::split(const QString &script)
{
    QStringList out;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        current += rawLine + QLatin1Char('\n');
        if (line.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace Humas
