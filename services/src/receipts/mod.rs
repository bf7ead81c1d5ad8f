//! Receipts as documents: the PDF typesetter. What a receipt says is `domain::receipt`.
pub mod pdf;
