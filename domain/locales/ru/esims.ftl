## An eSIM's card: status, bundles, what is left, usage

esims-status-in-stock = На складе
esims-status-ready-to-install = Готова к установке
esims-status-installed = Установлена
esims-status-active = Активна
esims-status-expired = Истекла
esims-status-suspended = Приостановлена
esims-bundle-waiting = Не начат
esims-bundle-active = Активен
esims-bundle-depleted = Израсходован
esims-bundle-expired = Истёк
# An eSIM without a nickname, named by the last digits of its ICCID.
esims-unnamed = eSIM ···{ $tail }
esims-iccid = ICCID
esims-no-plan-yet = На этой eSIM пока нет тарифа.
esims-install-on-phone = Установить на телефон
esims-renew-or-top-up = Продлить или пополнить
esims-details-and-name = Подробнее и имя
esims-installation-details = Данные для установки
esims-ended = Закончился { $date }
esims-expires-soon = Истекает через { $days } дн. ({ $date }) — пора продлить
esims-expires = Истекает через { $days } дн. ({ $date })
esims-data = Данные
esims-minutes = Минуты
esims-unlimited-data = Безлимит: { $amount } в день на полной скорости, затем медленнее
esims-left-of = Осталось { $left } из { $total }
esims-usage-measured = Расход измерен { $date }
esims-starts-after-current = Начнётся { $date }, когда закончится текущий тариф.
esims-valid-from-purchase = Действует { $days } дн. с момента покупки.
esims-valid-from-install = Действует { $days } дн. с момента установки eSIM.
esims-valid-from-first-use = Действует { $days } дн. с первого использования данных в стране покрытия; ранняя установка срок не запускает.
esims-chart-title = Расход данных по дням за 30 дней
esims-chart-bar = { $day }: { $amount }
esims-chart-summary = За 30 дней: { $total }; максимум за день: { $max }.

## My eSIMs and one eSIM's page

esims-list-title = Мои eSIM
esims-list-empty = У вас пока нет eSIM.
esims-list-find-without-account = Покупали без учётной записи? Найдите здесь
esims-back-to-list = ← Все мои eSIM
esims-name-saved = Имя сохранено.
esims-name-label = Название eSIM
esims-name-placeholder = например, iPhone мамы
esims-save-name = Сохранить

## Installing

esims-qr-label = QR-код eSIM
esims-install-title = Установка { $name }
esims-install-back = ← К eSIM
esims-install-already-installed = Эта eSIM уже установлена. Профиль скачивается один раз: данные ниже — для справки, повторное сканирование не сработает.
esims-install-delete-warning = Не удаляйте eSIM с телефона.{ " " }
esims-install-delete-warning-why = Удалённую eSIM нельзя восстановить или установить заново — вместо этого отключите её в настройках. Не показывайте эти коды никому: по ним можно установить вашу eSIM.
esims-install-scan-heading = Отсканируйте QR-код
esims-install-scan-text = Откройте код на другом экране или распечатайте и отсканируйте камерой телефона.
esims-install-here-heading = Установить на этом телефоне
esims-install-here-text = Открыли страницу на самом телефоне? Нажмите кнопку для своей системы — в Safari или Chrome, а не внутри другого приложения.
esims-install-ios-link = Установить на iPhone (iOS 17.4+)
esims-install-android-link = Установить на Android (если поддерживается)
esims-install-android-note = Ссылка для Android работает не на всех телефонах; QR-код и ручной ввод работают всегда.
esims-install-manual-heading = Ввести вручную
esims-install-activation-code = Код активации
esims-install-smdp-address = Адрес SM-DP+
esims-install-matching-id = Только код (после второго $)
esims-install-confirmation-code = Код подтверждения (телефон его запросит)
esims-install-copy = Копировать
esims-install-copied = Скопировано
esims-steps-ios-title = iPhone
esims-steps-android-title = Android
esims-steps-wifi = Подключитесь к Wi-Fi.
esims-steps-ios-add = Откройте Настройки → Сотовая связь → Добавить eSIM → Использовать QR-код и отсканируйте код. Или нажмите кнопку iPhone выше.
esims-steps-ios-label = Назовите её (например, «Поездка»); звонки и iMessage можно оставить на основной линии.
esims-steps-ios-arrival = По прибытии выберите эту eSIM для мобильных данных и включите для неё роуминг данных.
esims-steps-android-add = Откройте Настройки → Сеть и интернет (Samsung: Подключения → Диспетчер SIM) → Добавить eSIM и отсканируйте код.
esims-steps-android-manual = Если камера не сканирует, выберите «Ввести код вручную» и вставьте код активации.
esims-steps-android-arrival = По прибытии сделайте эту eSIM основной для мобильных данных и включите роуминг.

## Does my phone take eSIMs?

esims-device-heading = Поддерживает ли мой телефон eSIM?
esims-device-label = Модель телефона
esims-device-placeholder = например, iPhone 13, Pixel 7, Galaxy S23
esims-device-check = Проверить
esims-device-none = Этой модели нет в нашем списке. Проверьте, есть ли в настройках пункт «Добавить eSIM», или спросите магазин перед покупкой.
esims-device-note-china = Модели для материкового Китая не поддерживают eSIM.
esims-device-note-us-esim-only = Модели для США работают только с eSIM, лотка для SIM-карты нет. Модели для материкового Китая не поддерживают eSIM.
esims-device-note-samsung-regions = Модели для материкового Китая, Гонконга и Южной Кореи часто не поддерживают eSIM; некоторым моделям американских операторов нужно обновление.
esims-device-note-not-everywhere = Не во всех странах продаётся с поддержкой eSIM.
esims-device-note-pixel-3 = Pixel 3, купленные в Австралии, на Тайване или в Японии, а также у некоторых операторов США, не поддерживают eSIM.
esims-device-note-pixel-3a = Pixel 3a, купленные в Японии или Юго-Восточной Азии либо у Verizon, могут не поддерживать eSIM.

## Renewing without an account

esims-renew-title = Продлить eSIM без учётной записи
esims-renew-lead = Введите ICCID eSIM (в чеке или в Настройки → Основные → Об этом устройстве) или номер телефона, который вы указали, и e-mail, с которым покупали. Мы пришлём код на почту.
esims-renew-identifier = ICCID или номер телефона
esims-renew-identifier-hint = например, 8944 5385 3200 8160 222 или +7 912 345-67-89
esims-renew-email = E-mail
esims-renew-send-code = Прислать код
esims-renew-have-account = Есть учётная запись?{ " " }
esims-renew-sign-in = Войти
esims-renew-code-title = Введите код
esims-renew-code-sent = Если данные совпали с eSIM, мы отправили 6-значный код на указанный e-mail. Он действует один раз в течение 15 минут.
esims-renew-code = Код
esims-renew-show-esim = Показать eSIM
esims-renew-new-code = Запросить новый код
esims-renew-result-title = Ваша eSIM
esims-renew-for-whom = Для { $email }.
esims-renew-this-esim = Продлить эту eSIM
esims-renew-page-open = Страница открыта 30 минут. Зарегистрируйтесь с тем же e-mail, чтобы видеть eSIM в любое время.
esims-renew-create-account = Создать учётную запись
