#pragma once

#include "reports/agendareportitem.h"
#include "reports/letterhead.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

class QObject;
class QTextDocument;
class QTimeZone;

namespace Humas {

class AppSettings;

/**
 * The printed agendas (issue 3, "Printing"): a daily agenda and a Monday-based weekly agenda
 * of one official, on the letterhead, with Indonesian dates and times in the regency's zone
 * ("08.00–10.00 WITA") and a signature block. The same QTextDocument feeds print preview,
 * printing and PDF export (PdfExport).
 *
 * The caller passes the events of that official; the report keeps those that fall on the
 * day(s), leaves out postponed and cancelled ones and sorts the rest by start.
 */
class AgendaReport
{
    Q_DECLARE_TR_FUNCTIONS(Humas::AgendaReport)
public:
    /** The document title: "AGENDA OF THE BUPATI" (in Indonesian "AGENDA KEGIATAN BUPATI"). */
    static QString dailyTitle(const QString &officialPosition);
    static QString weeklyTitle(const QString &officialPosition);
    /** The sentence printed for a day without events. */
    static QString emptyDayText();
    /** "08.00–10.00 WITA", or "All day" for all-day events, for the local day @p day. */
    static QString timeText(const AgendaReportItem &item, const QDate &day, const QTimeZone &zone,
                            const QString &zoneCode);

    static QTextDocument *dailyAgenda(const AppSettings &settings, const QString &officialPosition, const QDate &day,
                                      const QList<AgendaReportItem> &items, const SignatureInfo &signature,
                                      QObject *parent = nullptr);
    /** The week (Monday to Sunday) that contains @p dayInWeek, one header row per day. */
    static QTextDocument *weeklyAgenda(const AppSettings &settings, const QString &officialPosition,
                                       const QDate &dayInWeek, const QList<AgendaReportItem> &items,
                                       const SignatureInfo &signature, QObject *parent = nullptr);

    /** The printable items of @p day, sorted by start (all-day first). */
    static QList<AgendaReportItem> itemsOfDay(const QList<AgendaReportItem> &items, const QDate &day,
                                              const QTimeZone &zone);
};

} // namespace Humas
