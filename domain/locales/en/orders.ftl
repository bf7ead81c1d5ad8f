# Amounts of money: where the currency's sign goes, and the sign as this language writes it.
orders-money = { $symbol }{ $amount }
orders-symbol-usd = $
orders-symbol-eur = €
orders-symbol-cny = CN¥
orders-symbol-rub = ₽
orders-symbol-gbp = £
orders-symbol-jpy = ¥

orders-status-awaiting-payment = Awaiting payment
orders-status-paid = Paid, being delivered
orders-status-fulfilled = Completed
orders-status-failed = Could not be delivered
orders-status-cancelled = Cancelled
orders-status-refunded = Refunded
orders-status-partially-refunded = Partly refunded

# Why an order moved, in the order's history.
orders-cause-placed = order placed
orders-cause-nothing-to-pay = nothing to pay after the discount
orders-cause-payment-succeeded = payment succeeded ({ $method })
orders-cause-delivered = delivered through the eSIM provider
orders-cause-cancelled-by-customer = cancelled by the customer
orders-cause-not-paid-in-time = not paid within a day
orders-cause-refund = refund: { $reason }
orders-history-step = { $at } — { $status }: { $cause }

orders-payment-declined = Your card was declined, and no money was taken. Try again, or pay with another card or method.
orders-payment-insufficient-funds = The card has insufficient funds, and no money was taken. Try another card or method.
orders-payment-expired-card = The card has expired, and no money was taken. Try another card.
orders-payment-wrong-card-details = The card number or security code was not right, and no money was taken. Check them and try again.
orders-payment-not-authenticated = Your bank's verification (3-D Secure) was not completed, and no money was taken. Try again and confirm the payment with your bank.
orders-payment-failed = The payment did not go through, and no money was taken. Try again, or choose another method.

orders-valid-between = Valid from { $start } until { $end }.

# What the payment provider's page shows as the thing bought.
orders-payment-description = { $item } · #{ $number }
orders-item-esim = eSIM

# Checkout
orders-checkout-title = Checkout
orders-renewal-choose = Choose a plan for this eSIM:
orders-renewal-none = No plan can renew this eSIM right now.
orders-quote-renewal-of = Renewal of { $esim }
orders-quote-new-esim = A new eSIM
orders-quote-data-on-top = { $amount } of data, on top of the { $left } left now
orders-quote-data = { $amount } of data
orders-quote-unlimited = Unlimited data
orders-quote-extras = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}, { $sms } SMS
orders-promo-code = Promo code
orders-promo-code-line = Promo code { $code }
orders-promo-apply = Apply
orders-price = Price
orders-total = Total
orders-pay-amount = Pay { $amount }
orders-pay-note-renewal = You pay on the next page. Your eSIM is renewed as soon as the payment is confirmed, and the receipt comes by e-mail.
orders-pay-note-new = You pay on the next page. Your new eSIM is ready to install as soon as the payment is confirmed, and the receipt comes by e-mail.

# An order's page
orders-order-title = Order #{ $number }
orders-done-renewed = Done: { $esim } is renewed.
orders-done-new = Done: your new eSIM is ready to install.
orders-paid-delivering = Payment received. Delivering your eSIM…
orders-confirming = Confirming your payment…
orders-see-on-my-esims = See it on My eSIMs
orders-install-esim = Install the eSIM
orders-new-esim = New eSIM
orders-receipt = Receipt
orders-pay-now = Pay now
orders-cancel = Cancel the order
orders-payments = Payments
orders-provider-stripe = Card or wallet
orders-provider-cash = Cash
orders-provider-test = Test card (TEST MODE)
orders-payment-status-succeeded = paid
orders-payment-status-failed = declined
orders-payment-status-pending = not finished
orders-payment-status-cancelled = cancelled
orders-refund-status-succeeded = succeeded
orders-refund-status-pending = pending
orders-refund-status-failed = failed
orders-refund-done = The refund is done.
orders-refund-heading = Refund
orders-refund-amount = Amount
orders-refund-reason = Reason
orders-refund-submit = Refund
orders-history-heading = Order history

# The history of orders and payments
orders-history-title = Orders and payments
orders-download-csv = Download CSV
orders-filter-esim = eSIM
orders-filter-all = All
orders-filter-status = Status
orders-filter-from = From
orders-filter-to = To
orders-filter-show = Show
orders-history-empty = No orders match.
orders-history-refunded = refunded { $amount }

# The built-in test provider's page
orders-test-title = TEST MODE payment
orders-test-banner = TEST MODE — no real money moves
orders-test-pay-for = Pay { $amount } for order #{ $number }
orders-test-card-number = Test card number
orders-test-cards-hint = 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.
orders-test-pay = Pay (test)
orders-test-cancel = Cancel and go back
