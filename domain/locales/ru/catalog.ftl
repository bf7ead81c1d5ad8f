catalog-title = Тарифы eSIM для путешествий
catalog-heading = Мобильный интернет для вашей поездки
catalog-lead = Выберите тариф для страны поездки, установите eSIM по QR-коду до вылета — и будьте на связи сразу после посадки.
catalog-filters = Фильтры
catalog-destination = Направление
catalog-any-destination = Все направления
catalog-countries = Страны
catalog-regions = Регионы и весь мир
catalog-min-data = Трафик
catalog-any-amount = Любой
catalog-unlimited = Безлимит
catalog-trip-length = Длительность поездки
catalog-any-length = Любая
catalog-billing = Срок тарифа
catalog-any-billing = Любой
catalog-plan-type = Тип тарифа
catalog-any-type = Любой тип
catalog-sort-by = Сортировка
catalog-apply-filters = Показать тарифы
catalog-clear-filters = Сбросить фильтры
catalog-no-plans = Нет тарифов по этим фильтрам. Расширьте условия или сбросьте фильтры.
catalog-ignored-filters = Некоторые фильтры в ссылке не распознаны и не применены.
catalog-previous-page = Назад
catalog-next-page = Далее
catalog-view-plan = Подробнее
catalog-top-up-badge = Можно пополнять
catalog-all-plans = Все тарифы
catalog-coverage = Покрытие
catalog-covered-countries = Где работает
catalog-networks = Сети
catalog-data = Интернет
catalog-voice = Звонки
catalog-sms = SMS
catalog-validity = Срок действия
catalog-speed = Скорость
catalog-fair-use = Честное использование
catalog-top-ups = Пополнение
catalog-can-top-up = Позже можно докупить трафик на эту же eSIM без нового QR-кода.
catalog-cannot-top-up = Этот тариф нельзя пополнить: когда он закончится, купите новый.
catalog-hotspot = Точка доступа
catalog-hotspot-allowed = Раздавать интернет (режим модема) можно.
catalog-hotspot-not-allowed = Раздавать интернет (режим модема) нельзя.
catalog-price = Цена
catalog-data-only = Только интернет
catalog-none = Нет
catalog-plan-details = О тарифе
catalog-price-note = Разовый платёж. Без договора и автосписаний.
catalog-point-1 = Установка по QR-коду сразу после оплаты
catalog-point-2 = Без роуминга
catalog-point-3 = Пополнение с телефона
catalog-sort-featured = Рекомендуемые
catalog-sort-price = Сначала дешёвые
catalog-sort-price-desc = Сначала дорогие
catalog-sort-data = Больше трафика
catalog-sort-validity = Дольше срок
catalog-period-day = На день
catalog-period-month = На месяц
catalog-period-year = На год
catalog-kind-single = Одна eSIM
catalog-kind-family = Семейный
catalog-kind-enterprise = Для бизнеса
catalog-validity-starts-on-purchase = Срок действия начинается с момента покупки.
catalog-validity-starts-on-install = Срок действия начинается с установки eSIM на телефон.
catalog-validity-starts-on-first-use = Срок действия начинается с первого подключения eSIM к сети в стране поездки.
catalog-at-least-days = От { $count } { $count ->
    [one] дня
   *[other] дней
}
catalog-plan-count = { $count } { $count ->
    [one] тариф
    [few] тарифа
   *[many] тарифов
}
catalog-country-count = { $count } { $count ->
    [one] страна
    [few] страны
   *[many] стран
}
catalog-voice-minutes = { $count } мин
catalog-sms-count = { $count } SMS
catalog-up-to-lines = До { $count } eSIM в одном тарифе
catalog-at-least-gb = От { $amount }
catalog-daily-full-speed = { $amount }/день на полной скорости
catalog-fair-use-unlimited = Первые { $allowance } каждый день — на полной скорости. Затем скорость снижается до { $slow } до обновления лимита на следующий день; связь не отключается.
catalog-fair-use-throttled = Все { $total } — на полной скорости. Когда трафик закончится, интернет продолжит работать на скорости { $slow } до конца срока, или можно докупить пакет.
catalog-fair-use-limited = Все { $total } — на полной скорости, без дневного лимита. Когда трафик закончится, интернет остановится до пополнения.
catalog-buy-esim = Купить eSIM
catalog-breadcrumb = Навигационная цепочка
catalog-pagination = Страницы
catalog-unlimited-per-day = Безлимит · { $amount }/день
