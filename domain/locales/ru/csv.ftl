# The order history export: column headings, lower case as data files usually have them.
csv-order = заказ
csv-date = дата
csv-plan = тариф
csv-esim = esim
csv-amount = сумма
csv-refunded = возвращено
csv-currency = валюта
csv-status = статус
csv-method = способ оплаты
csv-sign-in = Войдите, чтобы выгрузить свои заказы.
