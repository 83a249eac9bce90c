#include "admincommands.h"

#include "auth/passwordhasher.h"
#include "auth/role.h"
#include "auth/userrepository.h"
#include "common/hybridclock.h"
#include "common/uuid7.h"
#include "master/referencerepositories.h"
#include "store/database.h"
#include "sessionstore.h"
#include "sync/hubstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
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

/**
 * Writes one change of the users table as the server's own site, through HubStore::push like
 * any PC's change, so it gets a seq and reaches every PC. The server has seen everything the
 * hub holds (base_seq = its high seq): its own change is never a conflict.
 */
bool pushUserChange(Database &hub, const QString &rowId, const QJsonObject &changes, int baseRev, OpResult *result,
                    QString *error)
{
    HubStore store(hub);
    HelloReply hello;
    if (!store.hello(hub.siteId(), &hello, error))
        return false;
    SyncOp op;
    op.opId = Uuid7::createString();
    op.entity = QStringLiteral("users");
    op.rowId = rowId;
    op.op = QStringLiteral("upsert");
    op.changes = changes;
    op.baseRev = baseRev;
    op.rev = baseRev + 1;
    op.baseSeq = hello.highSeq;
    op.outboxSeq = hello.siteLastOutboxSeq + 1;
    op.hlc = hub.hybridClock()->tick();
    op.site = hub.siteId();
    op.actor = QStringLiteral("humasdesk-server");
    op.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    PushReply reply;
    if (!store.push(PushRequest{hub.siteId(), {op}}, &reply, error))
        return false;
    *result = reply.results.value(0);
    return true;
}
} // namespace

bool AdminCommands::isCommand(const QString &word)
{
    static const QStringList words = {QStringLiteral("user"), QStringLiteral("token"), QStringLiteral("backup"),
                                      QStringLiteral("check")};
    return words.contains(word);
}

int AdminCommands::run(Database &hub, const QString &sessionsPath, const QStringList &args)
{
    const QString command = args.value(0);
    const QString action = args.value(1);
    if (command == QLatin1String("user")) {
        if (action == QLatin1String("add"))
            return add(hub, args.mid(2));
        if (action == QLatin1String("list") && args.size() == 2)
            return list(hub);
        if (action == QLatin1String("disable"))
            return disable(hub, sessionsPath, args.mid(2));
        return fail(tr("Use: user add --username U --role R [--opd CODE] --password-stdin | user list | "
                       "user disable --username U"),
                    2);
    }
    if (command == QLatin1String("token"))
        return tokens(hub, sessionsPath, args.mid(1));
    if (command == QLatin1String("backup"))
        return backup(hub, args.mid(1));
    if (command == QLatin1String("check") && args.size() == 1)
        return check(hub, sessionsPath);
    return fail(tr("Use: user add|list|disable, token list|revoke, backup FILE or check."), 2);
}

int AdminCommands::add(Database &hub, const QStringList &args)
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

    auto change = [](const QVariant &v) { return QJsonArray{QJsonValue(), SyncProtocol::toJsonValue(v)}; };
    const QJsonObject changes{
        {QStringLiteral("username"), change(username)},
        {QStringLiteral("display_name"), change(username)},
        {QStringLiteral("role"), change(Roles::code(role))},
        {QStringLiteral("opd_id"), change(opdId)},
        {QStringLiteral("password_hash"), change(PasswordHasher::hash(password))},
        {QStringLiteral("active"), change(1)},
    };
    OpResult result;
    if (!pushUserChange(hub, Uuid7::createString(), changes, 0, &result, &error))
        return fail(error);
    if (result.status != QLatin1String("applied"))
        return fail(tr("The hub did not take the new user (%1): %2").arg(result.status, result.error));
    QTextStream(stdout) << tr("User %1 added with the role %2.").arg(username, Roles::displayName(role)) << '\n';
    return 0;
}

int AdminCommands::list(Database &hub)
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

namespace {

/** The user's id and hub revision by user name (case-insensitive); empty id when there is none. */
bool findUser(Database &hub, const QString &username, QString *id, int *rev, int *active)
{
    QSqlQuery q(hub.connection());
    q.prepare(QStringLiteral("SELECT id, rev, active FROM users WHERE lower(username) = lower(?) AND deleted = 0"));
    q.addBindValue(username);
    if (!q.exec() || !q.next())
        return false;
    *id = q.value(0).toString();
    *rev = q.value(1).toInt();
    *active = q.value(2).toInt();
    return true;
}

QString usernameArgument(const QStringList &args, QString *problem)
{
    if (args.size() == 2 && args.at(0) == QLatin1String("--username"))
        return args.at(1).trimmed();
    *problem = AdminCommands::tr("Give the account with --username U.");
    return {};
}

} // namespace

