#include "dispatcher.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // A command that prints a document (ppid receipt) lays out text, which needs fonts and so
    // a QGuiApplication on the offscreen platform (no display). Every other command stays a
    // plain QCoreApplication: faster, and silent about display settings.
    const bool printsDocument =
        std::any_of(argv + 1, argv + argc, [](const char *arg) { return std::strcmp(arg, "receipt") == 0; });
    std::unique_ptr<QCoreApplication> app;
    if (printsDocument) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("humasdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUMAS_VERSION));
    // The library's debug and info lines would mix with the command's own output;
    // QT_LOGGING_RULES in the environment still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("humas.*.debug=false\nhumas.*.info=false"));
    HumasCli::Dispatcher dispatcher;
    return dispatcher.run(QCoreApplication::arguments());
}
