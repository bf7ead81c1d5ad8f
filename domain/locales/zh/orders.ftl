# Amounts of money: where the currency's sign goes, and the sign as this language writes it.
orders-money = { $symbol }{ $amount }
orders-symbol-usd = US$
orders-symbol-eur = €
orders-symbol-cny = ¥
orders-symbol-rub = ₽
orders-symbol-gbp = £
orders-symbol-jpy = JP¥

orders-status-awaiting-payment = 待付款
orders-status-paid = 已付款，正在交付
orders-status-fulfilled = 已完成
orders-status-failed = 无法交付
orders-status-cancelled = 已取消
orders-status-refunded = 已退款
orders-status-partially-refunded = 部分退款

# Why an order moved, in the order's history.
orders-cause-placed = 已下单
orders-cause-nothing-to-pay = 折扣后无需付款
orders-cause-payment-succeeded = 付款成功（{ $method }）
orders-cause-delivered = 已通过 eSIM 供应商交付
orders-cause-cancelled-by-customer = 客户已取消
orders-cause-not-paid-in-time = 一天内未付款
orders-cause-refund = 退款：{ $reason }
orders-history-step = { $at } — { $status }：{ $cause }

orders-payment-declined = 您的卡被拒绝，未扣任何款项。请重试，或换一张卡或其他支付方式。
orders-payment-insufficient-funds = 卡内余额不足，未扣任何款项。请换一张卡或其他支付方式。
orders-payment-expired-card = 该卡已过期，未扣任何款项。请换一张卡。
orders-payment-wrong-card-details = 卡号或安全码不正确，未扣任何款项。请核对后重试。
orders-payment-not-authenticated = 未完成银行验证（3-D Secure），未扣任何款项。请重试并在银行页面确认支付。
orders-payment-failed = 支付未成功，未扣任何款项。请重试或选择其他支付方式。

orders-valid-between = 有效期：{ $start } 至 { $end }。

# What the payment provider's page shows as the thing bought.
orders-payment-description = { $item } · #{ $number }
orders-item-esim = eSIM

# Checkout
orders-checkout-title = 结账
orders-renewal-choose = 为此 eSIM 选择套餐：
orders-renewal-none = 目前没有可为此 eSIM 续费的套餐。
orders-quote-renewal-of = 为 { $esim } 续费
orders-quote-new-esim = 新的 eSIM
orders-quote-data-on-top = { $amount } 流量，另加当前剩余的 { $left }
orders-quote-data = { $amount } 流量
orders-quote-unlimited = 无限流量
orders-quote-extras = { $minutes } 分钟通话，{ $sms } 条短信
orders-promo-code = 优惠码
orders-promo-code-line = 优惠码 { $code }
orders-promo-apply = 使用
orders-price = 价格
orders-total = 合计
orders-pay-amount = 支付 { $amount }
orders-pay-note-renewal = 您将在下一页付款。付款确认后立即续费，收据会通过邮件发送。
orders-pay-note-new = 您将在下一页付款。付款确认后即可安装新的 eSIM，收据会通过邮件发送。

# An order's page
orders-order-title = 订单 #{ $number }
orders-done-renewed = 完成：{ $esim } 已续费。
orders-done-new = 完成：您的新 eSIM 可以安装了。
orders-paid-delivering = 已收到付款，正在交付 eSIM……
orders-confirming = 正在确认您的付款……
orders-see-on-my-esims = 在“我的 eSIM”中查看
orders-install-esim = 安装 eSIM
orders-new-esim = 新 eSIM
orders-receipt = 收据
orders-pay-now = 立即支付
orders-cancel = 取消订单
orders-payments = 付款记录
orders-provider-stripe = 银行卡或钱包
orders-provider-cash = 现金
orders-provider-test = 测试卡（测试模式）
orders-payment-status-succeeded = 已支付
orders-payment-status-failed = 被拒绝
orders-payment-status-pending = 未完成
orders-payment-status-cancelled = 已取消
orders-refund-status-succeeded = 已完成
orders-refund-status-pending = 处理中
orders-refund-status-failed = 失败
orders-refund-done = 退款已完成。
orders-refund-heading = 退款
orders-refund-amount = 金额
orders-refund-reason = 原因
orders-refund-submit = 退款
orders-history-heading = 订单记录

# The history of orders and payments
orders-history-title = 订单与付款
orders-download-csv = 下载 CSV
orders-filter-esim = eSIM
orders-filter-all = 全部
orders-filter-status = 状态
orders-filter-from = 从
orders-filter-to = 至
orders-filter-show = 筛选
orders-history-empty = 没有符合条件的订单。
orders-history-refunded = 已退款 { $amount }

# The built-in test provider's page
orders-test-title = 测试模式付款
orders-test-banner = 测试模式——不会产生真实扣款
orders-test-pay-for = 为订单 #{ $number } 支付 { $amount }
orders-test-card-number = 测试卡号
orders-test-cards-hint = 4242 4242 4242 4242 支付成功；4000 0000 0000 0002 会被拒绝。
orders-test-pay = 支付（测试）
orders-test-cancel = 取消并返回
