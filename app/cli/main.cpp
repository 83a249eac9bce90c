#include "dispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("humasdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUMAS_VERSION));
    // The library's debug and info lines would mix with the command's own output;
    // QT_LOGGING_RULES in the environment still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("humas.*.debug=false\nhumas.*.info=false"));
    HumasCli::Dispatcher dispatcher;
    return dispatcher.run(QCoreApplication::arguments());
}
