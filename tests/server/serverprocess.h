#pragma once

// A real humasdesk-server process for tests: started on 127.0.0.1 with --port 0 in a data
// folder, its administration commands, and one raw HTTP exchange per call.
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ServerTest {

struct Reply
{
    int status = 0; ///< 0: no HTTP answer (connection closed or refused)
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QJsonObject json() const;
    QString errorCode() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

/** Builds one request with Connection: close (and Content-Type/Length for POST and PUT). */
QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                   const QByteArray &token = {}, const Headers &extra = {});
/** Parses a complete raw reply. */
Reply parse(const QByteArray &raw);

class Server
{
public:
    explicit Server(QString dataDir) : m_data(std::move(dataDir)) {}
    ~Server() { stop(); }

    /** Runs `humasdesk-server --data DIR ARGS` to the end; returns its exit code (-1 when it hung). */
    int admin(const QStringList &args, const QByteArray &stdinText = {}, QByteArray *out = nullptr) const;
    /** Adds a user (password from stdin); true on exit code 0. */
    bool addUser(const QString &username, const QString &role, const QString &password) const;
    /** Starts serving; false with the server's output in @p why. The log (stderr) goes to @p logFile if given. */
    bool start(QString *why, const QString &logFile = {});
    /** SIGTERM and wait. */
    void stop();
    /** SIGKILL, no waiting for requests. */
    void kill();

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    /** Resident and peak resident memory of the process in KiB (VmRSS, VmHWM). */
    bool memory(qint64 *rssKiB, qint64 *peakKiB) const;
    QProcess &process() { return m_process; }

    /** Sends @p raw on a new connection and reads the whole answer. */
    Reply send(const QByteArray &raw, const QString &fromAddress = {}) const;
    Reply call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
               const QByteArray &token = {}, const Headers &extra = {}) const
    {
        return send(request(method, target, body, token, extra));
    }
    /** Signs in; returns the token or an empty one. */
    QByteArray login(const QString &username, const QString &password, const QString &site) const;

private:
    QString m_data;
    QProcess m_process;
    quint16 m_port = 0;
};

/** A kecamatan upsert op as JSON (a small valid change for any test). */
QJsonObject kecamatanOp(const QString &opId, const QString &rowId, const QString &name, const QString &site,
                        qint64 outboxSeq);

} // namespace ServerTest
