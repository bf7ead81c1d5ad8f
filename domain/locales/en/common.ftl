common-site-description = Travel eSIM data plans for Russia, China, Europe and more destinations. Install by QR code right after paying, top up any time.
common-nav-plans = Plans
common-language = Language
common-currency = Currency
common-apply = Apply
common-skip-to-content = Skip to content
common-loading = Loading plans…
common-load-failed = The plans could not be loaded. Please try again in a moment.
common-not-found-title = Page not found
common-not-found-text = We could not find that page or plan. It may have been renamed or is no longer sold.
common-back-to-plans = Back to all plans
common-support = Support
common-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
common-megabytes = { $amount } MB
common-gigabytes = { $amount } GB
common-kilobits-per-second = { $amount } kbps
common-megabits-per-second = { $amount } Mbps
common-nav-staff = Staff
common-nav-outbox = Outbox
common-nav-stock = Stock
common-nav-my-esims = My eSIMs
common-nav-orders = Orders
common-nav-renew = Renew an eSIM
common-sign-in = Sign in
common-sign-out = Sign out
# A moment in the reader's time zone: "29 Nov 2026, 13:00 MSK".
common-moment = { $day } { common-month-name } { $year }, { $time } { $zone }
# A day of the current year, short: "29 Nov".
common-day-month = { $day } { common-month-name }
common-month-name = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
