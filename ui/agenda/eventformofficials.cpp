#include "agenda/eventformofficials.h"

#include <QComboBox>
#include <QHeaderView>

namespace HumasUi {

namespace {
constexpr int IdRole = Qt::UserRole + 1;

QString officialText(const Humas::AgendaDirectory::Official &official)
{
    return official.name.isEmpty() ? official.position
                                   : EventFormOfficials::tr("%1 — %2").arg(official.position, official.name);
}
} // namespace

EventFormOfficials::EventFormOfficials(const QList<Humas::AgendaDirectory::Official> &officials, QWidget *parent)
    : QTreeWidget(parent), m_officials(officials)
{
    setObjectName(QStringLiteral("officialsTree"));
    setColumnCount(2);
    setHeaderLabels({tr("Requested"), tr("Represented by")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (const Humas::AgendaDirectory::Official &official : std::as_const(m_officials))
        addRow(official.id, officialText(official));
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column != 0 || m_loading)
            return;
        updateCombos();
        Q_EMIT officialsChanged();
    });
    updateCombos();
}

QTreeWidgetItem *EventFormOfficials::addRow(const QString &id, const QString &text)
{
    auto *item = new QTreeWidgetItem(this);
    item->setText(0, text);
    item->setData(0, IdRole, id);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(0, Qt::Unchecked);

    auto *combo = new QComboBox(this);
    const Humas::AgendaDirectory::Official *self = nullptr;
    for (const Humas::AgendaDirectory::Official &o : std::as_const(m_officials)) {
        if (o.id == id)
            self = &o;
    }
    combo->setObjectName(QStringLiteral("representative_") + (self ? self->code : id));
    combo->setAccessibleName(tr("Represented by"));
    combo->addItem(tr("— attends in person"), QString());
    for (const Humas::AgendaDirectory::Official &o : std::as_const(m_officials)) {
        if (o.id != id)
            combo->addItem(officialText(o), o.id);
    }
    setItemWidget(item, 1, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT officialsChanged();
    });
    return item;
}

QTreeWidgetItem *EventFormOfficials::rowOf(const QString &id) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, IdRole).toString() == id)
            return topLevelItem(i);
    }
    return nullptr;
}

QComboBox *EventFormOfficials::comboOf(const QTreeWidgetItem *item) const
{
    return qobject_cast<QComboBox *>(itemWidget(const_cast<QTreeWidgetItem *>(item), 1));
}

void EventFormOfficials::updateCombos()
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        QComboBox *combo = comboOf(item);
        const bool checked = item->checkState(0) == Qt::Checked;
        if (!checked && combo->currentIndex() != 0) {
            const bool wasLoading = m_loading;
            m_loading = true;
            combo->setCurrentIndex(0);
            m_loading = wasLoading;
        }
        combo->setEnabled(checked && m_delegationEnabled && !m_readOnly);
    }
}

void EventFormOfficials::setOfficials(const QStringList &requested, const QStringList &attending)
{
    m_loading = true;
    for (const QString &id : requested) {
        if (!rowOf(id))
            addRow(id, id);
    }
    const QHash<QString, QString> reps = representatives(requested, attending);
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        const QString id = item->data(0, IdRole).toString();
        item->setCheckState(0, requested.contains(id) ? Qt::Checked : Qt::Unchecked);
        QComboBox *combo = comboOf(item);
        combo->setCurrentIndex(std::max(0, combo->findData(reps.value(id))));
    }
    m_loading = false;
    updateCombos();
    Q_EMIT officialsChanged();
}

QStringList EventFormOfficials::requested() const
{
    QStringList ids;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->checkState(0) == Qt::Checked)
            ids << topLevelItem(i)->data(0, IdRole).toString();
    }
    return ids;
}

QStringList EventFormOfficials::attending() const
{
    QStringList ids;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = topLevelItem(i);
        if (item->checkState(0) != Qt::Checked)
            continue;
        const QString representative = comboOf(item)->currentData().toString();
        const QString id = representative.isEmpty() ? item->data(0, IdRole).toString() : representative;
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

void EventFormOfficials::setRequested(const QString &officialId, bool requested)
{
    if (QTreeWidgetItem *item = rowOf(officialId))
        item->setCheckState(0, requested ? Qt::Checked : Qt::Unchecked);
}

void EventFormOfficials::setRepresentative(const QString &requestedId, const QString &representativeId)
{
    if (QTreeWidgetItem *item = rowOf(requestedId)) {
        QComboBox *combo = comboOf(item);
        combo->setCurrentIndex(std::max(0, combo->findData(representativeId)));
    }
}

QString EventFormOfficials::representative(const QString &requestedId) const
{
    const QTreeWidgetItem *item = rowOf(requestedId);
    return item ? comboOf(item)->currentData().toString() : QString();
}

void EventFormOfficials::setDelegationEnabled(bool enabled)
{
    m_delegationEnabled = enabled;
    updateCombos();
}

void EventFormOfficials::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        item->setFlags(readOnly ? (item->flags() & ~Qt::ItemIsUserCheckable)
                                : (item->flags() | Qt::ItemIsUserCheckable));
    }
    updateCombos();
}

QHash<QString, QString> EventFormOfficials::representatives(const QStringList &requested, const QStringList &attending)
{
    QHash<QString, QString> result;
    if (attending.isEmpty())
        return result;
    QStringList extras;
    for (const QString &id : attending) {
        if (!requested.contains(id))
            extras << id;
    }
    QStringList present;
    for (const QString &id : requested) {
        if (attending.contains(id))
            present << id;
    }
    for (const QString &id : requested) {
        if (attending.contains(id))
            continue;
        if (!extras.isEmpty())
            result.insert(id, extras.takeFirst());
        else if (!present.isEmpty())
            result.insert(id, present.constFirst());
    }
    return result;
}

} // namespace HumasUi
