use super::{esim_id_param, refusal};
use crate::api::esims::get_install_details;
use crate::components::use_shop;
use crate::domain::devices::search_devices;
use crate::domain::esim::InstallDetails;
use crate::domain::locale::Locale;
use crate::error::ApiError;
use crate::pages::account::query_param;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// How to put the eSIM on a phone: QR code, one-tap links, manual fields, steps, and a check
/// that the phone takes eSIMs at all. Served with `Cache-Control: no-store` (see the server fn).
#[component]
pub fn InstallPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let id = esim_id_param();
    let details = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_install_details(id).await,
                None => Err(ApiError::NotFound),
            }
        },
    );
    let back = id
        .map(|i| format!("/esims/{i}/install"))
        .unwrap_or_else(|| "/esims".into());
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || {
                let back = back.clone();
                details.get().map(|result| match result {
                    Ok(d) => view! { <InstallSections details=d locale=l /> }.into_any(),
                    Err(e) => refusal(e, back),
                })
            }}
        </Suspense>
    }
}

#[component]
fn InstallSections(details: InstallDetails, locale: Locale) -> impl IntoView {
    let l = locale;
    let title = match l {
        Locale::En => format!("Install {}", details.name),
        Locale::Zh => format!("安装 {}", details.name),
        Locale::Ru => format!("Установка {}", details.name),
    };
    let section = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
    let field =
        "mt-1 block w-full break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm";
    let already = (!details.status.installable()).then(|| {
        view! {
            <p role="status" class="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="already-installed">
                {l.pick([
                    "This eSIM is already installed. A profile downloads only once: keep these details for reference, but scanning them again will not work.",
                    "此 eSIM 已安装。配置文件只能下载一次：以下信息仅供参考，再次扫描不会生效。",
                    "Эта eSIM уже установлена. Профиль скачивается один раз: данные ниже — для справки, повторное сканирование не сработает.",
                ])}
            </p>
        }
    });
    // Each part is type-erased: one nested view type for the whole page is too deep for rustc.
    let qr_and_links = view! {
            <div class="grid gap-6 md:grid-cols-2">
                <section class=section>
                    <h2 class="font-semibold text-slate-900">{l.pick(["Scan the QR code", "扫描二维码", "Отсканируйте QR-код"])}</h2>
                    <p class="mt-1 text-sm text-slate-600">{l.pick([
                        "Show this code on another screen or print it, then scan it with the phone's camera.",
                        "在另一块屏幕上显示或打印此二维码，然后用手机相机扫描。",
                        "Откройте код на другом экране или распечатайте и отсканируйте камерой телефона.",
                    ])}</p>
                    <div class="mx-auto mt-3 w-64 max-w-full bg-white" data-testid="qr-code" inner_html=details.qr_svg.clone()></div>
                </section>
                <section class=section>
                    <h2 class="font-semibold text-slate-900">{l.pick(["Install on this phone", "在本机上安装", "Установить на этом телефоне"])}</h2>
                    <p class="mt-1 text-sm text-slate-600">{l.pick([
                        "Opening this page on the phone itself? Tap the button for your phone; open it in Safari or Chrome, not inside another app.",
                        "如果正在手机上打开此页，请点击对应按钮；请在 Safari 或 Chrome 中打开，而不是在其他应用内。",
                        "Открыли страницу на самом телефоне? Нажмите кнопку для своей системы — в Safari или Chrome, а не внутри другого приложения.",
                    ])}</p>
                    <div class="mt-3 flex flex-col gap-2">
                        <a href=details.ios_link.clone() rel="noreferrer" data-testid="ios-link"
                            class="rounded-md bg-slate-900 px-4 py-2 text-center font-semibold text-white hover:bg-slate-700">
                            {l.pick(["Install on iPhone (iOS 17.4 or later)", "在 iPhone 上安装（iOS 17.4 及以上）", "Установить на iPhone (iOS 17.4+)"])}
                        </a>
                        <a href=details.android_link.clone() rel="noreferrer" data-testid="android-link"
                            class="rounded-md border border-slate-300 px-4 py-2 text-center font-semibold text-slate-900 hover:bg-slate-50">
                            {l.pick(["Install on Android (if supported)", "在 Android 上安装（如支持）", "Установить на Android (если поддерживается)"])}
                        </a>
                    </div>
                    <p class="mt-2 text-xs text-slate-500">{l.pick([
                        "The Android link works on some phones only; the QR code and the manual fields always work.",
                        "Android 链接仅部分机型支持；二维码和手动输入始终可用。",
                        "Ссылка для Android работает не на всех телефонах; QR-код и ручной ввод работают всегда.",
                    ])}</p>
                </section>
            </div>
    }
    .into_any();
    let manual = view! {
            <section class=section>
                <h2 class="font-semibold text-slate-900">{l.pick(["Enter it by hand", "手动输入", "Ввести вручную"])}</h2>
                <dl class="mt-3 flex flex-col gap-3 text-sm">
                    <div>
                        <dt class="font-medium text-slate-700">{l.pick(["Activation code", "激活码", "Код активации"])}</dt>
                        <dd class="flex flex-wrap items-center gap-2">
                            <code class=field data-testid="activation-code">{details.lpa_uri.clone()}</code>
                            <CopyButton text=details.lpa_uri.clone() locale=l />
                        </dd>
                    </div>
                    <div>
                        <dt class="font-medium text-slate-700">{l.pick(["SM-DP+ address", "SM-DP+ 地址", "Адрес SM-DP+"])}</dt>
                        <dd><code class=field data-testid="smdp-address">{details.smdp_address.clone()}</code></dd>
                    </div>
                    <div>
                        <dt class="font-medium text-slate-700">{l.pick(["Activation code only (the part after the second $)", "激活码（第二个 $ 之后的部分）", "Только код (после второго $)"])}</dt>
                        <dd><code class=field data-testid="matching-id">{details.matching_id.clone()}</code></dd>
                    </div>
                    {details.confirmation_code.clone().map(|c| view! {
                        <div>
                            <dt class="font-medium text-slate-700">{l.pick(["Confirmation code (the phone asks for it)", "确认码（手机会要求输入）", "Код подтверждения (телефон его запросит)"])}</dt>
                            <dd><code class=field data-testid="confirmation-code">{c}</code></dd>
                        </div>
                    })}
                    <div>
                        <dt class="font-medium text-slate-700">"ICCID"</dt>
                        <dd><code class=field>{details.iccid.clone()}</code></dd>
                    </div>
                </dl>
            </section>
    }
    .into_any();
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="install-page">
            <a href=format!("/esims/{}", details.id) class="text-sm text-teal-800 underline">
                {l.pick(["← Back to the eSIM", "← 返回 eSIM", "← К eSIM"])}
            </a>
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            {already}
            <p role="note" class="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="delete-warning">
                <strong>{l.pick(["Do not delete this eSIM from your phone. ", "请勿从手机中删除此 eSIM。", "Не удаляйте eSIM с телефона. "])}</strong>
                {l.pick([
                    "A deleted eSIM is gone for good and cannot be reinstalled; turn it off in Settings instead. Keep these codes private: anyone with them can install your eSIM.",
                    "删除后将永久丢失，无法重新安装；如需停用，请在设置中关闭。请勿泄露这些代码：任何人拿到都可以安装您的 eSIM。",
                    "Удалённую eSIM нельзя восстановить или установить заново — вместо этого отключите её в настройках. Не показывайте эти коды никому: по ним можно установить вашу eSIM.",
                ])}
            </p>
            {qr_and_links}
            {manual}
            <div class="grid gap-6 md:grid-cols-2">
                {view! { <Steps locale=l ios=true /> }.into_any()}
                {view! { <Steps locale=l ios=false /> }.into_any()}
            </div>
            {view! { <DeviceCheck locale=l /> }.into_any()}
        </div>
    }
}

