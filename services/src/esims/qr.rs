//! QR codes drawn on the server as SVG, so the install page needs no script and no image request.
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An inline `<svg>` element holding `data`; medium error correction survives a scuffed screen.
pub fn svg(data: &str, label: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(264, 264)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Drop the XML prolog so the SVG can sit inside HTML, and name it for screen readers.
    let start = image.find("<svg").unwrap_or(0);
    let escaped = label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    Ok(image[start..].replacen("<svg", &format!("<svg role=\"img\" aria-label=\"{escaped}\""), 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn qr_is_an_inline_svg() {
        let s = super::svg("LPA:1$smdp.example.com$ABC-123", "QR \"code\"").unwrap();
        assert!(s.starts_with("<svg role=\"img\" aria-label=\"QR &quot;code&quot;\""));
        assert!(s.contains("<path") || s.contains("<rect"));
        assert!(!s.contains("<?xml"));
    }
}
