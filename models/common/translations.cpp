#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace Humas {

namespace {
QTranslator *s_translator = nullptr;
QString s_language = QStringLiteral("en");
} // namespace

bool Translations::setLanguage(const QString &code)
{
    if (s_translator) {
        QCoreApplication::removeTranslator(s_translator);
        delete s_translator;
        s_translator = nullptr;
    }
    if (code != QLatin1String("id")) {
        s_language = QStringLiteral("en");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return true;
    }
    auto *translator = new QTranslator;
    if (!translator->load(QStringLiteral(":/i18n/humasdesk_id.qm"))) {
        delete translator;
        s_language = QStringLiteral("en");
        return false;
    }
    QCoreApplication::installTranslator(translator);
    s_translator = translator;
    s_language = QStringLiteral("id");
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    return true;
}

QString Translations::language()
{
    return s_language;
}

QString Translations::localeName()
{
    return s_language == QLatin1String("id") ? QStringLiteral("id_ID") : QStringLiteral("en_GB");
}

} // namespace Humas
