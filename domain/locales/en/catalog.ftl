catalog-title = Travel eSIM plans
catalog-heading = Mobile data for your next trip
catalog-lead = Pick a plan for where you are going, install it by QR code before you leave, and land connected.
catalog-filters = Filters
catalog-destination = Destination
catalog-any-destination = Any destination
catalog-countries = Countries
catalog-regions = Regions and worldwide
catalog-min-data = Data
catalog-any-amount = Any amount
catalog-unlimited = Unlimited
catalog-trip-length = Trip length
catalog-any-length = Any length
catalog-billing = Plan length
catalog-any-billing = Any
catalog-plan-type = Plan type
catalog-any-type = Any type
catalog-sort-by = Sort by
catalog-apply-filters = Show plans
catalog-clear-filters = Clear filters
catalog-no-plans = No plans match these filters. Try a wider choice or clear the filters.
catalog-ignored-filters = Some filters in the link were not understood and were ignored.
catalog-previous-page = Previous
catalog-next-page = Next
catalog-view-plan = View plan
catalog-top-up-badge = Top-up ready
catalog-all-plans = All plans
catalog-coverage = Coverage
catalog-covered-countries = Where it works
catalog-networks = Networks
catalog-data = Data
catalog-voice = Calls
catalog-sms = SMS
catalog-validity = Validity
catalog-speed = Speed
catalog-fair-use = Fair use
catalog-top-ups = Top-ups
catalog-can-top-up = You can add data to this eSIM later without a new QR code.
catalog-cannot-top-up = This plan cannot be topped up: when it ends, buy a new plan.
catalog-hotspot = Hotspot
catalog-hotspot-allowed = Sharing your connection (hotspot) is allowed.
catalog-hotspot-not-allowed = Sharing your connection (hotspot) is not allowed.
catalog-price = Price
catalog-data-only = Data only
catalog-none = None
catalog-plan-details = Plan details
catalog-price-note = One-time payment. No contract, no automatic charges.
catalog-point-1 = Ready to install by QR code as soon as you pay
catalog-point-2 = No roaming charges
catalog-point-3 = Top up from your phone
catalog-sort-featured = Featured
catalog-sort-price = Price: low to high
catalog-sort-price-desc = Price: high to low
catalog-sort-data = Most data
catalog-sort-validity = Longest validity
catalog-period-day = Day pass
catalog-period-month = Monthly
catalog-period-year = Yearly
catalog-kind-single = Single eSIM
catalog-kind-family = Family
catalog-kind-enterprise = Business
catalog-validity-starts-on-purchase = Validity starts at purchase.
catalog-validity-starts-on-install = Validity starts when you install the eSIM on your phone.
catalog-validity-starts-on-first-use = Validity starts when the eSIM first connects to a network at your destination.
catalog-at-least-days = At least { $count ->
    [one] { $count } day
   *[other] { $count } days
}
catalog-plan-count = { $count ->
    [one] { $count } plan
   *[other] { $count } plans
}
catalog-country-count = { $count ->
    [one] { $count } country
   *[other] { $count } countries
}
catalog-voice-minutes = { $count } min
catalog-sms-count = { $count } SMS
catalog-up-to-lines = Shared by up to { $count } eSIMs
catalog-at-least-gb = { $amount } or more
catalog-daily-full-speed = { $amount }/day at full speed
catalog-fair-use-unlimited = Full speed for the first { $allowance } each day. After that the connection slows to { $slow } until the allowance resets the next day; it never cuts off.
catalog-fair-use-throttled = Full speed for all { $total }. When it is used up you stay online at { $slow } until the plan expires, or top up for more.
catalog-fair-use-limited = Full speed for all { $total }, no daily limit. When it is used up, data stops until you top up.
catalog-buy-esim = Buy this eSIM
catalog-breadcrumb = Breadcrumb
catalog-pagination = Pagination
catalog-unlimited-per-day = Unlimited · { $amount }/day
