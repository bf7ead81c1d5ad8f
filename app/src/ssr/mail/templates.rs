//! The transactional e-mails, as plain text and HTML, in English, Chinese or Russian. The HTML is
//! rendered with Leptos's `view!`, so every interpolated value is escaped.
use crate::domain::account::Role;
use crate::domain::locale::Locale;
use leptos::prelude::*;

/// What a message says; links are absolute and already carry their one-time secret.
#[derive(Clone, Debug)]
pub enum MailContent {
    VerifyEmail {
        link: String,
    },
    ResetPassword {
        link: String,
    },
    /// Someone tried to sign up with an address that already has an account. Sent instead of a
    /// verification mail, so the sign-up page itself never tells who is registered.
    AccountExists {
        sign_in_link: String,
        reset_link: String,
    },
    PasswordChanged {
        reset_link: String,
    },
    StaffInvitation {
        link: String,
        role: Role,
        inviter: String,
    },
    /// Sent when an order is delivered: what was bought, for how much, and the receipt's link.
    OrderReceipt {
        order_number: i64,
        summary: String,
        total: String,
        link: String,
    },
    /// A refund was made.
    RefundIssued {
        order_number: i64,
        amount: String,
        reason: String,
        link: String,
    },
    /// The one-time code that shows an eSIM without signing in.
    EsimLookupCode {
        code: String,
        link: String,
    },
}

