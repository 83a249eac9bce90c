#include "sync/restclient.h"

#include "common/logging.h"
#include "store/database.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Humas {

namespace {

const QByteArray SchemaHeader = QByteArrayLiteral("X-HumasDesk-Schema");
const QByteArray JsonType = QByteArrayLiteral("application/json");

int retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1; // an HTTP date is not sent by our server
}

/** Seconds as whole minutes, rounded up (at least one). */
int minutesOf(int seconds)
{
    return qMax(1, (seconds + 59) / 60);
}

} // namespace

int RestClient::RetryPolicy::delayBefore(int retry) const
{
    qint64 ms = qMax(0, firstDelayMs);
    for (int i = 1; i < retry && ms < maxDelayMs; ++i)
        ms *= 2;
    return int(qMin<qint64>(ms, qMax(0, maxDelayMs)));
}

RestClient::RestClient(QNetworkAccessManager *nam, QUrl baseUrl, QString token)
    : m_nam(nam), m_base(std::move(baseUrl)), m_token(std::move(token))
{
}

void RestClient::waitInEventLoop(int ms)
{
    if (ms <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

bool RestClient::parseBaseUrl(const QString &text, QUrl *url, QString *error)
{
    const QString trimmed = text.trimmed();
    const QUrl u(trimmed, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (trimmed.isEmpty() || !u.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        u.host().isEmpty()) {
        if (error)
            *error = tr("\"%1\" is not a server address; write it like https://server.example:8443.").arg(trimmed);
        return false;
    }
    if (!u.userInfo().isEmpty() || u.hasQuery() || u.hasFragment()) {
        if (error)
            *error = tr("The server address may not contain a user name, password, \"?\" or \"#\"; write it like "
                        "https://server.example:8443.");
        return false;
    }
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v1")))
        path.chop(7);
    QUrl clean = u;
    clean.setScheme(scheme);
    clean.setPath(path);
    *url = clean;
    return true;
}

QString RestClient::serverName() const
{
    return m_base.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool RestClient::sendOnce(Method method, const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                          RestReply *reply) const
{
    *reply = RestReply();
    QNetworkRequest request(url);
    request.setRawHeader(SchemaHeader, QByteArray::number(Database::latestSchemaVersion()));
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toLatin1());
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, */*"));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    // The token must never follow a redirect to another address.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply *r = nullptr;
    switch (method) {
    case Method::Get:
        r = m_nam->get(request);
        break;
    case Method::Post:
        r = m_nam->post(request, body);
        break;
    case Method::Put:
        r = m_nam->put(request, body);
        break;
    }
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!r->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!r->isFinished()) // the thread is being stopped
        r->abort();
    reply->status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r->isOpen())
        reply->body = r->readAll();
    reply->contentType = r->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->retryAfterSeconds = retryAfterSeconds(r->rawHeader(QByteArrayLiteral("Retry-After")));
    reply->location = r->rawHeader(QByteArrayLiteral("Location"));
    if (reply->status == 0) {
        reply->networkError = int(r->error());
        reply->networkErrorText = r->errorString();
    }
    if (reply->status >= 400) {
        const QJsonObject e = QJsonDocument::fromJson(reply->body).object().value(QLatin1String("error")).toObject();
        reply->errorCode = e.value(QLatin1String("code")).toString();
        reply->serverMessage = e.value(QLatin1String("message")).toString();
    }
    r->deleteLater();
    return reply->status >= 200 && reply->status < 300;
}

bool RestClient::isRetriable(const RestReply &reply)
{
    if (reply.status != 0)
        return reply.status == 502 || reply.status == 503 || reply.status == 504;
    switch (QNetworkReply::NetworkError(reply.networkError)) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false; // a wrong host name or a bad certificate does not get better by waiting
    }
}

bool RestClient::send(Method method, const QString &endpoint, const QUrlQuery &query, const QByteArray &body,
                      const QByteArray &contentType, RestReply *reply, QString *error) const
{
    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/api/v1/") + endpoint);
    if (!query.isEmpty())
        url.setQuery(query);
    const int attempts = qMax(1, m_policy.attempts);
    for (int attempt = 1;; ++attempt) {
        if (sendOnce(method, url, body, contentType, reply))
            return true;
        if (attempt >= attempts || !isRetriable(*reply))
            break;
        int ms = m_policy.delayBefore(attempt);
        if (reply->retryAfterSeconds > 0) {
            if (qint64(reply->retryAfterSeconds) * 1000 > m_policy.maxDelayMs)
                break; // longer than a round should wait: say when to try again
            ms = qMax(ms, reply->retryAfterSeconds * 1000);
        }
        qCInfo(lcSync) << "server" << endpoint << "failed (status" << reply->status << "network" << reply->networkError
                       << "), retry" << attempt << "in" << ms << "ms";
        if (m_policy.wait)
            m_policy.wait(ms);
        else
            waitInEventLoop(ms);
    }
    if (error)
        *error = describe(*reply);
    qCInfo(lcSync) << "server" << endpoint << "failed: status" << reply->status << "network" << reply->networkError
                   << reply->errorCode;
    return false;
}

bool RestClient::sendJson(Method method, const QString &endpoint, const QUrlQuery &query, const QJsonObject &body,
                          QJsonObject *answer, RestReply *reply, QString *error) const
{
    const QByteArray data = method == Method::Get ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!send(method, endpoint, query, data, method == Method::Get ? QByteArray() : JsonType, reply, error))
        return false;
    if (!answer)
        return true;
    *answer = QJsonObject();
    if (reply->status == 204)
        return true;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = unreadableAnswer(parse.error != QJsonParseError::NoError ? parse.errorString()
                                                                              : tr("not a JSON object"));
        return false;
    }
    *answer = doc.object();
    return true;
}

QString RestClient::unreadableAnswer(const QString &detail) const
{
    return tr("The server %1 sent an answer HumasDesk cannot read (%2); nothing was changed on this PC. Check that "
              "the address points to a HumasDesk server of the same version.")
        .arg(serverName(), detail);
}

QString RestClient::networkMessage(const RestReply &reply) const
{
    const QString server = serverName();
    switch (QNetworkReply::NetworkError(reply.networkError)) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server %1 refused the connection: it is not running, or the address or port is wrong.")
            .arg(server);
    case QNetworkReply::HostNotFoundError:
        return tr("The server name in %1 was not found; check the address and this PC's network connection.")
            .arg(server);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The server %1 did not answer in time; the network or the server may be slow or down.").arg(server);
    case QNetworkReply::RemoteHostClosedError:
        return tr("The server %1 closed the connection before answering.").arg(server);
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return tr("The secure (HTTPS) connection to %1 failed: the server's certificate is not valid for this "
                  "address or not trusted by this PC (%2).")
            .arg(server, reply.networkErrorText);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("This PC has no network connection at the moment; the server %1 cannot be reached.").arg(server);
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolFailure:
        return tr("The server %1 does not speak HTTP as HumasDesk expects; check the address (http or https, "
                  "the port).")
            .arg(server);
    default:
        return tr("The server %1 cannot be reached (%2).").arg(server, reply.networkErrorText);
    }
}

QString RestClient::describe(const RestReply &reply) const
{
    if (reply.status == 0)
        return networkMessage(reply);
    const QString server = serverName();
    const QString said =
        reply.serverMessage.isEmpty() ? QString() : tr(" The server says: %1").arg(reply.serverMessage);
    switch (reply.status) {
    case 401:
        if (reply.errorCode == QLatin1String("bad_credentials"))
            return tr("The user name or the password is wrong.");
        return tr("The server %1 no longer accepts this PC's sign-in (it expired or was revoked). Sign in again.")
            .arg(server);
    case 403:
        return tr("The server %1 refused this for the signed-in user.%2").arg(server, said);
    case 404:
        return tr("The server %1 does not know this request; check that the address points to a HumasDesk server.")
            .arg(server);
    case 409:
        return tr("The server %1 runs an older HumasDesk than this PC, so nothing was sent; ask the administrator to "
                  "update the server.")
            .arg(server);
    case 413:
        return tr("The server %1 refused a request as too large.%2").arg(server, said);
    case 426:
        return tr("The server %1 has a newer HumasDesk data version than this PC; update HumasDesk on this PC to "
                  "sync.")
            .arg(server);
    case 429:
        if (reply.retryAfterSeconds > 0)
            return tr("Too many failed sign-ins; try again in %n minute(s).", nullptr,
                      minutesOf(reply.retryAfterSeconds));
        return tr("Too many failed sign-ins; try again later.");
    case 502:
    case 503:
    case 504:
        if (reply.retryAfterSeconds > 0)
            return tr("The server %1 is busy or restarting; try again in %n second(s).", nullptr,
                      reply.retryAfterSeconds)
                .arg(server);
        return tr("The server %1 is busy or restarting; try again in a few minutes.").arg(server);
    default:
        break;
    }
    if (reply.status >= 300 && reply.status < 400)
        return tr("The server address %1 forwards to %2; enter that address instead.")
            .arg(server, QString::fromUtf8(reply.location));
    if (reply.status >= 500)
        return tr("The server %1 had an internal error (HTTP %2); try again later or tell its administrator.")
            .arg(server)
            .arg(reply.status);
    return tr("The server %1 refused the request (HTTP %2).%3").arg(server).arg(reply.status).arg(said);
}

} // namespace Humas
