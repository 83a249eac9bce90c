#include "ppid/ppidrequestdialog.h"

#include "common/datetext.h"
#include "common/errorlabel.h"
#include "ppid/ppidobjectionwidget.h"
#include "ppid/ppidrequestdialogactions.h"
#include "ppid/ppidrequestrepository.h"
#include "reports/ppidnotices.h"
#include "reports/ppidreceipt.h"
#include "settings/appsettings.h"
#include "sync/syncconflictmark.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace HumasUi {

namespace {

QString esc(const QString &text)
{
    return text.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td style=\"padding-right:12px;\" valign=\"top\"><b>%1</b></td>"
                          "<td valign=\"top\">%2</td></tr>")
        .arg(esc(label), esc(value));
}

QString longDate(const QDate &date)
{
    return date.isValid() ? Humas::DateText::longDate(date) : QString();
}

} // namespace

PpidRequestDialog::PpidRequestDialog(Humas::Database &db, const Humas::Actor &actor, const QString &requestId,
                                     QWidget *parent)
    : QDialog(parent), m_db(db), m_actor(actor), m_id(requestId)
{
    setObjectName(QStringLiteral("ppidRequestDialog"));
    setWindowTitle(tr("Request for information"));

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("requestHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("requestDetails"));
    m_actions = new PpidRequestActions(m_db, m_actor, this);
    m_history = new QTableWidget(0, 5, this);
    m_history->setObjectName(QStringLiteral("historyTable"));
    m_history->setHorizontalHeaderLabels({tr("When"), tr("From"), tr("To"), tr("By"), tr("Note")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_objections = new PpidObjectionWidget(m_db, m_actor, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("requestTabs"));
    m_tabs->addTab(m_details, tr("&Request"));
    m_tabs->addTab(m_actions, tr("&Handling"));
    m_tabs->addTab(m_history, tr("H&istory"));
    m_tabs->addTab(m_objections, tr("&Objections"));

    m_error = new ErrorLabel(this);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *receipt = buttons->addButton(tr("Print r&eceipt…"), QDialogButtonBox::ActionRole);
    receipt->setObjectName(QStringLiteral("printReceiptButton"));
    m_printNotice = buttons->addButton(tr("Print &notice…"), QDialogButtonBox::ActionRole);
    m_printNotice->setObjectName(QStringLiteral("printNoticeButton"));
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    for (QPushButton *b : {receipt, m_printNotice, close})
        b->setAutoDefault(false);
    connect(receipt, &QPushButton::clicked, this, &PpidRequestDialog::printReceipt);
    connect(m_printNotice, &QPushButton::clicked, this, &PpidRequestDialog::printNotice);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_actions, &PpidRequestActions::changed, this, &PpidRequestDialog::onChanged);
    connect(m_actions, &PpidRequestActions::failed, m_error, &ErrorLabel::showMessage);
    connect(m_objections, &PpidObjectionWidget::changed, this, &PpidRequestDialog::onChanged);
    connect(m_objections, &PpidObjectionWidget::failed, m_error, &ErrorLabel::showMessage);
    connect(m_objections, &PpidObjectionWidget::answerPrintRequested, this, &PpidRequestDialog::printObjectionAnswer);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(820, 680);
    reload();
}

PpidRequestDialog::~PpidRequestDialog() = default;

void PpidRequestDialog::reload()
{
    const Humas::PpidRequestRepository repository(m_db, m_actor);
    m_request = repository.get(m_id);
    if (!m_request.isValid()) {
        m_header->setText(esc(tr("The request no longer exists.")));
        m_tabs->setEnabled(false);
        return;
    }
    // The repository masks already for such roles; masking here too keeps the rule in one sight.
    m_request = Humas::PpidReceipt::forRole(m_request, m_actor.role);

    QString header = QStringLiteral("<span style=\"font-size:large;\"><b>%1</b></span> &nbsp; %2")
                         .arg(esc(m_request.regNumber), esc(Humas::Ppid::displayName(m_request.status)));
    if (Humas::Ppid::isOpen(m_request.status) && m_request.dueDate.isValid())
        header += QStringLiteral(" &nbsp;·&nbsp; ") + esc(tr("due %1").arg(longDate(m_request.dueDate)));
    header += QStringLiteral("<br>") + esc(m_request.requesterName);
    m_header->setText(header);

    showDetails();
    // The details are one text: conflicts of any of the request's fields mark it.
    SyncConflictMark::markFields(m_db, QStringLiteral("ppid_requests"), m_id, {{QStringLiteral("*"), m_details}});
    showHistory();
    m_actions->setRequest(m_request);
    m_objections->setRequest(m_request);
    m_printNotice->setEnabled(Humas::PpidNotices::kindFor(m_request, nullptr));
}

void PpidRequestDialog::showDetails()
{
    using Humas::Ppid;
    const Humas::PpidRequest &r = m_request;
    const Humas::AppSettings settings(m_db, m_actor);
    const QString opd = PpidDialogPrinting::receiptInfo(m_db, m_actor, r).opdName;
    const bool legalEntity = r.requesterType == Ppid::RequesterType::BadanHukum;
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    html += row(tr("Registration number"), r.regNumber);
    html += row(tr("Received"),
                Humas::DateText::dateTime(r.receivedAt.toTimeZone(settings.timeZone()), settings.timeZoneCode()));
    html += row(tr("Channel"), Ppid::displayName(r.channel));
    html += row(tr("Status"), Ppid::displayName(r.status));
    html += row(tr("Due date"), longDate(r.dueDate));
    html += row(tr("Requester"), r.requesterName);
    html += row(tr("Type of requester"), Ppid::displayName(r.requesterType));
    html += row(legalEntity ? tr("Deed number") : tr("NIK"), r.requesterNik);
    html += row(tr("Address"), r.requesterAddress);
    html += row(tr("Occupation"), r.requesterOccupation);
    html += row(tr("Telephone"), r.requesterPhone);
    html += row(tr("Email"), r.requesterEmail);
    html += row(tr("Proxy"), r.proxyName);
    html += row(tr("Information requested"), r.information);
    html += row(tr("Purpose"), r.purpose);
    html += row(tr("How to obtain"), Ppid::obtainMethodName(r.obtainMethod));
    html += row(tr("How to receive a copy"), Ppid::deliveryMethodName(r.deliveryMethod));
    html += row(tr("PPID Pembantu"), opd);
    html += row(tr("Extension reason"), r.extensionReason);
    if (r.reason != Ppid::Reason::None)
        html += row(tr("Reason"), Ppid::displayName(r.reason));
    if (r.reason == Ppid::Reason::Pasal17)
        html +=
            row(tr("Article 17 letter"), tr("%1 (%2)").arg(r.pasal17Letter, Ppid::pasal17Description(r.pasal17Letter)));
    html += row(tr("Consequence test"), r.consequenceTest);
    html += row(tr("Withheld information"), r.withheldInfo);
    html += row(tr("Referred to"), r.referredTo);
    html += row(tr("Notice date"), longDate(r.noticeDate));
    if (r.feeRupiah > 0)
        html += row(tr("Fee"), tr("Rp %1", "an amount in rupiah").arg(QLocale().toString(r.feeRupiah)));
    html += row(tr("Handed over on"), longDate(r.handedOverDate));
    html += row(tr("Notes"), r.notes);
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void PpidRequestDialog::showHistory()
{
    const QList<Humas::PpidStatusChange> changes = Humas::PpidRequestRepository(m_db, m_actor).history(m_id);
    const QTimeZone zone = Humas::AppSettings(m_db, m_actor).timeZone();
    m_history->setRowCount(int(changes.size()));
    for (int i = 0; i < changes.size(); ++i) {
        const Humas::PpidStatusChange &c = changes.at(i);
        const QDateTime at = c.at.toTimeZone(zone);
        const QStringList cells = {
            QLocale().toString(at.date(), QStringLiteral("dd/MM/yyyy")) + QLatin1Char(' ') +
                Humas::DateText::time(at.time()),
            c.from == c.to ? QString() : Humas::Ppid::displayName(c.from),
            c.from == c.to ? tr("Registered") : Humas::Ppid::displayName(c.to),
            c.by,
            c.note,
        };
        for (int column = 0; column < cells.size(); ++column)
            m_history->setItem(i, column, new QTableWidgetItem(cells.at(column)));
    }
    m_history->resizeColumnsToContents();
}

void PpidRequestDialog::onChanged()
{
    m_error->clearMessage();
    reload();
    Q_EMIT requestChanged(m_id);
}

void PpidRequestDialog::print(QTextDocument *document)
{
    m_lastDocument.reset(document);
    PpidDialogPrinting::print(this, *m_lastDocument, QPageLayout::Portrait, m_printMode);
}

void PpidRequestDialog::printReceipt()
{
    if (!m_request.isValid())
        return;
    const Humas::AppSettings settings(m_db, m_actor);
    print(Humas::PpidReceipt::document(settings, m_request, m_actor.role,
                                       PpidDialogPrinting::receiptInfo(m_db, m_actor, m_request)));
}

void PpidRequestDialog::printNotice()
{
    Humas::PpidNotices::Kind kind = Humas::PpidNotices::Kind::Decision;
    if (!m_request.isValid() || !Humas::PpidNotices::kindFor(m_request, &kind))
        return;
    const Humas::AppSettings settings(m_db, m_actor);
    Humas::PpidNoticeInfo info;
    info.opdName = PpidDialogPrinting::receiptInfo(m_db, m_actor, m_request).opdName;
    print(Humas::PpidNotices::notice(kind, settings, m_request, m_actor.role, info));
}

void PpidRequestDialog::printObjectionAnswer(const Humas::PpidObjection &objection)
{
    if (!m_request.isValid() || !objection.isValid())
        return;
    const Humas::AppSettings settings(m_db, m_actor);
    print(Humas::PpidNotices::objectionAnswer(settings, m_request, objection, m_actor.role, {}));
}

} // namespace HumasUi
