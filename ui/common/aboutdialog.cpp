#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace HumasUi {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent), m_title(new QLabel(this)), m_description(new QLabel(this)), m_licenses(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("aboutTitle"));
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("aboutDescription"));
    m_licenses->setWordWrap(true);
    m_licenses->setObjectName(QStringLiteral("aboutLicenses"));
    m_licenses->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(this);
    m_close = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_licenses);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    retranslateUi();
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About HumasDesk"));
    m_title->setText(tr("HumasDesk %1").arg(QStringLiteral(HUMAS_VERSION)));
    m_description->setText(tr("HumasDesk is the desk of a regency's public-relations office (Bagian Humas): the "
                              "one-door agenda of the regency's leaders, the public-information service (PPID) "
                              "and the agencies' news. It works offline on this computer and shares its data "
                              "with colleagues through a shared file or the HumasDesk server."));
    m_licenses->setText(tr("Built with Qt %1, used under the GNU Lesser General Public License version 3. "
                           "Data is stored with SQLite, which is in the public domain.")
                            .arg(QString::fromLatin1(qVersion())));
    m_close->setText(tr("Close"));
}

} // namespace HumasUi
