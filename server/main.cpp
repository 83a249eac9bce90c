// humasdesk-server: the REST hub of HumasDesk sync (issue 10, server/API.md).
//
//   humasdesk-server --data DIR [--listen ADDR] [--port N] [--database URL] [--tls-cert FILE --tls-key FILE]
//   humasdesk-server --data DIR user add --username U --role R [--opd CODE] --password-stdin
//   humasdesk-server --data DIR user list | user disable --username U
//   humasdesk-server --data DIR token list | token revoke --username U
//   humasdesk-server --data DIR backup FILE | check
#include "httpserver.h"
#include "router.h"
#include "sessionstore.h"
#include "admincommands.h"

#include "common/translations.h"
#include "store/database.h"
#include "sync/hubstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace {

/** The texts of the command line. */
struct ServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::ServerCommand)
};

int usage(const QString &message)
{
    QTextStream err(stderr);
    if (!message.isEmpty())
        err << message << '\n';
    err << ServerCommand::tr("Usage: humasdesk-server --data DIR [--listen ADDR] [--port N] [--database URL] [--tls-cert FILE --tls-key FILE]\n"
                             "       humasdesk-server --data DIR user add --username U --role R [--opd CODE] --password-stdin\n"
                             "       humasdesk-server --data DIR user list | user disable --username U\n"
                             "       humasdesk-server --data DIR token list | token revoke --username U\n"
                             "       humasdesk-server --data DIR backup FILE | check") << '\n';
    return 2;
}

struct Options
{
    QString data;
    QString listen = QStringLiteral("127.0.0.1");
    int port = 8443;
    QString database;
    QString tlsCert;
    QString tlsKey;
    QStringList command; ///< "user add …" etc.; empty = serve
};

/** Parses the exact syntax of the issue; returns an empty string or a usage message. */
QString parse(const QStringList &args, Options *o)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *out) {
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        QString v;
        if (a == QLatin1String("--data") && value(&v)) {
            o->data = v;
        } else if (a == QLatin1String("--listen") && value(&v)) {
            o->listen = v;
        } else if (a == QLatin1String("--port") && value(&v)) {
            bool ok = false;
            o->port = v.toInt(&ok);
            if (!ok || o->port < 0 || o->port > 65535)
                return ServerCommand::tr("The port must be a number from 0 to 65535.");
        } else if (a == QLatin1String("--database") && value(&v)) {
            o->database = v;
        } else if (a == QLatin1String("--tls-cert") && value(&v)) {
            o->tlsCert = v;
        } else if (a == QLatin1String("--tls-key") && value(&v)) {
            o->tlsKey = v;
        } else if (Humas::Server::AdminCommands::isCommand(a)) {
            o->command = args.mid(i);
            break;
        } else {
            return ServerCommand::tr("Unknown or incomplete argument \"%1\".").arg(a);
        }
    }
    if (o->data.isEmpty())
        return ServerCommand::tr("Give the data folder with --data DIR.");
    if (o->tlsCert.isEmpty() != o->tlsKey.isEmpty())
        return ServerCommand::tr("HTTPS needs both --tls-cert FILE and --tls-key FILE.");
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("humasdesk-server"));
    Humas::Translations::setLanguage(QStringLiteral("id"));

    Options options;
    const QString problem = parse(QCoreApplication::arguments(), &options);
    if (!problem.isEmpty())
        return usage(problem);
    QTextStream err(stderr);
    if (!options.database.isEmpty() && !Humas::Database::isPostgresUrl(options.database))
        return usage(ServerCommand::tr("--database takes a PostgreSQL address, postgresql://user:password@host:port/database."));
    if (!QDir().mkpath(options.data)) {
        err << ServerCommand::tr("Cannot create the data folder %1.").arg(options.data) << '\n';
        return 1;
    }

    // The hub: a HumasDesk database in WAL on the server's own disk, created on first start, or
    // with --database a PostgreSQL database (set up on first use when empty). DIR keeps the rest.
    const QString hubLocation = options.database.isEmpty() ? QDir(options.data).filePath(QStringLiteral("hub.sqlite"))
                                                           : options.database;
    QString error;
    Humas::Database db(QStringLiteral("humas-server-main"));
    if (!db.open(hubLocation, &error)) {
        err << error << '\n';
        return 1;
    }
    {
        Humas::HubStore hub(db);
        if (!hub.isInitialised() && !hub.initialise(&error)) {
            err << error << '\n';
            return 1;
        }
    }
    const QString sessionsPath = QDir(options.data).filePath(QStringLiteral("server.sqlite"));
    if (!options.command.isEmpty())
        return Humas::Server::AdminCommands::run(db, sessionsPath, options.command);

    // SIGTERM and SIGINT are taken by sigwait() below; blocked before libmicrohttpd starts
    // its threads so that none of them receives the signal.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    {
        Humas::Server::SessionStore sessions(sessionsPath);
        if (!sessions.open(&error)) {
            err << error << '\n';
            return 1;
        }
    }
    // Each worker thread opens the same location (for PostgreSQL the URL with its password).
    Humas::Server::Router router(options.database.isEmpty() ? db.path() : hubLocation, sessionsPath, Humas::Database::latestSchemaVersion());
    Humas::Server::HttpServer server(
        [&router](const Humas::Server::HttpRequest &r) { return router.route(r); },
        [](const Humas::Server::HttpRequest &r, const Humas::Server::HttpResponse &response, qint64 ms) {
            // One line per request: time, user, method, route, status, bytes, ms. No bodies, no tokens.
            std::fprintf(stderr, "%s %s %s %s %d %lld %lld\n",
                         qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
                         response.user.isEmpty() ? "-" : qPrintable(response.user),
                         r.method.constData(), r.path.left(200).constData(), response.status,
                         static_cast<long long>(response.body.size()), static_cast<long long>(ms));
        },
        Humas::Server::HttpServer::Limits());
    if (!options.tlsCert.isEmpty()) {
        QByteArray pem[2];
        const QString files[2] = {options.tlsCert, options.tlsKey};
        for (int i = 0; i < 2; ++i) {
            QFile f(files[i]);
            if (!f.open(QIODevice::ReadOnly) || (pem[i] = f.read(1024 * 1024)).isEmpty()) {
                err << ServerCommand::tr("Cannot read %1.").arg(files[i]) << '\n';
                return 1;
            }
        }
        server.setTls(pem[0], pem[1]);
    }
    if (!server.start(options.listen, quint16(options.port), &error)) {
        err << error << '\n';
        return 1;
    }
    std::printf("listening on %s:%u\n", qPrintable(options.listen), unsigned(server.port()));
    std::fflush(stdout);

    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    return 0;
}
