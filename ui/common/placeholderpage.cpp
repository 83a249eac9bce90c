#include "placeholderpage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace HumasUi {

PlaceholderPage::PlaceholderPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_description(new QLabel(this)), m_status(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_description->setObjectName(QStringLiteral("pageDescription"));
    m_status->setObjectName(QStringLiteral("pageStatus"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);

    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignCenter);

    QFont statusFont = m_status->font();
    statusFont.setItalic(true);
    m_status->setFont(statusFont);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    // A column of fixed width, so the wrapped sentence gets the height it needs.
    auto *column = new QWidget(this);
    column->setFixedWidth(560);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(m_title);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_description);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_status);

    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(column);
    row->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    retranslateUi();
}

QString PlaceholderPage::title() const
{
    return m_title->text();
}

void PlaceholderPage::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString PlaceholderPage::description() const
{
    return m_description->text();
}

void PlaceholderPage::setDescription(const QString &description)
{
    m_description->setText(description);
}

QString PlaceholderPage::statusText() const
{
    return m_status->text();
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlaceholderPage::retranslateUi()
{
    m_status->setText(tr("Not available yet"));
}

} // namespace HumasUi
