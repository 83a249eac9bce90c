#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"
#include "reports/letterhead.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

class QObject;
class QTextDocument;

namespace Humas {

class AppSettings;

/** What a notice prints besides the request: the agency assigned and who signs. */
struct PpidNoticeInfo
{
    QString opdName; ///< the PPID Pembantu (OPD) assigned, as shown
    /** The signer: the PPID for request notices, the Atasan PPID for an objection answer. An empty position prints the
     * default one. */
    SignatureInfo signer;
};

/**
 * The written notices of the information service, on the letterhead, filled from templates
 * (translated texts with named fields such as {number} and {due}, see fill()):
 * - the notice of decision (pemberitahuan tertulis, Pasal 22(7)) for a request granted in full
 *   or in part (what was withheld and why);
 * - the notice of extension (Pasal 22(8)) with its written reason and the new due date;
 * - the notice of refusal: for exempt information the decision of the PPID naming the letter
 *   of Pasal 17 and the consequence test; otherwise "not yet held", "not yet documented" or
 *   "not held, referred to …";
 * - the answer to an objection (Pasal 36) by the Atasan PPID.
 *
 * Personal data is masked unless PersonalData::canSee(viewer), as PpidReceipt::forRole().
 * The signing date is the notice date of the request (or the signer's date, or today).
 */
class PpidNotices
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidNotices)
public:
    enum class Kind { Decision, Extension, Refusal, ObjectionAnswer };

    static QString title(Kind kind);
    /**
     * The request notice that fits @p request's state: Extension while extended, Refusal
     * when refused, Decision when granted (a completed request: by its recorded reasons).
     * False for a request not decided or extended yet.
     */
    static bool kindFor(const PpidRequest &request, Kind *kind);

    /** Replaces every "{name}" of @p text with @p fields["name"]; unknown names stay. */
    static QString fill(const QString &text, const QMap<QString, QString> &fields);

    /** One of the request notices (Decision, Extension or Refusal); nullptr for ObjectionAnswer. */
    static QTextDocument *notice(Kind kind, const AppSettings &settings, const PpidRequest &request, Role viewer,
                                 const PpidNoticeInfo &info, QObject *parent = nullptr);
    static QTextDocument *decision(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                   const PpidNoticeInfo &info, QObject *parent = nullptr);
    static QTextDocument *extension(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                    const PpidNoticeInfo &info, QObject *parent = nullptr);
    static QTextDocument *refusal(const AppSettings &settings, const PpidRequest &request, Role viewer,
                                  const PpidNoticeInfo &info, QObject *parent = nullptr);
    static QTextDocument *objectionAnswer(const AppSettings &settings, const PpidRequest &request,
                                          const PpidObjection &objection, Role viewer, const PpidNoticeInfo &info,
                                          QObject *parent = nullptr);
};

} // namespace Humas
