#include "ppidcsv.h"

#include "common/csv.h"
#include "master/referencerepositories.h"
#include "personaldata.h"
#include "ppidrequestrepository.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include "common/filewrite.h"

#include <QDir>
#include <QFileInfo>

namespace Humas {

namespace {

const QString DateFormat = QStringLiteral("yyyy-MM-dd");

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(DateFormat) : QString();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

PpidCsv::PpidCsv(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor))
{
    m_zone = AppSettings(m_db, m_actor).timeZone();
    for (const Record &opd : OpdRepository(m_db, m_actor).list())
        m_opdNames.insert(opd.id, opd.text(QStringLiteral("name")));
}

QStringList PpidCsv::headers()
{
    return {
        QStringLiteral("No."),
        QStringLiteral("Nomor Pendaftaran"),
        QStringLiteral("Tanggal Permohonan"),
        QStringLiteral("Jam Permohonan"),
        QStringLiteral("Cara Permohonan"),
        QStringLiteral("Jenis Pemohon"),
        QStringLiteral("Nama Pemohon"),
        QStringLiteral("NIK/Nomor Akta"),
        QStringLiteral("Alamat"),
        QStringLiteral("Pekerjaan"),
        QStringLiteral("Nomor Telepon"),
        QStringLiteral("Email"),
        QStringLiteral("Nama Kuasa"),
        QStringLiteral("Rincian Informasi yang Dibutuhkan"),
        QStringLiteral("Tujuan Penggunaan Informasi"),
        QStringLiteral("Cara Memperoleh Informasi"),
        QStringLiteral("Cara Mendapatkan Salinan Informasi"),
        QStringLiteral("PPID Pembantu (OPD)"),
        QStringLiteral("Status"),
        QStringLiteral("Alasan"),
        QStringLiteral("Pasal 17 Huruf"),
        QStringLiteral("Uji Konsekuensi"),
        QStringLiteral("Informasi yang Dikecualikan"),
        QStringLiteral("Dirujuk kepada"),
        QStringLiteral("Alasan Perpanjangan"),
        QStringLiteral("Jatuh Tempo"),
        QStringLiteral("Tanggal Pemberitahuan Tertulis"),
        QStringLiteral("Biaya (Rp)"),
        QStringLiteral("Tanggal Penyerahan Informasi"),
        QStringLiteral("Keterangan"),
    };
}

PpidRequest PpidCsv::forActor(const PpidRequest &request) const
{
    return PersonalData::canSee(m_actor.role) ? request : PersonalData::masked(request);
}

QStringList PpidCsv::row(const PpidRequest &request, int index) const
{
    const PpidRequest r = forActor(request);
    const QDateTime received = r.receivedAt.toTimeZone(m_zone);
    const QString opd = r.opdId.isEmpty() ? QString() : m_opdNames.value(r.opdId, r.opdId);
    return {
        QString::number(index),
        r.regNumber,
        received.isValid() ? received.date().toString(DateFormat) : QString(),
        received.isValid() ? received.time().toString(QStringLiteral("HH:mm")) : QString(),
        Ppid::displayName(r.channel),
        Ppid::displayName(r.requesterType),
        r.requesterName,
        r.requesterNik,
        r.requesterAddress,
        r.requesterOccupation,
        r.requesterPhone,
        r.requesterEmail,
        r.proxyName,
        r.information,
        r.purpose,
        r.obtainMethod.isEmpty() ? QString() : Ppid::obtainMethodName(r.obtainMethod),
        r.deliveryMethod.isEmpty() ? QString() : Ppid::deliveryMethodName(r.deliveryMethod),
        opd,
        Ppid::displayName(r.status),
        r.reason == Ppid::Reason::None ? QString() : Ppid::displayName(r.reason),
        r.pasal17Letter,
        r.consequenceTest,
        r.withheldInfo,
        r.referredTo,
        r.extensionReason,
        dateText(r.dueDate),
        dateText(r.noticeDate),
        QString::number(r.feeRupiah),
        dateText(r.handedOverDate),
        r.notes,
    };
}

QByteArray PpidCsv::toCsv(const QList<PpidRequest> &requests) const
{
    const QString lineEnd = QStringLiteral("\r\n");
    QString text = Csv::line(headers()) + lineEnd;
    int index = 0;
    for (const PpidRequest &request : requests)
        text += Csv::line(row(request, ++index)) + lineEnd;
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray PpidCsv::registerCsv(const QDate &from, const QDate &to, int *count, QString *error) const
{
    const QList<PpidRequest> requests = PpidRequestRepository(m_db, m_actor).list(from, to, error);
    if (count)
        *count = int(requests.size());
    return toCsv(requests);
}

bool PpidCsv::exportFile(const QString &path, const QDate &from, const QDate &to, int *count, QString *error) const
{
    int rows = 0;
    QString readError;
    const QByteArray data = registerCsv(from, to, &rows, &readError);
    if (!readError.isEmpty())
        return fail(error, readError);
    if (!FileWrite::write(path, data, error))
        return false;
    if (count)
        *count = rows;
    return true;
}

} // namespace Humas
