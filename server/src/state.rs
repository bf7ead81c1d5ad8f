use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use services::AppContext;

/// What every handler can reach. `LeptosOptions` is here for Leptos's own handlers.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub app: AppContext,
    pub default_storefront: String,
    pub secure_cookies: bool,
    #[from_ref(skip)]
    pub trust_forwarded_for: bool,
}
