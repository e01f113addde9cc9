#pragma once
#include <QSettings>
#include <QString>
#include <QVariant>

// One typed setting, as qBittorrent's SettingValue: widgets never spell keys or convert QVariants.
// The store is the AppSettings' QSettings, so test mode (an .ini under the test config folder)
// reaches every value.
template <typename T>
class SettingValue
{
public:
    SettingValue(QSettings *store, const QString &key, const T &defaultValue = T())
        : m_store(store)
        , m_key(key)
        , m_default(defaultValue)
    {
    }

    T get() const
    {
        const QVariant v = m_store->value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }
    operator T() const { return get(); }
    void set(const T &value) { m_store->setValue(m_key, QVariant::fromValue(value)); }
    SettingValue &operator=(const T &value)
    {
        set(value);
        return *this;
    }
    bool isSet() const { return m_store->contains(m_key); }
    void reset() { m_store->remove(m_key); }
    const QString &key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

private:
    QSettings *m_store;
    QString m_key;
    T m_default;
};
