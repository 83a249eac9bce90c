#include "sync/serveraccount.h"

#include "common/logging.h"
#include "store/database.h"
#include "sync/resttransport.h"
#include "sync/syncsettings.h"

#include <QNetworkAccessManager>

namespace Humas {

ServerAccount::ServerAccount(Database &db, QNetworkAccessManager *nam) : m_db(db), m_nam(nam) {}

ServerAccount::ServerAccount(Database &db)
    : m_db(db), m_ownNam(std::make_unique<QNetworkAccessManager>()), m_nam(m_ownNam.get())
{
}

ServerAccount::~ServerAccount() = default;

bool ServerAccount::checkConnection(const QUrl &url, int *schema, QString *error)
{
    return RestTransport::checkHealth(m_nam, url, schema, error, m_policy);
}

QString ServerAccount::urlKey(const QUrl &url)
{
    return url.toString(QUrl::StripTrailingSlash);
}

QUrl ServerAccount::storedUrl() const
{
    QUrl url;
    if (!RestClient::parseBaseUrl(SyncSettings(m_db).serverUrl(), &url, nullptr))
        return {};
    return url;
}

bool ServerAccount::isSignedIn(const QUrl &url, const QString &username) const
{
    return SyncSettings(m_db).hasValidToken(urlKey(url), username);
}

bool ServerAccount::signIn(const QUrl &url, const QString &username, const QString &password, QString *error)
{
    RestTransport::Session session;
    if (!RestTransport::login(m_nam, url, username, password, m_db.siteId(), &session, error, m_policy))
        return false;
    SyncSettings settings(m_db);
    const SyncSettings::ServerSignIn old = settings.serverSignIn();
    SyncSettings::ServerSignIn signIn{urlKey(url), session.username, session.token, session.expiresAt};
    if (!settings.storeSignIn(signIn, error) || !settings.setTransport(SyncSettings::Transport::Server, error))
        return false;
    if (!old.token.isEmpty() && old.token != session.token) {
        // The replaced token would stay valid at its server for weeks: revoke it if we can.
        QUrl oldUrl;
        QString ignored;
        RestClient::RetryPolicy once = m_policy;
        once.attempts = 1;
        if (RestClient::parseBaseUrl(old.url, &oldUrl, nullptr) &&
            !RestTransport::logout(m_nam, oldUrl, old.token, &ignored, once))
            qCInfo(lcSync) << "the replaced sign-in could not be revoked at its server";
    }
    qCInfo(lcSync) << "signed in at" << urlKey(url) << "as" << session.username;
    return true;
}

bool ServerAccount::signOut(bool *revoked, QString *error)
{
    if (revoked)
        *revoked = false;
    SyncSettings settings(m_db);
    const SyncSettings::ServerSignIn s = settings.serverSignIn();
    if (s.token.isEmpty()) {
        if (revoked)
            *revoked = true; // nothing is left at any server
        return true;
    }
    QUrl url;
    QString serverError;
    bool told = false;
    if (RestClient::parseBaseUrl(s.url, &url, &serverError))
        told = RestTransport::logout(m_nam, url, s.token, &serverError, m_policy);
    if (!settings.forgetToken(error))
        return false;
    if (revoked)
        *revoked = told;
    if (!told && error)
        *error = serverError;
    return true;
}

SyncReport ServerAccount::round()
{
    m_tokenRefused = false;
    SyncSettings settings(m_db);
    const SyncSettings::ServerSignIn s = settings.serverSignIn();
    SyncReport report;
    QUrl url;
    if (!RestClient::parseBaseUrl(s.url, &url, &report.error))
        return report;
    if (s.token.isEmpty() || !settings.hasValidToken(s.url)) {
        report.error =
            tr("This PC is not signed in to the server %1 (or its sign-in expired); sign in first.").arg(s.url);
        return report;
    }
    RestTransport transport(m_nam, url, s.token);
    transport.setRetryPolicy(m_policy);
    SyncEngine engine(m_db, transport);
    if (m_progress)
        engine.setPullProgress(m_progress);
    report = engine.round();
    if (!report.ok && transport.tokenRefused()) {
        m_tokenRefused = true;
        QString error;
        if (!settings.forgetToken(&error))
            qCWarning(lcSync) << "could not forget the refused token:" << error;
    }
    return report;
}

} // namespace Humas
