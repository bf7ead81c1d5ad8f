//! What the install page shows. The activation code is a bearer secret: it is read here and
//! handed to the page, never logged.
use domain::esim::{EsimStatus, InstallDetails, android_install_link, iccid_tail, ios_install_link};
use domain::esim_ids::ActivationCode;
use domain::locale::Locale;
use domain::t;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored activation code is invalid")]
    BadCode,
}

/// The install details of an eSIM the caller may see (checked by the caller).
pub async fn details(pool: &PgPool, esim_id: Uuid, locale: Locale) -> Result<Option<InstallDetails>, InstallError> {
    let Some(p) = sqlx::query!(
        r#"SELECT id, iccid, nickname, status::text AS "status!", smdp_address, matching_id, confirmation_code
           FROM esim_profiles WHERE id = $1"#,
        esim_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let code = ActivationCode::new(&p.smdp_address, &p.matching_id, p.confirmation_code.is_some())
        .map_err(|_| InstallError::BadCode)?;
    let lpa_uri = code.lpa_uri();
    let label = t!(locale, "esims-qr-label");
    let qr_svg = super::qr::svg(&lpa_uri, &label).map_err(|_| InstallError::BadCode)?;
    Ok(Some(InstallDetails {
        id: p.id,
        // The same name as the eSIM's card gives it (`EsimCard::display_name`).
        name: p
            .nickname
            .unwrap_or_else(|| t!(locale, "esims-unnamed", tail = iccid_tail(&p.iccid))),
        status: EsimStatus::from_code(&p.status).unwrap_or(EsimStatus::Suspended),
        iccid: p.iccid,
        smdp_address: code.smdp_address.clone(),
        matching_id: code.matching_id.clone(),
        confirmation_code: p.confirmation_code,
        ios_link: ios_install_link(&lpa_uri),
        android_link: android_install_link(&lpa_uri),
        lpa_uri,
        qr_svg,
    }))
}
