#pragma once

#include <QDateTime>
#include <QFrame>
#include <QList>
#include <QPair>

class QLabel;
class QListWidget;

namespace HumasUi {

/**
 * The answer to "Cari waktu kosong" below the button in the event editor ("freeSlotPopup"):
 * a caption and a short list of free times ("freeSlotList"); choosing one (click, Return)
 * emits freeTimeChosen with its UTC start and end.
 */
class FreeSlotPopup : public QFrame
{
    Q_OBJECT
public:
    explicit FreeSlotPopup(QWidget *parent = nullptr);

    /** One offered time: UTC start and end, and the text shown. */
    struct Choice
    {
        QDateTime startUtc;
        QDateTime endUtc;
        QString text;
    };

    /** Shows @p choices under @p caption; with none, shows @p caption alone. */
    void showChoices(const QString &caption, const QList<Choice> &choices);
    QList<Choice> choices() const { return m_choices; }
    /** Picks choice @p index as a click would. */
    void choose(int index);
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void freeTimeChosen(const QDateTime &startUtc, const QDateTime &endUtc);

private:
    QLabel *m_caption = nullptr;
    QListWidget *m_list = nullptr;
    QList<Choice> m_choices;
};

} // namespace HumasUi
