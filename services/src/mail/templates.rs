//! The transactional e-mails, as plain text and HTML, in the recipient's language; the words are
//! in the `mail` catalogue. The HTML is rendered with Leptos's `view!`, so every interpolated value
//! is escaped.
use domain::account::Role;
use domain::locale::Locale;
use domain::t;
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
    let l = locale;
    let para = Block::Para;
    let action = |label: String, href: &String| Block::Action {
        label,
        href: href.clone(),
    };
    let (subject, blocks) = match content {
        MailContent::VerifyEmail { link } => (
            t!(l, "mail-verify-subject"),
            vec![
                para(t!(l, "mail-verify-intro")),
                action(t!(l, "mail-verify-action"), link),
                para(t!(l, "mail-verify-ignore")),
            ],
        ),
        MailContent::ResetPassword { link } => (
            t!(l, "mail-reset-subject"),
            vec![
                para(t!(l, "mail-reset-intro")),
                action(t!(l, "mail-reset-action"), link),
                para(t!(l, "mail-reset-ignore")),
            ],
        ),
        MailContent::AccountExists {
            sign_in_link,
            reset_link,
        } => (
            t!(l, "mail-exists-subject"),
            vec![
                para(t!(l, "mail-exists-intro")),
                action(t!(l, "mail-exists-sign-in"), sign_in_link),
                para(t!(l, "mail-exists-forgot")),
                action(t!(l, "mail-reset-my-password"), reset_link),
            ],
        ),
        MailContent::PasswordChanged { reset_link } => (
            t!(l, "mail-password-changed-subject"),
            vec![
                para(t!(l, "mail-password-changed-intro")),
                para(t!(l, "mail-password-changed-not-you")),
                action(t!(l, "mail-reset-my-password"), reset_link),
            ],
        ),
        MailContent::StaffInvitation { link, role, inviter } => (
            t!(l, "mail-invitation-subject", shop = shop_name),
            vec![
                para(t!(
                    l,
                    "mail-invitation-intro",
                    inviter = inviter.as_str(),
                    shop = shop_name,
                    role = role.label(l)
                )),
                action(t!(l, "mail-invitation-action"), link),
                para(t!(l, "mail-invitation-validity")),
            ],
        ),
        MailContent::OrderReceipt {
            order_number,
            summary,
            total,
            link,
        } => (
            t!(l, "mail-receipt-subject", number = *order_number),
            vec![
                para(t!(
                    l,
                    "mail-receipt-intro",
                    summary = summary.as_str(),
                    total = total.as_str()
                )),
                action(t!(l, "mail-receipt-action"), link),
                para(t!(l, "mail-receipt-esims")),
            ],
        ),
        MailContent::RefundIssued {
            order_number,
            amount,
            reason,
            link,
        } => (
            t!(l, "mail-refund-subject", number = *order_number),
            vec![
                para(t!(
                    l,
                    "mail-refund-intro",
                    amount = amount.as_str(),
                    reason = reason.as_str()
                )),
                action(t!(l, "mail-refund-action"), link),
            ],
        ),
        MailContent::EsimLookupCode { code, link } => (
            t!(l, "mail-lookup-subject", code = code.as_str()),
            vec![
                para(t!(l, "mail-lookup-intro", code = code.as_str())),
                action(t!(l, "mail-lookup-action"), link),
                para(t!(l, "mail-lookup-ignore")),
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
        let subject = |l| {
            let mail = render(&MailContent::ResetPassword { link: link.clone() }, l, "Demo");
            assert!(mail.text.contains(&link));
            assert!(mail.html.contains(&link));
            mail.subject
        };
        assert_eq!(subject(Locale::En), "Reset your password · Demo");
        assert!(subject(Locale::Zh).starts_with("重置"));
        assert!(subject(Locale::Ru).starts_with("Сброс"));
    }

    #[test]
    fn the_verification_mail_promises_only_what_is_sent() {
        for l in Locale::ALL {
            let mail = render(
                &MailContent::VerifyEmail {
                    link: "https://x.example/v".into(),
                },
                l,
                "Demo",
            );
            for word in ["reminder", "提醒", "напомин"] {
                assert!(!mail.text.contains(word), "{l:?}: {}", mail.text);
            }
        }
    }

    #[test]
    fn variables_land_in_each_language() {
        let receipt = MailContent::OrderReceipt {
            order_number: 1042,
            summary: "Japan 5 GB".into(),
            total: "$12.50".into(),
            link: "https://x.example/orders/1042".into(),
        };
        let en = render(&receipt, Locale::En, "Demo");
        assert_eq!(en.subject, "Order #1042 is complete · Demo");
        assert!(
            en.text.starts_with("Thank you! Japan 5 GB. Paid: $12.50.\n"),
            "{}",
            en.text
        );
        assert_eq!(
            render(&receipt, Locale::Ru, "Demo").subject,
            "Заказ №1042 выполнен · Demo"
        );
        let invitation = MailContent::StaffInvitation {
            link: "https://x.example/i".into(),
            role: Role::ResellerAdmin,
            inviter: "Anna".into(),
        };
        let zh = render(&invitation, Locale::Zh, "Demo");
        assert_eq!(zh.subject, "邀请您加入 Demo · Demo");
        assert!(
            zh.text.starts_with("Anna 邀请您以“经销商管理员”身份加入 Demo。"),
            "{}",
            zh.text
        );
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
