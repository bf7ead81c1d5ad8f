# How this language is named and written; read by the build, so plain values only.
language-name = Русский
language-tag = ru
language-decimal-separator = ,
language-group-separator = { "\u00A0" }
