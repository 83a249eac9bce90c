#pragma once

#include "master/recordrepository.h"

namespace Humas {

/**
 * Users and their roles. Only admin may change users. The pseudo field "password" is
 * hashed (PasswordHasher) into password_hash and never stored or logged in clear.
 */
class UserRepository : public RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::UserRepository)
public:
    UserRepository(Database &db, const Actor &actor);

    static constexpr int MinimumPasswordLength = 8;
    /** Longer passwords are refused: PBKDF2 hashes the whole text on every login. */
    static constexpr int MaximumPasswordLength = 1024;
    static constexpr int MinimumUsernameLength = 3;
    static constexpr int MaximumUsernameLength = 32;

    /** True when no active admin exists yet (the first start asks for one). */
    bool needsFirstAdmin() const;
    /** Creates the first admin; refused once any active admin exists. */
    bool createFirstAdmin(const QString &username, const QString &displayName, const QString &password, QString *error);

    /**
     * Checks credentials. On success fills @p actor. The message for a wrong user name and
     * a wrong password is the same, so it does not reveal which user names exist.
     */
    bool authenticate(const QString &username, const QString &password, Actor *actor, QString *error) const;

    /**
     * At least MinimumPasswordLength characters without counting leading and trailing
     * whitespace (eight spaces, or "  abc  ", is refused), at most MaximumPasswordLength, no
     * control characters. The password itself is hashed as typed.
     */
    static bool isAcceptablePassword(const QString &password, QString *error);
    /**
     * MinimumUsernameLength to MaximumUsernameLength characters of A–Z, a–z, 0–9, ".", "_" and
     * "-", starting with a letter or digit, without "..": a user name may end up in file
     * names, logs and the sync protocol. Text that came from invalid UTF-8 (U+FFFD) is refused.
     */
    static bool isAcceptableUsername(const QString &username, QString *error);

protected:
    bool prepareValues(QVariantMap *values, bool isInsert, QString *error) override;
    bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const override;
    bool validateRemoval(const QString &id, QString *error) const override;

private:
    int activeAdmins(const QString &exceptId) const;
};

} // namespace Humas
