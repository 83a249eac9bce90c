#include "usercommands.h"

#include "auth/passwordhasher.h"
#include "auth/role.h"
#include "auth/userrepository.h"
#include "common/hybridclock.h"
#include "common/uuid7.h"
#include "master/referencerepositories.h"
#include "store/database.h"
#include "sync/hubstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTextStream>

#include <iostream>
#include <string>

namespace Humas::Server {

namespace {
int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << message << '\n';
    return code;
}
} // namespace

int UserCommands::run(Database &hub, const QStringList &args)
{
    const QString action = args.value(0);
    if (action == QLatin1String("add"))
        return add(hub, args.mid(1));
    if (action == QLatin1String("list") && args.size() == 1)
        return list(hub);
    return fail(tr("Use: user add --username U --role R [--opd CODE] --password-stdin | user list"), 2);
}

int UserCommands::add(Database &hub, const QStringList &args)
{
    QString username;
    QString roleCode;
    QString opdCode;
    bool passwordStdin = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--username") && hasValue)
            username = args.at(++i).trimmed();
        else if (a == QLatin1String("--role") && hasValue)
            roleCode = args.at(++i);
        else if (a == QLatin1String("--opd") && hasValue)
            opdCode = args.at(++i);
        else if (a == QLatin1String("--password-stdin"))
            passwordStdin = true;
        else
            return fail(tr("Unknown or incomplete argument \"%1\" for user add.").arg(a), 2);
    }
    Role role = Role::Pimpinan;
    if (username.isEmpty() || !Roles::fromCode(roleCode, &role))
        return fail(tr("user add needs --username and --role (admin, protokol, ppid, redaksi, opd or pimpinan)."), 2);
    if (!passwordStdin)
        return fail(tr("user add reads the password from standard input; add --password-stdin."), 2);
    QString error;
    if (!UserRepository::isAcceptableUsername(username, &error))
        return fail(error);
    std::string line;
    std::getline(std::cin, line);
    const QString password = QString::fromStdString(line);
    if (!UserRepository::isAcceptablePassword(password, &error))
        return fail(error);

    QVariant opdId; // NULL unless --opd
    if (!opdCode.isEmpty()) {
        const Record opd = OpdRepository(hub, Actor::system()).findBy(QStringLiteral("code"), opdCode);
        if (opd.id.isEmpty())
            return fail(tr("No agency (OPD) has the code \"%1\".").arg(opdCode));
        opdId = opd.id;
    } else if (role == Role::Opd) {
        return fail(tr("A user with the role opd needs --opd CODE."), 2);
    }
    {
        QSqlQuery q(hub.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM users WHERE lower(username) = lower(?) AND deleted = 0"));
        q.addBindValue(username);
        if (q.exec() && q.next())
            return fail(tr("The user name %1 is taken already.").arg(username));
    }

    HubStore store(hub);
    HelloReply hello;
    if (!store.hello(hub.siteId(), &hello, &error))
        return fail(error);
    SyncOp op;
    op.opId = Uuid7::createString();
    op.entity = QStringLiteral("users");
    op.rowId = Uuid7::createString();
    op.op = QStringLiteral("upsert");
    auto change = [](const QVariant &v) { return QJsonArray{QJsonValue(), SyncProtocol::toJsonValue(v)}; };
    op.changes = QJsonObject{
        {QStringLiteral("username"), change(username)},
        {QStringLiteral("display_name"), change(username)},
        {QStringLiteral("role"), change(Roles::code(role))},
        {QStringLiteral("opd_id"), change(opdId)},
        {QStringLiteral("password_hash"), change(PasswordHasher::hash(password))},
        {QStringLiteral("active"), change(1)},
    };
    op.rev = 1;
    op.outboxSeq = hello.siteLastOutboxSeq + 1;
    op.hlc = hub.hybridClock()->tick();
    op.site = hub.siteId();
    op.actor = QStringLiteral("humasdesk-server");
    op.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    PushReply reply;
    if (!store.push(PushRequest{hub.siteId(), {op}}, &reply, &error))
        return fail(error);
    const OpResult result = reply.results.value(0);
    if (result.status != QLatin1String("applied"))
        return fail(tr("The hub did not take the new user (%1): %2").arg(result.status, result.error));
    QTextStream(stdout) << tr("User %1 added with the role %2.").arg(username, Roles::displayName(role)) << '\n';
    return 0;
}

int UserCommands::list(Database &hub)
{
    // Never the password hashes: only what an administrator needs to see.
    QSqlQuery q(hub.connection());
    if (!q.exec(QStringLiteral("SELECT u.username, u.role, COALESCE(o.code, ''), u.active FROM users u "
                               "LEFT JOIN opd o ON o.id = u.opd_id WHERE u.deleted = 0 ORDER BY lower(u.username)")))
        return fail(tr("Cannot read the users of the hub."));
    QTextStream out(stdout);
    out << tr("User name") << '\t' << tr("Role") << '\t' << tr("OPD") << '\t' << tr("Active") << '\n';
    while (q.next()) {
        out << q.value(0).toString() << '\t' << q.value(1).toString() << '\t' << q.value(2).toString() << '\t'
            << (q.value(3).toInt() == 1 ? tr("yes") : tr("no")) << '\n';
    }
    return 0;
}

} // namespace Humas::Server
