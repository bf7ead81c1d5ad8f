use crate::api::esims::looked_up_esims;
use crate::components::esim_card::EsimCardView;
use crate::components::use_shop;
use crate::error::ApiError;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;

/// Step three: the eSIM's status, opened by the code for 30 minutes in this browser.
#[component]
pub fn RenewEsimPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let found = Resource::new_blocking(|| (), |_| looked_up_esims());
    let title = l.pick(["Your eSIM", "您的 eSIM", "Ваша eSIM"]);
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="lookup-result">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || found.get().map(|result| match result {
                    Ok(found) => {
                        let for_whom = match l {
                            crate::domain::locale::Locale::En => format!("For {}.", found.email_hint),
                            crate::domain::locale::Locale::Zh => format!("邮箱：{}。", found.email_hint),
                            crate::domain::locale::Locale::Ru => format!("Для {}.", found.email_hint),
                        };
                        view! {
                            <p class="text-sm text-slate-600">{for_whom}</p>
                            {found.esims.into_iter().map(|card| view! { <EsimCardView card locale=l /> }).collect_view()}
                            <p class="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
                                {l.pick([
                                    "To renew, pick a plan below; online payment for renewals opens shortly. Create an account with the same e-mail to see this eSIM any time.",
                                    "如需续费，请在下方选择套餐；在线支付续费即将开放。使用相同邮箱注册账户，即可随时查看此 eSIM。",
                                    "Чтобы продлить, выберите тариф ниже; онлайн-оплата продления скоро откроется. Зарегистрируйтесь с тем же e-mail, чтобы видеть eSIM в любое время.",
                                ])}
                                " "
                                <a class="font-medium text-teal-800 underline" href="/">{m.back_to_plans}</a>
                            </p>
                        }.into_any()
                    }
                    Err(ApiError::Unauthorized) => view! { <Redirect path="/renew" /> }.into_any(),
                    Err(e) => view! { <p class="text-red-800">{e.user_message(m)}</p> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
