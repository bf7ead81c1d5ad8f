# The order history export: column headings, lower case as data files usually have them.
csv-order = order
csv-date = date
csv-plan = plan
csv-esim = esim
csv-amount = amount
csv-refunded = refunded
csv-currency = currency
csv-status = status
csv-method = method
csv-sign-in = Sign in to export your orders.
