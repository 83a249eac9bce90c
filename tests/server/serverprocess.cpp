#include "serverprocess.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <csignal>

namespace ServerTest {

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString Reply::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body, const QByteArray &token,
                   const Headers &extra)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    bool typed = false;
    for (const auto &h : extra) {
        r += h.first + ": " + h.second + "\r\n";
        typed = typed || h.first.toLower() == "content-type";
    }
    if (method == "POST" || method == "PUT") {
        if (!typed)
            r += "Content-Type: application/json\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    return r + "\r\n" + body;
}

Reply parse(const QByteArray &raw)
{
    Reply reply;
    const int headerEnd = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || headerEnd < 0)
        return reply;
    reply.status = raw.mid(9, 3).toInt();
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines.at(i).indexOf(':');
        if (colon > 0)
            reply.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    reply.body = raw.mid(headerEnd + 4);
    return reply;
}

int Server::admin(const QStringList &args, const QByteArray &stdinText, QByteArray *out) const
{
    QProcess p;
    p.start(QStringLiteral(HUMAS_SERVER_PATH), QStringList{QStringLiteral("--data"), m_data} + args);
    if (!p.waitForStarted())
        return -1;
    p.write(stdinText);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

bool Server::addUser(const QString &username, const QString &role, const QString &password) const
{
    return admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), username,
                  QStringLiteral("--role"), role, QStringLiteral("--password-stdin")},
                 password.toUtf8() + '\n') == 0;
}

bool Server::start(QString *why, const QString &logFile)
{
    m_process.setProgram(QStringLiteral(HUMAS_SERVER_PATH));
    m_process.setArguments({QStringLiteral("--data"), m_data, QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("--port"), QStringLiteral("0")});
    m_process.setStandardErrorFile(logFile.isEmpty() ? QProcess::nullDevice() : logFile);
    m_process.start();
    if (!m_process.waitForStarted()) {
        *why = m_process.errorString();
        return false;
    }
    QByteArray out;
    while (!out.contains('\n')) {
        if (!m_process.waitForReadyRead(60000)) {
            *why = QString::fromUtf8(out) + QStringLiteral(" (no listening line)");
            return false;
        }
        out += m_process.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n'));
    if (!line.startsWith("listening on 127.0.0.1:")) {
        *why = QString::fromUtf8(line);
        return false;
    }
    m_port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    return m_port > 0;
}

void Server::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    m_process.waitForFinished(60000);
}

void Server::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(60000);
}

bool Server::memory(qint64 *rssKiB, qint64 *peakKiB) const
{
    QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    bool gotRss = false;
    bool gotPeak = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        auto number = [&](const char *name, qint64 *out) {
            if (!line.startsWith(name))
                return false;
            *out = line.mid(int(qstrlen(name))).trimmed().split(' ').value(0).toLongLong();
            return true;
        };
        gotRss = number("VmRSS:", rssKiB) || gotRss;
        gotPeak = number("VmHWM:", peakKiB) || gotPeak;
    }
    return gotRss && gotPeak;
}

Reply Server::send(const QByteArray &raw, const QString &fromAddress) const
{
    QTcpSocket socket;
    if (!fromAddress.isEmpty())
        socket.bind(QHostAddress(fromAddress));
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(raw);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable()) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(30000))
            break;
        answer += socket.readAll();
    }
    return parse(answer);
}

QByteArray Server::login(const QString &username, const QString &password, const QString &site) const
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password},
                                                      {QStringLiteral("site"), site}})
                                .toJson(QJsonDocument::Compact);
    const Reply r = call("POST", "/api/v1/auth/login", body);
    if (r.status != 200)
        return {};
    return r.json().value(QStringLiteral("token")).toString().toLatin1();
}

QJsonObject kecamatanOp(const QString &opId, const QString &rowId, const QString &name, const QString &site,
                        qint64 outboxSeq)
{
    QJsonObject o;
    o[QStringLiteral("op_id")] = opId;
    o[QStringLiteral("entity")] = QStringLiteral("kecamatan");
    o[QStringLiteral("row_id")] = rowId;
    o[QStringLiteral("op")] = QStringLiteral("upsert");
    QJsonObject changes;
    changes[QStringLiteral("name")] = QJsonArray{QJsonValue(), name};
    o[QStringLiteral("changes")] = changes;
    o[QStringLiteral("base_rev")] = 0;
    o[QStringLiteral("rev")] = 1;
    o[QStringLiteral("base_seq")] = 0;
    o[QStringLiteral("outbox_seq")] = double(outboxSeq);
    o[QStringLiteral("hlc")] = QString(QStringLiteral("0000000000001-0000-") + site);
    o[QStringLiteral("site")] = site;
    o[QStringLiteral("actor")] = QStringLiteral("someone-else");
    o[QStringLiteral("created_at")] = QStringLiteral("2026-01-05T08:00:00.000Z");
    return o;
}

} // namespace ServerTest
