#include "agenda/freeslotpopup.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace HumasUi {

FreeSlotPopup::FreeSlotPopup(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("freeSlotPopup"));
    setFrameShape(QFrame::StyledPanel);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("freeSlotCaption"));
    m_caption->setWordWrap(false);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("freeSlotList"));
    m_list->setAccessibleName(tr("Free times"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_caption);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { choose(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { choose(m_list->row(item)); });
    hide();
}

void FreeSlotPopup::showChoices(const QString &caption, const QList<Choice> &choices)
{
    m_choices = choices;
    m_caption->setText(caption);
    m_list->clear();
    for (const Choice &c : choices)
        m_list->addItem(c.text);
    m_list->setVisible(!choices.isEmpty());
    show();
    if (!choices.isEmpty()) {
        // Tall enough for every offered time, no taller (rows are measured once shown).
        m_list->setFixedHeight(m_list->sizeHintForRow(0) * int(choices.size()) + 2 * m_list->frameWidth() + 4);
        m_list->setCurrentRow(0);
    }
}

void FreeSlotPopup::choose(int index)
{
    if (index < 0 || index >= m_choices.size())
        return;
    const Choice c = m_choices.at(index);
    Q_EMIT freeTimeChosen(c.startUtc, c.endUtc);
}

} // namespace HumasUi
