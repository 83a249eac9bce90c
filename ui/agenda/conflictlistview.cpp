#include "agenda/conflictlistview.h"

#include "agenda/agendamodel.h"
#include "agenda/warningmark.h"
#include "common/datetext.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace HumasUi {

using Humas::AgendaModel;
using Humas::Conflict;

namespace {
constexpr int DateRole = Qt::UserRole + 1;
constexpr int EventRole = Qt::UserRole + 2;
constexpr int StartRole = Qt::UserRole + 3;

} // namespace

ConflictListView::ConflictListView(AgendaModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("conflictTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("conflictList"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderHidden(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this, &ConflictListView::activate);
    connect(m_tree, &QTreeWidget::itemClicked, this, &ConflictListView::activate);
    connect(m_model, &AgendaModel::reloaded, this, &ConflictListView::rebuild);
    retranslateUi();
    rebuild();
}

int ConflictListView::count() const
{
    return m_tree->topLevelItemCount();
}

void ConflictListView::rebuild()
{
    m_tree->clear();
    const Humas::AgendaDirectory &dir = m_model->directory();
    const QIcon warning = WarningMark::icon(); // painted once, shared by every row
    QList<QTreeWidgetItem *> items;
    for (const Conflict &c : m_model->conflicts()) {
        const Humas::EventRecord a = m_model->loadedRecord(c.first);
        const Humas::EventRecord b = m_model->loadedRecord(c.second);
        // Order the pair by start so the row reads in time order.
        const bool aFirst = !b.isValid() || (a.isValid() && a.start <= b.start);
        const Humas::EventRecord &early = aFirst ? a : b;
        const Humas::EventRecord &late = aFirst ? b : a;
        const QDate day = m_model->repository().utcToLocal(late.isValid() ? late.start : early.start).date();
        const QString resource = c.kind == Conflict::Kind::Venue ? dir.venueNames.value(c.resource, c.resource)
                                                                 : dir.officialPosition(c.resource);
        const QDate shown = qMax(day, m_model->rangeFrom());
        //: One clash in the conflict list: day, kind, official or venue; then the two events
        const QString text = tr("%1 · %2 · %3\n%4 ↔ %5")
                                 .arg(QLocale().toString(shown, QStringLiteral("ddd d/M")),
                                      AgendaModel::kindText(c.kind), resource, early.title, late.title);
        auto *item = new QTreeWidgetItem({text});
        item->setIcon(0, warning);
        item->setData(0, DateRole, shown);
        item->setData(0, EventRole, early.isValid() ? early.id : late.id);
        item->setData(0, StartRole, late.isValid() ? late.start : early.start);
        item->setToolTip(0, Humas::DateText::longDate(shown) + QLatin1Char('\n') + m_model->describe(c, early.id));
        items.append(item);
    }
    // In time order: when the clash begins (the later of the two starts).
    std::stable_sort(items.begin(), items.end(), [](const QTreeWidgetItem *a, const QTreeWidgetItem *b) {
        return a->data(0, StartRole).toDateTime() < b->data(0, StartRole).toDateTime();
    });
    m_tree->addTopLevelItems(items);
    m_title->setText(items.isEmpty() ? tr("No clashes in this range")
                                     : tr("%n clash(es) in this range", nullptr, int(items.size())));
}

void ConflictListView::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    Q_EMIT dayRequested(item->data(0, DateRole).toDate(), item->data(0, EventRole).toString());
}

void ConflictListView::retranslateUi()
{
    m_tree->setHeaderLabels({tr("Clashes")});
}

void ConflictListView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    }
    QWidget::changeEvent(event);
}

} // namespace HumasUi
