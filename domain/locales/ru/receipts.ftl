receipts-title = Чек по заказу №{ $number }
receipts-tax-id = ИНН/VAT { $id }
receipts-new-esim = Новая eSIM
receipts-promo-code = Промокод { $code }
receipts-refunded = Возвращено ({ $reason })
receipts-paid-with = Оплачено: { $method } · { $at }
receipts-item = Позиция
receipts-amount = Сумма
receipts-total = Итого
receipts-download-pdf = Скачать PDF
receipts-print = Печать
# Answers of the PDF download, shown as plain text.
receipts-pdf-sign-in = Войдите, чтобы скачать этот чек.
receipts-pdf-not-found = Такого заказа нет.
receipts-pdf-unavailable = PDF-чеки сейчас недоступны. Откройте страницу чека и распечатайте её.
