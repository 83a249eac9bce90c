#include "ppid/ppidpage.h"

#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "ppid/ppidcsv.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "ppid/ppiddialogprinting.h"
#include "ppid/ppidintakedialog.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidobjectiontablemodel.h"
#include "ppid/ppidregistercolorproxy.h"
#include "ppid/ppidregistermodel.h"
#include "ppid/ppidrequestdialog.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/ppidstatisticswidget.h"
#include "reports/ppidregisterreport.h"
#include "settings/appsettings.h"
#include "store/changefeed.h"
#include "store/database.h"

#include <QAction>
#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace HumasUi {

using Humas::Ppid;
using Humas::PpidRegisterModel;

namespace {

/** The summary line waits for a pause in typing: it is a second query per change. */
constexpr int SummaryDelayMs = 250;

void setCurrentData(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

PpidPage::PpidPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor)
{
    setObjectName(QStringLiteral("ppidPage"));
    m_canWrite = Humas::PpidRequestRepository(db, actor).canWrite();
    m_model = new PpidRegisterModel(db, actor, this);
    m_colors = new Humas::PpidRegisterColorProxy(this);
    m_colors->setSourceModel(m_model);
    m_objections = new Humas::PpidObjectionTableModel(db, actor, this);
    m_summaryTimer = new QTimer(this);
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(SummaryDelayMs);
    connect(m_summaryTimer, &QTimer::timeout, this, &PpidPage::updateSummary);

    createActions();
    createFilterBar();
    createTables();

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("holidaysBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    // Amber with near-black text (contrast above 10:1), the same warning colour as the register.
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #F8E7BF; color: #1A1A1A; border: 1px solid #E69F00; }"));
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    // Search and the deadline switches on one row, the choices on the next, the counts under
    // them: the page then fits a 1000-pixel window.
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_overdue);
    searchRow->addWidget(m_dueSoon);
    layout->addLayout(searchRow);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    for (QComboBox *box : {m_status, m_opd, m_channel, m_year, m_month})
        filterRow->addWidget(box, 1);
    layout->addLayout(filterRow);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count);
    countRow->addStretch(1);
    countRow->addWidget(m_summary);
    layout->addLayout(countRow);
    layout->addWidget(m_tabs, 1);

    // A reload (a commit the model followed, a filter, Refresh) keeps the selected request.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        m_rememberedId = current.data(PpidRegisterModel::IdRole).toString();
    });
    connect(m_model, &PpidRegisterModel::reloaded, this, [this] {
        if (!m_rememberedId.isEmpty())
            selectRequest(m_rememberedId);
        updateCount();
        m_summaryTimer->start();
    });
    // OPD names and holidays feed the filter lists and the banner.
    connect(m_db.changeFeed(), &Humas::ChangeFeed::committed, this, [this](const Humas::ChangeSet &changes) {
        if (changes.contains(QStringLiteral("opd")))
            fillFilterLists();
        if (changes.contains(QStringLiteral("holidays")))
            updateHolidaysBanner();
    });
    connect(m_model, &PpidRegisterModel::totalCountChanged, this, &PpidPage::updateCount);

    retranslateUi(); // also fills the filter lists, the banner, the count and the summary
}

PpidPage::~PpidPage() = default;

void PpidPage::createActions()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("ppidToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto action = [this](const QString &name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newAction = action(QStringLiteral("ppidNewAction"), QKeySequence::New, &PpidPage::newRequest);
    m_openAction = action(QStringLiteral("ppidOpenAction"), QKeySequence(), [this] {
        const QString id = selectedRequestId();
        if (!id.isEmpty())
            openRequest(id);
    });
    m_exportAction = action(QStringLiteral("ppidExportAction"), QKeySequence(), &PpidPage::exportCsvAs);
    m_printAction = action(QStringLiteral("ppidPrintAction"), QKeySequence::Print, &PpidPage::printRegister);
    m_refreshAction = action(QStringLiteral("ppidRefreshAction"), QKeySequence::Refresh, &PpidPage::refresh);
    m_searchAction = action(QStringLiteral("ppidSearchAction"), QKeySequence::Find, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    // Roles that may not register see no "new" action at all (not a disabled one).
    m_newAction->setVisible(m_canWrite);
    m_newAction->setEnabled(m_canWrite);
    if (m_canWrite)
        m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_printAction);
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addAction(m_refreshAction);
}

