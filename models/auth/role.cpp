#include "role.h"

namespace Humas {

QList<Role> Roles::all()
{
    return {Role::Admin, Role::Protokol, Role::Ppid, Role::Redaksi, Role::Opd, Role::Pimpinan};
}

QString Roles::code(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Protokol:
        return QStringLiteral("protokol");
    case Role::Ppid:
        return QStringLiteral("ppid");
    case Role::Redaksi:
        return QStringLiteral("redaksi");
    case Role::Opd:
        return QStringLiteral("opd");
    case Role::Pimpinan:
        return QStringLiteral("pimpinan");
    }
    return {};
}

bool Roles::fromCode(const QString &code, Role *role)
{
    for (Role r : all()) {
        if (Roles::code(r) == code) {
            if (role)
                *role = r;
            return true;
        }
    }
    return false;
}

QString Roles::displayName(Role role)
{
    switch (role) {
    case Role::Admin:
        return tr("Administrator");
    case Role::Protokol:
        return tr("Protocol");
    case Role::Ppid:
        return tr("PPID (information service)");
    case Role::Redaksi:
        return tr("News editor");
    case Role::Opd:
        return tr("Agency contributor (OPD)");
    case Role::Pimpinan:
        return tr("Leadership (read-only)");
    }
    return {};
}

bool Roles::canSeePersonalData(Role role)
{
    return role == Role::Admin || role == Role::Ppid;
}

Actor Actor::system()
{
    Actor a;
    a.userId = QStringLiteral("system");
    a.username = QStringLiteral("system");
    a.role = Role::Admin;
    return a;
}

} // namespace Humas