impl MailContent {
    /// The kind recorded in the outbox.
    pub fn kind(&self) -> &'static str {
        match self {
            MailContent::VerifyEmail { .. } => "verify_email",
            MailContent::ResetPassword { .. } => "reset_password",
            MailContent::AccountExists { .. } => "account_exists",
            MailContent::PasswordChanged { .. } => "password_changed",
            MailContent::StaffInvitation { .. } => "staff_invitation",
            MailContent::EsimLookupCode { .. } => "esim_lookup_code",
            MailContent::OrderReceipt { .. } => "order_receipt",
            MailContent::RefundIssued { .. } => "refund_issued",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// One paragraph or a call-to-action link.
enum Block {
    Para(String),
    Action { label: String, href: String },
}

pub fn render(content: &MailContent, locale: Locale, shop_name: &str) -> RenderedMail {
    let t = |options: [&str; 3]| locale.pick(options).to_string();
    let (subject, blocks) = match content {
        MailContent::VerifyEmail { link } => (
            t([
                "Confirm your e-mail address",
                "请确认您的邮箱地址",
                "Подтвердите адрес e-mail",
            ]),
            vec![
                Block::Para(t([
                    "Welcome! Please confirm this address so we can send your eSIMs, receipts and expiry reminders here.",
                    "欢迎！请确认此邮箱地址，以便我们向您发送 eSIM、收据和到期提醒。",
                    "Добро пожаловать! Подтвердите этот адрес, чтобы получать на него eSIM, чеки и напоминания о сроке действия.",
                ])),
                Block::Action {
                    label: t(["Confirm my e-mail", "确认我的邮箱", "Подтвердить e-mail"]),
                    href: link.clone(),
                },
                Block::Para(t([
                    "If you did not create an account, ignore this message.",
                    "如果您没有注册账户，请忽略此邮件。",
                    "Если вы не создавали учётную запись, просто проигнорируйте это письмо.",
                ])),
            ],
        ),
        MailContent::ResetPassword { link } => (
            t(["Reset your password", "重置您的密码", "Сброс пароля"]),
            vec![
                Block::Para(t([
                    "We received a request to reset your password. The link works once, for one hour.",
                    "我们收到了重置密码的请求。此链接仅可使用一次，有效期一小时。",
                    "Мы получили запрос на сброс пароля. Ссылка действует один раз в течение часа.",
                ])),
                Block::Action {
                    label: t(["Choose a new password", "设置新密码", "Задать новый пароль"]),
                    href: link.clone(),
                },
                Block::Para(t([
                    "Setting a new password signs you out on every other device. If you did not ask for this, ignore this message: your password stays as it is.",
                    "设置新密码后，您在其他所有设备上都会被登出。如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。",
                    "После смены пароля все остальные устройства будут отключены от учётной записи. Если вы не запрашивали сброс, проигнорируйте письмо — пароль не изменится.",
                ])),
            ],
        ),
        MailContent::AccountExists {
            sign_in_link,
            reset_link,
        } => (
            t([
                "You already have an account",
                "您已经有账户了",
                "У вас уже есть учётная запись",
            ]),
            vec![
                Block::Para(t([
                    "Someone tried to create an account with this address, but it already has one. If it was you, sign in:",
                    "有人尝试用此邮箱注册账户，但该邮箱已注册。如果是您本人，请直接登录：",
                    "Кто-то пытался зарегистрироваться с этим адресом, но учётная запись уже существует. Если это были вы, войдите:",
                ])),
                Block::Action {
                    label: t(["Sign in", "登录", "Войти"]),
                    href: sign_in_link.clone(),
                },
                Block::Para(t([
                    "Forgotten your password? You can choose a new one here:",
                    "忘记密码？可以在这里设置新密码：",
                    "Забыли пароль? Новый можно задать здесь:",
                ])),
                Block::Action {
                    label: t(["Reset my password", "重置密码", "Сбросить пароль"]),
                    href: reset_link.clone(),
                },
            ],
        ),
        MailContent::PasswordChanged { reset_link } => (
            t(["Your password was changed", "您的密码已更改", "Ваш пароль изменён"]),
            vec![
                Block::Para(t([
                    "The password of your account was just changed, and every other device was signed out.",
                    "您账户的密码刚刚被更改，其他所有设备均已登出。",
                    "Пароль вашей учётной записи только что изменён, все остальные устройства отключены.",
                ])),
                Block::Para(t([
                    "If this was not you, reset your password now:",
                    "如果这不是您本人的操作，请立即重置密码：",
                    "Если это были не вы, немедленно сбросьте пароль:",
                ])),
                Block::Action {
                    label: t(["Reset my password", "重置密码", "Сбросить пароль"]),
                    href: reset_link.clone(),
                },
            ],
        ),
        MailContent::StaffInvitation { link, role, inviter } => (
            match locale {
                Locale::En => format!("You are invited to join {shop_name}"),
                Locale::Zh => format!("邀请您加入 {shop_name}"),
                Locale::Ru => format!("Приглашение в команду {shop_name}"),
            },
            vec![
                Block::Para(match locale {
                    Locale::En => format!(
                        "{inviter} invited you to work at {shop_name} as {}.",
                        role.label(locale)
                    ),
                    Locale::Zh => format!("{inviter} 邀请您以“{}”身份加入 {shop_name}。", role.label(locale)),
                    Locale::Ru => format!(
                        "{inviter} приглашает вас в {shop_name} на роль «{}».",
                        role.label(locale)
                    ),
                }),
                Block::Action {
                    label: t(["Accept the invitation", "接受邀请", "Принять приглашение"]),
                    href: link.clone(),
                },
                Block::Para(t([
                    "The invitation is valid for 7 days.",
                    "邀请有效期为 7 天。",
                    "Приглашение действует 7 дней.",
                ])),
            ],
        ),
        MailContent::OrderReceipt {
            order_number,
            summary,
            total,
            link,
        } => (
            match locale {
                Locale::En => format!("Order #{order_number} is complete"),
                Locale::Zh => format!("订单 #{order_number} 已完成"),
                Locale::Ru => format!("Заказ №{order_number} выполнен"),
            },
            vec![
                Block::Para(match locale {
                    Locale::En => format!("Thank you! {summary}. Paid: {total}."),
                    Locale::Zh => format!("谢谢！{summary}。已付款：{total}。"),
                    Locale::Ru => format!("Спасибо! {summary}. Оплачено: {total}."),
                }),
                Block::Action {
                    label: t(["See the order and receipt", "查看订单和收据", "Заказ и чек"]),
                    href: link.clone(),
                },
                Block::Para(t([
                    "Your eSIM's remaining data and expiry are always on the My eSIMs page.",
                    "您的 eSIM 剩余流量和到期时间可随时在“我的 eSIM”页面查看。",
                    "Остаток данных и срок действия eSIM всегда видны на странице «Мои eSIM».",
                ])),
            ],
        ),
        MailContent::RefundIssued {
            order_number,
            amount,
            reason,
            link,
        } => (
            match locale {
                Locale::En => format!("Refund for order #{order_number}"),
                Locale::Zh => format!("订单 #{order_number} 退款"),
                Locale::Ru => format!("Возврат по заказу №{order_number}"),
            },
            vec![
                Block::Para(match locale {
                    Locale::En => format!(
                        "We refunded {amount} to your original payment method. Reason: {reason}. Banks usually show it within 5–10 days."
                    ),
                    Locale::Zh => {
                        format!("我们已将 {amount} 退回您的原支付方式。原因：{reason}。银行通常在 5–10 天内到账。")
                    }
                    Locale::Ru => format!(
                        "Мы вернули {amount} на исходный способ оплаты. Причина: {reason}. Обычно банк зачисляет возврат за 5–10 дней."
                    ),
                }),
                Block::Action {
                    label: t(["See the order", "查看订单", "Открыть заказ"]),
                    href: link.clone(),
                },
            ],
        ),
        MailContent::EsimLookupCode { code, link } => (
            match locale {
                Locale::En => format!("Your code: {code}"),
                Locale::Zh => format!("您的验证码：{code}"),
                Locale::Ru => format!("Ваш код: {code}"),
            },
            vec![
                Block::Para(match locale {
                    Locale::En => format!("Enter this code to see your eSIM and renew it: {code}"),
                    Locale::Zh => format!("输入此验证码即可查看并续费您的 eSIM：{code}"),
                    Locale::Ru => format!("Введите этот код, чтобы увидеть eSIM и продлить его: {code}"),
                }),
                Block::Action {
                    label: t(["Enter the code", "输入验证码", "Ввести код"]),
                    href: link.clone(),
                },
                Block::Para(t([
                    "The code works once, for 15 minutes. If you did not ask for it, ignore this message: nobody can see your eSIM without it.",
                    "验证码仅可使用一次，有效期 15 分钟。如果这不是您本人的操作，请忽略此邮件：没有验证码，任何人都无法查看您的 eSIM。",
                    "Код действует один раз в течение 15 минут. Если вы его не запрашивали, проигнорируйте письмо: без кода вашу eSIM никто не увидит.",
                ])),
            ],
        ),
    };
    let subject = format!("{subject} · {shop_name}");
    RenderedMail {
        text: render_text(&blocks, shop_name),
        html: render_html(&subject, &blocks, shop_name, locale),
        subject,
    }
}

fn render_text(blocks: &[Block], shop_name: &str) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Para(p) => out.push_str(p),
            Block::Action { label, href } => {
                out.push_str(label);
                out.push_str(":\n");
                out.push_str(href);
            }
        }
        out.push_str("\n\n");
    }
    out.push_str("-- \n");
    out.push_str(shop_name);
    out.push('\n');
    out
}

