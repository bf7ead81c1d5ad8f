use crate::api::esims::looked_up_esims;
use crate::components::esim_card::EsimCardView;
use crate::components::use_shop;
use crate::error::ApiError;
use crate::components::refusal::Refusal;
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
                            {found.esims.into_iter().map(|card| {
                                let renew = format!("/checkout?esim={}", card.id);
                                view! {
                                    <EsimCardView card locale=l />
                                    <a href=renew data-testid="renew-link" class="-mt-3 self-start rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                                        {l.pick(["Renew this eSIM", "为此 eSIM 续费", "Продлить эту eSIM"])}
                                    </a>
                                }
                            }).collect_view()}
                            <p class="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
                                {l.pick([
                                    "This page stays open for 30 minutes. Create an account with the same e-mail to see this eSIM any time.",
                                    "此页面 30 分钟内有效。使用相同邮箱注册账户，即可随时查看此 eSIM。",
                                    "Страница открыта 30 минут. Зарегистрируйтесь с тем же e-mail, чтобы видеть eSIM в любое время.",
                                ])}
                                " "
                                <a class="font-medium text-teal-800 underline" href="/account/sign-up">{l.pick(["Create an account", "注册账户", "Создать учётную запись"])}</a>
                            </p>
                        }.into_any()
                    }
                    Err(ApiError::Unauthorized) => view! { <Redirect path="/renew" /> }.into_any(),
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
