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

    /** True when no active admin exists yet (the first start asks for one). */
    bool needsFirstAdmin() const;
    /** Creates the first admin; refused once any active admin exists. */
    bool createFirstAdmin(const QString &username, const QString &displayName, const QString &password, QString *error);

    /**
     * Checks credentials. On success fills @p actor. The message for a wrong user name and
     * a wrong password is the same, so it does not reveal which user names exist.
     */
    bool authenticate(const QString &username, const QString &password, Actor *actor, QString *error) const;

    static bool isAcceptablePassword(const QString &password, QString *error);

protected:
    bool prepareValues(QVariantMap *values, bool isInsert, QString *error) override;
    bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const override;
    bool validateRemoval(const QString &id, QString *error) const override;

private:
    int activeAdmins(const QString &exceptId) const;
};

} // namespace Humas
