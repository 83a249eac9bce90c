#pragma once

#include "auth/role.h"
#include "ppid/ppidstatistics.h"

#include <QWidget>

class QComboBox;
class QSpinBox;
class QTextBrowser;

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * The figures of the information service for a month, a half-year or a year, from
 * PpidStatistics::compute (the same function as `humasdesk-cli ppid stats` and the reports):
 * requests by channel and OPD, decisions, refusals by reason, working days to decision,
 * late decisions, objections by ground and outcome, disputes.
 */
class PpidStatisticsWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Period { Month, HalfYear, Year };

    PpidStatisticsWidget(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);

    /** @p index: month 1–12 for Month, 1 or 2 for HalfYear, ignored for Year. */
    void setPeriod(Period period, int year, int index = 1);
    Period period() const;
    /** First and last day of the chosen period. */
    QDate periodStart() const;
    QDate periodEnd() const;
    const Humas::PpidStatistics &statistics() const { return m_statistics; }
    /** The figures as shown (HTML). */
    QString html() const;

public Q_SLOTS:
    /** Computes the figures of the chosen period again. */
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillIndexChoices();
    QString render() const;

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QComboBox *m_period = nullptr;
    QSpinBox *m_year = nullptr;
    QComboBox *m_index = nullptr;
    QTextBrowser *m_view = nullptr;
    Humas::PpidStatistics m_statistics;
    bool m_filling = false;
};

} // namespace HumasUi
