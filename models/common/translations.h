#pragma once

#include <QString>

namespace Humas {

/**
 * Installs the program's translator for a language ("id" or "en"). Indonesian is the
 * default; English is the source language, so "en" just removes the translator. Widgets
 * receive QEvent::LanguageChange and retranslate.
 */
class Translations
{
public:
    static bool setLanguage(const QString &code);
    static QString language();
    /** The QLocale used for dates and numbers in the current language. */
    static QString localeName();
};

} // namespace Humas
