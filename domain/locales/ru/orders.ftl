# Amounts of money: where the currency's sign goes, and the sign as this language writes it.
orders-money = { $amount }{ "\u00A0" }{ $symbol }
orders-symbol-usd = US$
orders-symbol-eur = €
orders-symbol-cny = CN¥
orders-symbol-rub = ₽
orders-symbol-gbp = £
orders-symbol-jpy = ¥

orders-status-awaiting-payment = Ожидает оплаты
orders-status-paid = Оплачен, выполняется
orders-status-fulfilled = Выполнен
orders-status-failed = Не удалось выполнить
orders-status-cancelled = Отменён
orders-status-refunded = Возвращён
orders-status-partially-refunded = Частично возвращён

# Why an order moved, in the order's history.
orders-cause-placed = заказ оформлен
orders-cause-nothing-to-pay = после скидки оплачивать нечего
orders-cause-payment-succeeded = оплата прошла ({ $method })
orders-cause-delivered = выполнен через поставщика eSIM
orders-cause-cancelled-by-customer = отменён покупателем
orders-cause-not-paid-in-time = не оплачен в течение суток
orders-cause-refund = возврат: { $reason }
orders-history-step = { $at } — { $status }: { $cause }

orders-payment-declined = Банк отклонил карту, деньги не списаны. Попробуйте ещё раз или выберите другую карту или способ оплаты.
orders-payment-insufficient-funds = На карте недостаточно средств, деньги не списаны. Попробуйте другую карту или способ оплаты.
orders-payment-expired-card = Срок действия карты истёк, деньги не списаны. Попробуйте другую карту.
orders-payment-wrong-card-details = Неверный номер карты или код безопасности, деньги не списаны. Проверьте их и попробуйте снова.
orders-payment-not-authenticated = Подтверждение в банке (3-D Secure) не пройдено, деньги не списаны. Попробуйте снова и подтвердите платёж в банке.
orders-payment-failed = Платёж не прошёл, деньги не списаны. Попробуйте ещё раз или выберите другой способ.

orders-valid-between = Действует с { $start } до { $end }.

# What the payment provider's page shows as the thing bought.
orders-payment-description = { $item } · №{ $number }
orders-item-esim = eSIM

# Checkout
orders-checkout-title = Оформление заказа
orders-renewal-choose = Выберите тариф для этой eSIM:
orders-renewal-none = Сейчас нет тарифов для продления этой eSIM.
orders-quote-renewal-of = Продление { $esim }
orders-quote-new-esim = Новая eSIM
orders-quote-data-on-top = { $amount } данных вдобавок к оставшимся { $left }
orders-quote-data = { $amount } данных
orders-quote-unlimited = Безлимитные данные
orders-quote-extras = { $minutes } мин, { $sms } SMS
orders-promo-code = Промокод
orders-promo-code-line = Промокод { $code }
orders-promo-apply = Применить
orders-price = Цена
orders-total = Итого
orders-pay-amount = Оплатить { $amount }
orders-pay-note-renewal = Оплата — на следующей странице. eSIM продлевается сразу после подтверждения платежа, чек придёт на e-mail.
orders-pay-note-new = Оплата — на следующей странице. Новую eSIM можно установить сразу после подтверждения платежа, чек придёт на e-mail.

# An order's page
orders-order-title = Заказ №{ $number }
orders-done-renewed = Готово: { $esim } продлена.
orders-done-new = Готово: новую eSIM можно устанавливать.
orders-paid-delivering = Оплата получена. Выполняем заказ…
orders-confirming = Подтверждаем оплату…
orders-see-on-my-esims = Открыть «Мои eSIM»
orders-install-esim = Установить eSIM
orders-new-esim = Новая eSIM
orders-receipt = Чек
orders-pay-now = Оплатить
orders-cancel = Отменить заказ
orders-payments = Платежи
orders-provider-stripe = Карта или кошелёк
orders-provider-cash = Наличные
orders-provider-test = Тестовая карта (тест)
orders-payment-status-succeeded = оплачено
orders-payment-status-failed = отклонено
orders-payment-status-pending = не завершено
orders-payment-status-cancelled = отменено
orders-refund-status-succeeded = выполнен
orders-refund-status-pending = в обработке
orders-refund-status-failed = не выполнен
orders-refund-done = Возврат выполнен.
orders-refund-heading = Возврат
orders-refund-amount = Сумма
orders-refund-reason = Причина
orders-refund-submit = Вернуть
orders-history-heading = История заказа

# The history of orders and payments
orders-history-title = Заказы и платежи
orders-download-csv = Скачать CSV
orders-filter-esim = eSIM
orders-filter-all = Все
orders-filter-status = Статус
orders-filter-from = С
orders-filter-to = По
orders-filter-show = Показать
orders-history-empty = Заказов не найдено.
orders-history-refunded = возвращено { $amount }

# The built-in test provider's page
orders-test-title = Тестовый платёж
orders-test-banner = ТЕСТОВЫЙ РЕЖИМ — реальные деньги не списываются
orders-test-pay-for = Оплата { $amount } за заказ №{ $number }
orders-test-card-number = Номер тестовой карты
orders-test-cards-hint = 4242 4242 4242 4242 — оплата проходит; 4000 0000 0000 0002 — отказ.
orders-test-pay = Оплатить (тест)
orders-test-cancel = Отменить и вернуться
