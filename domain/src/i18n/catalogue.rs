//! One Fluent bundle per language, built on first use from the embedded files.
use crate::locale::Locale;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;

pub use fluent_bundle::{FluentArgs, FluentValue};

type Bundle = FluentBundle<FluentResource>;

fn bundle(l: Locale) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Locale::ALL.iter().map(|l| build(*l)).collect());
    &all[l.index()]
}

fn build(l: Locale) -> Bundle {
    let tag: unic_langid::LanguageIdentifier = l.html_lang().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around variables would show up in e-mail subjects, PDFs and CSV.
    bundle.set_use_isolating(false);
    // NUMBER(), for zero-padded day and month numbers; fluent-bundle parses its
    // `minimumIntegerDigits` but leaves the padding to the formatter.
    if let Err(e) = bundle.add_builtins() {
        tracing::error!(language = l.code(), error = ?e, "Fluent built-in functions unavailable");
    }
    bundle.set_formatter(Some(pad_whole_numbers));
    for (area, source) in l.sources() {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(language = l.code(), area, ?errors, "catalogue file has syntax errors");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(
                language = l.code(),
                area,
                ?errors,
                "catalogue file repeats a message id"
            );
        }
    }
    bundle
}

/// A whole number with `minimumIntegerDigits` set, zero-padded: "03" for the 3rd. Anything else
/// is left to Fluent's own formatting.
fn pad_whole_numbers<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = number.options.minimum_integer_digits?;
    let whole = number.value.fract() == 0.0 && number.value >= 0.0 && number.value < 1e15;
    whole.then(|| format!("{:0digits$}", number.value as u64))
}

/// A message without variables.
pub fn text(l: Locale, id: &str) -> String {
    format(l, id, None)
}

/// A message with variables.
pub fn text_with(l: Locale, id: &str, args: &FluentArgs) -> String {
    format(l, id, Some(args))
}

fn format(l: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(l);
    // A missing message shows its id rather than nothing; the catalogue tests keep this from
    // happening in a build that passed them.
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::error!(language = l.code(), id, "message missing from the catalogue");
        return id.to_string();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::error!(language = l.code(), id, ?errors, "message could not be formatted");
    }
    text.into_owned()
}
