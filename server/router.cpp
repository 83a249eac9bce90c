#include "router.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Humas::Server {

HttpResponse Router::route(const HttpRequest &request) const
{
    static const QByteArray api = "/api/v1/";
    if (request.path == "/api/v1/health") {
        if (request.method != "GET" && request.method != "HEAD")
            return HttpResponse::error(405, "method_not_allowed", tr("This address only answers GET."));
        HttpResponse r;
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                           {QStringLiteral("schema"), m_schema}})
                     .toJson(QJsonDocument::Compact);
        return r;
    }
    if (request.path.startsWith(api)) {
        // Sign-in is not part of this version yet: without a token nothing else is served.
        return HttpResponse::error(401, "unauthorized", tr("Sign in first: this request needs a valid token."));
    }
    return HttpResponse::error(404, "not_found", tr("There is nothing at this address."));
}

} // namespace Humas::Server
