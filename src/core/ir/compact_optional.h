#pragma once
// An optional value kept behind a pointer: 8 bytes where std::optional<std::string> takes
// 40 and std::optional<DefaultValue> 48. The IR's columns carry several such fields that
// are almost always empty (collation, comment, generated, renamedFrom, default); `check`
// holds four copies of a 5,000-table schema at its peak (the migrations, their replay, the
// models, the live schema: 60,000 columns each), where they were half of every Column
// (issue 12, docs/profiles/check.md). The interface is std::optional's, so the fields are
// read, set and compared as before; copying copies the value.

#include <limits>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace tempest {

template <typename T>
class CompactOptional {
    template <typename U>
    static constexpr bool kValueLike = std::is_constructible_v<T, U&&>
                                       && !std::is_same_v<std::remove_cvref_t<U>, CompactOptional>
                                       && !std::is_same_v<std::remove_cvref_t<U>, std::optional<T>>
                                       && !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>;

public:
    using value_type = T;

    CompactOptional() noexcept = default;
    CompactOptional(std::nullopt_t) noexcept {}
    template <typename U = T>
        requires kValueLike<U>
    CompactOptional(U&& value) : m_value(std::make_unique<T>(std::forward<U>(value)))
    {
    }
    CompactOptional(const std::optional<T>& other) : m_value(other ? std::make_unique<T>(*other) : nullptr) {}
    CompactOptional(std::optional<T>&& other)
        : m_value(other ? std::make_unique<T>(std::move(*other)) : nullptr)
    {
    }
    CompactOptional(const CompactOptional& other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
    {
    }
    CompactOptional(CompactOptional&&) noexcept = default;
    ~CompactOptional() = default;

    CompactOptional& operator=(const CompactOptional& other)
    {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    CompactOptional& operator=(CompactOptional&&) noexcept = default;
    CompactOptional& operator=(std::nullopt_t) noexcept
    {
        m_value.reset();
        return *this;
    }
    template <typename U = T>
        requires kValueLike<U>
    CompactOptional& operator=(U&& value)
    {
        if (m_value)
            *m_value = std::forward<U>(value);
        else
            m_value = std::make_unique<T>(std::forward<U>(value));
        return *this;
    }
    CompactOptional& operator=(const std::optional<T>& other) { return *this = CompactOptional(other); }
    CompactOptional& operator=(std::optional<T>&& other) { return *this = CompactOptional(std::move(other)); }

    explicit operator bool() const noexcept { return m_value != nullptr; }
    bool has_value() const noexcept { return m_value != nullptr; }

    T& operator*() noexcept { return *m_value; }
    const T& operator*() const noexcept { return *m_value; }
    T* operator->() noexcept { return m_value.get(); }
    const T* operator->() const noexcept { return m_value.get(); }

    T& value()
    {
        if (!m_value)
            throw std::bad_optional_access();
        return *m_value;
    }
    const T& value() const
    {
        if (!m_value)
            throw std::bad_optional_access();
        return *m_value;
    }
    template <typename U>
    T value_or(U&& fallback) const
    {
        return m_value ? *m_value : static_cast<T>(std::forward<U>(fallback));
    }

    void reset() noexcept { m_value.reset(); }
    template <typename... Args>
    T& emplace(Args&&... args)
    {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }

    /// As a std::optional (a copy), for code that passes one on.
    operator std::optional<T>() const { return m_value ? std::optional<T>(*m_value) : std::nullopt; }

    friend bool operator==(const CompactOptional& a, const CompactOptional& b)
    {
        return a.m_value ? b.m_value && *a.m_value == *b.m_value : !b.m_value;
    }
    friend bool operator==(const CompactOptional& a, std::nullopt_t) noexcept { return !a.m_value; }
    friend bool operator==(const CompactOptional& a, const std::optional<T>& b)
    {
        return a.m_value ? b && *a.m_value == *b : !b;
    }
    template <typename U>
        requires(!std::is_same_v<std::remove_cvref_t<U>, CompactOptional>
                 && !std::is_same_v<std::remove_cvref_t<U>, std::optional<T>>
                 && !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>)
    friend bool operator==(const CompactOptional& a, const U& value)
    {
        return a.m_value && *a.m_value == value;
    }

private:
    std::unique_ptr<T> m_value;
};

} // namespace tempest

namespace tempest {

/// An optional int in 4 bytes (std::optional<int> takes 8): a column's length, precision
/// and scale, which are never INT_MIN. The interface is std::optional's.
class CompactOptionalInt {
public:
    using value_type = int;

    constexpr CompactOptionalInt() noexcept = default;
    constexpr CompactOptionalInt(std::nullopt_t) noexcept {}
    constexpr CompactOptionalInt(int value) noexcept : m_value(value) {}
    constexpr CompactOptionalInt(const std::optional<int>& other) noexcept : m_value(other ? *other : kNone) {}

    constexpr CompactOptionalInt& operator=(std::nullopt_t) noexcept
    {
        m_value = kNone;
        return *this;
    }

    constexpr explicit operator bool() const noexcept { return m_value != kNone; }
    constexpr bool has_value() const noexcept { return m_value != kNone; }
    constexpr int& operator*() noexcept { return m_value; }
    constexpr const int& operator*() const noexcept { return m_value; }
    int value() const
    {
        if (m_value == kNone)
            throw std::bad_optional_access();
        return m_value;
    }
    constexpr int value_or(int fallback) const noexcept { return m_value != kNone ? m_value : fallback; }
    constexpr void reset() noexcept { m_value = kNone; }
    constexpr int& emplace(int value) noexcept { return m_value = value; }

    constexpr operator std::optional<int>() const noexcept
    {
        return m_value != kNone ? std::optional<int>(m_value) : std::nullopt;
    }

    friend constexpr bool operator==(CompactOptionalInt a, CompactOptionalInt b) noexcept { return a.m_value == b.m_value; }
    friend constexpr bool operator==(CompactOptionalInt a, std::nullopt_t) noexcept { return a.m_value == kNone; }
    friend constexpr bool operator==(CompactOptionalInt a, const std::optional<int>& b) noexcept
    {
        return a == CompactOptionalInt(b);
    }
    friend constexpr bool operator==(CompactOptionalInt a, int b) noexcept { return a.m_value == b; }

private:
    static constexpr int kNone = std::numeric_limits<int>::min();
    int m_value = kNone;
};

} // namespace tempest
