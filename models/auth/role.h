#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Humas {

/** The roles of DESIGN.md. Stored as their lowercase code ("admin", "protokol", …). */
enum class Role { Admin, Protokol, Ppid, Redaksi, Opd, Pimpinan };

class Roles
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Roles)
public:
    static QList<Role> all();
    static QString code(Role role);
    /** Parses a code; returns false for an unknown code. */
    static bool fromCode(const QString &code, Role *role);
    /** Translated name for the UI ("Protokol", "Pimpinan (hanya baca)"). */
    static QString displayName(Role role);
    /** Whether the role may see requesters' personal data unmasked (UU 27/2022). */
    static bool canSeePersonalData(Role role);
};

/** Who is acting: the logged-in user, handed to repositories so they can refuse writes. */
struct Actor
{
    QString userId;
    QString username;
    Role role = Role::Pimpinan;
    QString opdId; // only for Role::Opd

    /** The actor used by init, migrations and the CLI's batch jobs: full rights. */
    static Actor system();
    bool isValid() const { return !username.isEmpty(); }
};

} // namespace Humas