#[component]
fn Steps(locale: Locale, ios: bool) -> impl IntoView {
    let l = locale;
    let (title, steps): (&str, [&str; 4]) = if ios {
        (
            "iPhone",
            [
                l.pick(["Connect to Wi-Fi.", "连接 Wi-Fi。", "Подключитесь к Wi-Fi."]),
                l.pick([
                    "Open Settings → Mobile Service (or Cellular) → Add eSIM → Use QR Code, and scan the code. Or tap the iPhone button above.",
                    "打开 设置 → 蜂窝网络 → 添加 eSIM → 使用二维码，扫描二维码；或点击上面的 iPhone 按钮。",
                    "Откройте Настройки → Сотовая связь → Добавить eSIM → Использовать QR-код и отсканируйте код. Или нажмите кнопку iPhone выше.",
                ]),
                l.pick([
                    "Label it (e.g. \"Travel\") and keep your usual line for calls and iMessage if you like.",
                    "为其命名（如“旅行”），可继续用原号码接打电话和 iMessage。",
                    "Назовите её (например, «Поездка»); звонки и iMessage можно оставить на основной линии.",
                ]),
                l.pick([
                    "On arrival, choose this eSIM for Mobile Data and turn on Data Roaming for it.",
                    "抵达后，将此 eSIM 设为蜂窝数据线路，并为其开启数据漫游。",
                    "По прибытии выберите эту eSIM для мобильных данных и включите для неё роуминг данных.",
                ]),
            ],
        )
    } else {
        (
            "Android",
            [
                l.pick(["Connect to Wi-Fi.", "连接 Wi-Fi。", "Подключитесь к Wi-Fi."]),
                l.pick([
                    "Open Settings → Network & internet (Samsung: Connections → SIM manager) → Add eSIM / SIM, and scan the code.",
                    "打开 设置 → 网络和互联网（三星：连接 → SIM 卡管理器）→ 添加 eSIM，然后扫描二维码。",
                    "Откройте Настройки → Сеть и интернет (Samsung: Подключения → Диспетчер SIM) → Добавить eSIM и отсканируйте код.",
                ]),
                l.pick([
                    "If the camera cannot scan, choose \"Enter code manually\" and paste the activation code.",
                    "若无法扫描，选择“手动输入”，粘贴激活码。",
                    "Если камера не сканирует, выберите «Ввести код вручную» и вставьте код активации.",
                ]),
                l.pick([
                    "On arrival, make this eSIM your mobile-data SIM and turn on roaming for it.",
                    "抵达后，将此 eSIM 设为移动数据 SIM 卡，并为其开启漫游。",
                    "По прибытии сделайте эту eSIM основной для мобильных данных и включите роуминг.",
                ]),
            ],
        )
    };
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid=if ios { "steps-ios" } else { "steps-android" }>
            <h2 class="font-semibold text-slate-900">{title}</h2>
            <ol class="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
        </section>
    }
}

