#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Humas {

/**
 * Preferences of this PC and user (QSettings, never synced): UI language, last user name,
 * window geometry, last visited page, last daily-backup day, the last folder of each kind of file.
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

    /** The signer last used under a printed agenda on this PC: position, name, NIP. */
    QStringList agendaSigner() const;
    void setAgendaSigner(const QStringList &positionNameNip);

    /**
     * The folder a file dialog last used for one kind of file ("pdf", "calendar", "csv",
     * "image", "scan", "backup"); empty when none was remembered.
     */
    QString lastFolder(const QString &kind) const;
    void setLastFolder(const QString &kind, const QString &folder);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Humas
