common-site-description = Туристические eSIM с мобильным интернетом для России, Китая, Европы и других направлений. Установка по QR-коду сразу после оплаты, пополнение в любой момент.
common-nav-plans = Тарифы
common-language = Язык
common-currency = Валюта
common-apply = Применить
common-skip-to-content = Перейти к содержимому
common-loading = Загружаем тарифы…
common-load-failed = Не удалось загрузить тарифы. Попробуйте ещё раз через минуту.
common-not-found-title = Страница не найдена
common-not-found-text = Мы не нашли эту страницу или тариф. Возможно, он переименован или больше не продаётся.
common-back-to-plans = Ко всем тарифам
common-support = Поддержка
common-days = { $count } { $count ->
    [one] день
    [few] дня
   *[many] дней
}
common-megabytes = { $amount } МБ
common-gigabytes = { $amount } ГБ
common-kilobits-per-second = { $amount } кбит/с
common-megabits-per-second = { $amount } Мбит/с
common-nav-staff = Сотрудникам
common-nav-outbox = Письма
common-nav-stock = Склад
common-nav-my-esims = Мои eSIM
common-nav-orders = Заказы
common-nav-renew = Продлить eSIM
common-sign-in = Войти
common-sign-out = Выйти
# A moment in the reader's time zone: "29.11.2026, 13:00 MSK".
common-moment = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }.{ $year }, { $time } { $zone }
# A day of the current year, short: "29.11".
common-day-month = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }
common-month-name = { $month }
