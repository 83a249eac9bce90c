#pragma once

#include <QWidget>

class QLabel;

namespace HumasUi {

/**
 * An honest stand-in for a page a later release fills: its title, one sentence of what it
 * will do, and "Not available yet". The owner sets title and description (already
 * translated) again on every language change; the status line translates itself.
 */
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    explicit PlaceholderPage(QWidget *parent = nullptr);

    QString title() const;
    void setTitle(const QString &title);
    QString description() const;
    void setDescription(const QString &description);
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_status;
};

} // namespace HumasUi
