## An eSIM's card: status, bundles, what is left, usage

esims-status-in-stock = 库存中
esims-status-ready-to-install = 待安装
esims-status-installed = 已安装
esims-status-active = 使用中
esims-status-expired = 已过期
esims-status-suspended = 已暂停
esims-bundle-waiting = 未开始
esims-bundle-active = 使用中
esims-bundle-depleted = 已用完
esims-bundle-expired = 已过期
# An eSIM without a nickname, named by the last digits of its ICCID.
esims-unnamed = eSIM ···{ $tail }
esims-iccid = ICCID
esims-no-plan-yet = 此 eSIM 尚无套餐。
esims-install-on-phone = 安装到手机
esims-renew-or-top-up = 续费或充值
esims-details-and-name = 详情与名称
esims-installation-details = 安装信息
esims-ended = 已于 { $date } 结束
esims-expires-soon = { $days } 天后到期（{ $date }）— 请尽快续费
esims-expires = { $days } 天后到期（{ $date }）
esims-data = 流量
esims-minutes = 通话
esims-unlimited-data = 无限流量：每天 { $amount } 高速，之后降速
esims-left-of = 剩余 { $left } / 共 { $total }
esims-usage-measured = 用量统计于 { $date }
esims-starts-after-current = 将于 { $date } 当前套餐结束时开始。
esims-valid-from-purchase = 自购买起 { $days } 天内有效。
esims-valid-from-install = 自安装 eSIM 起 { $days } 天内有效。
esims-valid-from-first-use = 自在覆盖国家首次使用数据起 { $days } 天内有效；提前安装不会开始计时。
esims-chart-title = 近 30 天每日流量
esims-chart-bar = { $day }：{ $amount }
esims-chart-summary = 30 天共使用 { $total }；单日最多 { $max }。

## My eSIMs and one eSIM's page

esims-list-title = 我的 eSIM
esims-list-empty = 您还没有 eSIM。
esims-list-find-without-account = 未注册时购买过？在这里查找
esims-back-to-list = ← 我的全部 eSIM
esims-name-saved = 名称已保存。
esims-name-label = 为此 eSIM 命名
esims-name-placeholder = 例如：妈妈的 iPhone
esims-save-name = 保存名称

## Installing

esims-qr-label = eSIM 二维码
esims-install-title = 安装 { $name }
esims-install-back = ← 返回 eSIM
esims-install-already-installed = 此 eSIM 已安装。配置文件只能下载一次：以下信息仅供参考，再次扫描不会生效。
esims-install-delete-warning = 请勿从手机中删除此 eSIM。
esims-install-delete-warning-why = 删除后将永久丢失，无法重新安装；如需停用，请在设置中关闭。请勿泄露这些代码：任何人拿到都可以安装您的 eSIM。
esims-install-scan-heading = 扫描二维码
esims-install-scan-text = 在另一块屏幕上显示或打印此二维码，然后用手机相机扫描。
esims-install-here-heading = 在本机上安装
esims-install-here-text = 如果正在手机上打开此页，请点击对应按钮；请在 Safari 或 Chrome 中打开，而不是在其他应用内。
esims-install-ios-link = 在 iPhone 上安装（iOS 17.4 及以上）
esims-install-android-link = 在 Android 上安装（如支持）
esims-install-android-note = Android 链接仅部分机型支持；二维码和手动输入始终可用。
esims-install-manual-heading = 手动输入
esims-install-activation-code = 激活码
esims-install-smdp-address = SM-DP+ 地址
esims-install-matching-id = 激活码（第二个 $ 之后的部分）
esims-install-confirmation-code = 确认码（手机会要求输入）
esims-install-copy = 复制
esims-install-copied = 已复制
esims-steps-ios-title = iPhone
esims-steps-android-title = Android
esims-steps-wifi = 连接 Wi-Fi。
esims-steps-ios-add = 打开 设置 → 蜂窝网络 → 添加 eSIM → 使用二维码，扫描二维码；或点击上面的 iPhone 按钮。
esims-steps-ios-label = 为其命名（如“旅行”），可继续用原号码接打电话和 iMessage。
esims-steps-ios-arrival = 抵达后，将此 eSIM 设为蜂窝数据线路，并为其开启数据漫游。
esims-steps-android-add = 打开 设置 → 网络和互联网（三星：连接 → SIM 卡管理器）→ 添加 eSIM，然后扫描二维码。
esims-steps-android-manual = 若无法扫描，选择“手动输入”，粘贴激活码。
esims-steps-android-arrival = 抵达后，将此 eSIM 设为移动数据 SIM 卡，并为其开启漫游。

## Does my phone take eSIMs?

esims-device-heading = 我的手机支持 eSIM 吗？
esims-device-label = 手机型号
esims-device-placeholder = 例如 iPhone 13、Pixel 7、Galaxy S23
esims-device-check = 检查
esims-device-none = 我们的列表中没有该机型。请在设置中查看是否有“添加 eSIM”，或在购买前咨询商家。
esims-device-note-china = 中国大陆销售的型号不支持 eSIM。
esims-device-note-us-esim-only = 美国版本仅支持 eSIM，没有 SIM 卡槽。中国大陆销售的型号不支持 eSIM。
esims-device-note-samsung-regions = 中国大陆、香港和韩国销售的型号通常不支持 eSIM；部分美国运营商版本需要先更新系统。
esims-device-note-not-everywhere = 并非每个国家销售的型号都支持 eSIM。
esims-device-note-pixel-3 = 在澳大利亚、台湾或日本购买的 Pixel 3，以及部分美国运营商的 Pixel 3，不支持 eSIM。
esims-device-note-pixel-3a = 在日本或东南亚购买的 Pixel 3a，以及 Verizon 的 Pixel 3a，可能不支持 eSIM。

## Renewing without an account

esims-renew-title = 无需账户续费 eSIM
esims-renew-lead = 请输入 eSIM 的 ICCID（见收据，或手机 设置 → 通用 → 关于本机）或您留下的手机号，以及购买时使用的邮箱。我们会通过邮件发送验证码。
esims-renew-identifier = ICCID 或手机号
esims-renew-identifier-hint = 例如 8944 5385 3200 8160 222 或 +86 138 0000 0000
esims-renew-email = 邮箱
esims-renew-send-code = 发送验证码
esims-renew-have-account = 已有账户？
esims-renew-sign-in = 登录
esims-renew-code-title = 输入验证码
esims-renew-code-sent = 如果信息与某个 eSIM 匹配，我们已向登记的邮箱发送 6 位验证码。验证码仅可使用一次，有效期 15 分钟。
esims-renew-code = 验证码
esims-renew-show-esim = 查看我的 eSIM
esims-renew-new-code = 重新获取验证码
esims-renew-result-title = 您的 eSIM
esims-renew-for-whom = 邮箱：{ $email }。
esims-renew-this-esim = 为此 eSIM 续费
esims-renew-page-open = 此页面 30 分钟内有效。使用相同邮箱注册账户，即可随时查看此 eSIM。
esims-renew-create-account = 注册账户
