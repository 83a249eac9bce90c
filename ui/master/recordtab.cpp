#include "recordtab.h"

#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "master/holidaycsv.h"
#include "master/masterdata.h"
#include "master/recordcommand.h"
#include "master/recordeditdialog.h"
#include "master/recordsortproxy.h"
#include "master/recordtablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QShortcut>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::RecordTableModel;

namespace {
constexpr int MaximumColumnWidth = 360;
}

RecordTab::RecordTab(std::unique_ptr<Humas::RecordRepository> repository, QWidget *parent)
    : QWidget(parent), m_model(new RecordTableModel(std::move(repository), this)), m_proxy(new RecordSortProxy(this)),
      m_view(new QTableView(this)), m_undoStack(new QUndoStack(this)), m_emptyLabel(new QLabel(m_view->viewport()))
{
    setObjectName(QStringLiteral("tab_") + spec().table);
    m_proxy->setSourceModel(m_model);

    m_view->setObjectName(QStringLiteral("table_") + spec().table);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSortIndicatorClearable(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the table's own order first
    m_view->setSortingEnabled(true);
    resizeColumns();

    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_view->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view, &QAbstractItemView::doubleClicked, this, &RecordTab::editCurrent);
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, m_view);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &RecordTab::editCurrent);
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecordTab::currentChanged);
    // Keep the selected row across model resets (a write that adds or removes rows re-reads the table).
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_rememberedId = currentId(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_rememberedId.isEmpty())
            selectId(m_rememberedId);
        resizeColumns();
        updateEmptyState();
        Q_EMIT currentChanged();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RecordTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RecordTab::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &RecordTab::updateEmptyState);
    updateEmptyState();
}

RecordTab::~RecordTab()
{
    disconnect(m_proxy, nullptr, this, nullptr);
}

const Humas::TableSpec &RecordTab::spec() const
{
    return m_model->spec();
}

bool RecordTab::canWrite() const
{
    return m_model->repository()->canWrite();
}

bool RecordTab::isHolidays() const
{
    return spec().table == Humas::MasterData::holidays().table;
}

QString RecordTab::currentId() const
{
    const QModelIndex index = m_view->selectionModel()->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), index.parent()))
        return {};
    return index.data(RecordTableModel::IdRole).toString();
}

void RecordTab::selectId(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void RecordTab::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    updateEmptyState();
}

void RecordTab::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    m_emptyLabel->setVisible(empty);
    if (!empty)
        return;
    m_emptyLabel->setText(m_model->rowCount() > 0 ? tr("Nothing matches the search.")
                          : canWrite()            ? tr("No entries yet. Add the first one with Add (Ins).")
                                                  : tr("No entries yet."));
    m_emptyLabel->setGeometry(m_view->viewport()->rect());
}

bool RecordTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_emptyLabel->setGeometry(m_view->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void RecordTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateEmptyState();
    QWidget::changeEvent(event);
}

void RecordTab::reload()
{
    m_proxy->updateCollator();
    m_model->reload();
}

void RecordTab::resizeColumns()
{
    // Every column as wide as its content (within reason); the text column with the widest
    // content takes the space that is left, so long names are not cut while a short column sprawls.
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        header->setSectionResizeMode(column, QHeaderView::Interactive);
    m_view->resizeColumnsToContents();
    int widest = -1; // an empty table stretches the column people identify a row by
    int widestContent = 0;
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        if (m_model->columnField(column).name == spec().displayField)
            widest = column;
    }
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        if (m_view->columnWidth(column) > MaximumColumnWidth)
            m_view->setColumnWidth(column, MaximumColumnWidth);
        const auto type = m_model->columnField(column).type;
        const bool isText = type != Humas::FieldSpec::Type::Integer && type != Humas::FieldSpec::Type::Date;
        const int content = static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(column); // public there
        if (isText && m_proxy->rowCount() > 0 && content > widestContent) {
            widest = column;
            widestContent = content;
        }
    }
    header->setStretchLastSection(widest < 0);
    if (widest >= 0)
        header->setSectionResizeMode(widest, QHeaderView::Stretch);
}

QString RecordTab::labelOf(const QString &id) const
{
    return m_model->repository()->get(id).text(spec().displayField);
}

void RecordTab::addRecord()
{
    if (canWrite())
        openEditor(QString());
}

void RecordTab::editCurrent()
{
    const QString id = currentId();
    if (!id.isEmpty() && canWrite())
        openEditor(id);
}

void RecordTab::openEditor(const QString &id)
{
    auto *dialog = new RecordEditDialog(m_model->repository(), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString savedId = dialog->savedId();
        if (dialog->isNew()) {
            m_undoStack->push(
                new RecordCommand(RecordCommand::Kind::Add, m_model, savedId, dialog->savedLabel(), {}, {}, this));
        } else if (!dialog->valuesAfter().isEmpty()) {
            m_undoStack->push(new RecordCommand(RecordCommand::Kind::Edit, m_model, savedId, dialog->savedLabel(),
                                                dialog->valuesBefore(), dialog->valuesAfter(), this));
        }
        selectId(savedId); // the model has followed the write already (ChangeFeed)
    });
    dialog->open();
}

void RecordTab::deleteCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !canWrite())
        return;
    const QString label = labelOf(id);
    const auto answer = MessageBox::question(this, tr("Delete entry"),
                                             tr("Delete \"%1\"? You can bring it back with Undo (Ctrl+Z).").arg(label));
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!m_model->repository()->remove(id, &error)) {
        MessageBox::critical(this, tr("Cannot delete"), error);
        return;
    }
    m_undoStack->push(new RecordCommand(RecordCommand::Kind::Delete, m_model, id, label, {}, {}, this));
}

void RecordTab::chooseHolidayFile()
{
    if (!isHolidays() || !canWrite())
        return;
    const QString fileName = FileDialogs::openFile(this, FileDialogs::Kind::Csv, tr("Import holidays"),
                                                   tr("CSV files (*.csv);;All files (*)"));
    if (!fileName.isEmpty())
        importHolidays(fileName);
}

bool RecordTab::importHolidays(const QString &fileName)
{
    if (!FileDialogs::checkPath(this, fileName))
        return false;
    QList<Humas::HolidayEntry> entries;
    Humas::HolidayCsv::ImportResult result;
    QString error;
    Humas::RecordRepository *repo = m_model->repository();
    const bool ok = Humas::HolidayCsv::readFile(fileName, &entries, &error) &&
                    Humas::HolidayCsv::import(repo->database(), repo->actor(), entries, &result, &error);
    if (!ok) {
        MessageBox::critical(this, tr("Import failed"), error);
        return false;
    }
    MessageBox::information(
        this, tr("Holidays imported"),
        tr("%1 added, %2 updated, %3 unchanged.").arg(result.added).arg(result.updated).arg(result.unchanged));
    return true;
}

} // namespace HumasUi
