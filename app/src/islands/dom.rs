//! What the islands do to the page, in the browser only.
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, Event, FormData, Headers, HtmlButtonElement, HtmlElement, HtmlFormElement, HtmlInputElement, RequestInit,
    Response, SubmitEvent, UrlSearchParams,
};

/// What the server answered a form: the page to load next, or a refusal already in words.
enum Answer {
    Next(String),
    Refused(String),
}

/// Sends a POST form to its server function with `fetch` instead of loading a new page. Anything
/// unexpected (no network, an answer that is not the server function's) falls back to the
/// browser's own submit, which the server answers as it does without JavaScript.
pub fn submit_in_place(ev: SubmitEvent) {
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
        return;
    };
    if !form.method().eq_ignore_ascii_case("post") {
        return;
    }
    ev.prevent_default();
    if form.get_attribute("aria-busy").as_deref() == Some("true") {
        return;
    }
    let Ok(data) = FormData::new_with_form(&form) else {
        return form_fallback(&form);
    };
    let submitter = ev.submitter().and_then(|s| s.dyn_into::<HtmlButtonElement>().ok());
    if let Some(button) = &submitter
        && !button.name().is_empty()
    {
        let _ = data.append_with_str(&button.name(), &button.value());
    }
    let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
        return form_fallback(&form);
    };
    let action = form.get_attribute("action").unwrap_or_default();
    set_busy(&form, submitter.as_ref(), true);
    leptos::task::spawn_local(async move {
        match post(&action, &body).await {
            Ok(Answer::Next(path)) => {
                let _ = window().location().assign(&path);
            }
            Ok(Answer::Refused(message)) => {
                set_busy(&form, submitter.as_ref(), false);
                if !show_refusal(&action, &message) {
                    form_fallback(&form);
                }
            }
            Err(_) => form_fallback(&form),
        }
    });
}

async fn post(url: &str, body: &UrlSearchParams) -> Result<Answer, JsValue> {
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(body);
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    let json = JsFuture::from(response.json()?).await?;
    if response.ok() {
        json.as_string().map(Answer::Next).ok_or(JsValue::NULL)
    } else {
        js_sys::Reflect::get(&json, &"message".into())?
            .as_string()
            .map(Answer::Refused)
            .ok_or(JsValue::NULL)
    }
}

fn form_fallback(form: &HtmlFormElement) {
    let _ = form.submit();
}

fn set_busy(form: &HtmlFormElement, submitter: Option<&HtmlButtonElement>, busy: bool) {
    let _ = form.set_attribute("aria-busy", if busy { "true" } else { "false" });
    if let Some(button) = submitter {
        button.set_disabled(busy);
    }
}

/// Puts the refusal in the error slot of the form's action and moves focus there, so a screen
/// reader reads it. False when the page has no slot for it.
fn show_refusal(action: &str, message: &str) -> bool {
    // `FormError` marks the slot with its form's action URL.
    let selector = format!("[data-error-for=\"{action}\"]");
    let Some(slot) = document().query_selector(&selector).ok().flatten() else {
        return false;
    };
    slot.set_text_content(Some(message));
    let _ = slot.remove_attribute("hidden");
    if let Ok(el) = slot.dyn_into::<HtmlElement>() {
        let _ = el.focus();
    }
    true
}

/// Submits the form of a select that changed, as if its button had been pressed.
pub fn submit_form_of_select(ev: Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if target.tag_name() != "SELECT" {
        return;
    }
    let form = target
        .closest("form")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

/// Shows the elements the server rendered hidden because they need JavaScript.
pub fn reveal(root: &Element) {
    if let Ok(hidden) = root.query_selector_all("[data-needs-script]") {
        for i in 0..hidden.length() {
            if let Some(el) = hidden.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.remove_attribute("hidden");
            }
        }
    }
}

/// Copies the clicked button's `data-copy` text and shows its `data-done` word.
pub fn copy_to_clipboard(ev: Event) {
    let button = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-copy]").ok().flatten());
    let Some(button) = button else {
        return;
    };
    if let Some(text) = button.get_attribute("data-copy") {
        let _ = window().navigator().clipboard().write_text(&text);
    }
    if let Some(done) = button.get_attribute("data-done") {
        button.set_text_content(Some(&done));
    }
}

/// Shows the devices whose name matches what is typed (up to the list's limit), the list only
/// when something matches, and the "not found" note only when nothing does.
pub fn filter_devices(root: &Element, ev: Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
        return;
    };
    let query = input.value();
    let searching = !query.trim().is_empty();
    let mut shown = 0;
    if let Ok(items) = root.query_selector_all("[data-device]") {
        for i in 0..items.length() {
            let Some(item) = items.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let name = item.get_attribute("data-device").unwrap_or_default();
            let show =
                searching && shown < domain::devices::MAX_RESULTS && domain::devices::name_matches(&query, &name);
            shown += usize::from(show);
            toggle(&item, show);
        }
    }
    if let Ok(Some(list)) = root.query_selector("[data-device-list]") {
        toggle(&list, shown > 0);
    }
    if let Ok(Some(none)) = root.query_selector("[data-device-none]") {
        toggle(&none, searching && shown == 0);
    }
}

fn toggle(el: &Element, show: bool) {
    let _ = if show {
        el.remove_attribute("hidden")
    } else {
        el.set_attribute("hidden", "")
    };
}
