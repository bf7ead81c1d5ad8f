//! Order receipt as a PDF: one embedded, subset CJK-capable font, text kept extractable.
//!
//! printpdf (without its heavy `text_layout` feature) embeds a font whole — 5 MB for WenQuanYi —
//! so we subset it ourselves with allsorts (printpdf's own font crate) and hand printpdf the
//! subset. printpdf writes the /W widths and a /ToUnicode map for the glyphs it uses.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tables::{FontTableProvider, NameTable};
use allsorts::tag;
use domain::receipt::{ReceiptDocument, ReceiptRow};
use printpdf::{
    Color, DateTime, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, TextItem, TextRenderingMode,
};

#[derive(Debug, thiserror::Error)]
pub enum ReceiptPdfError {
    #[error("receipt font {path}: {source}")]
    FontRead { path: PathBuf, source: std::io::Error },
    #[error("receipt font {path}: not a usable TrueType/OpenType font (face 0 with a Unicode cmap)")]
    FontUnusable { path: PathBuf },
    #[error("receipt PDF: {0}")]
    Render(String),
}

/// Loads the font once (caller caches the result in an Arc); path from the caller.
pub struct ReceiptFont {
    /// Face 0 of the file (collections included): cmap and advances for layout, bytes for subsetting.
    full: ParsedFont,
    /// PostScript name, shown as /BaseFont.
    ps_name: String,
}

impl ReceiptFont {
    pub fn load(path: &Path) -> Result<Self, ReceiptPdfError> {
        let read_err = |source| ReceiptPdfError::FontRead {
            path: path.into(),
            source,
        };
        let bytes = std::fs::read(path).map_err(read_err)?;
        let unusable = || ReceiptPdfError::FontUnusable { path: path.into() };
        let full = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(unusable)?;
        if full.codepoint_to_glyph.is_empty() || full.units_per_em == 0 {
            return Err(unusable());
        }
        let ps_name = postscript_name(&bytes).unwrap_or_else(|| "ReceiptFont".into());
        Ok(Self { full, ps_name })
    }

    /// Advance in points from the font's hmtx (printpdf does no kerning either, so this matches the output).
    fn advance(&self, c: char, size: f32) -> f32 {
        let gid = self.full.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.full.get_glyph_width(gid).unwrap_or(0)) * size / f32::from(self.full.units_per_em)
    }

    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.advance(c, size)).sum()
    }

    /// Greedy wrap: breaks at newlines, spaces, around CJK ideographs, or anywhere if one word is too wide.
    fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.lines() {
            let (mut line, mut brk) = (String::new(), None::<usize>);
            for c in para.chars().map(|c| if c.is_control() { ' ' } else { c }) {
                if is_cjk(c) {
                    brk = Some(line.len());
                }
                if !c.is_whitespace() && !line.is_empty() && self.width(&line, size) + self.advance(c, size) > max {
                    let rest = line.split_off(brk.filter(|&b| b > 0).unwrap_or(line.len()));
                    lines.push(line.trim_end().to_string());
                    line = rest.trim_start().to_string();
                    brk = None;
                }
                line.push(c);
                if c.is_whitespace() || is_cjk(c) {
                    brk = Some(line.len());
                }
            }
            lines.push(line.trim_end().to_string());
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    /// A font program holding only the glyphs this document uses (plus .notdef, which must be glyph 0).
    fn subset(&self, chars: &BTreeSet<char>) -> Result<ParsedFont, ReceiptPdfError> {
        let err = |e: &dyn std::fmt::Display| ReceiptPdfError::Render(format!("font subsetting: {e}"));
        let used = chars.iter().filter_map(|&c| self.full.lookup_glyph_index(c as u32));
        let gids: Vec<u16> = used.chain([0]).collect::<BTreeSet<_>>().into_iter().collect();
        let file = ReadScope::new(&self.full.original_bytes)
            .read::<FontData<'_>>()
            .map_err(|e| err(&e))?;
        let provider = file
            .table_provider(self.full.font_index as usize)
            .map_err(|e| err(&e))?;
        // Unicode cmap in the subset: printpdf maps text to the renumbered glyphs through it.
        let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| err(&e))?;
        let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| err(&"unreadable subset"))?;
        // The "ABCDEF+" tag marks a subset font (ISO 32000-1 §9.6.4); one subset per file, so fixed.
        font.font_name = Some(format!("RDRCPT+{}", self.ps_name));
        Ok(font)
    }
}

