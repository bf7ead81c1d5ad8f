receipts-title = 订单 #{ $number } 收据
receipts-tax-id = 税号 { $id }
receipts-new-esim = 新 eSIM
receipts-promo-code = 优惠码 { $code }
receipts-refunded = 已退款 ({ $reason })
receipts-paid-with = 支付方式： { $method } · { $at }
receipts-item = 项目
receipts-amount = 金额
receipts-total = 合计
receipts-download-pdf = 下载 PDF
receipts-print = 打印
# Answers of the PDF download, shown as plain text.
receipts-pdf-sign-in = 请登录后下载此收据。
receipts-pdf-not-found = 没有这个订单。
receipts-pdf-unavailable = 暂时无法提供 PDF 收据。请打开收据页面并打印。
