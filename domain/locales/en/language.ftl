# How this language is named and written; read by the build, so plain values only.
language-name = English
language-tag = en
language-decimal-separator = .
language-group-separator = ,