/// The face's PostScript name (ASCII letters, digits, '-'), used for /BaseFont.
fn postscript_name(bytes: &[u8]) -> Option<String> {
    let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    let data = provider.read_table_data(tag::NAME).ok()?;
    let name = ReadScope::new(&data)
        .read::<NameTable<'_>>()
        .ok()?
        .string_for_id(NameTable::POSTSCRIPT_NAME)?;
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (!name.is_empty()).then_some(name)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// WenQuanYi Micro Hei from Debian's `fonts-wqy-microhei` (installed by `./run` and `./test`):
/// Latin, Cyrillic and CJK in one face, which is what the three languages need.
pub const INSTALLED_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

/// The receipt font, loaded on the first PDF and kept: a few MB parsed once, shared by every
/// request. A font that cannot be used turns PDF receipts off (503, logged once) rather than the shop.
pub struct ReceiptFontSource {
    path: PathBuf,
    loaded: OnceLock<Option<ReceiptFont>>,
}

impl std::fmt::Debug for ReceiptFontSource {
    // The parsed font is megabytes of tables; its path is what matters in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceiptFontSource")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl ReceiptFontSource {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            loaded: OnceLock::new(),
        }
    }

    pub fn get(&self) -> Option<&ReceiptFont> {
        self.loaded
            .get_or_init(|| match ReceiptFont::load(&self.path) {
                Ok(font) => Some(font),
                Err(e) => {
                    tracing::error!(error = %e, "PDF receipts are off: install fonts-wqy-microhei or set ROAMDESK_RECEIPT_FONT");
                    None
                }
            })
            .as_ref()
    }
}

#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    grey: f32,
}
const fn style(size: f32, bold: bool, grey: f32) -> Style {
    Style { size, bold, grey }
}
const SHOP: Style = style(15.0, true, 0.0);
const TITLE: Style = style(14.0, true, 0.0);
const BODY: Style = style(10.5, false, 0.0);
const SMALL: Style = style(8.5, false, 0.4);
const TOTAL: Style = style(12.0, true, 0.0);
const LEADING: f32 = 1.45; // line height as a multiple of the font size

const PAGE_W: f32 = 595.28; // A4 in points
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7; // 20 mm
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const RIGHT: f32 = PAGE_W - MARGIN;

/// Lays out top to bottom, starting a new page when the next block does not fit.
struct Pager<'a> {
    font: &'a ReceiptFont,
    id: FontId,
    done: Vec<Vec<Op>>,
    ops: Vec<Op>,
    y: f32,
}

