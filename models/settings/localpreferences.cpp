#include "localpreferences.h"

#include <QSettings>

namespace Humas {

LocalPreferences::LocalPreferences()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("HumasDesk"), QStringLiteral("humasdesk")))
{
}

LocalPreferences::~LocalPreferences() = default;

QString LocalPreferences::language() const
{
    const QString code = m_settings->value(QStringLiteral("ui/language"), QStringLiteral("id")).toString();
    return code == QLatin1String("en") ? code : QStringLiteral("id");
}

void LocalPreferences::setLanguage(const QString &code)
{
    m_settings->setValue(QStringLiteral("ui/language"), code == QLatin1String("en") ? code : QStringLiteral("id"));
}

QString LocalPreferences::lastUsername() const
{
    return m_settings->value(QStringLiteral("login/lastUsername")).toString();
}

void LocalPreferences::setLastUsername(const QString &name)
{
    m_settings->setValue(QStringLiteral("login/lastUsername"), name);
}

QByteArray LocalPreferences::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void LocalPreferences::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray LocalPreferences::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void LocalPreferences::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QString LocalPreferences::lastPage() const
{
    return m_settings->value(QStringLiteral("window/page"), QStringLiteral("agenda")).toString();
}

void LocalPreferences::setLastPage(const QString &page)
{
    m_settings->setValue(QStringLiteral("window/page"), page);
}

QStringList LocalPreferences::agendaSigner() const
{
    return m_settings->value(QStringLiteral("print/agendaSigner")).toStringList();
}

void LocalPreferences::setAgendaSigner(const QStringList &positionNameNip)
{
    m_settings->setValue(QStringLiteral("print/agendaSigner"), positionNameNip);
}

QString LocalPreferences::lastFolder(const QString &kind) const
{
    return m_settings->value(QStringLiteral("fileDialogs/") + kind).toString();
}

void LocalPreferences::setLastFolder(const QString &kind, const QString &folder)
{
    m_settings->setValue(QStringLiteral("fileDialogs/") + kind, folder);
}

void LocalPreferences::sync()
{
    m_settings->sync();
}

} // namespace Humas
