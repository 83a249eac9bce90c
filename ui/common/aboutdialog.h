#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace HumasUi {

/** Name, version, what HumasDesk is for, and the licences of the parts it is built on. */
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_licenses;
    QPushButton *m_close;
};

} // namespace HumasUi
