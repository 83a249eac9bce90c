#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Humas {

/**
 * Codes and names of the information service (DOMAIN.md "Information service (PPID)").
 * Stored as the lowercase codes below; shown through the translated names.
 */
class Ppid
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Ppid)
public:
    enum class Status {
        Diterima,             ///< received
        Diproses,             ///< being processed
        Diperpanjang,         ///< extended once (7 more working days), with a written reason
        DikabulkanSeluruhnya, ///< granted in full
        DikabulkanSebagian,   ///< granted in part (what was withheld and why)
        Ditolak,              ///< refused (Pasal 17 a–j with the consequence test, or not held …)
        Selesai,              ///< information handed over / case closed
    };
    enum class Channel { Langsung, Surat, Email, Website, Telepon };
    enum class RequesterType { Perorangan, Kelompok, BadanHukum };
    /** Why a request is refused (or granted only in part). */
    enum class Reason {
        None,
        Pasal17,               ///< exempt information, Pasal 17 letter a–j; needs the consequence test text
        BelumDikuasai,         ///< not yet in the body's possession
        BelumDidokumentasikan, ///< not yet documented
        TidakDikuasai,         ///< not held; referred to the body that holds it
    };

    static QString code(Status status);     ///< "diterima", "dikabulkan_seluruhnya", …
    static bool fromCode(const QString &code, Status *status);
    static QString displayName(Status status);
    static QList<Status> allStatuses();
    /** The status flow: diterima → diproses → (diperpanjang) → decision → selesai. */
    static bool canTransition(Status from, Status to);
    /** A decision: dikabulkan_seluruhnya, dikabulkan_sebagian or ditolak. */
    static bool isDecision(Status status);
    /** Still running against a deadline (diterima, diproses, diperpanjang). */
    static bool isOpen(Status status);

    static QString code(Channel channel); ///< "langsung", "surat", "email", "website", "telepon"
    static bool fromCode(const QString &code, Channel *channel);
    static QString displayName(Channel channel);
    static QList<Channel> allChannels();

    static QString code(RequesterType type); ///< "perorangan", "kelompok", "badan_hukum"
    static bool fromCode(const QString &code, RequesterType *type);
    static QString displayName(RequesterType type);

    static QString code(Reason reason); ///< "", "pasal17", "belum_dikuasai", "belum_didokumentasikan", "tidak_dikuasai"
    static bool fromCode(const QString &code, Reason *reason);
    static QString displayName(Reason reason);

    /** The ten letters of Pasal 17 (a–j) with a short translated description each. */
    static QStringList pasal17Letters();
    static QString pasal17Description(const QString &letter);

    /** How to obtain: "melihat", "membaca", "mendengarkan", "mencatat", "salinan_hardcopy", "salinan_softcopy". */
    static QStringList obtainMethods();
    static QString obtainMethodName(const QString &code);
    /** How to receive a copy: "ambil_langsung", "kurir", "pos", "faksimili", "email". */
    static QStringList deliveryMethods();
    static QString deliveryMethodName(const QString &code);
};

/**
 * One request for public information (the register's row, UU 14/2008 Pasal 22), a plain value.
 * receivedAt is UTC; dates are local dates in the regency's zone.
 */
struct PpidRequest
{
    QString id;
    int rev = 0;
    QString regNumber; ///< set once at registration; never changes afterwards
    QDateTime receivedAt;
    Ppid::Channel channel = Ppid::Channel::Langsung;
    Ppid::RequesterType requesterType = Ppid::RequesterType::Perorangan;
    QString requesterName;
    QString requesterNik; ///< NIK (16 digits) of a person, or the deed number of a legal entity
    QString requesterAddress;
    QString requesterOccupation;
    QString requesterPhone;
    QString requesterEmail;
    QString proxyName;      ///< empty when the requester comes in person
    QString information;    ///< rincian informasi
    QString purpose;        ///< tujuan penggunaan
    QString obtainMethod;   ///< Ppid::obtainMethods()
    QString deliveryMethod; ///< Ppid::deliveryMethods()
    QString opdId;          ///< PPID Pembantu assigned
    Ppid::Status status = Ppid::Status::Diterima;
    Ppid::Reason reason = Ppid::Reason::None;
    QString pasal17Letter;   ///< "a".."j" when reason is Pasal17
    QString consequenceTest; ///< uji konsekuensi text (Pasal 17 refusals)
    QString withheldInfo;    ///< what was withheld (granted in part)
    QString referredTo;      ///< the body holding the information (TidakDikuasai)
    QString extensionReason; ///< written reason of the one extension
    QDate dueDate;           ///< response deadline (10, or 17 working days when extended)
    QDate noticeDate;        ///< date of the written notice
    qint64 feeRupiah = 0;
    QDate handedOverDate;
    QString notes;
    QStringList attachments; ///< SHA-256 of blobs

    bool isValid() const { return !id.isEmpty(); }
};

/** One entry of a request's status history: who changed what, when. */
struct PpidStatusChange
{
    QString requestId;
    Ppid::Status from = Ppid::Status::Diterima;
    Ppid::Status to = Ppid::Status::Diterima;
    QDateTime at; ///< UTC
    QString by;   ///< username
    QString note;
};

} // namespace Humas
