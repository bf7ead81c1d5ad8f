## An eSIM's card: status, bundles, what is left, usage

esims-status-in-stock = In stock
esims-status-ready-to-install = Ready to install
esims-status-installed = Installed
esims-status-active = Active
esims-status-expired = Expired
esims-status-suspended = Suspended
esims-bundle-waiting = Not started
esims-bundle-active = Active
esims-bundle-depleted = Used up
esims-bundle-expired = Expired
# An eSIM without a nickname, named by the last digits of its ICCID.
esims-unnamed = eSIM ···{ $tail }
esims-iccid = ICCID
esims-no-plan-yet = No plan on this eSIM yet.
esims-install-on-phone = Install on a phone
esims-renew-or-top-up = Renew or top up
esims-details-and-name = Details and name
esims-installation-details = Installation details
esims-ended = Ended { $date }
esims-expires-soon = Expires in { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $date }) — renew soon
esims-expires = Expires in { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $date })
esims-data = Data
esims-minutes = Minutes
esims-unlimited-data = Unlimited data: full speed for { $amount } a day, then slower
esims-left-of = { $left } left of { $total }
esims-usage-measured = Usage measured { $date }
esims-starts-after-current = Starts { $date }, when the current plan ends.
esims-valid-from-purchase = Valid for { $days ->
    [one] { $days } day
   *[other] { $days } days
} from purchase.
esims-valid-from-install = Valid for { $days ->
    [one] { $days } day
   *[other] { $days } days
} from when you install the eSIM.
esims-valid-from-first-use = Valid for { $days ->
    [one] { $days } day
   *[other] { $days } days
} from the first use of data in a covered country; installing early does not start the clock.
esims-chart-title = Data used per day, last 30 days
esims-chart-bar = { $day }: { $amount }
esims-chart-summary = { $total } used in 30 days; busiest day { $max }.

## My eSIMs and one eSIM's page

esims-list-title = My eSIMs
esims-list-empty = You have no eSIMs yet.
esims-list-find-without-account = Bought one without an account? Find it here
esims-back-to-list = ← All my eSIMs
esims-name-saved = The name is saved.
esims-name-label = Name this eSIM
esims-name-placeholder = e.g. Mum's iPhone
esims-save-name = Save name

## Installing

esims-qr-label = eSIM QR code
esims-install-title = Install { $name }
esims-install-back = ← Back to the eSIM
esims-install-already-installed = This eSIM is already installed. A profile downloads only once: keep these details for reference, but scanning them again will not work.
esims-install-delete-warning = Do not delete this eSIM from your phone.{ " " }
esims-install-delete-warning-why = A deleted eSIM is gone for good and cannot be reinstalled; turn it off in Settings instead. Keep these codes private: anyone with them can install your eSIM.
esims-install-scan-heading = Scan the QR code
esims-install-scan-text = Show this code on another screen or print it, then scan it with the phone's camera.
esims-install-here-heading = Install on this phone
esims-install-here-text = Opening this page on the phone itself? Tap the button for your phone; open it in Safari or Chrome, not inside another app.
esims-install-ios-link = Install on iPhone (iOS 17.4 or later)
esims-install-android-link = Install on Android (if supported)
esims-install-android-note = The Android link works on some phones only; the QR code and the manual fields always work.
esims-install-manual-heading = Enter it by hand
esims-install-activation-code = Activation code
esims-install-smdp-address = SM-DP+ address
esims-install-matching-id = Activation code only (the part after the second $)
esims-install-confirmation-code = Confirmation code (the phone asks for it)
esims-install-copy = Copy
esims-install-copied = Copied
esims-steps-ios-title = iPhone
esims-steps-android-title = Android
esims-steps-wifi = Connect to Wi-Fi.
esims-steps-ios-add = Open Settings → Mobile Service (or Cellular) → Add eSIM → Use QR Code, and scan the code. Or tap the iPhone button above.
esims-steps-ios-label = Label it (e.g. "Travel") and keep your usual line for calls and iMessage if you like.
esims-steps-ios-arrival = On arrival, choose this eSIM for Mobile Data and turn on Data Roaming for it.
esims-steps-android-add = Open Settings → Network & internet (Samsung: Connections → SIM manager) → Add eSIM / SIM, and scan the code.
esims-steps-android-manual = If the camera cannot scan, choose "Enter code manually" and paste the activation code.
esims-steps-android-arrival = On arrival, make this eSIM your mobile-data SIM and turn on roaming for it.

## Does my phone take eSIMs?

esims-device-heading = Does my phone support eSIM?
esims-device-label = Phone model
esims-device-placeholder = e.g. iPhone 13, Pixel 7, Galaxy S23
esims-device-check = Check
esims-device-none = That model is not on our list. Check Settings for an "Add eSIM" option, or ask the shop before buying.
esims-device-note-china = Models sold in mainland China have no eSIM.
esims-device-note-us-esim-only = US models have eSIM only, no SIM tray. Models sold in mainland China have no eSIM.
esims-device-note-samsung-regions = Models sold in mainland China, Hong Kong and South Korea often have no eSIM; some US carrier models need an update.
esims-device-note-not-everywhere = Not sold with eSIM in every country.
esims-device-note-pixel-3 = Pixel 3 models bought in Australia, Taiwan or Japan, and on some US carriers, have no eSIM.
esims-device-note-pixel-3a = Pixel 3a models bought in Japan or South-East Asia, or from Verizon, may have no eSIM.

## Renewing without an account

esims-renew-title = Renew an eSIM without an account
esims-renew-lead = Enter the eSIM's ICCID (on your receipt, or in the phone's Settings → General → About) or the phone number you gave us, and the e-mail address you bought it with. We will e-mail you a code.
esims-renew-identifier = ICCID or phone number
esims-renew-identifier-hint = e.g. 8944 5385 3200 8160 222 or +44 7700 900123
esims-renew-email = E-mail
esims-renew-send-code = E-mail me a code
esims-renew-have-account = Have an account?{ " " }
esims-renew-sign-in = Sign in
esims-renew-code-title = Enter your code
esims-renew-code-sent = If the details match an eSIM, we have e-mailed a 6-digit code to the address on file. It works once, for 15 minutes.
esims-renew-code = Code
esims-renew-show-esim = Show my eSIM
esims-renew-new-code = Ask for a new code
esims-renew-result-title = Your eSIM
esims-renew-for-whom = For { $email }.
esims-renew-this-esim = Renew this eSIM
esims-renew-page-open = This page stays open for 30 minutes. Create an account with the same e-mail to see this eSIM any time.
esims-renew-create-account = Create an account