int AdminCommands::disable(Database &hub, const QString &sessionsPath, const QStringList &args)
{
    QString problem;
    const QString username = usernameArgument(args, &problem);
    if (username.isEmpty())
        return fail(problem, 2);
    QString id;
    int rev = 0;
    int active = 0;
    if (!findUser(hub, username, &id, &rev, &active))
        return fail(tr("There is no user %1.").arg(username));
    QString error;
    if (active == 1) {
        OpResult result;
        if (!pushUserChange(hub, id, QJsonObject{{QStringLiteral("active"), QJsonArray{1, 0}}}, rev, &result, &error))
            return fail(error);
        if (result.status != QLatin1String("applied") && result.status != QLatin1String("merged"))
            return fail(tr("The hub did not disable the user (%1): %2").arg(result.status, result.error));
    }
    // Signed-in PCs lose their tokens at once (the server also refuses a disabled user's token).
    SessionStore sessions(sessionsPath);
    int revoked = 0;
    if (!sessions.open(&error) || !sessions.revokeUser(id, &revoked, &error))
        return fail(error);
    QTextStream(stdout) << tr("User %1 is disabled; %n sign-in(s) revoked.", nullptr, revoked).arg(username) << '\n';
    return 0;
}

int AdminCommands::tokens(Database &hub, const QString &sessionsPath, const QStringList &args)
{
    SessionStore sessions(sessionsPath);
    QString error;
    if (!sessions.open(&error))
        return fail(error);
    const QString action = args.value(0);
    if (action == QLatin1String("list") && args.size() == 1) {
        QList<SessionStore::Session> list;
        if (!sessions.list(&list, &error))
            return fail(error);
        QTextStream out(stdout);
        out << tr("User name") << '\t' << tr("PC (site)") << '\t' << tr("Signed in") << '\t' << tr("Expires") << '\n';
        for (const SessionStore::Session &s : std::as_const(list))
            out << s.username << '\t' << s.site << '\t' << s.issuedAt.toString(Qt::ISODate) << '\t'
                << s.expiresAt.toString(Qt::ISODate) << '\n';
        return 0;
    }
    if (action == QLatin1String("revoke")) {
        QString problem;
        const QString username = usernameArgument(args.mid(1), &problem);
        if (username.isEmpty())
            return fail(problem, 2);
        QString id;
        int rev = 0;
        int active = 0;
        if (!findUser(hub, username, &id, &rev, &active))
            return fail(tr("There is no user %1.").arg(username));
        int revoked = 0;
        if (!sessions.revokeUser(id, &revoked, &error))
            return fail(error);
        QTextStream(stdout) << tr("%n sign-in(s) of %1 revoked.", nullptr, revoked).arg(username) << '\n';
        return 0;
    }
    return fail(tr("Use: token list | token revoke --username U"), 2);
}

int AdminCommands::backup(Database &hub, const QStringList &args)
{
    if (args.size() != 1)
        return fail(tr("Use: backup FILE"), 2);
    const QString target = args.at(0);
    if (QFileInfo::exists(target))
        return fail(tr("%1 exists already; choose a new file name.").arg(target));
    QString error;
    // VACUUM INTO: a consistent copy while the server keeps serving (readers are not blocked).
    if (!hub.backupTo(target, &error))
        return fail(error);
    QTextStream(stdout) << tr("Backup written to %1.").arg(target) << '\n';
    return 0;
}

int AdminCommands::check(Database &hub, const QString &sessionsPath)
{
    QTextStream out(stdout);
    bool good = true;
    auto report = [&](const QString &what, bool ok, const QString &detail) {
        out << (ok ? QStringLiteral("ok    ") : QStringLiteral("FAILED")) << ' ' << what;
        if (!detail.isEmpty())
            out << ": " << detail;
        out << '\n';
        good = good && ok;
    };
    QSqlQuery q(hub.connection());
    QString integrity = QStringLiteral("?");
    if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
        integrity = q.value(0).toString();
    report(tr("hub file integrity"), integrity == QLatin1String("ok"), integrity == QLatin1String("ok") ? QString() : integrity);
    int fkProblems = 0;
    if (q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        while (q.next())
            ++fkProblems;
    report(tr("references between rows"), fkProblems == 0,
           fkProblems ? tr("%n broken reference(s)", nullptr, fkProblems) : QString());
    qint64 counter = -1;
    qint64 highest = 0;
    if (q.exec(QStringLiteral("SELECT seq FROM hub_counter WHERE id = 1")) && q.next())
        counter = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM hub_rows")) && q.next())
        highest = q.value(0).toLongLong();
    report(tr("hub sequence"), counter >= highest,
           counter >= highest ? QString() : tr("counter %1 is behind row seq %2").arg(counter).arg(highest));
    qint64 unclocked = 0;
    for (const QString &table : SyncProtocol::syncedTables()) {
        if (q.exec(QStringLiteral("SELECT count(*) FROM %1 t WHERE NOT EXISTS (SELECT 1 FROM hub_rows r "
                                  "WHERE r.entity = '%1' AND r.row_id = t.id)")
                       .arg(table)) &&
            q.next())
            unclocked += q.value(0).toLongLong();
    }
    report(tr("every row has its hub seq"), unclocked == 0,
           unclocked ? tr("%n row(s) without one", nullptr, int(unclocked)) : QString());
    {
        SessionStore sessions(sessionsPath);
        QString error;
        report(tr("sign-in store"), sessions.open(&error), error);
    }
    return good ? 0 : 1;
}

} // namespace Humas::Server
