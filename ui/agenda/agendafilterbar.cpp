#include "agenda/agendafilterbar.h"

#include "agenda/agendafilterproxy.h"
#include "agenda/agendamodel.h"
#include "agenda/eventstatus.h"

#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace HumasUi {

namespace {

/** Refills @p box with "all" plus @p items (id, text) sorted by text; keeps the current id. */
void refill(QComboBox *box, const QString &allText, QList<QPair<QString, QString>> items, bool sort)
{
    const QString current = box->currentData().toString();
    if (sort) {
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::sort(items.begin(), items.end(),
                  [&collator](const auto &a, const auto &b) { return collator.compare(a.second, b.second) < 0; });
    }
    box->clear();
    box->addItem(allText, QString());
    for (const auto &item : items)
        box->addItem(item.second, item.first);
    const int index = box->findData(current);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

QList<QPair<QString, QString>> pairs(const QHash<QString, QString> &hash)
{
    QList<QPair<QString, QString>> out;
    out.reserve(hash.size());
    for (auto it = hash.cbegin(); it != hash.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

} // namespace

AgendaFilterBar::AgendaFilterBar(Humas::AgendaFilterProxy *proxy, QWidget *parent) : QWidget(parent), m_proxy(proxy)
{
    m_label = new QLabel(this);
    m_official = new QComboBox(this);
    m_official->setObjectName(QStringLiteral("filterOfficial"));
    m_opd = new QComboBox(this);
    m_opd->setObjectName(QStringLiteral("filterOpd"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_kecamatan = new QComboBox(this);
    m_kecamatan->setObjectName(QStringLiteral("filterKecamatan"));
    // Long names (OPDs, "Asisten Perekonomian dan Pembangunan") must not widen the page: the
    // window stays usable at 1000 pixels; the popup lists still show the names in full.
    for (QComboBox *box : {m_official, m_opd, m_status, m_kecamatan}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("filterText"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(90);
    m_onlyConflicts = new QCheckBox(this);
    m_onlyConflicts->setObjectName(QStringLiteral("filterConflicts"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    // Room beyond the minimum goes to the choices first, so their names are readable.
    layout->addWidget(m_official, 3);
    layout->addWidget(m_opd, 3);
    layout->addWidget(m_status, 2);
    layout->addWidget(m_kecamatan, 2);
    layout->addWidget(m_search, 3);
    layout->addWidget(m_onlyConflicts);

    for (QComboBox *box : {m_official, m_opd, m_status, m_kecamatan})
        connect(box, &QComboBox::currentIndexChanged, this, &AgendaFilterBar::apply);
    connect(m_search, &QLineEdit::textChanged, this, &AgendaFilterBar::apply);
    connect(m_onlyConflicts, &QCheckBox::toggled, this, &AgendaFilterBar::apply);
    retranslateUi();
}

void AgendaFilterBar::setDirectory(const Humas::AgendaDirectory &directory)
{
    m_filling = true;
    QList<QPair<QString, QString>> officials;
    for (const auto &official : directory.officials)
        officials.append({official.id, official.position});
    refill(m_official, tr("All officials"), officials, false);
    refill(m_opd, tr("All OPDs"), pairs(directory.opdNames), true);
    refill(m_kecamatan, tr("All kecamatan"), pairs(directory.kecamatanNames), true);
    m_filling = false;
    apply();
}

void AgendaFilterBar::fillStatuses()
{
    m_filling = true;
    const int current = m_status->currentIndex();
    m_status->clear();
    m_status->addItem(tr("All statuses"), -1);
    for (Humas::EventSpan::Status status : Humas::EventStatus::all())
        m_status->addItem(Humas::EventStatus::displayName(status), int(status));
    m_status->setCurrentIndex(qMax(0, current));
    m_filling = false;
}

void AgendaFilterBar::clear()
{
    m_filling = true;
    for (QComboBox *box : {m_official, m_opd, m_status, m_kecamatan})
        box->setCurrentIndex(0);
    m_search->clear();
    m_onlyConflicts->setChecked(false);
    m_filling = false;
    apply();
}

void AgendaFilterBar::apply()
{
    if (m_filling)
        return;
    m_proxy->setOfficialId(m_official->currentData().toString());
    m_proxy->setOpdId(m_opd->currentData().toString());
    m_proxy->setStatus(m_status->currentData().isValid() ? m_status->currentData().toInt() : -1);
    m_proxy->setKecamatanId(m_kecamatan->currentData().toString());
    m_proxy->setText(m_search->text());
    m_proxy->setOnlyConflicts(m_onlyConflicts->isChecked());
}

void AgendaFilterBar::retranslateUi()
{
    m_label->setText(tr("Filter:"));
    m_search->setPlaceholderText(tr("Search title or place…"));
    m_onlyConflicts->setText(tr("Only clashes"));
    m_official->setToolTip(tr("Official"));
    m_opd->setToolTip(tr("Organising OPD"));
    m_status->setToolTip(tr("Status"));
    m_kecamatan->setToolTip(tr("Kecamatan"));
    fillStatuses();
    if (m_official->count() > 0)
        m_official->setItemText(0, tr("All officials"));
    if (m_opd->count() > 0)
        m_opd->setItemText(0, tr("All OPDs"));
    if (m_kecamatan->count() > 0)
        m_kecamatan->setItemText(0, tr("All kecamatan"));
}

void AgendaFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace HumasUi
