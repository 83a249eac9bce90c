#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Humas {

/** One objection (keberatan, UU 14/2008 Pasal 35–37) against a request, a plain value. */
struct PpidObjection
{
    QString id;
    int rev = 0;
    QString number;       ///< objection register number, set once
    QString requestId;    ///< the original request
    QDateTime filedAt;    ///< UTC
    QString filedBy;      ///< requester or proxy name
    QString ground;       ///< Pasal 35(1) letter "a".."g"
    QString summary;      ///< case summary
    QDate dueDate;        ///< Atasan's answer: 30 working days from filing
    QString atasanDecision;
    QDate atasanDecisionDate;
    QString requesterResponse;
    QString disputeStage;   ///< Komisi Informasi: "", "diajukan", "mediasi", "ajudikasi", "putusan"
    QString disputeOutcome;
    QDate disputeDueDate;   ///< 14 working days from the Atasan's answer
    QString notes;

    bool isValid() const { return !id.isEmpty(); }

    /** The seven grounds of Pasal 35(1), a–g, translated. */
    static QStringList grounds();
    static QString groundDescription(const QString &letter);
};

} // namespace Humas
