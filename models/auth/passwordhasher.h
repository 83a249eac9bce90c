#pragma once

#include <QByteArray>
#include <QString>

namespace Humas {

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes (OpenSSL libcrypto), stored as
 * "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>". The iteration count travels
 * with the hash, so raising the default later keeps old hashes verifiable.
 */
class PasswordHasher
{
public:
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static constexpr int DefaultIterations = 600000;
    static constexpr int SaltBytes = 16;

    static QString hash(const QString &password, int iterations = DefaultIterations);
    static bool verify(const QString &password, const QString &stored);
    /**
     * A stored value that no password verifies against (not of the form above): what a PC
     * stores for a user pulled from humasdesk-server, which never sends password hashes.
     */
    static QString unusableHash();
    /** Iterations recorded in a stored hash, or 0 when it is malformed. */
    static int iterationsOf(const QString &stored);
};

} // namespace Humas
