#include "userrepository.h"

#include "common/logging.h"
#include "common/textrules.h"
#include "master/masterdata.h"
#include "passwordhasher.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace Humas {

UserRepository::UserRepository(Database &db, const Actor &actor) : RecordRepository(db, MasterData::users(), actor) {}

bool UserRepository::isAcceptablePassword(const QString &password, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!password.isEmpty() && password.trimmed().isEmpty())
        return fail(tr("The password must not consist of spaces only."));
    if (password.trimmed().size() < MinimumPasswordLength) {
        return fail(tr("The password must have at least %n characters, not counting spaces at its start and end.", "",
                       MinimumPasswordLength));
    }
    if (password.size() > MaximumPasswordLength)
        return fail(tr("The password must have at most %n characters.", "", MaximumPasswordLength));
    if (TextRules::badCharacterAt(password, TextRules::Lines::Single) >= 0)
        return fail(tr("The password must not contain control characters."));
    return true;
}

bool UserRepository::isAcceptableUsername(const QString &username, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (username.size() < MinimumUsernameLength || username.size() > MaximumUsernameLength) {
        return fail(
            tr("A user name must have %1 to %2 characters.").arg(MinimumUsernameLength).arg(MaximumUsernameLength));
    }
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!allowed.match(username).hasMatch() || username.contains(QLatin1String(".."))) {
        return fail(tr("A user name may contain only the letters A–Z and a–z, digits, \".\", \"_\" and \"-\", "
                       "must start with a letter or a digit and must not contain \"..\"."));
    }
    return true;
}

bool UserRepository::prepareValues(QVariantMap *values, bool isInsert, QString *error)
{
    // Only a user name being set is checked: an older account keeps signing in under its name.
    const QString usernameKey = QStringLiteral("username");
    if (values->contains(usernameKey) && !isAcceptableUsername(values->value(usernameKey).toString(), error))
        return false;
    const QString key = QStringLiteral("password");
    if (!values->contains(key)) {
        if (isInsert) {
            if (error)
                *error = tr("A new user needs a password.");
            return false;
        }
        return true;
    }
    const QString password = values->take(key).toString();
    if (password.isEmpty() && !isInsert)
        return true; // empty password field in the editor = keep the old one
    if (!isAcceptablePassword(password, error))
        return false;
    values->insert(QStringLiteral("password_hash"), PasswordHasher::hash(password));
    return true;
}

int UserRepository::activeAdmins(const QString &exceptId) const
{
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM users WHERE deleted = 0 AND active = 1 AND role = 'admin' "
                             "AND id IS NOT ?"));
    q.addBindValue(exceptId);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

bool UserRepository::validateRules(const QVariantMap &merged, const QString &id, QString *error) const
{
    const QString role = merged.value(QStringLiteral("role")).toString();
    if (role == Roles::code(Role::Opd) && merged.value(QStringLiteral("opd_id")).toString().isEmpty()) {
        if (error)
            *error = tr("A user with the OPD role must belong to one agency (OPD).");
        return false;
    }
    const bool staysAdmin = role == Roles::code(Role::Admin) && merged.value(QStringLiteral("active")).toInt() == 1;
    if (!id.isEmpty() && !staysAdmin && activeAdmins(id) == 0) {
        if (error)
            *error = tr("This is the last active administrator; create another one first.");
        return false;
    }
    return true;
}

bool UserRepository::validateRemoval(const QString &id, QString *error) const
{
    const Record r = get(id);
    if (r.text(QStringLiteral("role")) == Roles::code(Role::Admin) && activeAdmins(id) == 0) {
        if (error)
            *error = tr("This is the last active administrator; create another one first.");
        return false;
    }
    if (id == actor().userId) {
        if (error)
            *error = tr("You cannot delete your own account.");
        return false;
    }
    return true;
}

bool UserRepository::needsFirstAdmin() const
{
    return activeAdmins(QString()) == 0;
}

bool UserRepository::createFirstAdmin(const QString &username, const QString &displayName, const QString &password,
                                      QString *error)
{
    if (!needsFirstAdmin()) {
        if (error)
            *error = tr("An administrator already exists.");
        return false;
    }
    UserRepository asSystem(database(), Actor::system());
    QString id;
    return asSystem.insert({{QStringLiteral("username"), username},
                            {QStringLiteral("display_name"), displayName},
                            {QStringLiteral("role"), Roles::code(Role::Admin)},
                            {QStringLiteral("active"), 1},
                            {QStringLiteral("password"), password}},
                           &id, error);
}

bool UserRepository::authenticate(const QString &username, const QString &password, Actor *actor, QString *error) const
{
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT id, username, role, opd_id, password_hash, active FROM users "
                             "WHERE deleted = 0 AND lower(username) = lower(CAST(? AS TEXT))"));
    // lower() rather than COLLATE NOCASE: the hub may be PostgreSQL (humasdesk-server --database),
    // and both fold ASCII letters the same way (the table is small; no index needed).
    q.addBindValue(username.trimmed());
    const QString wrong = tr("The user name or password is wrong.");
    if (!q.exec() || !q.next()) {
        // Spend the same time as a real check so timing does not reveal unknown user names.
        static const QString dummy = PasswordHasher::hash(QStringLiteral("-"));
        PasswordHasher::verify(password, dummy);
        if (error)
            *error = wrong;
        return false;
    }
    if (!PasswordHasher::verify(password, q.value(4).toString())) {
        qCInfo(lcAuth) << "failed login for" << username;
        if (error)
            *error = wrong;
        return false;
    }
    if (q.value(5).toInt() != 1) {
        if (error)
            *error = tr("This account is disabled; ask an administrator.");
        return false;
    }
    Role role = Role::Pimpinan;
    if (!Roles::fromCode(q.value(2).toString(), &role)) {
        if (error)
            *error = tr("This account has an unknown role; ask an administrator.");
        return false;
    }
    if (actor) {
        actor->userId = q.value(0).toString();
        actor->username = q.value(1).toString();
        actor->role = role;
        actor->opdId = q.value(3).toString();
    }
    return true;
}

} // namespace Humas
