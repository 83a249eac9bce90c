#pragma once

#include "httpserver.h"

namespace Humas::Server {

/** Maps requests to the endpoints of server/API.md; answers JSON errors for the rest. */
class Router
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::Router)
public:
    explicit Router(int schema) : m_schema(schema) {}
    HttpResponse route(const HttpRequest &request) const;

private:
    int m_schema;
};

} // namespace Humas::Server
