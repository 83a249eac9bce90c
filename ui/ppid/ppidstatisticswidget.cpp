#include "ppid/ppidstatisticswidget.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "ppid/ppiddialogprinting.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"
#include "settings/appsettings.h"
#include "store/changefeed.h"
#include "store/database.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::Ppid;

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>").arg(label.toHtmlEscaped(), value);
}

QString table(const QString &title, const QString &rows)
{
    return QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                          "style=\"border-collapse: collapse\">%2</table>")
        .arg(title.toHtmlEscaped(), rows);
}

} // namespace

PpidStatisticsWidget::PpidStatisticsWidget(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor)
{
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("statsPeriod"));
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("statsYear"));
    m_year->setRange(2000, 2100);
    m_index = new QComboBox(this);
    m_index->setObjectName(QStringLiteral("statsIndex"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("statsView"));

    auto *choices = new QHBoxLayout;
    choices->addWidget(m_period);
    choices->addWidget(m_index);
    choices->addWidget(m_year);
    choices->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_view, 1);

    const Humas::AppSettings settings(m_db, m_actor);
    const QDate today = Humas::Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
    m_filling = true;
    retranslateUi();
    m_year->setValue(today.year());
    m_index->setCurrentIndex(today.month() - 1);
    m_filling = false;

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_filling = true;
        fillIndexChoices();
        m_filling = false;
        refresh();
    });
    connect(m_index, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            refresh();
    });
    connect(m_year, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling)
            refresh();
    });
    refresh();
    connect(m_db.changeFeed(), &Humas::ChangeFeed::committed, this, [this](const Humas::ChangeSet &changes) {
        if (changes.containsAny({QStringLiteral("ppid_requests"), QStringLiteral("ppid_objections"),
                                 QStringLiteral("ppid_status_history"), QStringLiteral("opd")}))
            refresh();
    });
}

void PpidStatisticsWidget::setPeriod(Period period, int year, int index)
{
    m_filling = true;
    m_period->setCurrentIndex(int(period));
    fillIndexChoices();
    m_year->setValue(year);
    if (period != Period::Year)
        m_index->setCurrentIndex(qBound(0, index - 1, m_index->count() - 1));
    m_filling = false;
    refresh();
}

PpidStatisticsWidget::Period PpidStatisticsWidget::period() const
{
    return Period(qMax(0, m_period->currentIndex()));
}

QDate PpidStatisticsWidget::periodStart() const
{
    const int year = m_year->value();
    switch (period()) {
    case Period::Month:
        return QDate(year, m_index->currentIndex() + 1, 1);
    case Period::HalfYear:
        return QDate(year, m_index->currentIndex() == 1 ? 7 : 1, 1);
    case Period::Year:
        break;
    }
    return QDate(year, 1, 1);
}

QDate PpidStatisticsWidget::periodEnd() const
{
    switch (period()) {
    case Period::Month:
        return periodStart().addMonths(1).addDays(-1);
    case Period::HalfYear:
        return periodStart().addMonths(6).addDays(-1);
    case Period::Year:
        break;
    }
    return QDate(m_year->value(), 12, 31);
}

void PpidStatisticsWidget::refresh()
{
    m_statistics = Humas::PpidStatistics::compute(m_db, periodStart(), periodEnd(), m_actor);
    m_view->setHtml(render());
}

QString PpidStatisticsWidget::html() const
{
    return m_view->toHtml();
}

