#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;

namespace Humas {

/**
 * Preferences of this PC and user (QSettings, never synced): UI language, last user name,
 * window geometry, last visited page, last daily-backup day.
 */
class LocalPreferences
{
public:
    LocalPreferences();
    ~LocalPreferences();

    /** "id" (default) or "en". */
    QString language() const;
    void setLanguage(const QString &code);

    QString lastUsername() const;
    void setLastUsername(const QString &name);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QString lastPage() const;
    void setLastPage(const QString &page);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Humas