impl Pager<'_> {
    fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.done.push(std::mem::take(&mut self.ops));
            self.y = PAGE_H - MARGIN;
        }
    }

    /// One run of text with its baseline at (x, y). Bold is faked with a thin outline (the font has no bold face).
    fn text(&mut self, s: &str, x: f32, y: f32, st: Style) {
        let font = PdfFontHandle::External(self.id.clone());
        let mode = if st.bold {
            TextRenderingMode::FillStroke
        } else {
            TextRenderingMode::Fill
        };
        let (col, size, pt) = (grey(st.grey), Pt(st.size), Pt(st.size * 0.035));
        let pos = Point { x: Pt(x), y: Pt(y) };
        let items = vec![TextItem::Text(s.to_string())];
        // A text section per run, because SetTextCursor is a relative `Td`.
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont { font, size },
            Op::SetFillColor { col: col.clone() },
            Op::SetOutlineColor { col },
            Op::SetOutlineThickness { pt },
            Op::SetTextRenderingMode { mode },
            Op::SetTextCursor { pos },
            Op::ShowText { items },
            Op::EndTextSection,
        ]);
    }

    /// Wrapped lines at the cursor, left-aligned at `x` or right-aligned to `x` when `right`.
    fn lines(&mut self, text: &str, x: f32, width: f32, right: bool, st: Style) {
        for line in self.font.wrap(text, st.size, width) {
            self.need(st.size * LEADING);
            let x = if right { x - self.font.width(&line, st.size) } else { x };
            self.text(&line, x, self.y - st.size, st);
            self.y -= st.size * LEADING;
        }
    }

    fn rule(&mut self, y: f32, thickness: f32, shade: f32) {
        let p = |x| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        let line = Line {
            points: vec![p(MARGIN), p(RIGHT)],
            is_closed: false,
        };
        let pt = Pt(thickness);
        self.ops
            .extend([Op::SetOutlineColor { col: grey(shade) }, Op::SetOutlineThickness { pt }]);
        self.ops.push(Op::DrawLine { line });
    }

    /// A rule, then label (+ detail lines) on the left, amount right-aligned on the label's first baseline.
    fn row(&mut self, row: &ReceiptRow, amount_w: f32, st: Style, (thickness, shade): (f32, f32)) {
        let label = self.font.wrap(&row.label, st.size, CONTENT_W - amount_w);
        let details: usize = row
            .detail
            .iter()
            .map(|d| self.font.wrap(d, SMALL.size, CONTENT_W - amount_w - 10.0).len())
            .sum();
        self.need((label.len() as f32 * st.size + details as f32 * SMALL.size) * LEADING + 12.0);
        self.rule(self.y, thickness, shade);
        self.y -= 6.0;
        let baseline = self.y - st.size;
        self.text(&row.amount, RIGHT - self.font.width(&row.amount, st.size), baseline, st);
        self.lines(&row.label, MARGIN, CONTENT_W - amount_w, false, st);
        for d in &row.detail {
            self.lines(d, MARGIN + 10.0, CONTENT_W - amount_w - 10.0, false, SMALL);
        }
        self.y -= 6.0;
    }
}

fn grey(shade: f32) -> Color {
    Color::Greyscale(Greyscale::new(shade, None))
}

