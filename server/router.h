#pragma once

#include "httpserver.h"
#include "sessionstore.h"

#include "auth/role.h"

namespace Humas::Server {

/**
 * Maps requests to the endpoints of server/API.md and answers JSON errors for the rest.
 * route() is called from libmicrohttpd's worker threads at the same time: each thread gets
 * its own connections to the hub and to the sign-in store on first use (Worker).
 */
class Router
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::Router)
public:
    /** @p hubPath: DIR/hub.sqlite; @p sessionsPath: DIR/server.sqlite. */
    Router(QString hubPath, QString sessionsPath, int schema);
    ~Router();
    HttpResponse route(const HttpRequest &request);

private:
    struct Worker;
    struct Caller
    {
        SessionStore::Session session;
        Actor actor;
        QString token;
    };
    Worker *worker(QString *error);
    /** Checks the bearer token and the user behind it; an empty status means signed in. */
    bool authenticate(Worker &w, const HttpRequest &request, Caller *caller, HttpResponse *refusal);

    HttpResponse login(Worker &w, const HttpRequest &request);
    HttpResponse logout(Worker &w, const Caller &caller);
    HttpResponse hello(Worker &w, const HttpRequest &request, const Caller &caller);
    HttpResponse push(Worker &w, const HttpRequest &request, const Caller &caller);
    HttpResponse changes(Worker &w, const HttpRequest &request, const Caller &caller);
    HttpResponse missingBlobs(Worker &w, const HttpRequest &request, const Caller &caller);
    HttpResponse putBlob(Worker &w, const HttpRequest &request, const Caller &caller, const QString &sha);
    HttpResponse getBlob(Worker &w, const Caller &caller, const QString &sha);

    /** 503 for a busy hub, else 500 with a message that holds no SQL or paths (logged instead). */
    static HttpResponse storeFailure(const QString &error);

    QString m_hubPath;
    QString m_sessionsPath;
    int m_schema;
    LoginThrottle m_throttle;
};

} // namespace Humas::Server
