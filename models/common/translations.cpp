#include "translations.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QTranslator>

namespace Humas {

namespace {
QTranslator *s_translator = nullptr;
QTranslator *s_qtTranslator = nullptr; // Qt's own texts (command-line help), see translations/qt_id.ts
QString s_language = QStringLiteral("en");
} // namespace

namespace {
/** Widgets retranslate on LanguageChange. Qt sends it only for non-empty translators and
 *  does not send it for a locale change, so send it ourselves after every switch. */
void announceChange()
{
    if (QCoreApplication *app = QCoreApplication::instance()) {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(app, &event);
    }
}
} // namespace

bool Translations::setLanguage(const QString &code)
{
    for (QTranslator **t : {&s_translator, &s_qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (code != QLatin1String("id")) {
        s_language = QStringLiteral("en");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        announceChange();
        return true;
    }
    auto *translator = new QTranslator;
    if (!translator->load(QStringLiteral(":/i18n/humasdesk_id.qm"))) {
        delete translator;
        s_language = QStringLiteral("en");
        announceChange();
        return false;
    }
    s_translator = translator;
    auto *qtTranslator = new QTranslator;
    if (qtTranslator->load(QStringLiteral(":/i18n/qt_id.qm"))) {
        QCoreApplication::installTranslator(qtTranslator);
        s_qtTranslator = qtTranslator;
    } else {
        delete qtTranslator;
    }
    s_language = QStringLiteral("id");
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    QCoreApplication::installTranslator(translator);
    announceChange();
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
