#include "testenvironment.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace HumasTest {

namespace {
QTemporaryDir *s_home = nullptr;
}

void isolateEnvironment()
{
    if (s_home)
        return;
    s_home = new QTemporaryDir; // lives until the process ends
    const QString home = s_home->path();
    qputenv("XDG_CONFIG_HOME", QString(home + "/config").toUtf8());
    qputenv("XDG_DATA_HOME", QString(home + "/data").toUtf8());
    qputenv("XDG_CACHE_HOME", QString(home + "/cache").toUtf8());
    qputenv("HOME", home.toUtf8());
    QDir().mkpath(home + "/config");
    QDir().mkpath(home + "/data");
    QStandardPaths::setTestModeEnabled(true);
}

QString testHome()
{
    return s_home ? s_home->path() : QString();
}

QString sourceDir()
{
    const QByteArray dir = qgetenv("HUMAS_SOURCE_DIR");
    return dir.isEmpty() ? QStringLiteral(HUMAS_TEST_SOURCE_DIR) : QString::fromLocal8Bit(dir);
}

} // namespace HumasTest