fn render_html(subject: &str, blocks: &[Block], shop_name: &str, locale: Locale) -> String {
    let body = blocks
        .iter()
        .map(|block| match block {
            Block::Para(p) => view! { <p style="margin:0 0 16px;line-height:1.5">{p.clone()}</p> }.into_any(),
            Block::Action { label, href } => view! {
                <p style="margin:0 0 16px">
                    <a
                        href=href.clone()
                        style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600"
                    >
                        {label.clone()}
                    </a>
                </p>
                <p style="margin:0 0 16px;font-size:12px;color:#475569;word-break:break-all">{href.clone()}</p>
            }
            .into_any(),
        })
        .collect_view();
    let page = view! {
        <html lang=locale.html_lang()>
            <head>
                <meta charset="utf-8" />
                <title>{subject.to_string()}</title>
            </head>
            <body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,'PingFang SC','Microsoft YaHei',sans-serif;color:#0f172a">
                <div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
                    <p style="margin:0 0 20px;font-weight:700;color:#115e59">{shop_name.to_string()}</p>
                    {body}
                </div>
            </body>
        </html>
    };
    format!("<!DOCTYPE html>{}", page.to_html())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_own_subject_and_the_link_in_both_parts() {
        let link = "https://shop.example/account/reset?token=abc".to_string();
        let subjects: Vec<String> = Locale::ALL
            .iter()
            .map(|l| {
                let mail = render(&MailContent::ResetPassword { link: link.clone() }, *l, "Demo");
                assert!(mail.text.contains(&link));
                assert!(mail.html.contains(&link));
                mail.subject
            })
            .collect();
        assert_eq!(subjects[0], "Reset your password · Demo");
        assert!(subjects[1].starts_with("重置"));
        assert!(subjects[2].starts_with("Сброс"));
    }

    #[test]
    fn html_escapes_what_people_typed() {
        let mail = render(
            &MailContent::StaffInvitation {
                link: "https://x.example/a?b=1&c=2".into(),
                role: Role::Agent,
                inviter: "<script>alert(1)</script>".into(),
            },
            Locale::En,
            "Shop & Co",
        );
        assert!(!mail.html.contains("<script>"));
        assert!(mail.html.contains("&lt;script&gt;"));
        assert!(mail.html.contains("Shop &amp; Co"));
        assert!(mail.text.contains("<script>"), "plain text is sent as text, not markup");
    }
}