void PpidPage::createFilterBar()
{
    m_filterLabel = new QLabel(this);
    auto combo = [this](const QString &name) {
        auto *box = new QComboBox(this);
        box->setObjectName(name);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(7);
        connect(box, &QComboBox::currentIndexChanged, this, &PpidPage::applyFilters);
        return box;
    };
    m_status = combo(QStringLiteral("statusFilter"));
    m_opd = combo(QStringLiteral("opdFilter"));
    m_opd->setMinimumContentsLength(10);
    m_opd->setMaximumWidth(280);
    // A PPID Pembantu reads its own OPD's requests only (models/ enforces it): nothing to choose.
    if (m_actor.role == Humas::Role::Opd)
        m_opd->hide();
    m_channel = combo(QStringLiteral("channelFilter"));
    m_year = combo(QStringLiteral("yearFilter"));
    m_year->setMinimumContentsLength(6);
    m_month = combo(QStringLiteral("monthFilter"));
    m_overdue = new QCheckBox(this);
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_dueSoon = new QCheckBox(this);
    m_dueSoon->setObjectName(QStringLiteral("dueSoonFilter"));
    connect(m_overdue, &QCheckBox::toggled, m_model, &PpidRegisterModel::setOverdueOnly);
    connect(m_dueSoon, &QCheckBox::toggled, m_model, &PpidRegisterModel::setDueSoonOnly);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    connect(m_search, &QLineEdit::textChanged, m_model, &PpidRegisterModel::setSearchText);
    connect(m_search, &QLineEdit::textChanged, this, &PpidPage::updateCount);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
}

void PpidPage::createTables()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("ppidTabs"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("registerTable"));
    m_table->setModel(m_colors);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it has not fetched.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(false);
    header->setStretchLastSection(false);
    // Widths from typical content and the header text, so they follow the font and language;
    // the information requested takes what is left.
    const QFontMetrics cell = m_table->fontMetrics();
    const QFontMetrics head = header->fontMetrics();
    const int icon = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize) + 6;
    const QList<QPair<int, QString>> samples = {
        {PpidRegisterModel::NumberColumn, QStringLiteral("000/PPID/VIII/2026")},
        {PpidRegisterModel::ReceivedColumn, QStringLiteral("00/00/2026 00.00")},
        {PpidRegisterModel::RequesterColumn, QStringLiteral("Abdul Rahman Lasaeba")},
        {PpidRegisterModel::NikColumn, QStringLiteral("0000000000000000")},
        {PpidRegisterModel::OpdColumn, QStringLiteral("Bappelitbangda")},
        {PpidRegisterModel::ChannelColumn, Ppid::displayName(Ppid::Channel::Telepon)},
        {PpidRegisterModel::StatusColumn, Ppid::displayName(Ppid::Status::DikabulkanSebagian)},
        {PpidRegisterModel::DueDateColumn, QStringLiteral("00/00/2026")},
        {PpidRegisterModel::DaysLeftColumn, PpidRegisterModel::daysLeftText(-99)}};
    for (const auto &sample : samples) {
        const int column = sample.first;
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        int width = qMax(cell.horizontalAdvance(sample.second), head.horizontalAdvance(title) + 14) + 14;
        if (column == PpidRegisterModel::NumberColumn)
            width += icon;
        header->resizeSection(column, width);
    }
    header->setSectionResizeMode(PpidRegisterModel::InformationColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    // The indicator first: enabling sorting sorts by it, which is the model's own order then.
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openRequest(index.data(PpidRegisterModel::IdRole).toString()); });

    m_objectionTable = new QTableView(this);
    m_objectionTable->setObjectName(QStringLiteral("objectionTable"));
    m_objectionTable->setModel(m_objections);
    m_objectionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_objectionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_objectionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_objectionTable->setWordWrap(false);
    m_objectionTable->verticalHeader()->hide();
    m_objectionTable->horizontalHeader()->setSectionResizeMode(Humas::PpidObjectionTableModel::SummaryColumn,
                                                               QHeaderView::Stretch);
    // An objection opens its request, whose dialog holds the objection's details.
    connect(m_objectionTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        openRequest(index.data(Humas::PpidObjectionTableModel::RequestIdRole).toString());
    });

    m_statistics = new PpidStatisticsWidget(m_db, m_actor, m_tabs);
    m_statistics->setObjectName(QStringLiteral("ppidStatistics"));
    m_tabs->addTab(m_table, QString());
    m_tabs->addTab(m_objectionTable, QString());
    m_tabs->addTab(m_statistics, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateObjections(false); });
}

void PpidPage::updateObjections(bool changed)
{
    // The objection register is read when its tab is shown: the page opens on the requests.
    m_objectionsStale = m_objectionsStale || changed;
    if (m_objectionsStale && m_tabs->currentWidget() == m_objectionTable) {
        m_objections->reload();
        m_objectionsStale = false;
    }
}