QString PpidStatisticsWidget::render() const
{
    const Humas::PpidStatistics &s = m_statistics;
    const QLocale locale;
    auto number = [&locale](int n) { return locale.toString(n); };
    QString out = QStringLiteral("<h2>%1</h2>")
                      .arg(tr("Public-information service, %1 – %2")
                               .arg(Humas::DateText::date(s.from), Humas::DateText::date(s.to))
                               .toHtmlEscaped());
    QString summary;
    summary += row(tr("Requests received"), number(s.received));
    summary += row(tr("Decided"), number(s.decided));
    summary += row(tr("Granted in full"), number(s.grantedFully));
    summary += row(tr("Granted in part"), number(s.grantedPartly));
    summary += row(tr("Refused"), number(s.refused));
    summary += row(tr("Mean working days to decision"), locale.toString(s.meanWorkingDaysToDecision, 'f', 1));
    summary += row(tr("Longest, in working days"), number(s.maxWorkingDaysToDecision));
    summary += row(tr("Decided after the deadline"), number(s.decidedLate));
    summary += row(tr("Still open"), number(s.open));
    summary += row(tr("Open and overdue"), number(s.overdue));
    summary += row(tr("Objections"), number(s.objections));
    summary += row(tr("Disputes at the Komisi Informasi"), number(s.disputes));
    out += table(tr("Summary"), summary);

    QString channels;
    for (auto it = s.byChannel.cbegin(); it != s.byChannel.cend(); ++it) {
        Ppid::Channel channel;
        channels += row(Ppid::fromCode(it.key(), &channel) ? Ppid::displayName(channel) : it.key(), number(it.value()));
    }
    if (!channels.isEmpty())
        out += table(tr("Requests by channel"), channels);

    const QHash<QString, QString> opdNames = PpidDialogPrinting::opdNames(m_db, m_actor);
    QString opds;
    for (auto it = s.byOpd.cbegin(); it != s.byOpd.cend(); ++it)
        opds += row(it.key().isEmpty() ? tr("Not assigned") : opdNames.value(it.key(), it.key()), number(it.value()));
    if (!opds.isEmpty())
        out += table(tr("Requests by OPD (PPID Pembantu)"), opds);

    QString reasons;
    for (auto it = s.refusedByReason.cbegin(); it != s.refusedByReason.cend(); ++it) {
        QString label = it.key();
        Ppid::Reason reason;
        if (label.startsWith(QLatin1String("pasal17_")))
            label = tr("Pasal 17 letter %1").arg(label.mid(8));
        else if (Ppid::fromCode(label, &reason))
            label = Ppid::displayName(reason);
        reasons += row(label, number(it.value()));
    }
    if (!reasons.isEmpty())
        out += table(tr("Refusals by reason"), reasons);

    QString grounds;
    for (auto it = s.objectionsByGround.cbegin(); it != s.objectionsByGround.cend(); ++it)
        grounds += row(tr("Pasal 35(1) %1: %2").arg(it.key(), Humas::PpidObjection::groundDescription(it.key())),
                       number(it.value()));
    if (!grounds.isEmpty())
        out += table(tr("Objections by ground"), grounds);

    QString outcomes;
    for (auto it = s.objectionsByOutcome.cbegin(); it != s.objectionsByOutcome.cend(); ++it)
        outcomes += row(it.key().isEmpty() ? tr("Not yet answered") : it.key(), number(it.value()));
    if (!outcomes.isEmpty())
        out += table(tr("Objections by the Atasan's answer"), outcomes);
    return out;
}

void PpidStatisticsWidget::fillIndexChoices()
{
    const int current = m_index->currentIndex();
    m_index->clear();
    const QLocale locale;
    switch (period()) {
    case Period::Month:
        for (int month = 1; month <= 12; ++month)
            m_index->addItem(locale.standaloneMonthName(month));
        break;
    case Period::HalfYear:
        m_index->addItem(tr("January–June"));
        m_index->addItem(tr("July–December"));
        break;
    case Period::Year:
        break;
    }
    m_index->setVisible(period() != Period::Year);
    m_index->setCurrentIndex(qBound(0, current, m_index->count() - 1));
}

void PpidStatisticsWidget::retranslateUi()
{
    const bool filling = m_filling;
    m_filling = true;
    const int current = qMax(0, m_period->currentIndex());
    m_period->clear();
    m_period->addItems({tr("Month"), tr("Half-year"), tr("Year")});
    m_period->setCurrentIndex(current);
    fillIndexChoices();
    m_filling = filling;
}

void PpidStatisticsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace HumasUi
