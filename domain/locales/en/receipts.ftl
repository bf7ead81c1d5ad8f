receipts-title = Receipt for order #{ $number }
receipts-tax-id = Tax ID { $id }
receipts-new-esim = New eSIM
receipts-promo-code = Promo code { $code }
receipts-refunded = Refunded ({ $reason })
receipts-paid-with = Paid with { $method } · { $at }
receipts-item = Item
receipts-amount = Amount
receipts-total = Total
receipts-download-pdf = Download PDF
receipts-print = Print
# Answers of the PDF download, shown as plain text.
receipts-pdf-sign-in = Sign in to download this receipt.
receipts-pdf-not-found = No such order.
receipts-pdf-unavailable = PDF receipts are not available right now. Open the receipt page and print it instead.
