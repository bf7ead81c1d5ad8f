# The order history export: column headings, lower case as data files usually have them.
csv-order = 订单
csv-date = 日期
csv-plan = 套餐
csv-esim = eSIM
csv-amount = 金额
csv-refunded = 已退款
csv-currency = 币种
csv-status = 状态
csv-method = 支付方式
csv-sign-in = 请登录后导出您的订单。
