#include "agendalistview.h"

#include "agenda/agendadaygroupmodel.h"
#include "agenda/agendamodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::AgendaDayGroupModel;

AgendaListView::AgendaListView(QWidget *parent)
    : QWidget(parent), m_groups(new AgendaDayGroupModel(this)), m_tree(new QTreeView(this))
{
    m_tree->setObjectName(QStringLiteral("agendaList"));
    m_tree->setModel(m_groups);
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setExpandsOnDoubleClick(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setWordWrap(false);
    m_tree->installEventFilter(this);

    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    // Not ResizeToContents: the spanned day rows ("Senin, 23 November 2026") would widen it.
    header->setSectionResizeMode(AgendaDayGroupModel::TimeColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AgendaDayGroupModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AgendaDayGroupModel::OfficialsColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AgendaDayGroupModel::PlaceColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AgendaDayGroupModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AgendaDayGroupModel::ConflictColumn, QHeaderView::ResizeToContents);
    header->resizeSection(AgendaDayGroupModel::TimeColumn,
                          m_tree->indentation() + style()->pixelMetric(QStyle::PM_SmallIconSize) +
                              fontMetrics().horizontalAdvance(QStringLiteral("00.00–00.00")) + 48);
    header->resizeSection(AgendaDayGroupModel::OfficialsColumn, 180);
    header->resizeSection(AgendaDayGroupModel::PlaceColumn, 180);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);

    connect(m_tree, &QAbstractItemView::doubleClicked, this, &AgendaListView::activate);
    connect(m_groups, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_rememberedId = currentEventId(); });
    connect(m_groups, &QAbstractItemModel::modelReset, this, &AgendaListView::groupsReset);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QDate date = current.data(AgendaDayGroupModel::DateRole).toDate();
        if (date.isValid() && date != m_lastCurrentDate) {
            m_lastCurrentDate = date;
            Q_EMIT currentDateChanged(date);
        }
    });
    setFocusProxy(m_tree);
}

AgendaListView::~AgendaListView() = default;

void AgendaListView::setModel(QAbstractItemModel *model)
{
    m_groups->setSourceModel(model);
}

QAbstractItemModel *AgendaListView::model() const
{
    return m_groups->sourceModel();
}

void AgendaListView::setDateRange(const QDate &from, const QDate &to)
{
    m_groups->setDateRange(from, to);
}

void AgendaListView::setCurrentDate(const QDate &date)
{
    const QModelIndex day = m_groups->indexOfDay(date);
    if (!day.isValid())
        return;
    const QModelIndex first = m_groups->index(0, 0, day);
    const QModelIndex target = first.isValid() ? first : day;
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(day, QAbstractItemView::PositionAtTop);
}

QDate AgendaListView::currentDate() const
{
    return m_tree->currentIndex().data(AgendaDayGroupModel::DateRole).toDate();
}

QString AgendaListView::currentEventId() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || m_groups->isDay(current))
        return {};
    return current.data(Humas::AgendaModel::IdRole).toString();
}

bool AgendaListView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_tree->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AgendaListView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (m_groups->isDay(index)) {
        Q_EMIT dayActivated(index.data(AgendaDayGroupModel::DateRole).toDate());
        return;
    }
    const QString id = index.data(Humas::AgendaModel::IdRole).toString();
    if (!id.isEmpty())
        Q_EMIT eventActivated(id);
}

void AgendaListView::groupsReset()
{
    m_tree->expandAll();
    for (int row = 0; row < m_groups->rowCount(); ++row)
        m_tree->setFirstColumnSpanned(row, QModelIndex(), true);
    // Stay on the same day after a reload (a write or a filter change resets the list).
    if (!m_lastCurrentDate.isValid())
        return;
    const QModelIndex day = m_groups->indexOfDay(m_lastCurrentDate);
    if (!day.isValid())
        return;
    QModelIndex target = day;
    for (int row = 0; row < m_groups->rowCount(day) && !m_rememberedId.isEmpty(); ++row) {
        const QModelIndex event = m_groups->index(row, 0, day);
        if (event.data(Humas::AgendaModel::IdRole).toString() == m_rememberedId) {
            target = event;
            break;
        }
    }
    m_tree->setCurrentIndex(target);
}

} // namespace HumasUi