pub fn render(doc: &ReceiptDocument, font: &ReceiptFont) -> Result<Vec<u8>, ReceiptPdfError> {
    // Subset to every character the document holds (wrapping only drops spaces).
    let chars: BTreeSet<char> = doc.texts().flat_map(str::chars).collect();

    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.creation_date = DateTime::now();
    pdf.metadata.info.modification_date = pdf.metadata.info.creation_date;
    pdf.metadata.info.creator = "Roamdesk".into();
    let id = pdf.add_font(&font.subset(&chars)?);
    let mut p = Pager {
        font,
        id,
        done: Vec::new(),
        ops: Vec::new(),
        y: PAGE_H - MARGIN,
    };

    // Header: seller block on the left half, title and meta right-aligned on the right half.
    let half = CONTENT_W / 2.0 - 12.0;
    p.lines(&doc.shop_name, MARGIN, half, false, SHOP);
    for line in &doc.seller_lines {
        p.lines(line, MARGIN, half, false, SMALL);
    }
    let left_bottom = std::mem::replace(&mut p.y, PAGE_H - MARGIN);
    p.lines(&doc.title, RIGHT, half, true, TITLE);
    p.y -= 4.0;
    for line in [&doc.issued, &doc.customer, &doc.status] {
        p.lines(line, RIGHT, half, true, SMALL);
    }
    p.y = p.y.min(left_bottom) - 28.0;

    // Amount column: as wide as the widest amount, but never more than a third of the page.
    let all_rows = || doc.rows.iter().chain([&doc.total]).chain(&doc.refunds);
    let widest = all_rows().map(|r| font.width(&r.amount, TOTAL.size));
    let amount_w = (widest.fold(0.0, f32::max) + 24.0).min(CONTENT_W / 3.0);
    let [item, amount] = &doc.columns;
    p.need(SMALL.size * LEADING * 2.0);
    p.text(amount, RIGHT - font.width(amount, SMALL.size), p.y - SMALL.size, SMALL);
    p.lines(item, MARGIN, CONTENT_W - amount_w, false, SMALL);
    for row in &doc.rows {
        p.row(row, amount_w, BODY, (0.5, 0.75));
    }
    p.row(&doc.total, amount_w, TOTAL, (1.2, 0.0));
    for row in &doc.refunds {
        p.row(row, amount_w, BODY, (0.5, 0.75));
    }
    p.y -= 18.0;
    if let Some(line) = &doc.payment {
        p.lines(line, MARGIN, CONTENT_W, false, BODY);
    }

    p.done.push(p.ops);
    let pages = p
        .done
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    let mut warnings = Vec::new();
    let bytes = pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut warnings);
    let error = warnings
        .into_iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error);
    match error {
        Some(w) => Err(ReceiptPdfError::Render(w.msg)),
        None => Ok(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::PdfParseOptions;

    /// A one-page receipt with the subset font is ~20–30 KB; embedding the whole WenQuanYi face would be ~2 MB.
    const MAX_BYTES: usize = 150_000;

    fn row(label: &str, detail: &[&str], amount: &str) -> ReceiptRow {
        ReceiptRow {
            label: label.into(),
            detail: detail.iter().map(|d| d.to_string()).collect(),
            amount: amount.into(),
        }
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    /// `./test` and `./run` install the font; without it these tests fail rather than pass unseen.
    fn font() -> ReceiptFont {
        ReceiptFont::load(Path::new(INSTALLED_FONT))
            .unwrap_or_else(|e| panic!("{e}: install the Debian package fonts-wqy-microhei"))
    }

    #[test]
    fn renders_english_chinese_and_russian_with_extractable_text() {
        let font = font();
        let doc = ReceiptDocument {
            title: s("Receipt for order #1042"),
            shop_name: s("Roamdesk"),
            seller_lines: vec![
                s("Roamdesk Ltd."),
                s("1 Quay St\nDublin"),
                s("billing@roamdesk.example"),
            ],
            issued: s("2026-11-22"),
            customer: s("anna@example.com"),
            status: s("Paid"),
            columns: [s("Item"), s("Amount")],
            rows: vec![row("订单 #1042 收据", &["中国大陆 + 香港 5 GB · 15 天"], "€12.50")],
            total: row("Total", &[], "€12.50"),
            refunds: vec![row("Чек по заказу №1042", &["Возврат средств"], "−€5.00")],
            payment: Some(s("Paid with Visa ···4242 · 2026-11-22 10:00 UTC")),
        };
        let pdf = render(&doc, &font).expect("renders");
        assert!(pdf.starts_with(b"%PDF"));
        assert!(
            pdf.len() < MAX_BYTES,
            "{} bytes: is the font still being subset?",
            pdf.len()
        );

        // Read our own bytes back with printpdf's parser: text comes out through the /ToUnicode map.
        let parsed = PdfDocument::parse(&pdf, &PdfParseOptions::default(), &mut Vec::new()).expect("parses");
        let text = parsed.extract_text().concat().join("\n");
        for s in [
            "Receipt for order #1042",
            "订单 #1042 收据",
            "Чек по заказу №1042",
            "−€5.00",
            "···4242",
        ] {
            assert!(text.contains(s), "{s:?} not in extracted text:\n{text}");
        }
    }

    #[test]
    fn wraps_within_the_given_width() {
        let font = font();
        let text = "这是一段很长的中文页脚文字，用于测试自动换行 and averyveryverylongwordwithoutanyspacesatall Чек";
        let lines = font.wrap(text, 10.0, 120.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| font.width(l, 10.0) <= 120.0), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn unreadable_font_is_an_error() {
        let missing = ReceiptFont::load(Path::new("/nonexistent/receipt-font.ttf"));
        assert!(matches!(missing, Err(ReceiptPdfError::FontRead { .. })));
        let not_a_font = ReceiptFont::load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")));
        assert!(matches!(not_a_font, Err(ReceiptPdfError::FontUnusable { .. })));
    }

    #[test]
    fn font_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<ReceiptFont>();
    }
}