/// Copies the code; only shown once the page is interactive, since it needs the clipboard API.
#[component]
fn CopyButton(text: String, locale: Locale) -> impl IntoView {
    let l = locale;
    let (copied, set_copied) = signal(false);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
        set_copied.set(true);
    };
    view! {
        <Show when=move || hydrated.get()>
            <button type="button" on:click=copy.clone() data-testid="copy-code"
                class="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50">
                {move || if copied.get() { l.pick(["Copied", "已复制", "Скопировано"]) } else { l.pick(["Copy", "复制", "Копировать"]) }}
            </button>
        </Show>
    }
}

/// Is my phone on the list of eSIM-capable models? A GET form without JavaScript; with it, the
/// results follow the typing.
#[component]
fn DeviceCheck(locale: Locale) -> impl IntoView {
    let l = locale;
    let query = RwSignal::new(query_param("device").unwrap_or_default());
    let results = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        let found = search_devices(&q);
        Some(if found.is_empty() {
            view! {
                <p class="mt-3 text-sm text-amber-900" data-testid="device-none">{l.pick([
                    "That model is not on our list. Check Settings for an \"Add eSIM\" option, or ask the shop before buying.",
                    "我们的列表中没有该机型。请在设置中查看是否有“添加 eSIM”，或在购买前咨询商家。",
                    "Этой модели нет в нашем списке. Проверьте, есть ли в настройках пункт «Добавить eSIM», или спросите магазин перед покупкой.",
                ])}</p>
            }
            .into_any()
        } else {
            view! {
                <ul class="mt-3 divide-y divide-slate-100 text-sm" data-testid="device-results">
                    {found.into_iter().map(|d| view! {
                        <li class="py-2">
                            <span class="font-medium text-teal-800">"✓ "</span>
                            <span class="font-medium">{format!("{} {}", d.brand, d.model)}</span>
                            {d.note.map(|n| view! { <span class="block text-slate-600">{n}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="device-check">
            <h2 class="font-semibold text-slate-900">{l.pick(["Does my phone support eSIM?", "我的手机支持 eSIM 吗？", "Поддерживает ли мой телефон eSIM?"])}</h2>
            <form method="get" class="mt-3 flex gap-2" role="search">
                <label for="f-device" class="sr-only">{l.pick(["Phone model", "手机型号", "Модель телефона"])}</label>
                <input id="f-device" name="device" type="search" value=query.get_untracked()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    placeholder=l.pick(["e.g. iPhone 13, Pixel 7, Galaxy S23", "例如 iPhone 13、Pixel 7、Galaxy S23", "например, iPhone 13, Pixel 7, Galaxy S23"])
                    class="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2" />
                <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                    {l.pick(["Check", "检查", "Проверить"])}
                </button>
            </form>
            {results}
        </section>
    }
}