void PpidPage::retranslateUi()
{
    m_newAction->setText(tr("New request"));
    m_newAction->setToolTip(tr("Register a new request at the desk (Ctrl+N)"));
    m_openAction->setText(tr("Open"));
    m_openAction->setToolTip(tr("Open the selected request (Enter)"));
    m_exportAction->setText(tr("Export CSV…"));
    m_exportAction->setToolTip(tr("Export the register of the chosen year or month as CSV"));
    m_refreshAction->setText(tr("Refresh"));
    m_filterLabel->setText(tr("Filter:"));
    m_overdue->setText(tr("Overdue"));
    m_dueSoon->setText(tr("Due within 3 working days"));
    m_search->setPlaceholderText(tr("Search number, requester or information (Ctrl+F)…"));
    m_status->setToolTip(tr("Status"));
    m_opd->setToolTip(tr("OPD (PPID Pembantu)"));
    m_channel->setToolTip(tr("Channel"));
    m_year->setToolTip(tr("Year received"));
    m_month->setToolTip(tr("Month received"));
    m_tabs->setTabText(0, tr("Requests"));
    m_tabs->setTabText(1, tr("Objections"));
    m_tabs->setTabText(2, tr("Statistics"));
    m_printAction->setText(tr("Print register…"));
    m_printAction->setToolTip(tr("Print the register of the chosen year or month, A4 landscape (Ctrl+P)"));
    fillFilterLists();
    updateHolidaysBanner();
    updateCount();
    updateSummary();
}

void PpidPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_toolBar)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PpidPage::fillFilterLists()
{
    m_filling = true;
    const QVariant status = m_status->currentData();
    m_status->clear();
    m_status->addItem(tr("All statuses"));
    for (const Ppid::Status s : Ppid::allStatuses())
        m_status->addItem(Ppid::displayName(s), int(s));
    setCurrentData(m_status, status);

    const QVariant channel = m_channel->currentData();
    m_channel->clear();
    m_channel->addItem(tr("All channels"));
    for (const Ppid::Channel c : Ppid::allChannels())
        m_channel->addItem(Ppid::displayName(c), int(c));
    setCurrentData(m_channel, channel);

    const QVariant opd = m_opd->currentData();
    QList<QPair<QString, QString>> opds;
    const QHash<QString, QString> names = m_model->opdNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        opds.append({it.value(), it.key()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(opds.begin(), opds.end(),
              [&collator](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    m_opd->clear();
    m_opd->addItem(tr("All OPDs"));
    for (const auto &o : opds)
        m_opd->addItem(o.first, o.second);
    setCurrentData(m_opd, opd);
    m_filling = false;
    fillYearMonth();
}

void PpidPage::fillYearMonth()
{
    m_filling = true;
    const QVariant year = m_year->currentData();
    const QVariant month = m_month->currentData();
    m_year->clear();
    m_year->addItem(tr("All years"));
    QList<int> years = m_model->years();
    if (!years.contains(m_model->today().year()))
        years.prepend(m_model->today().year());
    for (const int y : years)
        m_year->addItem(QString::number(y), y);
    setCurrentData(m_year, year);
    m_month->clear();
    m_month->addItem(tr("All months"));
    const QLocale locale;
    for (int m = 1; m <= 12; ++m)
        m_month->addItem(locale.standaloneMonthName(m), m);
    setCurrentData(m_month, month);
    m_month->setEnabled(m_year->currentIndex() > 0);
    m_filling = false;
}

void PpidPage::applyFilters()
{
    if (m_filling)
        return;
    m_month->setEnabled(m_year->currentIndex() > 0);
    Humas::PpidRegisterFilter filter = m_model->filter();
    filter.status = m_status->currentIndex() > 0
                        ? std::optional<Ppid::Status>(Ppid::Status(m_status->currentData().toInt()))
                        : std::nullopt;
    filter.channel = m_channel->currentIndex() > 0
                         ? std::optional<Ppid::Channel>(Ppid::Channel(m_channel->currentData().toInt()))
                         : std::nullopt;
    filter.opdId = m_opd->currentData().toString();
    filter.year = m_year->currentIndex() > 0 ? m_year->currentData().toInt() : 0;
    filter.month = filter.year > 0 && m_month->currentIndex() > 0 ? m_month->currentData().toInt() : 0;
    m_model->setFilter(filter);
}

void PpidPage::updateCount()
{
    const QString text = m_search->text().simplified();
    if (!text.isEmpty() && PpidRegisterModel::searchWords(text).isEmpty()) {
        m_count->setText(tr("Type at least %n character(s) to search", nullptr, PpidRegisterModel::MinSearchWord));
        return;
    }
    const int total = m_model->totalCount();
    if (total < 0)
        m_count->setText(tr("more than %1 requests").arg(QLocale().toString(PpidRegisterModel::NarrowLimit)));
    else
        m_count->setText(tr("%n request(s)", nullptr, total));
}

void PpidPage::updateSummary()
{
    m_summaryTimer->stop();
    m_summary->setText(m_model->summaryText());
}

QString PpidPage::summaryText() const
{
    return m_summary->text();
}

void PpidPage::updateHolidaysBanner()
{
    const QDate today = m_model->today();
    const bool missing = Humas::holidaysMissingForNextYear(m_db, today);
    m_banner->setVisible(missing);
    if (missing) {
        m_banner->setText(tr("No holidays of %1 are entered yet, so deadlines that run into %1 count every weekday "
                             "as a working day. Enter them in Data Master (Holidays) or import the decree's CSV.")
                              .arg(today.year() + 1));
    }
}

bool PpidPage::isHolidaysWarningShown() const
{
    return !m_banner->isHidden();
}

QString PpidPage::selectedRequestId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().data(PpidRegisterModel::IdRole).toString();
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(PpidRegisterModel::IdRole).toString() : QString();
}

void PpidPage::selectRequest(const QString &id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    const QModelIndex index = m_colors->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->selectRow(row);
    m_table->scrollTo(index);
}

void PpidPage::newRequest()
{
    if (!m_canWrite)
        return;
    auto *dialog = new PpidIntakeDialog(m_db, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The register, the objections and the statistics follow the write through the ChangeFeed.
    connect(dialog, &PpidIntakeDialog::requestSaved, this, &PpidPage::selectRequest);
    dialog->open();
}

void PpidPage::openRequest(const QString &id)
{
    if (id.isEmpty())
        return;
    auto *dialog = new PpidRequestDialog(m_db, m_actor, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PpidRequestDialog::requestChanged, this, &PpidPage::selectRequest);
    dialog->open();
}

bool PpidPage::exportCsv(const QString &path)
{
    if (!FileDialogs::checkPath(this, path))
        return false;
    const Humas::PpidRegisterFilter filter = m_model->filter();
    QDate from;
    QDate to;
    if (filter.year > 0) {
        from = QDate(filter.year, filter.month > 0 ? filter.month : 1, 1);
        to = filter.month > 0 ? from.addMonths(1).addDays(-1) : QDate(filter.year, 12, 31);
    }
    int count = 0;
    QString error;
    if (!Humas::PpidCsv(m_db, m_actor).exportFile(path, from, to, &count, &error)) {
        MessageBox::critical(this, tr("Export register"), error);
        return false;
    }
    MessageBox::information(this, tr("Export register"),
                            tr("%n request(s) written to %1.", nullptr, count).arg(QDir::toNativeSeparators(path)));
    return true;
}

void PpidPage::exportCsvAs()
{
    const Humas::PpidRegisterFilter filter = m_model->filter();
    QString name = QStringLiteral("register-ppid");
    if (filter.year > 0)
        name += QLatin1Char('-') + QString::number(filter.year);
    if (filter.month > 0)
        name += QLatin1Char('-') + QStringLiteral("%1").arg(filter.month, 2, 10, QLatin1Char('0'));
    const QString path = FileDialogs::saveFile(this, FileDialogs::Kind::Csv, tr("Export register"),
                                               name + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void PpidPage::printRegister()
{
    const Humas::PpidRegisterFilter filter = m_model->filter();
    QDate from;
    QDate to;
    QString period;
    const QLocale locale;
    if (filter.year > 0 && filter.month > 0) {
        from = QDate(filter.year, filter.month, 1);
        to = from.addMonths(1).addDays(-1);
        period = locale.standaloneMonthName(filter.month) + QLatin1Char(' ') + QString::number(filter.year);
    } else if (filter.year > 0) {
        from = QDate(filter.year, 1, 1);
        to = QDate(filter.year, 12, 31);
        period = QString::number(filter.year);
    }
    const Humas::AppSettings settings(m_db, m_actor);
    std::unique_ptr<QTextDocument> document;
    const Humas::PpidRequestRepository requests(m_db, m_actor);
    if (m_tabs->currentWidget() == m_objectionTable) {
        QHash<QString, Humas::PpidRequest> byId;
        for (const Humas::PpidRequest &r : requests.list())
            byId.insert(r.id, r);
        document.reset(Humas::PpidRegisterReport::objections(
            settings, Humas::PpidObjectionRepository(m_db, m_actor).list(from, to), byId, m_actor.role, period));
    } else {
        document.reset(Humas::PpidRegisterReport::requests(settings, requests.list(from, to), m_actor.role,
                                                           PpidDialogPrinting::opdNames(m_db, m_actor), period));
    }
    m_lastPrinted = document->toPlainText();
    PpidDialogPrinting::print(this, *document, Humas::PpidRegisterReport::orientation(), m_printMode);
}

void PpidPage::refresh()
{
    m_model->reload();
    updateObjections(true);
    fillFilterLists();
    updateHolidaysBanner();
    updateSummary();
    m_statistics->refresh();
}

} // namespace HumasUi
